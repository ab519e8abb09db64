import Foundation
import Testing
@testable import Domain

@Suite("Monitoring: indicator 1 (ЕГЭ)") struct MonitoringIndicator1Tests {
    @Test func workedExampleWithMunicipalFallback() {
        // DOMAIN §4: reference 65,5 (2024) and 66,0 (2025).
        let result = Monitoring.compute(MF.worked())
        let r24 = result.reference(subject: "russian", year: 2024)!, r25 = result.reference(subject: "russian", year: 2025)!
        #expect(r24.source == .municipalFallback && r25.source == .municipalFallback)
        #expect(r24.value == MF.r("65.5") && r25.value == Rational(66))
        #expect(result.usesMunicipalFallback)

        let a = MF.cell1(result, "A"), b = MF.cell1(result, "B"), c = MF.cell1(result, "C")
        #expect(a.previous?.ratio == Rational(120, 131) && a.current?.ratio == Rational(31, 33))
        #expect(a.d == Rational(101, 4323) && a.dText == "0.023" && a.state == .positive)
        #expect(b.d == Rational(-9, 131) && b.dText == "-0.069" && b.state == .negative)
        #expect(c.d == Rational(164, 4323) && c.dText == "0.038" && c.state == .positive)
        #expect(b.source == .municipalFallback)
        // Raw averages and counts stay with the cell for the table.
        #expect(b.previous?.participants == 30 && b.current?.average == Rational(66))

        #expect(result.summary().map(\.school.code) == ["B"])
        // Profile mathematics has no data at all: a state, never negative.
        let m = MF.cell1(result, "A", "math_profile")
        #expect(m.state == .noData && !m.inSummary && m.d == nil)
    }

    @Test func regionalReferenceIsTheDefault() {
        var input = MF.worked()
        input.regionalEGEAverage = ["russian": [2024: MF.r("64.0"), 2025: MF.r("66.0")]]
        let result = Monitoring.compute(input)
        let a = MF.cell1(result, "A")
        #expect(a.source == .region(Rational(66)))
        #expect(a.d == Rational(62, 66) - Rational(60, 64))
        #expect(result.reference(subject: "russian", year: 2024)?.source == .region(MF.r("64.0")))
        #expect(!result.usesMunicipalFallback) // profile mathematics has no data and no reference at all
        // A regional value for one year only: both years fall back to the municipality.
        input.regionalEGEAverage = ["russian": [2025: MF.r("66.0")]]
        #expect(MF.cell1(Monitoring.compute(input), "A").source == .municipalFallback)
    }

    @Test func exactZeroIsNoChangeAndIncludedByDefault() {
        // 55/66 and 50/60 are both exactly 5/6: D is a true 0, not ±ε.
        var input = MonitoringInput(year: 2025, schools: MF.schools(["Z", "P"]),
                                    ege: [MF.ege("Z", 2024, 30, "50.0"), MF.ege("Z", 2025, 30, "55.0"),
                                          MF.ege("P", 2024, 30, "61.1"), MF.ege("P", 2025, 30, "67.3")],
                                    regionalEGEAverage: ["russian": [2024: MF.r("60.0"), 2025: MF.r("66.0")]])
        var result = Monitoring.compute(input)
        let z = MF.cell1(result, "Z")
        #expect(z.d == .zero && z.state == .noChange && z.inSummary && z.dText == "0.000")
        #expect(result.summary().map(\.school.code) == ["Z"])
        #expect(result.rows().first { $0.schoolCode == "Z" && $0.indicator == "1" && $0.subject == "russian" }?.negative == true)

        input.settings.includeNoChange = false
        result = Monitoring.compute(input)
        #expect(MF.cell1(result, "Z").state == .noChange && !MF.cell1(result, "Z").inSummary)
        #expect(result.summary().isEmpty)
        let row = result.rows().first { $0.schoolCode == "Z" && $0.indicator == "1" && $0.subject == "russian" }!
        #expect(row.negative == false && row.state == "no change")
    }

    @Test func aSchoolMissingAYearHasNoDataAndIsNotNegative() {
        var input = MF.worked()
        input.schools.append(SchoolRef(code: "D"))
        input.ege.append(MF.ege("D", 2025, 12, "40.0")) // far below, but no 2024 result
        let result = Monitoring.compute(input)
        let d = MF.cell1(result, "D")
        #expect(d.state == .noData && !d.inSummary && d.previous == nil && d.current?.ratio != nil)
        #expect(!result.summary().contains { $0.school.code == "D" })
        // D's 2025 result still enters the 2025 municipal mean: (6600 + 480) / 112.
        #expect(result.reference(subject: "russian", year: 2025)?.value == Rational(7080, 112))
    }

    @Test func negativeInEitherSubjectMakesTheSchoolNegative() {
        var input = MF.worked()
        input.ege += [MF.ege("A", 2024, 20, "50", subject: "math_profile"), MF.ege("A", 2025, 20, "45", subject: "math_profile"),
                      MF.ege("C", 2024, 20, "60", subject: "math_profile"), MF.ege("C", 2025, 20, "70", subject: "math_profile")]
        let result = Monitoring.compute(input)
        #expect(MF.cell1(result, "A").state == .positive)
        #expect(MF.cell1(result, "A", "math_profile").state == .negative)
        #expect(result.school("A")!.negative1)
        #expect(result.summary(.indicator1).map(\.school.code) == ["A", "B"])
        #expect(result.school("A")!.profile.egeNegativeSubjects == ["math_profile"])
    }

    @Test func smallGroupsAreMarked() {
        var input = MF.worked()
        input.ege[0] = MF.ege("A", 2024, 8, "60.0")
        #expect(MF.cell1(Monitoring.compute(input), "A").smallGroup)
        #expect(!MF.cell1(Monitoring.compute(input), "C").smallGroup)
    }
}
