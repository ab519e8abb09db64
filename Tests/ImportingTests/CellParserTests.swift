import Testing
@testable import Importing

@Suite struct CellParserTests {
    @Test func integers() throws {
        #expect(try CellParser.integer("25") == 25)
        #expect(try CellParser.integer(" 1 234 ") == 1234)
        #expect(try CellParser.integer("1\u{00A0}234") == 1234)
        #expect(try CellParser.integer("−7") == -7)
        #expect(try CellParser.integer("12,0") == 12)
        #expect(try CellParser.integer("") == nil)
        let e = #expect(throws: CellError.self) { try CellParser.integer("12,5") }
        #expect(e?.message.contains("«12,5»") == true)
        #expect(e?.message.contains("ожидается целое число") == true)
        let t = #expect(throws: CellError.self) { try CellParser.integer("много") }
        #expect(t?.message.contains("«много»") == true)
    }

    @Test func decimals() throws {
        #expect(try CellParser.decimal("12,5") == 12.5)
        #expect(try CellParser.decimal("12.5") == 12.5)
        #expect(try CellParser.decimal("1 234,75") == 1234.75)
        #expect(try CellParser.decimal("1\u{00A0}234,5") == 1234.5)
        #expect(try CellParser.decimal("1,234.5") == 1234.5)
        #expect(try CellParser.decimal("1.234,5") == 1234.5)
        #expect(try CellParser.decimal("-0,5") == -0.5)
        #expect(throws: CellError.self) { try CellParser.decimal("1,2,3") }
        let e = #expect(throws: CellError.self) { try CellParser.decimal("12,5 кг") }
        #expect(e?.message.contains("«12,5 кг»") == true)
    }

    @Test func percents() throws {
        #expect(try CellParser.percent("12,5%") == 12.5)
        #expect(try CellParser.percent("12,5 %") == 12.5)
        #expect(try CellParser.percent("7") == 7)
        #expect(try CellParser.percent("%") == nil)
        #expect(throws: CellError.self) { try CellParser.percent("высокая") }
    }

    @Test func booleans() throws {
        for yes in ["да", "Да", "1", "+", "true", "x", "X", "х", "Х", "ИСТИНА"] { #expect(try CellParser.boolean(yes) == true) }
        for no in ["нет", "0", "false", "-", "ЛОЖЬ"] { #expect(try CellParser.boolean(no) == false) }
        #expect(try CellParser.boolean("  ") == nil)
        let e = #expect(throws: CellError.self) { try CellParser.boolean("возможно") }
        #expect(e?.message.contains("«возможно»") == true)
        #expect(e?.message.contains("«да», «нет»") == true)
    }
}
