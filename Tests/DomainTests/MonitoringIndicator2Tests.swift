import Foundation
import Testing
@testable import Domain

@Suite("Monitoring: indicator 2 (ВПР)") struct MonitoringIndicator2Tests {
    func run(_ vpr: [VPRInput], schools: [String] = ["A"], settings: MonitoringSettings = .default) -> MonitoringResult {
        Monitoring.compute(MonitoringInput(year: 2025, schools: MF.schools(schools), vpr: vpr, settings: settings))
    }

    @Test func workedExampleTwoGrowsBy32_857() {
        // DOMAIN §4: 2024 n = 40 with 4 marks "2" (10 %); 2025 n = 35 with 15 marks "2".
        let result = run([MF.vpr("A", 2024, [4, 20, 12, 4]), MF.vpr("A", 2025, [15, 10, 6, 4])])
        let c = MF.cell2(result, "A")
        #expect(c.delta(2) == Rational(230, 7) && c.delta2Text == "32.857")
        #expect(c.state == .negative && c.inSummary && c.source == .counts)
        #expect(c.previous?.share(2) == Rational(10) && c.current?.share(2) == Rational(300, 7))
        #expect(c.sharpChanges.map(\.mark) == [2])
        #expect(result.summary(.indicator2).map(\.school.code) == ["A"])
    }

    @Test func exactlyThirtyIsNotNegative() {
        // 14 marks "2" of 35 = 40 %: Δ(2) = +30,000 exactly, not "exceeding".
        let c = MF.cell2(run([MF.vpr("A", 2024, [4, 20, 12, 4]), MF.vpr("A", 2025, [14, 11, 6, 4])]), "A")
        #expect(c.delta(2) == Rational(30) && c.delta2Text == "30.000")
        #expect(c.state == .noChange && !c.inSummary && c.sharpChanges.isEmpty)
    }

    @Test func publishedPercentagesAreExactToo() {
        let result = run([MF.vprPercent("A", 2024, 40, ["10.00", "50.00", "30.00", "10.00"]),
                          MF.vprPercent("A", 2025, 35, ["40.00", "31.43", "17.14", "11.43"])])
        let c = MF.cell2(result, "A")
        #expect(c.source == .percentages && c.delta(2) == Rational(30) && c.state == .noChange)
        // 42,86 % published, counts say 42,857…: both exceed 30 here.
        let d = MF.cell2(run([MF.vprPercent("A", 2024, 40, ["10.00", "50.00", "30.00", "10.00"]),
                              MF.vpr("A", 2025, [15, 10, 6, 4])]), "A")
        #expect(d.source == .mixed && d.delta(2) == Rational(230, 7) && d.state == .negative)
    }

    @Test func publishedPercentagesGoThroughTheirRebuiltCounts() {
        // 7 of 27 (25,925…%) → 33 of 59 (55,932…%): Δ(2) = 30,006 from counts, while the
        // published two-decimal shares 25,93 → 55,93 differ by exactly 30,00. The counts
        // rebuilt from the shares (round(share × n / 100) = 7 and 33) are the real ones, so the
        // published file gives the same verdict as the counts (was: «no change» from the shares).
        let counts = MF.cell2(run([MF.vpr("A", 2024, [7, 10, 6, 4]), MF.vpr("A", 2025, [33, 14, 8, 4])]), "A")
        let published = run([MF.vprPercent("A", 2024, 27, ["25.93", "37.04", "22.22", "14.81"]),
                             MF.vprPercent("A", 2025, 59, ["55.93", "23.73", "13.56", "6.78"])])
        let p = MF.cell2(published, "A")
        #expect(counts.state == .negative && counts.source == .counts && counts.delta2Text == "30.006")
        #expect(p.state == .negative && p.source == .percentages && p.delta2Text == "30.006")
        #expect(p.deltas == counts.deltas && p.delta(2) == Rational(100 * 33, 59) - Rational(100 * 7, 27))
        #expect(p.previous?.counts == [7, 10, 6, 4] && p.current?.counts == [33, 14, 8, 4])
        #expect(p.current?.share(2) == Rational(3300, 59))
        // The compute-time summary flag follows the same counts.
        #expect(published.summary(.indicator2).map(\.school.code) == ["A"])
    }

    @Test func theThreeReadingsDisagreeOnOneCase() {
        // n = 100: shares 10/50/20/20 → 10/15/45/30: Δ = 0, −35, +25, +10.
        let vpr = [MF.vpr("A", 2024, [10, 50, 20, 20]), MF.vpr("A", 2025, [10, 15, 45, 30])]
        var s = MonitoringSettings()
        let expected: [(Indicator2Reading, CellState)] = [(.twoGrows, .noChange), (.anyMark, .negative), (.twoGrowsOrTopFalls, .positive)]
        for (reading, state) in expected {
            s.reading = reading
            let c = MF.cell2(run(vpr, settings: s), "A")
            #expect(c.state == state, "\(reading)")
            #expect(c.sharpChanges == [SharpChange(mark: 3, delta: Rational(-35))])
        }
        // (c) negative through the top marks: 4 and 5 fall by 40 in total while "2" grows by 10.
        s.reading = .twoGrowsOrTopFalls
        #expect(MF.cell2(run([MF.vpr("A", 2024, [10, 30, 40, 20]), MF.vpr("A", 2025, [20, 60, 20, 0])], settings: s), "A").state == .negative)
        s.reading = .anyMark // no single |Δ| exceeds 30 there (Δ(3) = +30 exactly)
        #expect(MF.cell2(run([MF.vpr("A", 2024, [10, 30, 40, 20]), MF.vpr("A", 2025, [20, 60, 20, 0])], settings: s), "A").state == .noChange)
        #expect(!Indicator2Reading.twoGrows.title.isEmpty)
    }

    @Test func positiveWhenTheShareOfTwoFalls() {
        let c = MF.cell2(run([MF.vpr("A", 2024, [20, 10, 5, 5]), MF.vpr("A", 2025, [2, 18, 10, 10])]), "A")
        #expect(c.delta(2) == Rational(-45) && c.state == .positive && !c.inSummary)
    }

    @Test func thresholdIsASetting() {
        // 4 of 40 (10 %) → 12 of 35 (34,286 %): Δ(2) = 24,286.
        let vpr = [MF.vpr("A", 2024, [4, 20, 12, 4]), MF.vpr("A", 2025, [12, 13, 6, 4])]
        #expect(MF.cell2(run(vpr), "A").state == .noChange)
        var s = MonitoringSettings()
        s.threshold = 20
        let c = MF.cell2(run(vpr, settings: s), "A")
        #expect(c.state == .negative && c.delta2Text == "24.286")
    }

    @Test func smallGroupsAreMarked() {
        let c = MF.cell2(run([MF.vpr("A", 2024, [1, 4, 4, 1]), MF.vpr("A", 2025, [3, 3, 1, 1])]), "A")
        #expect(c.smallGroup && c.current?.participants == 8)
        #expect(c.delta(2) == Rational(275, 10)) // one pupil is 12,5 p.p.
    }

    @Test func cohortComparesGrade5WithGrade6NextYear() {
        let vpr = [MF.vpr("A", 2024, [2, 10, 6, 2], grade: 5), MF.vpr("A", 2025, [10, 6, 3, 1], grade: 6)]
        let same = MF.cell2(run(vpr), "A", grade: 6)
        #expect(same.state == .noData && same.previousGrade == 6)
        var s = MonitoringSettings()
        s.cohort = true
        let cohort = MF.cell2(run(vpr, settings: s), "A", grade: 6)
        #expect(cohort.previousGrade == 5 && cohort.previous?.grade == 5 && cohort.current?.grade == 6)
        #expect(cohort.delta(2) == Rational(40) && cohort.state == .negative)
    }

    @Test func missingYearIsNoData() {
        let result = run([MF.vpr("A", 2025, [30, 5, 3, 2])])
        let c = MF.cell2(result, "A")
        #expect(c.state == .noData && !c.inSummary && c.deltas == nil)
        #expect(result.summary().isEmpty)
        // Every configured subject and grade has a cell, with or without data.
        #expect(result.school("A")!.indicator2.count == 4)
    }
}
