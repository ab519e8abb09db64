import Foundation
import Testing
@testable import Importing

@Suite struct TextDecodingTests {
    @Test func utf8WithBOMAndSemicolon() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("Код школы;Краткое наименование\r\n23-1;МБОУ СОШ № 6\r\n\r\n".utf8)
        let rows = try ImportFile.read(data: data, fileName: "schools.csv")
        #expect(rows == [["Код школы", "Краткое наименование"], ["23-1", "МБОУ СОШ № 6"]])
    }

    @Test func windows1251WithComma() throws {
        let text = "Фамилия,Имя,Ёмкость\nЩукин,Пётр,«№ 5»\n"
        let bytes = CP1251.encode(text)
        #expect(bytes.count == text.count)          // one byte per character
        #expect(Array(bytes.prefix(2)) == [0xD4, 0xE0]) // «Фа» in CP1251
        #expect(String(validating: [UInt8](bytes), as: UTF8.self) == nil)
        let rows = try ImportFile.read(data: bytes, fileName: "staff.csv")
        #expect(rows == [["Фамилия", "Имя", "Ёмкость"], ["Щукин", "Пётр", "«№ 5»"]])
    }

    @Test func cp1251TableRoundTripsAllBytes() {
        let bytes = (0x20...0xFF).map(UInt8.init).filter { $0 != 0x98 && $0 != 0x7F }
        let text = CP1251.decode(bytes)
        #expect([UInt8](CP1251.encode(text)) == bytes)
        #expect(CP1251.decode([0xB9, 0xA8, 0xB8]) == "№Ёё")
    }

    @Test func binaryJunkIsRejected() {
        var gen = SeededGenerator(seed: 42)
        var junk = (0..<2000).map { _ in UInt8.random(in: 0...255, using: &gen) }
        junk[10] = 0
        #expect(junk[0] != 0x50 && junk[0] != 0xD0)
        let failure = #expect(throws: ImportFailure.self) { try ImportFile.read(data: Data(junk), fileName: "x.csv") }
        #expect(failure?.errors.first?.message.contains("двоичные данные") == true)
    }

    @Test func controlCharactersWithoutNulAreRejected() {
        let bytes = (0..<300).map { UInt8($0 % 2 == 0 ? 0x41 : 0x01 + UInt8($0 % 20)) }
        #expect(throws: ImportFailure.self) { try TextDecoding.decode(Data(bytes)) }
    }

    @Test func emptyFileAndHeaderOnly() {
        let empty = #expect(throws: ImportFailure.self) { try ImportFile.read(data: Data(), fileName: "a.csv") }
        #expect(empty?.errors.first?.message.hasPrefix("Файл пустой: в нём нет ни одной строки.") == true)
        let blank = #expect(throws: ImportFailure.self) { try ImportFile.read(data: Data(" \r\n;;\r\n".utf8), fileName: "a.csv") }
        #expect(blank?.errors.first?.message.hasPrefix("Файл пустой") == true)
        let header = #expect(throws: ImportFailure.self) {
            try ImportFile.read(data: Data("Код школы;Полное наименование\n".utf8), fileName: "a.csv")
        }
        #expect(header?.errors.first?.message.contains("нет строк с данными") == true)
    }

    @Test func oldXlsAndFakeXlsx() {
        let xls = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 100))
        let f = #expect(throws: ImportFailure.self) { try ImportFile.read(data: xls, fileName: "old.xls") }
        #expect(f?.errors.first?.message == "Файл в старом формате Excel (.xls). Сохраните его как .xlsx или CSV и загрузите снова.")
        let fake = #expect(throws: ImportFailure.self) { try ImportFile.read(data: Data("a;b\n1;2\n".utf8), fileName: "t.xlsx") }
        #expect(fake?.errors.first?.message.contains("назван как .xlsx") == true)
    }
}

@Suite struct CSVReaderTests {
    @Test func quotedFieldsWithSeparatorsQuotesAndNewlines() {
        let text = "a;b;c\r\n\"x;y\";\"он сказал \"\"да\"\"\";\"строка 1\r\nстрока 2\"\r\nlast;;\n"
        #expect(CSVReader.read(text) == [["a", "b", "c"], ["x;y", "он сказал \"да\"", "строка 1\r\nстрока 2"], ["last", "", ""]])
    }

    @Test func separatorDetection() {
        #expect(CSVReader.detectSeparator("a,b,c\n1,2,3\n") == ",")
        #expect(CSVReader.detectSeparator("a\tb\n1\t2\n") == "\t")
        // Decimal commas in a ;-separated file do not fool the detector.
        #expect(CSVReader.detectSeparator("Школа;Доля 1;Доля 2\nA;1,5;2,5\nB;3,5;4,5\n") == ";")
        #expect(CSVReader.detectSeparator("Школа;Доля\n1,5;2,5\n") == ";")
        // A «;» inside an unquoted comma-separated field does not win.
        #expect(CSVReader.detectSeparator("код,фио,роли\n1,Иванов И. И.,учитель; наставник\n2,Петров П. П.,учитель\n") == ",")
        #expect(CSVReader.detectSeparator("одна колонка\nзначение\n") == ";")
    }

    @Test func middleEmptyLinesKeepRowNumbers() {
        let rows = CSVReader.read("h1;h2\n\n1;2\n\n\n")
        #expect(rows.count == 3)
        #expect(rows[2] == ["1", "2"])
    }

    @Test func csvWriterRoundTrip() throws {
        let rows = [["Код", "Название"], ["1", "Школа; «№ 6»"], ["2", "с \"кавычками\"\r\nи переносом"], ["3", " пробел"]]
        let data = CSVWriter.write(rows)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(CSVReader.read(try TextDecoding.decode(data)) == rows)
        let comma = CSVWriter.write([["a,b", "c"]], separator: ",", bom: false)
        #expect(String(decoding: comma, as: UTF8.self) == "\"a,b\",c\r\n")
    }
}

/// A small deterministic generator for reproducible "random" bytes.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
