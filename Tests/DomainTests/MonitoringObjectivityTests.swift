import Foundation
import Testing
@testable import Domain

@Suite("Monitoring: objectivity (Concept §6.3, principle 3)") struct MonitoringObjectivityTests {
    /// ВПР mathematics grade 5, 2025: X is clearly inflated (23 of 25 got "5"),
    /// N is a normal class, Big a large normal school; all have a 2024 result.
    func vprInput(settings: MonitoringSettings = .default) -> MonitoringInput {
        MonitoringInput(year: 2025, schools: MF.schools(["Big", "N", "X"]), vpr: [
            MF.vpr("X", 2024, [3, 10, 9, 3]), MF.vpr("X", 2025, [0, 0, 2, 23]),
            MF.vpr("N", 2024, [3, 10, 9, 3]), MF.vpr("N", 2025, [3, 10, 9, 3]),
            MF.vpr("Big", 2024, [10, 40, 35, 15]), MF.vpr("Big", 2025, [10, 40, 35, 15]),
        ], settings: settings)
    }

    func check(_ r: MonitoringResult, _ id: String) -> ObjectivityCheck {
        r.schools.flatMap(\.objectivity).first { $0.resultID == id }!
    }

    @Test func statisticsFromMarkCounts() {
        let st = Objectivity.vprStats(.counts([0, 0, 2, 23]), participants: 25)!
        #expect(st.n == 25 && abs(st.mean - 4.92) < 1e-12)
        #expect(abs(st.sd - (46.0 / 600).squareRoot()) < 1e-12) // (n·Σm²k − (Σmk)²) / (n(n−1))
        // The same distribution as percentages gives the same mean.
        let p = Objectivity.vprStats(.percentages([.zero, .zero, Rational(8), Rational(92)]), participants: 25)!
        #expect(abs(p.mean - 4.92) < 1e-12 && abs(p.sd - st.sd) < 1e-9)
    }

    @Test func inflatedDistributionIsFlaggedNormalIsNot() {
        let r = Monitoring.compute(vprInput())
        let x = check(r, "vpr-X-math-5-2025")
        // Reference = the other schools: (87 + 355) / 125 = 3,536; L ≈ 4,81.
        #expect(x.referenceKind == .otherSchools && abs(x.reference! - 3.536) < 1e-12)
        #expect(x.verdict == .nonObjective && x.lowerBound! > 4.8 && x.lowerBound! < 4.82)
        #expect(check(r, "vpr-N-math-5-2025").verdict == .objective)
        #expect(check(r, "vpr-Big-math-5-2025").verdict == .objective)
        // Automatic policy: excluded from X's indicator 2, with a Russian reason.
        let cell = MF.cell2(r, "X")
        #expect(cell.state == .excluded && !cell.inSummary && cell.deltas == nil)
        let e = r.exclusions
        #expect(e.map(\.resultID) == ["vpr-X-math-5-2025"])
        #expect(e[0].reason.contains("необъективным") && e[0].reason.contains("3,54"))
        #expect(r.school("X")!.cluster == .objectivity)
    }

    @Test func silentBelowTenParticipants() {
        var input = vprInput()
        input.vpr[1] = MF.vpr("X", 2025, [0, 0, 0, 9])
        let x = check(Monitoring.compute(input), "vpr-X-math-5-2025")
        #expect(x.verdict == .notChecked(Objectivity.fewParticipants))
        // At ten the same uniform "5" distribution (s = 0) is checked and flagged.
        input.vpr[1] = MF.vpr("X", 2025, [0, 0, 0, 10])
        #expect(check(Monitoring.compute(input), "vpr-X-math-5-2025").verdict == .nonObjective)
    }

    @Test func regionalMeanMarkIsUsedWhenGiven() {
        var input = vprInput()
        input.regionalVPRMeanMark = [VPRSeriesKey(subject: "math", grade: 5, year: 2025): MF.r("4.5")]
        let x = check(Monitoring.compute(input), "vpr-X-math-5-2025")
        #expect(x.referenceKind == .region && x.reference == 4.5 && x.verdict == .objective) // 4,81 − 4,5 < 0,5
    }

    @Test func specialistConfirmsEachExclusion() {
        var s = MonitoringSettings()
        s.objectivity = .confirmBySpecialist
        var input = vprInput(settings: s)
        var r = Monitoring.compute(input)
        #expect(r.exclusions.isEmpty && r.proposedExclusions.map(\.resultID) == ["vpr-X-math-5-2025"])
        #expect(MF.cell2(r, "X").state == .noChange) // still computed: Δ(2) = 0 − 12 = −12
        input.confirmedExclusions = ["vpr-X-math-5-2025", "vpr-N-math-5-2025"]
        r = Monitoring.compute(input)
        #expect(r.exclusions.map(\.resultID) == ["vpr-X-math-5-2025"] && r.proposedExclusions.isEmpty)
        #expect(r.exclusions[0].reason.contains("подтверждено специалистом"))
        #expect(MF.cell2(r, "X").state == .excluded)
        // A confirmation of a result the check did not flag is not applied, and is reported.
        #expect(MF.cell2(r, "N").state != .excluded && r.warnings.contains { $0.contains("vpr-N-math-5-2025") })
    }

    @Test func rosobrnadzorListIsOptInAndVPROnly() {
        var input = vprInput()
        input.schools.append(SchoolRef(code: "L"))
        input.vpr += [MF.vpr("L", 2024, [3, 10, 9, 3]), MF.vpr("L", 2025, [3, 10, 9, 3])]
        input.ege = [MF.ege("L", 2024, 20, "60"), MF.ege("L", 2025, 20, "61")]
        input.rosobrnadzorList = [2025: ["L"]]
        var r = Monitoring.compute(input)
        #expect(MF.cell2(r, "L").state == .noChange && r.school("L")!.onRosobrnadzorList)
        input.settings.excludeRosobrnadzorListForVPR = true
        r = Monitoring.compute(input)
        // ЕГЭ is untouched (the only school, so r = 1 both years against the municipal mean).
        #expect(MF.cell2(r, "L").state == .excluded && MF.cell1(r, "L").state == .noChange)
        let e = r.school("L")!.exclusions
        #expect(e.count == 1 && e[0].cause == .rosobrnadzorList && e[0].reason.contains("список Рособрнадзора"))
    }

    @Test func egeWithoutDeviationIsNotChecked() {
        let r = Monitoring.compute(MF.worked())
        #expect(check(r, "ege-A-russian-2025").verdict == .notChecked("нет данных о разбросе баллов"))
    }

    @Test func excludedEGEResultLeavesTheMunicipalReference() {
        // School D: 30 participants, average 90, sd 5 → L = 90 − 1,96·5/√30 ≈ 88,2, which is
        // more than 10 points above the other schools' 66,0.
        var input = MF.worked()
        input.schools.append(SchoolRef(code: "D"))
        input.ege += [MF.ege("D", 2024, 30, "65.5", sd: 12), MF.ege("D", 2025, 30, "90.0", sd: 5)]
        let r = Monitoring.compute(input)
        #expect(check(r, "ege-D-russian-2025").verdict == .nonObjective)
        #expect(check(r, "ege-D-russian-2024").verdict == .objective)
        let ref = r.reference(subject: "russian", year: 2025)!
        // Before: (6600 + 2700) / 130 = 71,538…; after: 66,0 as in the worked example.
        #expect(ref.valueBeforeExclusions == Rational(930, 13) && ref.value == Rational(66))
        #expect(ref.valueBeforeExclusions?.ru(3) == "71,538" && ref.excludedResultIDs == ["ege-D-russian-2025"])
        #expect(MF.cell1(r, "D").state == .excluded)
        #expect(MF.cell1(r, "A").d == Rational(101, 4323)) // unchanged: the reference is 66 again
        // Without the exclusion (specialist policy, unconfirmed) the reference keeps D.
        input.settings.objectivity = .confirmBySpecialist
        let kept = Monitoring.compute(input).reference(subject: "russian", year: 2025)!
        #expect(kept.value == Rational(930, 13))
    }

    @Test func helpTextNamesFormulaAndThresholds() {
        #expect(Objectivity.helpText.contains("L = x̄ − z · SE") && Objectivity.helpText.contains("1,96"))
        #expect(Objectivity.helpText.contains("0,5 отметки") && Objectivity.helpText.contains("10 баллов"))
        #expect(FederalRisk.helpText.contains("№ 1336"))
    }
}
