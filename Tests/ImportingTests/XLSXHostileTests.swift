import Foundation
import Testing
@testable import Importing

/// Files that try to exhaust memory or smuggle in a DTD must fail with a message,
/// quickly, without allocating more than the limits allow.
@Suite struct XLSXHostileTests {
    @Test func rowNumberBeyondTheSheetIsRefused() throws {
        let data = try HostileXLSX.book(rows: #"<row r="9223372036854775807"><c><v>1</v></c></row>"#)
        let f = #expect(throws: ImportFailure.self) { try XLSXReader.read(data) }
        #expect(HostileXLSX.message(f).hasPrefix("Строка 9223372036854775807 за пределами листа Excel (не больше 1 048 576 строк)."))
        // One past Excel's last row, and a number too long for any integer.
        let next = try HostileXLSX.book(rows: #"<row r="1048577"><c><v>1</v></c></row>"#)
        #expect(throws: ImportFailure.self) { try XLSXReader.read(next) }
        let long = try HostileXLSX.book(rows: #"<row r="99999999999999999999999999999999"><c><v>1</v></c></row>"#)
        let g = #expect(throws: ImportFailure.self) { try XLSXReader.read(long) }
        #expect(HostileXLSX.message(g).hasPrefix("Строка " + String(repeating: "9", count: 24) + "… за пределами листа Excel"))
    }

    @Test func cellReferenceBeyondTheSheetIsRefused() throws {
        let data = try HostileXLSX.book(rows: #"<row><c r="ZZZ9999999"><v>1</v></c></row>"#)
        let f = #expect(throws: ImportFailure.self) { try XLSXReader.read(data) }
        #expect(HostileXLSX.message(f).hasPrefix("Ячейка ZZZ9999999 за пределами листа Excel (не больше 16 384 столбцов, до XFD, и 1 048 576 строк)."))
        for ref in ["XFE1", "A1048577", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1", "A99999999999999999999999999"] {
            let book = try HostileXLSX.book(rows: #"<row><c r="\#(ref)"><v>1</v></c></row>"#)
            let g = #expect(throws: ImportFailure.self, "\(ref)") { try XLSXReader.read(book) }
            #expect(HostileXLSX.message(g).hasPrefix("Ячейка "), "\(ref)")
        }
    }

    @Test func cellsWithoutReferencesCannotRunOffTheSheet() throws {
        let cells = String(repeating: "<c><v>1</v></c>", count: CellReference.maxColumns + 1)
        let data = try HostileXLSX.book(rows: "<row>\(cells)</row>")
        let f = #expect(throws: ImportFailure.self) { try XLSXReader.read(data) }
        #expect(HostileXLSX.message(f).hasPrefix("Строка 1: ячеек больше, чем столбцов в листе Excel (16 384)."))
    }

    @Test func lastCellOfTheSheetIsReadWithoutAFullTable() throws {
        // XFD1000000 alone: a million (empty) rows, and only its own row is 16 384 wide.
        let data = try HostileXLSX.book(rows: #"<row r="1000000"><c r="XFD1000000"><v>7</v></c></row>"#)
        let rows = try XLSXReader.read(data)
        #expect(rows.count == 1_000_000)
        #expect(rows.last?.count == 16_384 && rows.last?.last == "7")
        #expect(rows.dropLast().allSatisfy { $0.isEmpty })
        #expect(CellReference.parse("XFD1048576")! == (16_383, 1_048_575))
    }

    @Test func sparseFarCellsStopAtTheCellLimit() throws {
        // Ten cells at column XFD expand to 163 840 cells: over a limit of 100 000.
        let rows = (1...10).map { #"<row r="\#($0)"><c r="XFD\#($0)"><v>1</v></c></row>"# }.joined()
        let data = try HostileXLSX.book(rows: rows)
        let limits = XLSXLimits(bytes: XLSXLimits.standard.bytes, cells: 100_000)
        let f = #expect(throws: ImportFailure.self) { try XLSXReader.read(data, limits: limits) }
        #expect(HostileXLSX.message(f).hasPrefix("Таблица слишком большая: вместе с пустыми ячейками"))
        // The same cells in column A are ten cells and ten rows.
        let narrow = (1...10).map { #"<row r="\#($0)"><c r="A\#($0)"><v>1</v></c></row>"# }.joined()
        #expect(try XLSXReader.read(HostileXLSX.book(rows: narrow), limits: limits).count == 10)
    }

    @Test func doctypeIsRefusedInAnyPart() throws {
        let bomb = #"<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>"#
        let sheet = HostileXLSX.sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row>"#,
                                      prolog: XLSXParts.header + bomb)
        let f = #expect(throws: ImportFailure.self) { try XLSXReader.read(HostileXLSX.book(sheet: sheet)) }
        #expect(HostileXLSX.message(f).hasPrefix("Файл повреждён или не является таблицей Excel: его часть лист «Лист1»"))
        #expect(HostileXLSX.message(f).contains("<!DOCTYPE>"))
        // In the workbook part, the reader refuses the file as soon as it opens it.
        let workbook = Data((#"<!doctype workbook SYSTEM "file:///etc/passwd">"# + XLSXParts.workbook(sheetName: "Лист1")).utf8)
        let g = #expect(throws: ImportFailure.self) {
            try XLSXReader(data: HostileXLSX.book(sheet: HostileXLSX.sheet(""), workbook: workbook))
        }
        #expect(HostileXLSX.message(g).contains("xl/workbook.xml"))
    }

    @Test func doctypeInUTF16AndOddEncodingsIsRefused() throws {
        let text = #"<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE worksheet [<!ENTITY a "x">]>"#
            + #"<worksheet xmlns="\#(XLSXParts.mainNS)"><sheetData/></worksheet>"#
        var utf16 = Data([0xFF, 0xFE])
        for unit in text.utf16 { utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        #expect(XMLGuard.hasDoctype(utf16))
        #expect(throws: ImportFailure.self) { try XLSXReader.read(HostileXLSX.book(sheet: utf16)) }
        // UTF-7 could spell "<!DOCTYPE" as "+ADwAIQ-DOCTYPE".
        let utf7 = HostileXLSX.sheet("", prolog: #"<?xml version="1.0" encoding="UTF-7"?>"#)
        let f = #expect(throws: ImportFailure.self) { try XLSXReader.read(HostileXLSX.book(sheet: utf7)) }
        #expect(HostileXLSX.message(f).contains("кодировке"))
        // Ordinary parts pass: text that merely mentions a DOCTYPE is escaped.
        #expect(XMLGuard.problem(HostileXLSX.sheet(#"<row><c t="inlineStr"><is><t>&lt;!DOCTYPE</t></is></c></row>"#)) == nil)
        #expect(XMLGuard.problem(Data(("\u{FEFF}" + XLSXParts.header + "<a/>").utf8)) == nil)
    }

    /// Sheet XML of about 45 bytes a row (40 000 rows ≈ 1.8 MB) that deflates well.
    static func bigSheet(rows: Int = 40_000) -> Data {
        HostileXLSX.sheet((1...rows).map { #"<row r="\#($0)"><c r="A\#($0)"><v>1</v></c></row>"# }.joined())
    }

    @Test func lyingSizeHeaderDoesNotLiftTheBudget() throws {
        let honest = try HostileXLSX.book(sheet: Self.bigSheet())
        let lying = HostileXLSX.lie(aboutSizeOf: "xl/worksheets/sheet1.xml", in: honest, claimed: 100)
        let limits = XLSXLimits(bytes: 1024 * 1024, cells: XLSXLimits.standard.cells)
        // The header claims 100 bytes; the inflater produces megabytes, and the count stops it.
        let reader = try XLSXReader(data: lying, limits: limits)
        let f = #expect(throws: ImportFailure.self) { try reader.firstSheet() }
        #expect(HostileXLSX.message(f).hasPrefix("Таблица слишком большая: распакованные части файла занимают больше 1 МБ"))
        // An honest header over the budget fails the same way, before inflating.
        let g = #expect(throws: ImportFailure.self) { try XLSXReader(data: honest, limits: limits).firstSheet() }
        #expect(HostileXLSX.message(g) == HostileXLSX.message(f))
        // Within the budget the file is fine.
        #expect(try XLSXReader.read(honest).count == 40_000)
    }

    @Test func budgetCoversAllPartsTogether() throws {
        // Shared strings of ~680 KB and a sheet of ~680 KB: each fits 1 MB, both do not.
        let strings = (1...20_000).map { "<si><t>строка \($0)</t></si>" }.joined()
        let shared = Data((XLSXParts.header + #"<sst xmlns="\#(XLSXParts.mainNS)">\#(strings)</sst>"#).utf8)
        let sheet = Self.bigSheet(rows: 15_000)
        #expect(shared.count > 512 * 1024 && sheet.count > 512 * 1024)
        let data = try XLSXWriter.zip([
            ("xl/workbook.xml", Data(XLSXParts.workbook(sheetName: "Лист1").utf8)),
            ("xl/_rels/workbook.xml.rels", Data(XLSXParts.workbookRels.utf8)),
            ("xl/sharedStrings.xml", shared),
            ("xl/worksheets/sheet1.xml", sheet),
        ])
        let limits = XLSXLimits(bytes: 1024 * 1024, cells: XLSXLimits.standard.cells)
        let reader = try XLSXReader(data: data, limits: limits)
        #expect(throws: ImportFailure.self) { try reader.firstSheet() }
        #expect(try XLSXReader(data: data, limits: XLSXLimits(bytes: 2 * 1024 * 1024, cells: 1_000_000)).firstSheet().rows.count == 15_000)
    }

    @Test func readingASheetTwiceIsChargedOnce() throws {
        let data = try HostileXLSX.book(sheet: Self.bigSheet(rows: 10_000))
        let reader = try XLSXReader(data: data, limits: XLSXLimits(bytes: 1024 * 1024, cells: 30_000))
        let first = try reader.firstSheet()
        #expect(try reader.sheet(at: 0) == first)
        #expect(try reader.sheet(named: "Лист1") == first)
    }

    @Test func wrongChecksumIsADamagedFile() throws {
        let good = try HostileXLSX.book(rows: #"<row r="1"><c r="A1"><v>1</v></c></row>"#)
        #expect(try XLSXReader.read(good) == [["1"]])
        let bad = HostileXLSX.breakChecksum(of: "xl/worksheets/sheet1.xml", in: good)
        let f = #expect(throws: ImportFailure.self) { try XLSXReader.read(bad) }
        #expect(HostileXLSX.message(f).hasPrefix("Файл Excel повреждён: не удаётся распаковать xl/worksheets/sheet1.xml."))
    }
}
