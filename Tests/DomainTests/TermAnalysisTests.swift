import Testing
@testable import Domain

@Suite("Study-period analysis") struct TermAnalysisTests {
    @Test func weightedMeansAndGroups() {
        let rows = [
            TermAnalysis.Row(schoolCode: "A", subject: "math", participants: 20, success: Rational(90), quality: Rational(30)),
            TermAnalysis.Row(schoolCode: "A", subject: "russian", participants: 30, success: Rational(100), quality: Rational(50)),
            TermAnalysis.Row(schoolCode: "B", subject: "math", participants: 10, success: Rational(100), quality: Rational(60)),
        ]
        let r = TermAnalysis.analyze(rows, successThreshold: Rational(97), qualityThreshold: Rational(45))
        // A: success (20·90 + 30·100)/50 = 96; quality (20·30 + 30·50)/50 = 42 → both below.
        let a = r.schools.first { $0.code == "A" }!
        #expect(a.success == Rational(96) && a.quality == Rational(42))
        #expect(a.group == .lowBoth)
        #expect(a.weakestSubjects.first == "math")
        #expect(r.schools.first { $0.code == "B" }!.group == .fine)
        // Municipality: success (50·96 + 10·100)/60 = 5800/60; quality (50·42 + 10·60)/60 = 45.
        #expect(r.municipalSuccess == Rational(5800) / Rational(60))
        #expect(r.municipalQuality == Rational(45))
    }

    @Test func previousPeriodAndChanges() {
        #expect(TermAnalysis.previous("q1", year: 2025) == nil)
        #expect(TermAnalysis.previous("q3", year: 2025)! == ("q2", 2025))
        #expect(TermAnalysis.previous("h2", year: 2025)! == ("h1", 2025))
        #expect(TermAnalysis.previous("year", year: 2025)! == ("year", 2024))
        let t = (s: Rational(97), q: Rational(45))
        let before = TermAnalysis.analyze([.init(schoolCode: "A", subject: "math", participants: 10, success: Rational(90), quality: Rational(40)),
                                           .init(schoolCode: "B", subject: "math", participants: 10, success: Rational(100), quality: Rational(60))],
                                          successThreshold: t.s, qualityThreshold: t.q)
        let now = TermAnalysis.analyze([.init(schoolCode: "A", subject: "math", participants: 10, success: Rational(98), quality: Rational(445, 10)),
                                        .init(schoolCode: "C", subject: "math", participants: 5, success: Rational(100), quality: Rational(50))],
                                       successThreshold: t.s, qualityThreshold: t.q)
        let c = TermAnalysis.changes(current: now, previous: before)
        #expect(c["A"]?.success == Rational(8) && c["A"]?.quality == Rational(9, 2) && c["A"]?.previousGroup == .lowBoth)
        #expect(now.schools.first { $0.code == "A" }?.group == .lowQuality, "44,5 < 45")
        #expect(c["C"] == nil, "no previous period: no change shown")
    }
}
