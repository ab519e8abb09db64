import Foundation

/// A supported school's documents under review (issue 11, «School documents under review»;
/// Concept §7.4 p. 2 and 5: the programmes of transition to the effective mode and their expert review).
public enum SchoolDocumentKind: String, CaseIterable, Sendable, Codable {
    case concept
    case programme
    case antiRisk = "anti_risk"
    case roadmap

    public var title: String {
        switch self {
        case .concept: "Концепция развития"
        case .programme: "Среднесрочная программа (программа перехода в эффективный режим)"
        case .antiRisk: "Антирисковая программа"
        case .roadmap: "Дорожная карта"
        }
    }

    /// An anti-risk programme exists once per chosen risk; the others once per school and year.
    public var needsRisk: Bool { self == .antiRisk }
}

/// required → submitted → under review → returned with comments (→ submitted again, a new version) → accepted.
public enum SchoolDocumentState: String, CaseIterable, Sendable, Codable {
    case required, submitted, underReview = "under_review", returned, accepted

    public var title: String {
        switch self {
        case .required: "не сдан"
        case .submitted: "сдан на проверку"
        case .underReview: "на проверке"
        case .returned: "возвращён с замечаниями"
        case .accepted: "принят"
        }
    }

    /// The school's turn: nothing submitted yet, or returned for a new version.
    public var waitsForSchool: Bool { self == .required || self == .returned }
    /// The reviewer's turn.
    public var waitsForReview: Bool { self == .submitted || self == .underReview }
}

/// What a reviewer does with the submitted version.
public enum DocumentReviewAction: String, CaseIterable, Sendable {
    case start, `return`, accept

    public var title: String {
        switch self {
        case .start: "Взять на проверку"
        case .return: "Вернуть с замечаниями"
        case .accept: "Принять"
        }
    }
}

/// The rules of the review workflow: pure functions over states, with Russian refusals that say what to do.
public enum DocumentWorkflow {
    /// Whether the school may submit now (a first version, or a new one after a return).
    public static func submitProblem(state: SchoolDocumentState, hasFile: Bool, hasPlan: Bool) -> String? {
        switch state {
        case .submitted, .underReview: return "Документ уже на проверке: дождитесь решения наставника или куратора."
        case .accepted: return "Документ уже принят: новая версия не нужна."
        case .required, .returned:
            return hasFile || hasPlan ? nil : "Прикрепите файл документа или выберите план из раздела «Планы»."
        }
    }

    /// The state after a reviewer's action, or the Russian refusal.
    public static func review(_ action: DocumentReviewAction, state: SchoolDocumentState, comment: String) -> Result<SchoolDocumentState, ReviewRefusal> {
        guard state.waitsForReview else {
            return .failure(ReviewRefusal(field: "action", message: state == .accepted ? "Документ уже принят." : "Документ ещё не сдан на проверку: проверять нечего."))
        }
        switch action {
        case .start:
            return state == .submitted ? .success(.underReview) : .failure(ReviewRefusal(field: "action", message: "Документ уже на проверке."))
        case .return:
            let text = comment.trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? .failure(ReviewRefusal(field: "comment", message: "Напишите замечания: что школе исправить в документе.")) : .success(.returned)
        case .accept:
            return .success(.accepted)
        }
    }

    public struct ReviewRefusal: Error, Sendable, Equatable {
        public var field: String, message: String
    }

    /// Not submitted (or returned) after its due date.
    public static func isOverdue(due: CalendarDay?, state: SchoolDocumentState, today: CalendarDay) -> Bool {
        guard let due, state.waitsForSchool else { return false }
        return due < today
    }

    /// The center's control table: overdue first (oldest due first), then waiting for the school
    /// by due date, then waiting for review, then accepted.
    public static func controlRank(due: CalendarDay?, state: SchoolDocumentState, today: CalendarDay) -> (Int, Int) {
        let day = due?.dayNumber ?? Int.max
        if isOverdue(due: due, state: state, today: today) { return (0, day) }
        if state.waitsForSchool { return (1, day) }
        if state.waitsForReview { return (2, day) }
        return (3, day)
    }
}
