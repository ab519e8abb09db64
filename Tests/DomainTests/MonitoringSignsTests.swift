import Foundation
import Testing
@testable import Domain

@Suite("Monitoring: further signs, federal risk, effectiveness") struct MonitoringSignsTests {
    func risk(_ vpr: [VPRInput], _ procedures: [ProcedureInput] = []) -> FederalRisk {
        Monitoring.compute(MonitoringInput(year: 2025, schools: MF.schools(["R"]), vpr: vpr, procedures: procedures)).school("R")!.federalRisk
    }

    @Test func federalRiskTwoProceduresInTheSameYear() {
        // ВПР Russian 5: 6 of 20 = 30 % (at least 30 %); ОГЭ mathematics: 3 of 10.
        let r = risk([MF.vpr("R", 2025, [6, 8, 4, 2], subject: "russian")],
                     [ProcedureInput(schoolCode: "R", kind: .oge, subject: "math", year: 2025, participants: 10, failing: .count(3))])
        #expect(r.isAtRisk && r.procedures.map(\.kind) == [.oge, .vpr])
        guard case .severalProceduresInYear(let list) = r.triggers.first else { Issue.record("trigger"); return }
        #expect(list.count == 2 && r.reason.contains("30,0 %"))
    }

    @Test func federalRiskSameProcedureTwoYears() {
        let r = risk([MF.vpr("R", 2024, [3, 4, 2, 1], subject: "math", grade: 6),
                      MF.vpr("R", 2025, [4, 4, 1, 1], subject: "math", grade: 6),
                      MF.vpr("R", 2025, [1, 5, 3, 1], subject: "russian", grade: 6)])
        #expect(r.isAtRisk && r.triggers.count == 1)
        guard case let .sameProcedureTwoYears(p, c) = r.triggers[0] else { Issue.record("trigger"); return }
        #expect(p.year == 2024 && c.year == 2025 && p.failingShare == Rational(30) && c.failingShare == Rational(40))
        // A different grade is a different procedure.
        #expect(!risk([MF.vpr("R", 2024, [3, 4, 2, 1], grade: 5), MF.vpr("R", 2025, [4, 4, 1, 1], grade: 6)]).isAtRisk)
    }

    @Test func federalRiskBelowThirtyIsNotFlagged() {
        let p = [ProcedureInput(schoolCode: "R", kind: .oge, subject: "math", year: 2025, participants: 100, failing: .percent(MF.r("29.9"))),
                 ProcedureInput(schoolCode: "R", kind: .ege, subject: "math_base", year: 2025, participants: 40, failing: .percent(MF.r("29.9"))),
                 ProcedureInput(schoolCode: "R", kind: .oge, subject: "math", year: 2024, participants: 90, failing: .percent(MF.r("45")))]
        #expect(!risk([], p).isAtRisk)
        // An explicit ВПР procedure replaces the one derived from the marks.
        let derived = [MF.vpr("R", 2025, [6, 8, 4, 2], subject: "russian")]
        let replace = ProcedureInput(schoolCode: "R", kind: .vpr, subject: "russian", grade: 5, year: 2025, participants: 20,
                                     failing: .percent(MF.r("29.9")))
        #expect(!risk(derived, [p[0], replace]).isAtRisk)
        #expect(risk(derived, [p[0]]).isAtRisk == false) // 29,9 % ОГЭ + 30 % ВПР: one procedure only
    }

    @Test func journalComparisonShares() {
        let j = FurtherSigns.journal(JournalComparisonInput(schoolCode: "A", year: 2025, subject: "math", grade: 5,
                                                            lowered: 2, confirmed: 15, raised: 3))
        #expect(j.total == 20 && j.lowered == Rational(10) && j.confirmed == Rational(75) && j.raised == Rational(15))
    }

    @Test func participantSignsAndBoundaryPeaks() {
        // 40 pupils; mark 3 from 10 points. 8 pupils at exactly 10, one at 9, one at 8: ratio 8.
        var list: [VPRParticipantInput] = []
        func add(_ score: Int, _ mark: Int, _ journal: Int?, times: Int) {
            for _ in 0..<times { list.append(VPRParticipantInput(schoolCode: "A", year: 2025, subject: "math", grade: 5,
                                                                  primaryScore: score, mark: mark, journalMark: journal)) }
        }
        add(8, 2, 3, times: 1); add(9, 2, 4, times: 1); add(10, 3, 3, times: 8)
        add(13, 3, 3, times: 10); add(15, 4, 4, times: 10); add(17, 4, 3, times: 5); add(20, 5, 5, times: 5)
        let b = VPRBoundaries(min3: 10, min4: 15, min5: 20)
        let s = FurtherSigns.participants(list, boundaries: b, settings: .default)!
        #expect(s.participants == 40 && s.withJournalMark == 40)
        #expect(s.belowJournal == Rational(5) && s.aboveJournal == Rational(25, 2) && s.equalJournal == Rational(165, 2))
        #expect(s.gapTwoOrMore == Rational(5, 2)) // one pupil of 40: mark 2 against journal 4
        let peak3 = s.peaks.first { $0.mark == 3 }!
        #expect(peak3.ratio == Rational(8) && peak3.flagged)
        // 15: 10 pupils against 0 and 10 → ratio exactly 2 (flagged: "at least"); 20: 5 against none → 5.
        #expect(s.peaks.first { $0.mark == 4 }!.ratio == Rational(2))
        #expect(s.hasPeak && s.peaks.allSatisfy(\.flagged))
        // Silent below 30 participants.
        #expect(FurtherSigns.participants(Array(list.prefix(29)), boundaries: b, settings: .default)!.peaks.isEmpty)

        let input = MonitoringInput(year: 2025, schools: MF.schools(["A"]), participants: list,
                                    boundaries: [VPRSeriesKey(subject: "math", grade: 5, year: 2025): b])
        let r = Monitoring.compute(input)
        #expect(r.school("A")!.participantSigns.count == 1 && r.school("A")!.profile.objectivitySigns)
        #expect(r.exclusions.isEmpty) // a sign, never an automatic exclusion
    }

    @Test func effectivenessEnteredAndLeft() {
        let e = Effectiveness.analyze([2023: ["a", "b", "c"], 2024: ["b", "c", "d"], 2025: ["d"]])
        #expect(e.map(\.year) == [2023, 2024, 2025] && e.map(\.count) == [3, 3, 1])
        #expect(e[0].previousYear == nil && e[0].change == nil)
        #expect(e[1].entered == ["d"] && e[1].left == ["a"] && e[1].change == 0)
        #expect(e[2].entered == [] && e[2].left == ["b", "c"] && e[2].change == -2 && e[2].previousYear == 2024)
    }
}
