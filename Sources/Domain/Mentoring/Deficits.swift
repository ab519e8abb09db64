/// The area of a professional deficit (DOMAIN §2; the modules of seed 003:
/// «Предметная компетентность», «Методическая компетентность (качество урока)»,
/// «Оценочная деятельность педагога»).
public enum DeficitArea: String, TitledTerm {
    case subject
    case methodological
    case assessment
    case digital
    case psychoPedagogical = "psycho_pedagogical"
    case management

    public var title: String {
        switch self {
        case .subject: "Предметные"
        case .methodological: "Методические / качество урока"
        case .assessment: "Оценочные"
        case .digital: "Цифровые"
        case .psychoPedagogical: "Психолого-педагогические"
        case .management: "Управленческие — для администрации"
        }
    }

    public var aliases: [String] {
        switch self {
        case .subject: ["предметная компетентность", "предметный"]
        case .methodological: ["методические", "методическая компетентность (качество урока)", "методическая компетентность", "качество урока"]
        case .assessment: ["оценочная деятельность педагога", "оценочная деятельность"]
        case .digital: ["цифровая компетентность"]
        case .psychoPedagogical: ["психолого-педагогическая компетентность"]
        case .management: ["управленческие", "управленческая компетентность"]
        }
    }
}

/// Where a deficit was found (DOMAIN §2; Concept §5.1 and its collection methods).
public enum DeficitSource: String, TitledTerm {
    case iroTest = "iro_test"
    case expertAssessment = "expert"
    case lessonObservation = "lesson_observation"
    case survey
    case selfAssessment = "self_assessment"

    public var title: String {
        switch self {
        case .iroTest: "Тест ИРО"
        case .expertAssessment: "Экспертная оценка муниципального сообщества"
        case .lessonObservation: "Протокол посещения урока"
        case .survey: "Анкетирование"
        case .selfAssessment: "Самооценка"
        }
    }

    public var aliases: [String] {
        switch self {
        case .iroTest: ["тестирование ИРО", "тест"]
        case .expertAssessment: ["экспертная оценка"]
        case .lessonObservation: ["посещение урока"]
        case .survey: ["анкета", "опрос"]
        case .selfAssessment: []
        }
    }
}

/// The five indicators of a teacher's subject competence, recorded per teacher per
/// year (Concept §5.1, «Показатели по оценке предметных компетенций педагогических работников»).
public enum SubjectCompetenceIndicator: String, TitledTerm {
    case expertAssessment = "expert_assessment"
    case iroTest = "iro_test"
    case iroCertificate = "iro_certificate"
    case qualificationCategory = "qualification_category"
    case advancedLevelTeaching = "advanced_level_teaching"

    public var title: String {
        switch self {
        case .expertAssessment: "Экспертная оценка уровня предметной компетенции муниципальным сообществом"
        case .iroTest: "Тестовая оценка уровня предметной компетенции в ИРО"
        case .iroCertificate: "Удостоверение ИРО о повышении квалификации / профессиональной переподготовке за последний год"
        case .qualificationCategory: "Квалификационная категория (высшая, первая)"
        case .advancedLevelTeaching: "Преподавание предметов на углублённом уровне в первом и/или втором полугодии"
        }
    }
}

/// One teacher's value of one subject-competence indicator in a year. `value` is the
/// text as entered (a level or score for the assessments, «да»/«нет» for the
/// certificate and advanced teaching, the category's title): the Concept gives no scale.
public struct SubjectCompetenceRecord: Sendable, Hashable, Codable {
    public var teacher: String
    /// The diagnostics year (`DeficitRules.diagnosticsYear(of:)`).
    public var year: Int
    public var indicator: SubjectCompetenceIndicator
    public var value: String

    public init(teacher: String, year: Int, indicator: SubjectCompetenceIndicator, value: String) {
        self.teacher = teacher; self.year = year; self.indicator = indicator; self.value = value
    }
}

/// A professional deficit of a teacher (or of a member of a management team) found
/// by a diagnostic.
public struct ProfessionalDeficit: Sendable, Hashable, Codable {
    /// Staff code of the teacher.
    public var teacher: String
    /// Code of the teacher's school.
    public var school: String
    public var area: DeficitArea
    /// The day of the diagnostic that found it.
    public var date: CalendarDay
    /// The diagnostics year it belongs to; by default the one containing `date`.
    public var year: Int
    public var source: DeficitSource?

    public init(teacher: String, school: String, area: DeficitArea, date: CalendarDay,
                year: Int? = nil, source: DeficitSource? = nil) {
        self.teacher = teacher; self.school = school; self.area = area; self.date = date
        self.year = year ?? DeficitRules.diagnosticsYear(of: date)
        self.source = source
    }
}

/// The outcome of one diagnostic of a teacher in one area: a deficit found or not.
public struct DiagnosticResult: Sendable, Hashable, Codable {
    public var teacher: String
    public var area: DeficitArea
    public var date: CalendarDay
    public var hasDeficit: Bool

    public init(teacher: String, area: DeficitArea, date: CalendarDay, hasDeficit: Bool) {
        self.teacher = teacher; self.area = area; self.date = date; self.hasDeficit = hasDeficit
    }
}
