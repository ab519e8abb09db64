/// The form of one contact of a mentor or tutor with the supported (seed 000: tutorials,
/// supervisions, trainings, master classes; seed 001: internships; seed 003: tutors'
/// visits to schools, consultations, methodological sessions).
public enum InteractionForm: String, TitledTerm {
    case consultation
    case schoolVisit = "school_visit"
    case masterClass = "master_class"
    case methodSession = "method_session"
    case tutorial
    case supervision
    case training
    case internship
    case lessonObservation = "lesson_observation"
    case other

    public var title: String {
        switch self {
        case .consultation: "Консультация"
        case .schoolVisit: "Выезд в школу"
        case .masterClass: "Мастер-класс"
        case .methodSession: "Методическая сессия"
        case .tutorial: "Тьюториал"
        case .supervision: "Супервизия"
        case .training: "Тренинг"
        case .internship: "Стажировка"
        case .lessonObservation: "Посещение урока"
        case .other: "Другое"
        }
    }

    public var aliases: [String] {
        switch self {
        case .schoolVisit: ["выход в школу", "выход в оо"]
        case .masterClass: ["мастер класс"]
        case .lessonObservation: ["посещение уроков"]
        default: []
        }
    }
}

/// Seed 003: «каждая методическая сессия включает дистанционные и очные формы работы».
public enum InteractionFormat: String, TitledTerm {
    case remote
    case inPerson = "in_person"

    public var title: String {
        switch self {
        case .remote: "Дистанционно"
        case .inPerson: "Очно"
        }
    }

    public var aliases: [String] {
        switch self {
        case .remote: ["онлайн", "online", "дистанционная", "дистанционный"]
        case .inPerson: ["очная", "очный", "offline"]
        }
    }
}

/// Who a supporter is for the supported (DOMAIN §1): a mentor of a school's management
/// team (МНЦ), a tutor of a subject teacher (МТКП), or a curator of a school.
public enum SupportPool: String, TitledTerm {
    case mentor, tutor, curator

    public var title: String {
        switch self {
        case .mentor: "Наставник"
        case .tutor: "Тьютор"
        case .curator: "Куратор"
        }
    }

    public var aliases: [String] {
        self == .curator ? ["куратор-наставник"] : []
    }

    /// The assignment (DOMAIN §2 «закрепление») that puts a person into the pool.
    public var assignmentKind: AssignmentKind {
        switch self {
        case .mentor: .mentorSchool
        case .tutor: .tutorTeacher
        case .curator: .curatorSchool
        }
    }

    /// Mentors and curators are assigned to a school, tutors to a teacher.
    public var targetsSchool: Bool { self != .tutor }
}
