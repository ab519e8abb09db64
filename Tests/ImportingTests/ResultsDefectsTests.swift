import Foundation
import Testing
@testable import Importing
import Domain

/// Known answers for the fixed defects of the result importers.
@Suite struct ResultsDefectsTests {
    typealias F = ResultsFixtures

    /// The ЕГЭ protocol fixture with the Код МСУ (column 8) of the rows at `rows` replaced.
    func protocolRows(msu: [Int: String] = [:], code: [Int: String] = [:]) -> [[String]] {
        var rows = F.protocolSheet(ege: true)
        for (i, m) in msu { rows[i][8] = m }
        for (i, c) in code { rows[i][1] = c }
        return rows
    }

    @Test func protocolSchoolIsKodOOWithKodMSU() throws {
        // Row 6 (index 5) is a second participant of Код ОО 9306 — but in municipality 0210:
        // another school. Leading zeros of both codes are dropped («0209» is 209, «09306» is 9306).
        let rows = protocolRows(msu: [4: "0209", 5: "0210"], code: [4: "09306"])
        let f = try ResultImport.readEGE(data: try F.workbook([("Page 1", rows)]), fileName: "ege.xlsx", defaultYear: nil)
        let social = f.rows.filter { $0.subject == "social_studies" }
        #expect(social.map(\.school) == [.gia("9306", msu: "209"), .gia("9306", msu: "210"), .gia("9311", msu: "209")])
        #expect(social.map(\.participants) == [1, 1, 1] && social.map(\.average) == ["70", "40", "90"])
        // The file-wide average names the municipalities behind it.
        let avg = f.references.first { $0.subject == "social_studies" && $0.measure == "average_score" }
        #expect(avg?.municipalities == ["209", "210"] && avg?.value == "66.67")
    }

    @Test func oneMunicipalityProtocolSaysSo() throws {
        let f = try ResultImport.readEGE(data: try F.workbook([("Page 1", F.protocolSheet(ege: true))]), fileName: "e.xlsx", defaultYear: nil)
        #expect(f.references.allSatisfy { $0.municipalities == ["209"] })
        // A region row of ФИС ОКО is the region's value by itself: no municipalities attached.
        let v = try ResultImport.readVPR(data: try F.workbook([("РУ 4 Статистика по отметкам", F.marksSheet())]), fileName: "r.xlsx", defaultYear: nil)
        #expect(v.references.allSatisfy { $0.municipalities == nil })
    }

    @Test func giaCodesNormalised() {
        #expect(GIACode.normalized("09306") == "9306" && GIACode.normalized(" 9306.0 ") == "9306")
        #expect(GIACode.normalized("000") == "0" && GIACode.normalized("А12") == "А12")
    }

    @Test func summaryHeaderSchoolYearIsTheSession() throws {
        let rows: [[String]] = [
            ["Результаты ЕГЭ, 2024-2025 учебный год"],
            ["Муниципалитет", "ОО", "Русский язык", "", ""],
            ["", "", "приняли участие", "не преодолели минимальный порог", "средний балл"],
            ["Армавир", "МБОУ СОШ № 11(edu233011)", "20", "1", "66"],
        ]
        let f = try ResultImport.readEGE(data: try F.workbook([("Лист1", rows)]), fileName: "s.xlsx", defaultYear: nil)
        #expect(f.rows.map(\.year) == [2025])
        #expect(ResultValues.sessionYear(in: "2024/2025 уч. год") == 2025 && ResultValues.sessionYear(in: "2024/25") == 2025)
        #expect(ResultValues.sessionYear(in: "ЕГЭ-2025") == 2025 && ResultValues.sessionYear(in: "Дата: 2025-06-20") == 2025)
        #expect(ResultValues.sessionYear(in: "итоги") == nil)
    }

    @Test func rebuildCountsIsTheDomainRule() {
        // One rule: the importer's note and the monitoring rebuild the same counts.
        for (p, n) in [(["12.36", "52.81", "26.97", "7.87"], 89), (["15", "15", "35", "35"], 10), (["25.93", "37.04", "22.22", "14.81"], 27)] {
            let mine = ResultImport.rebuildCounts(percentages: p, participants: n)
            let domain = MarkCounts.rebuilt(percentages: p.map { Rational(decimal: $0)! }, participants: n)!
            #expect(mine.counts == Array(domain.counts) && mine.adjusted == domain.adjusted)
        }
    }

    @Test func flagProcedureParsed() {
        typealias P = ObjectivityProcedure.Parsed
        #expect(ObjectivityProcedure.parse("ВПР") == P(kind: .vpr, subject: nil, grade: nil))
        #expect(ObjectivityProcedure.parse("ВПР, 5 класс, математика") == P(kind: .vpr, subject: "math", grade: 5))
        #expect(ObjectivityProcedure.parse("ВПР 6 кл. русский язык") == P(kind: .vpr, subject: "russian", grade: 6))
        #expect(ObjectivityProcedure.parse("ОГЭ") == P(kind: .oge, subject: nil, grade: nil))
        #expect(ObjectivityProcedure.parse("ЕГЭ, математика") == P(kind: .ege, subject: "math_profile", grade: nil))
        #expect(ObjectivityProcedure.parse("признаки необъективности").kind == nil)
        #expect(ObjectivityProcedure.parse("ВПР и ОГЭ").kind == nil)
    }
}
