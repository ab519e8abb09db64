import Foundation
import Testing
@testable import Importing

@Suite struct ResultsFastTests {
    static let subjects = ["Русский язык", "Математика", "МА", "русский", "Окружающий мир", "История"]

    /// A generated simple ВПР file: logins and codes, quoted cells, comma decimals, blank lines.
    static func vprText(rows: Int, percentages: Bool = false, separator: String = ";") -> String {
        let marks = percentages ? ["% 2", "% 3", "% 4", "% 5"] : ["2", "3", "4", "5"]
        var s = (["Код школы", "Год", "Предмет", "Класс", "Число участников"] + marks).joined(separator: separator) + "\r\n"
        for i in 0..<rows {
            let school = i % 3 == 0 ? "edu\(200000 + i / 6)" : (i % 3 == 1 ? "\"23-ARM;\(i / 6)\"" : "23-K-\(i / 6)")
            let grade = 4 + (i % 6) / 2 * 2 + (i % 2)
            let values = percentages ? ["10,5", "39.5", "40", "10"] : ["\(i % 4)", "7", "\(i % 9)", "2"]
            let n = percentages ? 20 : values.compactMap(Int.init).reduce(0, +)
            s += ([school, "2026", subjects[(i / 6) % subjects.count], "\(grade)", "\(n)"] + values).joined(separator: separator) + "\n"
            if i % 50 == 7 { s += "\n" }
        }
        return s
    }

    @Test func fastPathGivesTheSameRowsAsTheGeneralPath() throws {
        for percentages in [false, true] {
            for sep in [";", ","] where !(percentages && sep == ",") {
                let data = Data([0xEF, 0xBB, 0xBF]) + Data(Self.vprText(rows: 400, percentages: percentages, separator: sep).utf8)
                let slow = try SimpleVPR.parse(rows: try ImportFile.read(data: data, fileName: "v.csv"), defaultYear: nil)
                let fast = try #require(try FastResultScan.vpr(data: data, defaultYear: nil))
                #expect(fast == slow)
                #expect(fast.rows.count == 400)
                #expect(try ResultImport.readVPR(data: data, fileName: "v.csv", defaultYear: nil) == slow)
            }
        }
    }

    @Test func fastPathReportsTheSameErrors() throws {
        var text = Self.vprText(rows: 30)
        text += "edu299999;1999;Физра;3;10;-1;5;5;1\n;2026;Русский язык;4;5;1;1;1;1\nedu200000;2026;Русский язык;4;x;1;1;1;1\n"
        text += "sch200000;2026;русский;4;10;1;2;3;4\n\"23-ARM;1\";2026;Математика;5;38;10;10;10;7\n"
        let data = Data(text.utf8)
        let slow = #expect(throws: ImportFailure.self) { try SimpleVPR.parse(rows: try ImportFile.read(data: data, fileName: "v.csv"), defaultYear: nil) }
        let fast = #expect(throws: ImportFailure.self) { try FastResultScan.vpr(data: data, defaultYear: nil) }
        #expect(fast == slow)
        #expect((slow?.errors.count ?? 0) >= 8)
    }

    @Test func egeFastEqualsSlow() throws {
        var text = "school_code;year;subject;participants;average_score;sd;below_minimum;high_scorers\n"
        for i in 0..<200 { text += "edu\(210000 + i);2025;\(["Русский язык", "Математика", "Химия"][i % 3]);\(10 + i % 7);\(60 + i % 30),\(i % 10);;\(i % 3);1\n" }
        let data = Data(text.utf8)
        let slow = try SimpleEGE.parse(rows: try ImportFile.read(data: data, fileName: "e.csv"), defaultYear: nil)
        #expect(try FastResultScan.ege(data: data, defaultYear: nil) == slow)
        #expect(slow.rows.first?.average == "60.0" && slow.rows.first?.subject == "russian")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ege-\(UUID().uuidString).csv")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var streamed: [EGERow] = []
        let summary = try ResultImport.scanEGE(fileURL: url) { streamed.append($0.egeRow) }
        #expect(streamed == slow.rows && summary.rows == 200)
    }

    @Test func streamingScanIsAllOrNothing() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vpr-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let good = Self.vprText(rows: 3000, percentages: true)
        try Data(good.utf8).write(to: url)
        var rows: [VPRRow] = []
        let summary = try ResultImport.scanVPR(fileURL: url) { rows.append($0.vprRow) }
        #expect(rows == (try SimpleVPR.parse(rows: CSVReader.read(good), defaultYear: nil)).rows)
        #expect(summary.rows == 3000 && summary.notes.count == 1)
        try Data((good + "edu999999;2026;Русский язык;4;20;10;10;10;10\n").utf8).write(to: url)
        var called = 0
        let e = #expect(throws: ImportFailure.self) { try ResultImport.scanVPR(fileURL: url) { _ in called += 1 } }
        #expect(called == 0)
        #expect(e?.errors.first?.column == "% 2")
    }

    @Test func singlePassHandsOverWhileCleanAndListsTheSameErrors() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vpr1-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let good = Self.vprText(rows: 3000, percentages: true)
        try Data(good.utf8).write(to: url)
        var two: [VPRRow] = [], one: [VPRRow] = []
        _ = try ResultImport.scanVPR(fileURL: url) { two.append($0.vprRow) }
        let summary = try ResultImport.scanVPR(fileURL: url, singlePass: true) { one.append($0.vprRow) }
        #expect(one == two && summary.rows == 3000 && summary.notes.count == 1)
        // An error on the last row: the rows before it were handed over, the failure is the same as with two passes.
        try Data((good + "edu999999;2026;Русский язык;4;20;10;10;10;10\n").utf8).write(to: url)
        var called = 0
        let single = #expect(throws: ImportFailure.self) { try ResultImport.scanVPR(fileURL: url, singlePass: true) { _ in called += 1 } }
        let double = #expect(throws: ImportFailure.self) { try ResultImport.scanVPR(fileURL: url) { _ in } }
        #expect(called == 3000, "handed over until the error; the caller's transaction is rolled back")
        #expect(single == double && single?.errors.first?.column == "% 2")
        // A duplicate is found in one pass too.
        let lines = good.split(separator: "\n")   // blank lines are rows too: 3000 data rows, 60 blank, the header
        try Data((good + lines[1] + "\n").utf8).write(to: url)
        let dup = #expect(throws: ImportFailure.self) { try ResultImport.scanVPR(fileURL: url, singlePass: true) { _ in } }
        #expect(dup?.errors.first?.row == 3062)
    }

    @Test func scannerMatchesCSVReaderAcrossChunkBoundaries() throws {
        var text = "a;\"b;\"\"q\"\"\";c\r\n"
        for i in 0..<500 { text += "\(i);\"multi\nline \(i)\";\(i % 7 == 0 ? "\"\"" : "x")\r\n" + (i % 13 == 0 ? "\r\n" : "") }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scan-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(text.utf8).write(to: url)
        var scanner = FastCSVScanner(chunkSize: 1024)
        var got: [[String]] = [], numbers: [Int] = []
        try scanner.scan(fileURL: url) { row in
            got.append((0..<row.count).map { String(decoding: row.bytes($0), as: UTF8.self) })
            numbers.append(row.row)
            return true
        }
        let expected = CSVReader.read(text)
        #expect(got == expected)
        #expect(numbers == Array(1...expected.count))
    }

    @Test func decimalsFromBytes() {
        #expect(FastDecimal.parse("65,50")?.text == "65.50")
        #expect(FastDecimal.parse("-0.5")?.text == "-0.5")
        #expect(FastDecimal.parse("007")?.text == "7")
        #expect(FastDecimal.parse("1 234") == nil)
        #expect(DecimalText.read("1 234,5").map { $0?.text } == .success("1234.5"))
        #expect(DecimalText.read("12,5%", percent: true).map { $0?.text } == .success("12.5"))
    }
}
