import Foundation
import Testing
@testable import Domain

@Suite("Monitoring: compute-time flags agree with full cells") struct MonitoringConsistencyTests {
    /// Random municipalities: counts and published percentages, missing years, tiny groups,
    /// inflated results, regional and municipal references.
    func randomInput(seed: UInt64, settings: MonitoringSettings) -> MonitoringInput {
        var rng = MF.SeededGenerator(state: seed)
        var schools: [SchoolRef] = [], ege: [EGEInput] = [], vpr: [VPRInput] = []
        for i in 0..<60 {
            let code = String(format: "%03d", i)
            schools.append(SchoolRef(code: code, municipality: "m\(i % 3)"))
            for year in [2024, 2025] where Int.random(in: 0..<10, using: &rng) > 0 {
                for subject in ["russian", "math_profile"] where Int.random(in: 0..<8, using: &rng) > 0 {
                    let avg = Rational(Int128(Int.random(in: 350...850, using: &rng)), 10)
                    ege.append(EGEInput(resultID: "e\(code)\(subject)\(year)", schoolCode: code, year: year, subject: subject,
                                        participants: Int.random(in: 0...40, using: &rng), average: avg,
                                        sd: Bool.random(using: &rng) ? Double.random(in: 0...15, using: &rng) : nil))
                }
                for subject in ["russian", "math"] {
                    for grade in [4, 5, 6] where Int.random(in: 0..<8, using: &rng) > 0 {
                        var k = (0..<4).map { _ in Int.random(in: 0...12, using: &rng) }
                        if Int.random(in: 0..<15, using: &rng) == 0 { k = [0, 0, 1, 20] }
                        let n = k.reduce(0, +)
                        let marks: VPRMarks = Bool.random(using: &rng) || n == 0 ? .counts(MarkCounts(k)!)
                            : .percentages(k.map { Rational(Int128($0 * 100), Int128(n)).roundedTo(2) })
                        vpr.append(VPRInput(resultID: "v\(code)\(subject)\(grade)\(year)", schoolCode: code, year: year,
                                            subject: subject, grade: grade, participants: n, marks: marks))
                    }
                }
            }
        }
        return MonitoringInput(year: 2025, schools: schools, ege: ege, vpr: vpr,
                               regionalEGEAverage: seed % 2 == 0 ? ["russian": [2024: MF.r("64.2"), 2025: MF.r("65.9")]] : [:],
                               settings: settings)
    }

    @Test(arguments: Indicator2Reading.allCases) func flagsMatchCells(reading: Indicator2Reading) {
        for seed in UInt64(1)...6 {
            var s = MonitoringSettings()
            s.reading = reading
            s.cohort = seed % 3 == 0
            s.includeNoChange = seed % 2 == 1
            s.threshold = seed % 2 == 0 ? 30 : 15
            let r = Monitoring.compute(randomInput(seed: seed, settings: s))
            let schools = Array(r.schools)
            for (i, school) in schools.enumerated() {
                #expect(r.store.summary1[i] == school.indicator1.contains { $0.inSummary })
                #expect(r.store.summary2[i] == school.indicator2.contains { $0.inSummary })
                let p = school.profile
                // D < 0 and D = 0 counted apart (DOMAIN §4): the profile keeps both lists.
                #expect(p.egeNegativeSubjects == school.indicator1.filter { $0.state == .negative }.map(\.subject))
                #expect(p.egeNoChangeSubjects == school.indicator1.filter { $0.state == .noChange }.map(\.subject))
                #expect(p.indicator1Negative == school.negative1)
                #expect(p.indicator2Negative == school.negative2)
                #expect(p.sharpChanges == school.indicator2.contains { !$0.sharpChanges.isEmpty })
                #expect(p.smallGroups == (school.indicator1.contains(where: \.smallGroup) || school.indicator2.contains(where: \.smallGroup)))
                #expect(p.hasData == (school.indicator1.contains { $0.d != nil } || school.indicator2.contains { $0.deltas != nil }))
                #expect(p.objectivitySigns == (!school.exclusions.isEmpty || school.objectivity.contains(where: \.isFlagged)))
            }
            #expect(r.summary().map(\.school.code) == schools.filter { $0.included(by: .either) }.map(\.school.code))
            #expect(r.summaryCount(.both) == schools.filter { $0.included(by: .both) }.count)
        }
    }

    @Test func municipalitiesHaveTheirOwnFallbackReference() {
        var input = MF.worked()
        input.schools = [SchoolRef(code: "A", municipality: "north"), SchoolRef(code: "B", municipality: "north"),
                         SchoolRef(code: "C", municipality: "south")]
        let r = Monitoring.compute(input)
        // north 2024: (20·60 + 30·70)/50 = 66; south: C alone, so r(C) = 1 both years and D = 0.
        #expect(r.reference(subject: "russian", year: 2024, municipality: "north")?.value == Rational(66))
        #expect(MF.cell1(r, "C").d == .zero && MF.cell1(r, "C").state == .noChange)
    }

    @Test func duplicatesAndUnknownSchoolsAreReported() {
        var input = MF.worked()
        input.ege.append(MF.ege("A", 2025, 5, "99.0"))          // same key, fewer participants: ignored
        input.ege.append(MF.ege("Q", 2025, 30, "50.0"))         // no such school
        let r = Monitoring.compute(input)
        #expect(MF.cell1(r, "A").current?.average == Rational(62))
        #expect(r.warnings.contains { $0.contains("Несколько результатов ЕГЭ школы A") })
        #expect(r.warnings.contains { $0.contains("нет в списке школ") && $0.contains("Q") })
        // The worked example is untouched by either.
        #expect(r.reference(subject: "russian", year: 2025)?.value == Rational(66))
    }

    /// Schools given in code order skip the sort and the duplicate check; any other order
    /// (and a list with a repeated code) goes the long way: the results must not differ.
    @Test func schoolOrderDoesNotChangeTheResult() {
        let input = randomInput(seed: 4, settings: MonitoringSettings())
        var sorted = input, reversed = input, repeated = input
        sorted.schools.sort { $0.code < $1.code }
        reversed.schools = sorted.schools.reversed()
        repeated.schools = sorted.schools + [sorted.schools[0]]
        let a = Monitoring.compute(sorted), b = Monitoring.compute(reversed), c = Monitoring.compute(repeated)
        #expect(a.rows().count == 60 * (2 + 4) && a.rows() == b.rows() && a.rows() == c.rows())
        #expect(a.summaryCount(.either) == b.summaryCount(.either) && a.summaryCount(.either) > 0)
        #expect(!a.warnings.contains { $0.contains("повторяющиеся коды") })
        #expect(c.warnings.contains { $0.contains("повторяющиеся коды") })
    }

    @Test func markCountsHoldFourNumbers() {
        let k: MarkCounts = [3, 5, 8, 4]
        #expect(Array(k) == [3, 5, 8, 4] && k.count == 4 && k[2] == 8 && k.reduce(0, +) == 20)
        #expect(MarkCounts([1, 2, 3]) == nil && MarkCounts([1, 2, 3, 4, 5]) == nil)
        #expect(MarkCounts([0, 1, 2, 3]) == MarkCounts(0, 1, 2, 3))
    }
}
