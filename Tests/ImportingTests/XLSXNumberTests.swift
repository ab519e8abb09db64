import Domain
import Foundation
import Testing
@testable import Importing

/// Figures in an XLSX export are numeric cells with a number format (not General,
/// not strings), so Excel sums and sorts them; dates are day numbers with a date format.
@Suite struct XLSXNumberTests {
    /// The parts of a written workbook that say how a cell is stored.
    struct Written {
        let sheet: String
        let styles: String

        init(_ data: Data) throws {
            sheet = String(decoding: try #require(try XLSXReader.entry("xl/worksheets/sheet1.xml", in: data)), as: UTF8.self)
            styles = String(decoding: try #require(try XLSXReader.entry("xl/styles.xml", in: data)), as: UTF8.self)
        }

        /// The `<c>` element of `ref`, nil when the cell is not written.
        func cell(_ ref: String) -> String? {
            guard let start = sheet.range(of: #"<c r="\#(ref)""#), let end = sheet.range(of: "</c>", range: start.upperBound..<sheet.endIndex)
            else { return nil }
            return String(sheet[start.lowerBound..<end.upperBound])
        }

        func value(_ ref: String) -> String? { cell(ref).flatMap { between($0, "<v>", "</v>") } }

        /// The number format code of the cell's style ("General" for id 0).
        func formatCode(_ ref: String) -> String? {
            guard let c = cell(ref), let s = between(c, #" s=""#, #"""#).flatMap(Int.init),
                  let xfs = between(styles, "<cellXfs", "</cellXfs>") else { return nil }
            let xf = xfs.components(separatedBy: "<xf ").dropFirst()
            guard xf.count > s, let id = between(String(xf[xf.startIndex + s]), #"numFmtId=""#, #"""#).flatMap(Int.init) else { return nil }
            switch id {
            case 0: return "General"
            case 14: return "builtin 14"
            default: return between(styles, #"<numFmt numFmtId="\#(id)" formatCode=""#, #"""#)
            }
        }

        private func between(_ s: String, _ a: String, _ b: String) -> String? {
            guard let r = s.range(of: a), let e = s.range(of: b, range: r.upperBound..<s.endIndex) else { return nil }
            return String(s[r.upperBound..<e.lowerBound])
        }
    }

    @Test func numbersAndDatesAreTypedCells() throws {
        let day = try #require(RuFormat.parseDate("05.03.2024"))
        let data = try XLSXWriter.write(cells: [
            [.text("Школа"), .text("D"), .text("Участники"), .text("Дата")],
            [.text("МБОУ СОШ № 6"), .number(-0.008, format: .decimals(3)), .number(89, format: .decimals(0)), .date(day)],
            [.text("МБОУ ООШ № 11"), .number(12.5), .number(1_000_000), .text("")],
        ])
        let w = try Written(data)
        let d = try #require(w.cell("B2"))
        #expect(!d.contains(" t="), "a number is not a string cell: \(d)")
        #expect(w.value("B2") == "-0.008")
        #expect(w.formatCode("B2") == "0.000")
        #expect(w.value("C2") == "89" && w.formatCode("C2") == "0")
        #expect(w.value("D2") == "45356" && w.formatCode("D2") == "builtin 14")
        #expect(w.value("B3") == "12.5" && w.formatCode("B3") == "0.0")
        #expect(w.value("C3") == "1000000" && w.formatCode("C3") == "0")
        #expect(w.cell("D3") == nil)
        #expect(w.cell("A1")?.contains(#"s="1" t="inlineStr""#) == true)
        // The project's reader sees numbers and the date as Russian users do.
        #expect(try XLSXReader.read(data) == [
            ["Школа", "D", "Участники", "Дата"],
            ["МБОУ СОШ № 6", "-0.008", "89", "05.03.2024"],
            ["МБОУ ООШ № 11", "12.5", "1000000"],
        ])
    }

    @Test func summaryExportCellsAreNumbersWithThePageDecimals() throws {
        let table: [[ExportCell]] = [
            ["Код школы", "D Математика", "n 2025", "Ср. 2025", "НОКО, % вып.", "ИСБШ", "Состояние"].map(ExportCell.text),
            [.text("23-ARM-006"), .figure(Rational(-8, 1000), places: 3), .count(41), .figure(Rational(1309, 20), places: 2),
             .formatted("85,3"), .formatted("−1,25"), .text("отрицательная")],
            [.text("23-ARM-011"), .figure(nil, places: 3), .count(nil), .figure(Rational(65), places: 2),
             .formatted(""), .formatted("нет данных"), .text("нет данных")],
        ]
        let data = try XLSXWriter.write(export: table, sheetName: "Сводная 2025")
        let w = try Written(data)
        #expect(w.cell("B2")?.contains(" t=") == false)
        #expect(w.value("B2") == "-0.008" && w.formatCode("B2") == "0.000")
        #expect(w.value("C2") == "41" && w.formatCode("C2") == "0")
        #expect(w.value("D2") == "65.45" && w.formatCode("D2") == "0.00")
        #expect(w.value("E2") == "85.3" && w.formatCode("E2") == "0.0")
        #expect(w.value("F2") == "-1.25" && w.formatCode("F2") == "0.00")
        #expect(w.cell("G2")?.contains(#"t="inlineStr""#) == true)
        #expect(w.value("D3") == "65" && w.formatCode("D3") == "0.00")
        #expect(w.cell("B3") == nil && w.cell("C3") == nil && w.cell("E3") == nil)
        #expect(w.cell("F3")?.contains("нет данных") == true)
        // No text cell anywhere holds the page's «−» figures.
        #expect(!w.sheet.contains("−0,008"))
    }

    @Test func guessedNumbersKeepTheirDecimals() {
        #expect(XLSXWriter.cell(guessing: "3.50") == .number(3.5, format: .decimals(2)))
        #expect(XLSXWriter.cell(guessing: "-3") == .number(-3, format: .decimals(0)))
        #expect(XLSXWriter.cell(guessing: "007") == .text("007"))
        #expect(XLSXCellValue(.number(0.00001)) == .number("0.00001", .decimals(5)))
        #expect(XLSXCellValue(.number(.nan)) == .empty)
    }
}
