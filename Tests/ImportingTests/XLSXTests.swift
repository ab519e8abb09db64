import Foundation
import Testing
@testable import Importing

@Suite struct XLSXTests {
    @Test func roundTripWithCyrillicNumbersAndSkippedCell() throws {
        let cells: [[Cell]] = [
            [.text("Код школы"), .text("Название"), .text("Доля"), .text("Участники")],
            [.text("23-ARM-006"), .text("МБОУ «СОШ № 6» & <ко>"), .number(12.5), .number(89)],
            [.text("23-ARM-011"), .text(""), .number(-0.25), .number(1_000_000)],
            [.text("Ёлки\nпалки"), .text("x"), .number(0.00001), .number(3)],
        ]
        let data = try XLSXWriter.write(cells: cells, sheetName: "Школы")
        #expect(data.starts(with: FileMagic.zip))
        let reader = try XLSXReader(data: data)
        #expect(reader.sheetNames == ["Школы"])
        let rows = try reader.firstSheet().rows
        #expect(rows == [
            ["Код школы", "Название", "Доля", "Участники"],
            ["23-ARM-006", "МБОУ «СОШ № 6» & <ко>", "12.5", "89"],
            ["23-ARM-011", "", "-0.25", "1000000"],
            ["Ёлки\nпалки", "x", "0.00001", "3"],
        ])
        #expect(try reader.sheet(named: " школы ").rows == rows)
        #expect(throws: ImportFailure.self) { try reader.sheet(named: "Нет такого") }
    }

    @Test func writerPartsArePresentAndHeaderIsBold() throws {
        let data = try XLSXWriter.write([["Код", "Число"], ["a", "25"], ["b", "007"]], detectNumbers: true)
        let sheet = try #require(try XLSXReader.entry("xl/worksheets/sheet1.xml", in: data))
        let xml = String(decoding: sheet, as: UTF8.self)
        #expect(xml.contains(#"<c r="A1" s="1" t="inlineStr">"#))
        #expect(xml.contains(#"<c r="B2" s="2"><v>25</v></c>"#))      // a number with the format "0"
        #expect(xml.contains(#"<c r="B3" t="inlineStr"><is><t xml:space="preserve">007</t>"#))
        for part in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"] {
            #expect(try XLSXReader.entry(part, in: data) != nil, "missing \(part)")
        }
        #expect(try XLSXReader.read(data) == [["Код", "Число"], ["a", "25"], ["b", "007"]])
    }

    @Test func handBuiltWorkbookWithSharedStringsAndStyles() throws {
        let data = try XLSXWriter.zip([
            ("xl/workbook.xml", Data(MinimalXLSX.workbook.utf8)),
            ("xl/_rels/workbook.xml.rels", Data(MinimalXLSX.rels.utf8)),
            ("xl/sharedStrings.xml", Data(MinimalXLSX.shared.utf8)),
            ("xl/styles.xml", Data(MinimalXLSX.styles.utf8)),
            ("xl/worksheets/sheet2.xml", Data(MinimalXLSX.sheet.utf8)),
            ("xl/worksheets/sheet1.xml", Data(MinimalXLSX.otherSheet.utf8)),
        ])
        let reader = try XLSXReader(data: data)
        #expect(reader.sheetNames == ["Данные", "Второй"])
        let rows = try reader.firstSheet().rows
        #expect(rows.count == 4)
        #expect(rows[0] == ["Код школы", "Название школы"])
        #expect(rows[1] == [])                         // row 2 is absent in the file
        #expect(rows[2] == ["edu233006", "", "12", "0.1", "ИСТИНА", "формула"])
        #expect(rows[3] == ["inline жирный", "05.03.2024", "12.5%", "1234.5678", "#N/A"])
        #expect(try reader.sheet(named: "Второй").rows == [["второй лист"]])
    }

    @Test func badArchives() throws {
        let noWorkbook = try XLSXWriter.zip([("word/document.xml", Data("<w/>".utf8))])
        let f = #expect(throws: ImportFailure.self) { try ImportFile.read(data: noWorkbook, fileName: "a.xlsx") }
        #expect(f?.errors.first?.message.contains("xl/workbook.xml") == true)
        let broken = Data(FileMagic.zip + [UInt8](repeating: 7, count: 50))
        let g = #expect(throws: ImportFailure.self) { try ImportFile.read(data: broken, fileName: "a.xlsx") }
        #expect(g?.errors.first?.message.contains(".xlsx") == true)
    }

    @Test func numberRendering() {
        #expect(CellText.number("45") == "45")
        #expect(CellText.number("45.0") == "45")
        #expect(CellText.number("1.2345E-2") == "0.012345")
        #expect(CellText.number("1E-5") == "0.00001")
        #expect(CellText.number("0.30000000000000004") == "0.30000000000000004")
        #expect(CellText.number("12.199999999999999") == "12.2")
        #expect(CellText.number("1E+16") == "10000000000000000")
        #expect(CellText.number("abc") == "abc")
        #expect(CellText.percent("0.07") == "7%")
        #expect(CellText.date("45356", date1904: false, timeOnly: false) == "05.03.2024")
        #expect(CellText.date("45356.5", date1904: false, timeOnly: false) == "05.03.2024 12:00")
    }

    @Test func cellReferences() {
        #expect(CellReference.parse("C5")! == (2, 4))
        #expect(CellReference.parse("$AB$10")! == (27, 9))
        #expect(CellReference.parse("5C") == nil)
        #expect(CellReference.parse("xfd1048576")! == (16_383, 1_048_575))
        #expect(CellReference.parse("XFE1") == nil)                  // beyond Excel's last column
        #expect(CellReference.parse("A1048577") == nil)              // beyond Excel's last row
        #expect(CellReference.locate("ZZZ9999999") == .outside)
        #expect(CellReference.locate("A1B") == .malformed)
        #expect(CellReference.columnLetters(0) == "A")
        #expect(CellReference.columnLetters(25) == "Z")
        #expect(CellReference.columnLetters(26) == "AA")
        #expect(CellReference.columnLetters(701) == "ZZ")
        #expect(CellReference.columnLetters(702) == "AAA")
    }
}
