import Foundation
import Testing
@testable import Importing

@Suite struct ResultsSimpleTests {
    let vprHeader = ["Код школы", "Год", "Предмет", "Класс", "Число участников", "2", "3", "4", "5"]
    func csv(_ rows: [[String]]) -> Data { ResultsFixtures.csv(rows) }

    @Test func vprCountsWithLoginsAndCodes() throws {
        let f = try ResultImport.readVPR(data: csv([vprHeader,
            ["edu233006", "2026", "Русский язык", "4", "89", "11", "47", "24", "7"],
            ["sch233011", "2026", "МА", "5", "10", "1", "2", "3", "4"],
            ["23-ARM-011", "2026", "математика", "5", "3", "0", "1", "1", "1"]]), fileName: "vpr.csv", defaultYear: nil)
        #expect(f.rows.map(\.school) == [.login("233006"), .login("233011"), .code("23-ARM-011")])
        #expect(f.rows[0] == VPRRow(row: 2, school: .login("233006"), year: 2026, subject: "russian", grade: 4, participants: 89,
                                    marks: .counts([11, 47, 24, 7])))
        #expect(f.rows[1].subject == "math")
        #expect(f.notes.isEmpty)
    }

    @Test func vprErrorsNameRowAndColumn() {
        let rows = [vprHeader,
            ["edu233006", "2026", "Физра", "4", "10", "1", "2", "3", "4"],        // 2: unknown subject
            ["edu233007", "2026", "Русский язык", "4", "38", "10", "10", "10", "7"], // 3: 37 ≠ 38
            ["edu233008", "1999", "Русский язык", "3", "10", "-1", "5", "5", "1"],   // 4: year, grade, negative
            ["edu233009", "2026", "Русский язык", "4", "4", "1", "1", "1", "1"],
            ["sch233009", "2026", "русский", "4", "4", "1", "1", "1", "1"]]          // 6: duplicate of 5
        let failure = #expect(throws: ImportFailure.self) { try ResultImport.readVPR(data: csv(rows), fileName: "v.csv", defaultYear: nil) }
        let e = failure?.errors ?? []
        #expect(e.contains { $0.row == 2 && $0.column == "Предмет" && $0.message.hasPrefix("Предмет «Физра» не распознан") })
        #expect(e.contains { $0.row == 3 && $0.column == "Число участников"
            && $0.message.hasPrefix("Сумма отметок 37 не равна числу участников 38") })
        #expect(e.contains { $0.row == 4 && $0.column == "Год" && $0.message.contains("1999") })
        #expect(e.contains { $0.row == 4 && $0.column == "Класс" && $0.message.contains("4–11") })
        #expect(e.contains { $0.row == 4 && $0.column == "2" && $0.message.contains("отрицательное") })
        #expect(e.contains { $0.row == 6 && $0.column == "Код школы" && $0.message.contains("повторяет строку 5") })
        #expect(e.count == 6)
    }

    @Test func percentagesVariantDetectedAndChecked() throws {
        let header = ["Код школы", "Год", "Предмет", "Класс", "Число участников", "% 2", "% 3", "% 4", "% 5"]
        let f = try ResultImport.readVPR(data: csv([header, ["edu233006", "2026", "Математика", "4", "10", "15", "15", "35", "35"],
                                                    ["edu233007", "2026", "Математика", "4", "89", "12,36", "52,81", "26,97", "7,87"]]),
                                         fileName: "p.csv", defaultYear: nil)
        #expect(f.rows.map(\.marks) == [.percentages(["15", "15", "35", "35"]), .percentages(["12.36", "52.81", "26.97", "7.87"])])
        #expect(f.notes.first?.contains("в 1 строке сумма не сошлась") == true)
        let bad = #expect(throws: ImportFailure.self) {
            try ResultImport.readVPR(data: csv([header, ["edu233006", "2026", "Математика", "4", "10", "10", "20", "30", "30"]]),
                                     fileName: "p.csv", defaultYear: nil)
        }
        #expect(bad?.errors == [ImportError(row: 2, column: "% 2", message: ResultMessages.percentSum("90"))])
        for h in ["доля 2", "2 (%)", "p2"] {
            let rows = [["Код школы", "Год", "Предмет", "Класс", "Число участников"] + (2...5).map { h.replacingOccurrences(of: "2", with: "\($0)") },
                        ["edu233006", "2026", "Математика", "4", "4", "25", "25", "25", "25"]]
            #expect(try ResultImport.readVPR(data: csv(rows), fileName: "p.csv", defaultYear: nil).rows.first?.marks
                    == .percentages(["25", "25", "25", "25"]))
        }
    }

    @Test func rebuildCountsLargestRemainder() {
        #expect(ResultImport.rebuildCounts(percentages: ["12.36", "52.81", "26.97", "7.87"], participants: 89) == ([11, 47, 24, 7], false))
        #expect(ResultImport.rebuildCounts(percentages: ["15", "15", "35", "35"], participants: 10) == ([1, 1, 4, 4], true))
        #expect(ResultImport.rebuildCounts(percentages: ["21.4", "21.4", "21.4", "35.8"], participants: 7) == ([2, 1, 1, 3], true))
    }

    @Test func egeSimpleWithDecimalsAndChecks() throws {
        let header = ["school_code", "year", "subject", "participants", "average_score", "sd", "below_minimum", "high_scorers"]
        let f = try ResultImport.readEGE(data: csv([header, ["edu233006", "2025", "Математика", "21", "65,5", "12,30", "1", "3"]]),
                                         fileName: "e.csv", defaultYear: nil)
        #expect(f.rows == [EGERow(row: 2, school: .login("233006"), year: 2025, subject: "math_profile", participants: 21,
                                  average: "65.5", sd: "12.30", belowMinimum: 1, highScorers: 3)])
        let bad = #expect(throws: ImportFailure.self) {
            try ResultImport.readEGE(data: csv([header, ["9306", "2025", "Химия", "5", "101", "", "6", ""]]), fileName: "e.csv", defaultYear: nil)
        }
        #expect(bad?.errors.map(\.column) == ["average_score", "below_minimum"])
    }

    @Test func yearFromDefaultAndSchoolYear() throws {
        let rows = [["Код школы", "Предмет", "Число участников", "Средний балл"], ["23-ARM-006", "Химия", "5", "70"]]
        #expect(try ResultImport.readEGE(data: csv(rows), fileName: "e.csv", defaultYear: 2024).rows.first?.year == 2024)
        let f = #expect(throws: ImportFailure.self) { try ResultImport.readEGE(data: csv(rows), fileName: "e.csv", defaultYear: nil) }
        #expect(f?.errors.first?.message.hasPrefix("В файле нет столбца «Год»") == true)
        #expect(ResultValues.examYear("2024/2025") == .success(2025))
    }

    @Test func otherSimpleFormats() throws {
        let term = try ResultImport.readTerm(data: csv(ResultImport.template(.term)), fileName: "t.csv", defaultYear: nil)
        #expect(term.rows.map(\.period) == ["q1", "h1"])
        #expect(term.rows[0].year == 2025 && term.rows[0].grade == 5 && term.rows[0].className == "5А" && term.rows[0].successRate == "96.3")
        #expect(["1 четверть", "IV четверть", "2 полугодие", "Годовая", "q3"].map(TermPeriods.code) == ["q1", "q4", "h2", "year", "q3"])
        let parts = try ResultImport.readVPRParticipants(data: csv(ResultImport.template(.vprParticipants)), fileName: "p.csv", defaultYear: nil)
        #expect(parts.rows.map(\.journalMark) == [4, nil])
        let ctx = try ResultImport.readContext(data: csv(ResultImport.template(.context)), fileName: "c.csv", defaultYear: nil)
        #expect(ctx.rows[0].values["students_count"] == "812" && ctx.rows[0].values["low_income_share"] == "7.5")
        #expect(ctx.rows[1].values["non_native_share"] == nil)
        #expect(ctx.rows[0].values["noko_completion"] == "64.3" && ctx.rows[0].values["noko_below_base_share"] == "9.8")
        #expect(ctx.rows[1].values["noko_completion"] == nil)
        // НОКО alone, under its short header, is a context file too; a share above 100 % is refused with row and column.
        let noko = try ResultImport.readContext(data: csv([["Код ОО", "Год", "НОКО, % выполнения"], ["edu233006", "2025", "58,4"]]),
                                                fileName: "n.csv", defaultYear: nil)
        #expect(noko.rows.first?.values == ["noko_completion": "58.4"])
        let over = #expect(throws: ImportFailure.self) {
            try ResultImport.readContext(data: csv([["Код ОО", "Год", "НОКО: ниже базового уровня, %"], ["edu233006", "2025", "140"]]),
                                         fileName: "n.csv", defaultYear: nil)
        }
        #expect(over?.errors.map(\.column) == ["НОКО: ниже базового уровня, %"] && over?.errors.first?.row == 2, "\(over?.errors ?? [])")
        // A report with «Средний процент выполнения» that does not name НОКО is not taken for a context file.
        #expect(ResultImport.detect(data: csv([["Код ОО", "Год", "Средний процент выполнения"], ["edu233006", "2025", "58,4"]]), fileName: "r.csv")
                != .simple(.context))
        let oge = try ResultImport.readOGE(data: csv(ResultImport.template(.oge)), fileName: "o.csv", defaultYear: nil)
        #expect(oge.rows[0].averageMark == "3.6" && oge.rows[0].belowThreshold == 3 && oge.rows[1].averageScore == nil)
        let flags = try ResultImport.readObjectivityFlags(data: csv(ResultImport.template(.objectivity)), fileName: "f.csv", defaultYear: nil)
        #expect(flags.rows.map(\.procedure) == ["ВПР", "ВПР, 5 класс, математика"])
        let badTerm = [ResultImport.template(.term)[0], ["edu233006", "2025/2026", "5 четверть", "5", "", "Физика", "20", "80", "90"]]
        let e = #expect(throws: ImportFailure.self) { try ResultImport.readTerm(data: csv(badTerm), fileName: "t.csv", defaultYear: nil) }
        #expect(e?.errors.map(\.column) == ["Период", "Качество знаний, %"])
    }

    @Test func templatesParseInBothFormats() throws {
        for kind in ResultFileKind.allCases {
            let t = ResultImport.template(kind)
            #expect(t.count == 3 && t.allSatisfy { $0.count == t[0].count })
            for data in [csv(t), try XLSXWriter.write(t)] {
                #expect(ResultImport.detect(data: data, fileName: "t") == .simple(kind))
                let n: Int = switch kind {
                case .ege: try ResultImport.readEGE(data: data, fileName: "t", defaultYear: nil).rows.count
                case .vpr: try ResultImport.readVPR(data: data, fileName: "t", defaultYear: nil).rows.count
                case .oge: try ResultImport.readOGE(data: data, fileName: "t", defaultYear: nil).rows.count
                case .term: try ResultImport.readTerm(data: data, fileName: "t", defaultYear: nil).rows.count
                case .objectivity: try ResultImport.readObjectivityFlags(data: data, fileName: "t", defaultYear: nil).rows.count
                case .vprParticipants: try ResultImport.readVPRParticipants(data: data, fileName: "t", defaultYear: nil).rows.count
                case .context: try ResultImport.readContext(data: data, fileName: "t", defaultYear: nil).rows.count
                case .journalComparison: try ResultImport.readJournalComparison(data: data, fileName: "t", defaultYear: nil).rows.count
                }
                #expect(n == 2, "\(kind)")
            }
        }
    }

    @Test func subjects() {
        let cases: [(String, String?)] = [("Русский язык", "russian"), ("Математика (профильный уровень)", "math_profile"),
            ("Математика профильная", "math_profile"), ("Математика (базовый уровень)", "math_base"), ("Математика", "math"),
            ("ОМ", "world_around"), ("Иностранный язык (английский)", "english"), ("Информатика и ИКТ", "informatics"),
            ("Обществознание", "social_studies"), ("Английский язык", "english"), ("Физра", nil)]
        for (text, code) in cases { #expect(Subjects.canonical(text) == code, "\(text)") }
        #expect(Subjects.canonical("МА", exam: .ege) == "math_profile")
        #expect(Subjects.title("social_studies") == "Обществознание")
    }
}
