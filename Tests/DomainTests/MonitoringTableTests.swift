import Foundation
import Testing
@testable import Domain

@Suite("Monitoring: summary table, export, clusters") struct MonitoringTableTests {
    /// A municipality with one school of each kind of profile.
    func municipality() -> MonitoringInput {
        var schools = MF.schools(["A", "B", "C", "E", "S", "W", "X"])
        schools[0].context = ["Индекс социального благополучия": "0,41", "НОКО": "—"]
        schools[5].wellbeingIndex = MF.r("0.30")   // W: low well-being, nothing else
        schools[3].statuses = [.difficultConditions] // E: negative ВПР in difficult conditions
        var s = MonitoringSettings()
        s.lowWellbeingIndex = MF.r("0.35")
        return MonitoringInput(year: 2025, schools: schools, ege: MF.workedEGE, vpr: [
            MF.vpr("A", 2024, [4, 20, 12, 4]), MF.vpr("A", 2025, [15, 10, 6, 4]),   // Δ(2) = +32,857
            MF.vpr("E", 2024, [2, 10, 6, 2]), MF.vpr("E", 2025, [10, 6, 3, 1]),     // Δ(2) = +40
            MF.vpr("S", 2024, [10, 50, 20, 20]), MF.vpr("S", 2025, [10, 15, 45, 30]), // sharp change only
            MF.vpr("W", 2024, [2, 10, 6, 2]), MF.vpr("W", 2025, [2, 10, 6, 2]),
            MF.vpr("X", 2024, [3, 10, 9, 3]), MF.vpr("X", 2025, [0, 0, 2, 23]),     // inflated
            MF.vpr("C", 2024, [10, 40, 35, 15]), MF.vpr("C", 2025, [10, 40, 35, 15]),
        ], settings: s)
    }

    @Test func summaryFiltersAndRows() {
        let r = Monitoring.compute(municipality())
        #expect(r.summary().map(\.school.code) == ["A", "B", "E"])
        #expect(r.summary(.indicator1).map(\.school.code) == ["B"])
        #expect(r.summary(.indicator2).map(\.school.code) == ["A", "E"])
        #expect(r.summary(.both).isEmpty)
        let a = r.summary()[0]
        #expect(a.school.context["НОКО"] == "—" && a.indicator1.count == 2 && a.indicator2.count == 4)
        #expect(a.sharpChanges.map(\.change.mark) == [2])
        #expect(r.schools.count == 7) // every school is computed, not only the listed ones
    }

    @Test func longRowsAgreeWithTheSummaryTable() {
        for includeNoChange in [true, false] {
            var input = municipality()
            input.settings.includeNoChange = includeNoChange
            let r = Monitoring.compute(input)
            let rows = r.rows()
            #expect(rows.count == 7 * 6)
            #expect(Set(rows.filter(\.negative).map(\.schoolCode)) == Set(r.summary().map(\.school.code)))
            for row in rows {
                let s = r.school(row.schoolCode)!
                let inSummary = row.indicator == "1"
                    ? s.indicator1.first { $0.subject == row.subject }!.inSummary
                    : s.indicator2.first { $0.subject == row.subject && String($0.grade) == row.grade }!.inSummary
                #expect(row.negative == inSummary)
                #expect(row.negative == (row.state == "negative" || (includeNoChange && row.state == "no change" && row.indicator == "1")))
            }
        }
        let csv = Monitoring.compute(municipality()).toCSV()
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines[0] == "school_code,indicator,subject,grade,value,negative,state")
        #expect(lines.contains("B,1,russian,,-0.069,true,negative"))
        #expect(lines.contains("A,1,russian,,0.023,false,positive"))
        #expect(lines.contains("A,2,math,5,32.857,true,negative"))
        #expect(lines.contains("A,1,math_profile,,,false,no data"))
        #expect(lines.contains("X,2,math,5,,false,excluded"))
    }

    @Test func rowsEncodeAsJSONWithSnakeCase() throws {
        let row = Monitoring.compute(MF.worked()).rows()[0]
        let json = String(decoding: try JSONEncoder().encode(row), as: UTF8.self)
        #expect(json.contains("\"school_code\":\"A\""))
        #expect(try JSONDecoder().decode(MonitoringRow.self, from: Data(json.utf8)) == row)
        #expect(MonitoringRow.csvField("a,b") == "\"a,b\"" && MonitoringRow.csvField("x\"y") == "\"x\"\"y\"")
    }

    @Test func clustersFollowTheRuleTable() {
        let r = Monitoring.compute(municipality())
        let byRule = Dictionary(uniqueKeysWithValues: r.schools.map { ($0.school.code, $0.cluster) })
        #expect(byRule == ["A": .vprOnly, "B": .egeOnly, "C": .stable, "E": .vprOnly, "S": .sharpChanges,
                           "W": .socialConditions, "X": .objectivity])
        #expect(r.clusters.map(\.title) == [
            "Признаки необъективности результатов", "Снижение только по ЕГЭ", "Отрицательная динамика только по ВПР",
            "Отрицательная динамика только по ВПР — в сложных социальных условиях",
            "Резкие изменения без отрицательной динамики", "Сложные социальные условия при стабильных результатах",
            "Стабильные результаты",
        ])
        #expect(r.clusters.map(\.members) == [["X"], ["B"], ["A"], ["E"], ["S"], ["W"], ["C"]])
        #expect(r.clusters.allSatisfy { !$0.description.isEmpty })
    }

    @Test func sameDataInAnyOrderGivesTheSameResult() {
        let base = municipality()
        let expected = Monitoring.compute(base)
        var rng = MF.SeededGenerator(state: 42)
        for _ in 0..<5 {
            var input = base
            input.schools.shuffle(using: &rng)
            input.ege.shuffle(using: &rng)
            input.vpr.shuffle(using: &rng)
            let r = Monitoring.compute(input)
            #expect(r.clusters == expected.clusters)
            #expect(r.rows() == expected.rows())
            #expect(Array(r.schools) == Array(expected.schools))
            #expect(r.references == expected.references)
        }
    }
}
