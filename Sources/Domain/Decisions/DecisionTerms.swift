import Foundation

/// The register of management decisions and addressed recommendations (issue 11, «Decisions and
/// recommendations»; Concept §7.4: a decision is issued as an order, instruction or letter with its
/// deadline, responsible and the form of the report; DOMAIN §6: execution is controlled by who issued it).
public enum DecisionType: String, CaseIterable, Sendable {
    case decision, recommendation
    public var title: String { self == .decision ? "Управленческое решение" : "Адресная рекомендация" }
}

/// To whom: a level of the system, or a named school.
public enum DecisionAddressee: String, CaseIterable, Sendable {
    case department, center, director, school

    public var title: String {
        switch self {
        case .department: "Управление образования"
        case .center: "Методический центр"
        case .director: "Директор школы"
        case .school: "Школа (управленческая команда)"
        }
    }

    public var needsSchool: Bool { self == .director || self == .school }
}

/// Concept §4: decisions are operational or strategic.
public enum DecisionHorizon: String, CaseIterable, Sendable {
    case operational, strategic
    public var title: String { self == .operational ? "оперативное" : "стратегическое" }
}

public enum DecisionForm: String, CaseIterable, Sendable {
    case order, instruction, infoLetter = "info_letter", instructiveLetter = "instructive_letter", methodRecommendations = "method_recommendations", protocol_ = "protocol"

    public var title: String {
        switch self {
        case .order: "Приказ"
        case .instruction: "Распоряжение"
        case .infoLetter: "Информационное письмо"
        case .instructiveLetter: "Инструктивное письмо"
        case .methodRecommendations: "Методические рекомендации"
        case .protocol_: "Протокол совещания"
        }
    }
}

/// issued → reported → accepted, or → returned (the report goes back) → reported again.
public enum DecisionState: String, CaseIterable, Sendable {
    case issued, reported, returned, accepted

    public var title: String {
        switch self {
        case .issued: "на исполнении"
        case .reported: "отчёт на контроле"
        case .returned: "отчёт возвращён"
        case .accepted: "исполнено, принято"
        }
    }

    /// The addressee's turn.
    public var waitsForAddressee: Bool { self == .issued || self == .returned }
}

/// Who issued it, as an organisation: the one who controls it.
public enum DecisionIssuer: String, CaseIterable, Sendable {
    case department, center, admin
    public var title: String {
        switch self {
        case .department: "Управление образования"
        case .center: "Методический центр"
        case .admin: "Администратор системы"
        }
    }
}

public enum DecisionRules {
    /// Overdue: the deadline has passed and the addressee has not reported (or the report came back).
    public static func isOverdue(deadline: CalendarDay, state: DecisionState, today: CalendarDay) -> Bool {
        state.waitsForAddressee && deadline < today
    }

    /// A report given after the deadline: executed late (shown, kept).
    public static func isLate(deadline: CalendarDay, reportDay: CalendarDay?) -> Bool {
        reportDay.map { $0 > deadline } ?? false
    }

    /// The report's problems: the text, and its date neither in the future nor before the issue.
    public static func reportProblems(state: DecisionState, text: String, day: CalendarDay?, issued: CalendarDay, today: CalendarDay) -> [FieldError] {
        guard state.waitsForAddressee else {
            return [FieldError(field: "report", message: state == .accepted ? "Решение уже исполнено и принято." : "Отчёт уже на контроле: дождитесь решения того, кто выдал поручение.")]
        }
        var e: [FieldError] = []
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { e.append(FieldError(field: "report", message: "Напишите отчёт об исполнении: что сделано.")) }
        if let day {
            if day > today { e.append(FieldError(field: "report_day", message: "Дата исполнения \(day.ru) ещё не наступила: укажите фактическую дату.")) }
            if day < issued { e.append(FieldError(field: "report_day", message: "Дата исполнения \(day.ru) раньше даты решения \(issued.ru): исправьте дату.")) }
        } else {
            e.append(FieldError(field: "report_day", message: "Укажите дату исполнения в виде дд.мм.гггг."))
        }
        return e
    }

    /// The issuer's control: accept the report, or return it with a comment.
    public static func controlProblems(state: DecisionState, accept: Bool, comment: String) -> [FieldError] {
        guard state == .reported else {
            return [FieldError(field: "action", message: state == .accepted ? "Решение уже принято." : "Отчёта об исполнении ещё нет: принимать нечего.")]
        }
        if !accept && comment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return [FieldError(field: "comment", message: "Напишите, почему отчёт возвращается и что доделать.")]
        }
        return []
    }
}
