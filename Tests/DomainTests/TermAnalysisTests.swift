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
}
