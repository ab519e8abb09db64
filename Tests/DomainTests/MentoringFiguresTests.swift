import Foundation
import Testing
@testable import Domain

/// A day from ISO text, for readable tests.
private func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }

@Suite("Mentoring center and tutor point: curatorship figures") struct MentoringFiguresTests {
    typealias F = CuratorshipFigures

    /// A hand-made municipality: 2 schools, 4 teachers, 5 deficits of 2026/27.
    /// SA: a1 subject (a done step) and assessment (only a cancelled step), a2 methodological
    /// (a planned step; a2 also has a step for subject, where it has no deficit).
    /// SB: b1 digital (steps only for subject, and for digital of another year), b2 subject
    /// (a step in progress). Covered: SA 2 of 3, SB 1 of 2.
    static let coverageCase = F.Input(
        from: day("2026-09-01"), to: day("2026-11-30"),
        deficits: [
            ProfessionalDeficit(teacher: "a1", school: "SA", area: .subject, date: day("2026-08-20"), source: .iroTest),
            ProfessionalDeficit(teacher: "a1", school: "SA", area: .assessment, date: day("2026-08-20")),
            ProfessionalDeficit(teacher: "a2", school: "SA", area: .methodological, date: day("2026-09-15"), source: .lessonObservation),
            ProfessionalDeficit(teacher: "b1", school: "SB", area: .digital, date: day("2026-08-21")),
            ProfessionalDeficit(teacher: "b2", school: "SB", area: .subject, date: day("2026-08-21")),
        ],
        steps: [
            .init(teacher: "a1", year: 2026, area: .subject, status: .done),
            .init(teacher: "a1", year: 2026, area: .assessment, status: .cancelled),
            .init(teacher: "a2", year: 2026, area: .methodological, status: .planned),
            .init(teacher: "a2", year: 2026, area: .subject, status: .inProgress),
            .init(teacher: "b1", year: 2026, area: .subject, status: .planned),
            .init(teacher: "b1", year: 2025, area: .digital, status: .done),
            .init(teacher: "b2", year: 2026, area: .subject, status: .inProgress),
        ])

    @Test func coverageCountsStepsOfTheSameTeacherYearAndAreaThatAreNotCancelled() {
        #expect(F.schoolCoverage(Self.coverageCase) == [
            .init(school: "SA", deficits: 3, covered: 2),
            .init(school: "SB", deficits: 2, covered: 1),
        ])
        let values = F.rows(Self.coverageCase).map { "\($0.scopeCode) \($0.figure) \($0.value)" }
        #expect(values == [
            "SA deficits 3", "SA deficits_covered 2", "SA deficit_coverage 0.6667",
            "SB deficits 2", "SB deficits_covered 1", "SB deficit_coverage 0.5",
        ])
    }

    @Test func coverageUsesTheDiagnosticsYearOfTheEndOfThePeriod() {
        var input = Self.coverageCase
        // 15.05.2027 is still in 2026/27; 01.08.2027 opens 2027/28, which has no deficits.
        input.to = day("2027-05-15")
        #expect(F.schoolCoverage(input).map(\.deficits) == [3, 2])
        input.to = day("2027-08-01")
        #expect(F.schoolCoverage(input).map(\.deficits) == [0, 0])
        #expect(F.rows(input).filter { $0.figure == "deficit_coverage" }.map(\.value) == ["", ""])
    }

    @Test func aDeficitFoundTwiceCountsOnce() {
        var input = Self.coverageCase
        input.deficits.append(ProfessionalDeficit(teacher: "b1", school: "SB", area: .digital, date: day("2026-10-01"), source: .survey))
        #expect(F.schoolCoverage(input)[1] == .init(school: "SB", deficits: 2, covered: 1))
    }

    /// Pairs, schools and people with every figure; the exact CLI output.
    static let fullCase = F.Input(
        from: day("2026-09-01"), to: day("2026-11-30"),
        pairs: [
            // Last contact in the period exactly 28 days before its end: not quiet. The
            // contacts before and after the period are not counted.
            F.Pair(author: "M01", target: "SCH-1", pool: .mentor, span: AssignmentSpan(from: day("2026-09-01")), interactions: [
                .init(date: day("2026-08-20"), minutes: 60), .init(date: day("2026-09-10"), minutes: 90),
                .init(date: day("2026-11-02"), minutes: 45), .init(date: day("2026-12-05"), minutes: 30),
            ]),
            // 41 days since the last contact: quiet.
            F.Pair(author: "T01", target: "T-101", pool: .tutor, span: AssignmentSpan(from: day("2026-09-01")), interactions: [
                .init(date: day("2026-10-20"), minutes: 60), .init(date: day("2026-09-15"), minutes: 40),
            ]),
            // Ended before the end of the period: never quiet.
            F.Pair(author: "T01", target: "T-102", pool: .tutor, span: AssignmentSpan(from: day("2026-09-01"), to: day("2026-10-31"))),
            // No contacts, started 29 days before the end: quiet.
            F.Pair(author: "T01", target: "T-201", pool: .tutor, span: AssignmentSpan(from: day("2026-11-01"))),
        ],
        schools: ["SCH-3", "SCH-1"],
        deficits: [
            ProfessionalDeficit(teacher: "T-101", school: "SCH-1", area: .subject, date: day("2026-08-25")),
            ProfessionalDeficit(teacher: "T-101", school: "SCH-1", area: .assessment, date: day("2026-08-25")),
            ProfessionalDeficit(teacher: "T-102", school: "SCH-1", area: .subject, date: day("2026-08-25")),
            ProfessionalDeficit(teacher: "T-201", school: "SCH-2", area: .digital, date: day("2026-08-26")),
            ProfessionalDeficit(teacher: "T-201", school: "SCH-2", area: .digital, date: day("2025-08-26")),
        ],
        steps: [
            .init(teacher: "T-101", year: 2026, area: .subject, status: .done),
            .init(teacher: "T-101", year: 2026, area: .assessment, status: .cancelled),
            .init(teacher: "T-102", year: 2026, area: .methodological, status: .planned),
            .init(teacher: "T-201", year: 2026, area: .digital, status: .inProgress),
        ],
        people: [
            F.Person(staffCode: "T01", assignments: [
                AssignmentSpan(from: day("2026-09-01")),
                AssignmentSpan(from: day("2026-09-01"), to: day("2026-10-31")),
                AssignmentSpan(from: day("2026-11-01")),
            ]),
            F.Person(staffCode: "M01", assignments: [
                AssignmentSpan(from: day("2026-09-01")),
                AssignmentSpan(from: day("2025-09-01"), to: day("2026-05-31")),
            ]),
        ])

    static let fullCSV = """
        scope,scope_code,figure,value
        pair,M01>SCH-1,interactions,2
        pair,M01>SCH-1,hours,2.25
        pair,M01>SCH-1,last_contact,2026-11-02
        pair,M01>SCH-1,quiet,false
        pair,T01>T-101,interactions,2
        pair,T01>T-101,hours,1.67
        pair,T01>T-101,last_contact,2026-10-20
        pair,T01>T-101,quiet,true
        pair,T01>T-102,interactions,0
        pair,T01>T-102,hours,0
        pair,T01>T-102,last_contact,
        pair,T01>T-102,quiet,false
        pair,T01>T-201,interactions,0
        pair,T01>T-201,hours,0
        pair,T01>T-201,last_contact,
        pair,T01>T-201,quiet,true
        school,SCH-1,deficits,3
        school,SCH-1,deficits_covered,1
        school,SCH-1,deficit_coverage,0.3333
        school,SCH-2,deficits,1
        school,SCH-2,deficits_covered,1
        school,SCH-2,deficit_coverage,1
        school,SCH-3,deficits,0
        school,SCH-3,deficits_covered,0
        school,SCH-3,deficit_coverage,
        person,M01,load,1
        person,M01,interactions,2
        person,M01,quiet_pairs,0
        person,T01,load,2
        person,T01,interactions,2
        person,T01,quiet_pairs,2

        """

    @Test func fullFiguresAsCSV() {
        #expect(F.csv(F.rows(Self.fullCase)) == Self.fullCSV)
    }

    @Test func outputDoesNotDependOnInputOrder() {
        var shuffled = Self.fullCase
        shuffled.pairs.reverse(); shuffled.people.reverse(); shuffled.deficits.reverse(); shuffled.steps.reverse()
        shuffled.schools.reverse()
        #expect(F.rows(shuffled) == F.rows(Self.fullCase))
    }

    @Test func quietThresholdComesFromTheInput() {
        var input = Self.fullCase
        input.quietThresholdDays = 27
        let quiet = F.rows(input).filter { $0.figure == "quiet" }.map { "\($0.scopeCode) \($0.value)" }
        #expect(quiet == ["M01>SCH-1 true", "T01>T-101 true", "T01>T-102 false", "T01>T-201 true"])
    }

    @Test func jsonHasTheSameRows() throws {
        let rows = F.rows(Self.fullCase)
        #expect(try JSONDecoder().decode([FigureRow].self, from: Data(F.json(rows).utf8)) == rows)
        #expect(F.json(Array(rows.prefix(1))) == """
            [
              {
                "figure" : "interactions",
                "scope" : "pair",
                "scope_code" : "M01>SCH-1",
                "value" : "2"
              }
            ]
            """)
    }

    @Test func csvQuotesFieldsAsRFC4180() {
        let rows = [FigureRow(scope: "school", scopeCode: "ШКОЛА, № 6", figure: "note", value: "«да» \"нет\"")]
        #expect(F.csv(rows) == "scope,scope_code,figure,value\nschool,\"ШКОЛА, № 6\",note,\"«да» \"\"нет\"\"\"\n")
    }

    @Test func decimalsArePlainWithAPoint() {
        #expect(F.hoursText(minutes: 90) == "1.5")
        #expect(F.hoursText(minutes: 120) == "2")
        #expect(F.hoursText(minutes: 15) == "0.25")
        #expect(F.hoursText(minutes: 100) == "1.67")
        #expect(F.hoursText(minutes: 1) == "0.02")
        #expect(F.hoursText(minutes: 0) == "0")
        #expect(F.coverageText(covered: 1, of: 2) == "0.5")
        #expect(F.coverageText(covered: 2, of: 3) == "0.6667")
        #expect(F.coverageText(covered: 3, of: 3) == "1")
        #expect(F.coverageText(covered: 0, of: 3) == "0")
        #expect(F.coverageText(covered: 0, of: 0) == "")
    }

    @Test func methodTextDefinesEveryFigure() {
        let keys = F.Scope.allCases.flatMap { scope in scope.figures.map { "\(scope.rawValue).\($0)" } }
        #expect(F.methodText.map(\.figure) == keys)
        #expect(F.methodText.allSatisfy { !$0.definition.isEmpty })
        #expect(F.methodText.contains { $0.definition.contains("1 августа") })
    }

    /// The municipality rows: accessibility, intensity and coverage on a hand-made case.
    @Test func municipalityFiguresOfAHandMadeCase() {
        let day = { (s: String) in CalendarDay(iso: s)! }
        var input = F.Input(from: day("2026-09-01"), to: day("2026-11-30"), pairs: [
            .init(author: "M1", target: "S1", pool: .mentor, span: .init(from: day("2026-09-01")),
                  interactions: [.init(date: day("2026-09-10"), minutes: 60), .init(date: day("2026-10-10"), minutes: 30), .init(date: day("2026-08-01"), minutes: 45)]),
            .init(author: "M1", target: "S2", pool: .curator, span: .init(from: day("2026-09-01"))),
            .init(author: "M2", target: "S3", pool: .mentor, span: .init(from: day("2026-09-01"), to: day("2026-10-01")),
                  interactions: [.init(date: day("2026-09-15"), minutes: 60)]),
            .init(author: "T1", target: "P1", pool: .tutor, span: .init(), interactions: [.init(date: day("2026-11-01"), minutes: 40)]),
        ])
        input.municipality = "arm"
        input.supportedSchools = ["S1", "S3", "S4"]
        let rows = F.rows(input).filter { $0.scope == "municipality" }
        // Active on 30.11: S1, S2, P1 (S3 ended 01.10); with contact in the period: S1 and P1; interactions of the active: 2 + 0 + 1.
        #expect(rows.map(\.value) == ["3", "2", "0.6667", "1", "3", "1", "0.3333"])
        #expect(rows.allSatisfy { $0.scopeCode == "arm" })
        input.municipality = ""
        #expect(!F.rows(input).contains { $0.scope == "municipality" }, "without a municipality code the command prints the three scopes only")
    }
}
