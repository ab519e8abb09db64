import Domain
import Foundation
import Testing

@Suite("«Мои задачи»: the order") struct TasksListTests {
    @Test func overdueFirstThenUrgentThenByDate() {
        let today = CalendarDay(year: 2026, month: 3, day: 10)!
        let items = [
            TaskItem(area: .plans, title: "later", due: today.adding(days: 9), url: "/a"),
            TaskItem(area: .documents, title: "review", url: "/b", urgent: true),
            TaskItem(area: .decisions, title: "late by 1", due: today.adding(days: -1), url: "/c"),
            TaskItem(area: .support, title: "undated", url: "/d"),
            TaskItem(area: .routes, title: "today", due: today, url: "/e"),
            TaskItem(area: .plans, title: "late by 5", due: today.adding(days: -5), url: "/f"),
        ]
        #expect(TaskList.ordered(items, today: today).map(\.title) == ["late by 5", "late by 1", "review", "today", "later", "undated"])
        #expect(TaskList.isListed(due: today.adding(days: 30), today: today) && !TaskList.isListed(due: today.adding(days: 31), today: today))
    }
}
