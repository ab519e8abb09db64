/// A step of an individual educational route (ИОМ, DOMAIN §2): what the teacher does
/// to fill a deficit.
public enum RouteStepKind: String, TitledTerm {
    case course
    case centerEvent = "center_event"
    case tutorConsultation = "tutor_consultation"
    case methodSession = "method_session"
    case selfEducation = "self_education"
    case other

    public var title: String {
        switch self {
        case .course: "Курсы ИРО или другой организации"
        case .centerEvent: "Мероприятие программы центра"
        case .tutorConsultation: "Консультация тьютора"
        case .methodSession: "Методическая сессия"
        case .selfEducation: "Самообразование по теме"
        case .other: "Другое"
        }
    }

    public var aliases: [String] {
        switch self {
        case .course: ["курсы", "курсы повышения квалификации"]
        case .selfEducation: ["самообразование"]
        default: []
        }
    }
}

public enum RouteStepStatus: String, TitledTerm {
    case planned
    case inProgress = "in_progress"
    case done
    case cancelled

    public var title: String {
        switch self {
        case .planned: "Запланирован"
        case .inProgress: "Выполняется"
        case .done: "Выполнен"
        case .cancelled: "Отменён"
        }
    }

    /// Still to be done: can be overdue.
    public var isOpen: Bool { self == .planned || self == .inProgress }
}

/// The state of a whole route: drawn up, agreed with the supporter, in force, finished
/// (seed 001: routes are tracked quarterly and corrected when needed).
public enum RouteState: String, TitledTerm {
    case draft, agreed, active, completed

    public var title: String {
        switch self {
        case .draft: "Черновик"
        case .agreed: "Согласован"
        case .active: "Действует"
        case .completed: "Завершён"
        }
    }
}

/// Who acts on a route.
public enum RouteActor: String, TitledTerm {
    /// The teacher whose route it is, or the school's management team for a team route.
    case owner
    /// The tutor or mentor assigned to the owner.
    case supporter
    /// A specialist of the methodological center.
    case center

    public var title: String {
        switch self {
        case .owner: "Педагог или управленческая команда"
        case .supporter: "Тьютор или наставник"
        case .center: "Специалист центра"
        }
    }

    /// The words a refusal names this actor by, in the nominative.
    var nouns: [String] {
        switch self {
        case .owner: ["педагог", "управленческая команда"]
        case .supporter: ["тьютор", "наставник"]
        case .center: ["специалист центра"]
        }
    }
}
