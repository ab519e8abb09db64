import Foundation
import Testing
@testable import Domain

/// Known answers for the fixed defects of the results monitoring (counts behind published
/// shares, procedure of a Rosobrnadzor flag, D = 0 counted apart, effectiveness by school,
/// one implementation of each indicator rule).
@Suite("Monitoring: fixed defects") struct MonitoringDefectsTests {
    // MARK: 1. counts rebuilt from ФИС ОКО shares

    @Test func rebuiltCountsKnownAnswers() {
        let r = { (p: [String], n: Int) in MarkCounts.rebuilt(percentages: p.map(MF.r), participants: n)! }
        // RESULT-FILES example row: 12.36 / 52.81 / 26.97 / 7.87 of 89 → 11, 47, 24, 7 (sum 89).
        #expect(r(["12.36", "52.81", "26.97", "7.87"], 89) == ([11, 47, 24, 7], false))
        // Halves away from zero give 2+2+4+4 = 12 of 10: two taken back from the smallest remainders.
        #expect(r(["15", "15", "35", "35"], 10) == ([1, 1, 4, 4], true))
        // One missing: to the largest remainder, ties to the lower mark.
        #expect(r(["21.4", "21.4", "21.4", "35.8"], 7) == ([2, 1, 1, 3], true))
        // Exact arithmetic: 25,93 % of 27 is 7,0011, not a binary approximation.
        #expect(r(["25.93", "37.04", "22.22", "14.81"], 27) == ([7, 10, 6, 4], false))
        #expect(MarkCounts.rebuilt(percentages: [MF.r("50"), MF.r("50")], participants: 4) == nil)
        #expect(MarkCounts(.percentages([MF.r("50"), MF.r("50"), .zero, .zero]), participants: 0) == nil)
    }

    @Test func sharesNoteSaysCountsAreRebuilt() {
        #expect(Indicator2.sharesNote.contains("round(доля × участники / 100)"))
        #expect(Indicator2.sharesNote.contains("по восстановленным числам"))
    }

    @Test func objectivityAndFederalRiskKeepThePublishedShares() {
        // The rebuilt counts are for indicator 2; the objectivity statistics of a published
        // result still come from its percentages (figures not touched by the fix).
        let v = MF.vprPercent("A", 2025, 27, ["25.93", "37.04", "22.22", "14.81"])
        let r = Monitoring.compute(MonitoringInput(year: 2025, schools: MF.schools(["A", "B"]),
                                                   vpr: [v, MF.vpr("B", 2025, [2, 10, 10, 5])]))
        let check = r.school("A")!.objectivity.first { $0.resultID == v.resultID }!
        let expected = Objectivity.vprStats(v.marks, participants: 27)!
        #expect(check.mean == expected.mean && check.participants == 27)
    }

    // MARK: 3. a Rosobrnadzor flag excludes only its own procedure

    func flagged(_ flags: [RosobrnadzorFlag]) -> MonitoringResult {
        var s = MonitoringSettings()
        s.excludeRosobrnadzorListForVPR = true
        return Monitoring.compute(MonitoringInput(
            year: 2025, schools: MF.schools(["L"]),
            vpr: [MF.vpr("L", 2024, [4, 20, 12, 4]), MF.vpr("L", 2025, [15, 10, 6, 4]),
                  MF.vpr("L", 2024, [4, 20, 12, 4], subject: "russian"), MF.vpr("L", 2025, [15, 10, 6, 4], subject: "russian")],
            rosobrnadzorFlags: flags, settings: s))
    }

    @Test func ogeOrEgeFlagDoesNotExcludeVPR() {
        let r = flagged([RosobrnadzorFlag(schoolCode: "L", year: 2025, kind: .oge),
                         RosobrnadzorFlag(schoolCode: "L", year: 2025, kind: .ege, subject: "russian")])
        #expect(r.exclusions.isEmpty)
        #expect(MF.cell2(r, "L").state == .negative && MF.cell2(r, "L", "russian").state == .negative)
        // Still shown as context: the school is on Rosobrnadzor's list.
        #expect(r.school("L")!.onRosobrnadzorList)
    }

    @Test func vprFlagExcludesItsSubjectAndGradeOnly() {
        let r = flagged([RosobrnadzorFlag(schoolCode: "L", year: 2025, kind: .vpr, subject: "math", grade: 5)])
        #expect(r.exclusions.map(\.resultID) == ["vpr-L-math-5-2025"])
        #expect(MF.cell2(r, "L").state == .excluded && MF.cell2(r, "L", "russian").state == .negative)
        let whole = flagged([RosobrnadzorFlag(schoolCode: "L", year: 2024, kind: .vpr)])
        #expect(whole.exclusions.map(\.resultID).sorted() == ["vpr-L-math-5-2024", "vpr-L-russian-5-2024"])
        let unknown = flagged([RosobrnadzorFlag(schoolCode: "L", year: 2025, kind: nil)])
        #expect(unknown.exclusions.isEmpty && unknown.school("L")!.onRosobrnadzorList)
    }

    // MARK: 5. D = 0 is counted apart from D < 0

    /// Z: D = 0 exactly (50/60 → 55/66); N: D < 0; P: D > 0.
    func zeroInput() -> MonitoringInput {
        MonitoringInput(year: 2025, schools: MF.schools(["N", "P", "Z"]),
                        ege: [MF.ege("Z", 2024, 30, "50.0"), MF.ege("Z", 2025, 30, "55.0"),
                              MF.ege("N", 2024, 30, "60.0"), MF.ege("N", 2025, 30, "60.0"),
                              MF.ege("P", 2024, 30, "61.1"), MF.ege("P", 2025, 30, "67.3")],
                        regionalEGEAverage: ["russian": [2024: MF.r("60.0"), 2025: MF.r("66.0")]])
    }

    @Test func noChangeIsNotADecline() {
        let r = Monitoring.compute(zeroInput())
        let z = r.school("Z")!, n = r.school("N")!
        #expect(MF.cell1(r, "Z").state == .noChange && z.inSummary1 && z.included(by: .indicator1))
        #expect(!z.negative1 && z.noChange1 && n.negative1 && !n.noChange1)
        #expect(z.profile.egeNegativeSubjects.isEmpty && z.profile.egeNoChangeSubjects == ["russian"])
        // «Снижение только по ЕГЭ» is for a decline: Z is not there, N is.
        #expect(z.cluster != .egeOnly && n.cluster == .egeOnly)
        #expect(r.clusters.first { $0.rule == .egeOnly }?.members == ["N"])
        // Both still enter the summary table (D = 0 with its own label, DOMAIN §4).
        #expect(r.summary(.indicator1).map(\.school.code) == ["N", "Z"])
        let t = r.tally()
        #expect(t.schools == 3 && t.negative1 == 1 && t.noChange1 == 1 && t.inSummary == 2 && t.both == 0)
        #expect(r.tally { $0.code == "Z" }.noChange1 == 1)
    }

    // MARK: 6. effectiveness keyed by the school

    @Test func effectivenessTellsSchoolsApartByKey() {
        // Two schools named «СОШ № 1» and one renamed between the years.
        let years = Effectiveness.analyze(schools: [
            2024: ["id-1": "СОШ № 1", "id-2": "СОШ № 1", "id-3": "ООШ № 5"],
            2025: ["id-1": "СОШ № 1", "id-3": "ООШ № 5 им. Героя"],
        ])
        #expect(years.map(\.count) == [3, 2])
        #expect(years[1].change == -1 && years[1].leftKeys == ["id-2"] && years[1].left == ["СОШ № 1"])
        #expect(years[1].entered.isEmpty && years[1].enteredKeys.isEmpty)
        // The old label-keyed call still works for codes.
        #expect(Effectiveness.analyze([2024: ["a", "b"], 2025: ["b", "c"]])[1].entered == ["c"])
    }

    // MARK: 7. one implementation of each rule

    @Test func sharedRulesGiveTheCellsAnswers() {
        let s = MonitoringSettings()
        #expect(s.isSmall(9) && !s.isSmall(10) && !s.isSmall(nil))
        // Δ(2) of the worked example, 4/40 → 15/35, unreduced but equal in value.
        let d = Indicator2.delta(4, 40, 15, 35)
        #expect(d.reduced == Rational(230, 7) && Indicator2.isSharp(d, s.t) && !Indicator2.isSharp(Rational(30), s.t))
        #expect(Indicator2.inSummary(.negative) && !Indicator2.inSummary(.noChange))
        // Indicator 1 worked example, school B: 70/65,5 → 66/66 is a decline.
        let r0 = Indicator1.ratio(MF.r("70"), participants: 30, reference: MF.r("65.5"))!
        let r1 = Indicator1.ratio(MF.r("66"), participants: 25, reference: MF.r("66"))!
        #expect(Indicator1.state(previousRatio: r0, currentRatio: r1) == .negative)
        #expect(Indicator1.state(previousRatio: r0, currentRatio: r0) == .noChange)
        #expect(Indicator1.ratio(MF.r("66"), participants: 0, reference: MF.r("66")) == nil)
        #expect(Indicator1.ratio(MF.r("66"), participants: 5, reference: .zero) == nil)
        var noZero = s
        noZero.includeNoChange = false
        #expect(Indicator1.inSummary(.noChange, s) && !Indicator1.inSummary(.noChange, noZero))
    }
}
