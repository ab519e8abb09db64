import Foundation
import Testing
@testable import Domain

private func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }

@Suite("Plans: occurrences and execution figures") struct PlansFiguresTests {
    typealias F = PlanFigures

    @Test func occurrencesFollowCalendarPeriodsWhoseLastDayFallsInTheRange() {
        #expect(PlanOccurrences.dueDays(start: nil, deadline: day("2026-03-15"), recurrence: .none) == [day("2026-03-15")])
        #expect(PlanOccurrences.dueDays(start: day("2026-01-15"), deadline: day("2026-04-30"), recurrence: .monthly)
                == [day("2026-01-31"), day("2026-02-28"), day("2026-03-31"), day("2026-04-30")])
        // 2028 is a leap year; the deadline one day before the end of April leaves April out.
        #expect(PlanOccurrences.dueDays(start: day("2028-02-01"), deadline: day("2028-04-29"), recurrence: .monthly)
                == [day("2028-02-29"), day("2028-03-31")])
        #expect(PlanOccurrences.dueDays(start: day("2025-09-01"), deadline: day("2026-08-31"), recurrence: .quarterly)
                == [day("2025-09-30"), day("2025-12-31"), day("2026-03-31"), day("2026-06-30")])
        #expect(PlanOccurrences.dueDays(start: day("2025-09-01"), deadline: day("2026-08-31"), recurrence: .halfYear)
                == [day("2025-12-31"), day("2026-06-30")])
        // A start on the last day of a period counts that period.
        #expect(PlanOccurrences.dueDays(start: day("2026-06-30"), deadline: day("2026-12-31"), recurrence: .halfYear)
                == [day("2026-06-30"), day("2026-12-31")])
        // A range inside one quarter that misses its end yields nothing; so does a recurring item without a start.
        #expect(PlanOccurrences.dueDays(start: day("2026-01-10"), deadline: day("2026-03-30"), recurrence: .quarterly) == [])
        #expect(PlanOccurrences.dueDays(start: nil, deadline: day("2026-12-31"), recurrence: .monthly) == [])
        #expect(PlanOccurrences.dueDays(start: day("2026-05-01"), deadline: day("2026-04-01"), recurrence: .monthly) == [])
    }

    /// A hand-made plan at 31.03.2026:
    /// A one-off due exactly on the date, done on it (due, done, on time);
    /// B one-off due 10.03, done a day late on 11.03 (due, done, not on time);
    /// C monthly 01.01–30.06: Jan done on time, Feb not done, Mar done 05.04 (after the date: not done yet);
    /// D quarterly, cancelled (counts nowhere, though it has executions);
    /// E one-off due 15.05 — not due yet.
    static let plan: [F.Item] = [
        F.Item(deadline: day("2026-03-31"), targets: [.management], addresses: "дефицит: анализ результатов ВПР",
               executed: [day("2026-03-31"): day("2026-03-31")]),
        F.Item(deadline: day("2026-03-10"), targets: [.teachers], executed: [day("2026-03-10"): day("2026-03-11")]),
        F.Item(start: day("2026-01-01"), deadline: day("2026-06-30"), recurrence: .monthly, status: .inProgress, targets: [.teachers],
               addresses: "риск учебной неуспешности", executed: [day("2026-01-31"): day("2026-01-30"), day("2026-03-31"): day("2026-04-05")]),
        F.Item(start: day("2026-01-01"), deadline: day("2026-12-31"), recurrence: .quarterly, status: .cancelled, targets: [.shmo],
               addresses: "x", executed: [day("2026-03-31"): day("2026-03-01")]),
        F.Item(deadline: day("2026-05-15")),
    ]

    @Test func figuresOfAHandMadePlan() {
        let r = F.compute(Self.plan, asOf: day("2026-03-31"))
        #expect(r.items == 4)
        #expect(r.due == 5)      // A, B, C Jan, Feb, Mar
        #expect(r.done == 3)     // A, B, C Jan
        #expect(r.onTime == 2)   // A, C Jan
        #expect(r.cyclic)
        #expect(r.groupsCovered == 2) // management, teachers (ШМО only in the cancelled item)
        let v = Dictionary(uniqueKeysWithValues: F.values(r).map { ($0.figure, $0.value) })
        #expect(v == ["items": "4", "due": "5", "done": "3", "on_time": "2", "completeness": "0.6", "timeliness": "0.4",
                      "targeted_share": "0.5", "cyclic": "true", "groups_covered": "2"])
        #expect(F.values(r).map(\.figure) == F.figures)
    }

    @Test func theDayAfterTheLateExecutionAndLater() {
        // At 05.04 C's March occurrence is done (late): done 4 of 5, on time still 2.
        let r = F.compute(Self.plan, asOf: day("2026-04-05"))
        #expect((r.due, r.done, r.onTime) == (5, 4, 2))
        // The day before A's deadline A is not due yet.
        let before = F.compute(Self.plan, asOf: day("2026-03-30"))
        #expect((before.due, before.done, before.onTime) == (3, 2, 1))
    }

    @Test func nothingDueLeavesTheRatiosEmpty() {
        let r = F.compute(Self.plan, asOf: day("2026-01-01"))
        #expect(r.due == 0)
        let v = Dictionary(uniqueKeysWithValues: F.values(r).map { ($0.figure, $0) })
        #expect(v["completeness"]?.value == "" && v["timeliness"]?.value == "")
        #expect(v["completeness"]?.ru == "—")
        #expect(v["targeted_share"]?.value == "0.5")
        let empty = F.compute([], asOf: day("2026-01-01"))
        #expect(F.values(empty).map(\.value) == ["0", "0", "0", "0", "", "", "", "false", "0"])
    }

    @Test func onlyCancelledItemsCountNowhere() {
        let r = F.compute([Self.plan[3]], asOf: day("2026-12-31"))
        #expect((r.items, r.due, r.done, r.cyclic, r.groupsCovered) == (0, 0, 0, false, 0))
    }

    @Test func exportHasTheSixColumns() {
        let key = F.PlanKey(owner: "municipality", kind: "roadmap", year: 2026, title: "Дорожная карта, 2026")
        let rows = F.rows([(key, F.compute(Self.plan, asOf: day("2026-03-31")))])
        #expect(rows.count == 9)
        let csv = F.csv(rows)
        #expect(csv.hasPrefix("plan_owner,plan_kind,plan_year,plan_title,figure,value\n"))
        #expect(csv.contains("municipality,roadmap,2026,\"Дорожная карта, 2026\",completeness,0.6\n"))
        #expect(F.json(rows).contains("\"plan_owner\" : \"municipality\""))
        #expect(F.methodText.map(\.figure) == F.figures)
    }

    @Test func termsParseRussianAndCodes() {
        #expect(PlanRecurrence.parse("half_year") == .halfYear && PlanRecurrence.parse("Ежеквартально") == .quarterly)
        #expect(PlanItemStatus.parse("в работе") == .inProgress && PlanItemStatus.parse("done") == .done)
        let t = PlanTargetGroup.parseList("management, ШМО ,учителя")
        #expect(t.groups == [.management, .shmo, .teachers] && t.unknown == nil)
        #expect(PlanTargetGroup.parseList("teachers, parents").unknown == "parents")
        #expect(PlanOccurrences.nextYear(day("2028-02-29")) == day("2029-02-28"))
    }
}
