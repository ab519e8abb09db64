import Foundation

/// «Мои задачи» (issue 11, «Deadlines people can't miss»): one list of what is due for a person
/// from every area. Each area contributes items; this type orders them.
public enum TaskArea: String, CaseIterable, Sendable {
    case plans, routes, support, decisions, documents, risks

    public var title: String {
        switch self {
        case .plans: "Планы"
        case .routes: "ИОМ"
        case .support: "Сопровождение"
        case .decisions: "Решения и рекомендации"
        case .documents: "Документы школ"
        case .risks: "Риски"
        }
    }
}

public struct TaskItem: Sendable, Equatable {
    public var area: TaskArea
    public var title: String
    public var detail: String
    public var due: CalendarDay?
    public var url: String
    /// Urgent without a date (e.g. a quiet pair): ranked with the overdue.
    public var urgent: Bool

    public init(area: TaskArea, title: String, detail: String = "", due: CalendarDay? = nil, url: String, urgent: Bool = false) {
        self.area = area; self.title = title; self.detail = detail; self.due = due; self.url = url; self.urgent = urgent
    }

    public func isOverdue(today: CalendarDay) -> Bool { due.map { $0 < today } ?? false }
}

public enum TaskList {
    /// How far ahead a dated item enters the list (days); overdue items always do.
    public static let horizonDays = 30

    /// Whether a dated item is due soon enough to be listed.
    public static func isListed(due: CalendarDay, today: CalendarDay) -> Bool { due <= today.adding(days: horizonDays) }

    /// Overdue first (the oldest first), then urgent undated ones, then by due date, undated last; ties by area and title.
    public static func ordered(_ items: [TaskItem], today: CalendarDay) -> [TaskItem] {
        func rank(_ t: TaskItem) -> (Int, Int) {
            if t.isOverdue(today: today) { return (0, t.due!.dayNumber) }
            if t.urgent && t.due == nil { return (1, 0) }
            if let d = t.due { return (2, d.dayNumber) }
            return (3, 0)
        }
        return items.sorted { a, b in
            let ra = rank(a), rb = rank(b)
            if ra != rb { return ra < rb }
            if a.area != b.area { return a.area.rawValue < b.area.rawValue }
            return a.title < b.title
        }
    }
}

/// What an in-app notification says happened.
public enum NotificationKind: String, CaseIterable, Sendable {
    case decisionAddressed = "decision_addressed"
    case decisionReported = "decision_reported"
    case decisionControlled = "decision_controlled"
    case documentSubmitted = "document_submitted"
    case documentReturned = "document_returned"
    case documentAccepted = "document_accepted"

    public var title: String {
        switch self {
        case .decisionAddressed: "Новое решение или рекомендация"
        case .decisionReported: "Отчёт об исполнении"
        case .decisionControlled: "Решение по отчёту"
        case .documentSubmitted: "Документ на проверку"
        case .documentReturned: "Документ возвращён"
        case .documentAccepted: "Документ принят"
        }
    }
}
