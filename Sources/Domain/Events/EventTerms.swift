import Foundation

/// The kinds of events a center runs (seeds 000, 003; Concept §4 «постоянно действующий семинар»).
/// Seeded terms, not an editable list: the kinds, formats, modules and projects are the seeds'
/// closed vocabulary, and the coverage figures and reports group by them.
public enum EventKind: String, TitledTerm {
    case seminar, practiceSeminar = "practice_seminar", webinar, videoConference = "video_conference", roundTable = "round_table"
    case masterClass = "master_class", consultation, methodSession = "method_session", training, managementSchool = "management_school"
    case schoolVisit = "school_visit", consulting, supervision, internship

    public var title: String {
        switch self {
        case .seminar: "семинар"
        case .practiceSeminar: "семинар-практикум"
        case .webinar: "вебинар"
        case .videoConference: "видеоконференция"
        case .roundTable: "круглый стол"
        case .masterClass: "мастер-класс"
        case .consultation: "консультация"
        case .methodSession: "методическая сессия"
        case .training: "тренинг"
        case .managementSchool: "занятие «Школы управленческого мастерства»"
        case .schoolVisit: "выезд в школу"
        case .consulting: "консалтинг"
        case .supervision: "супервизия"
        case .internship: "стажировка"
        }
    }
}

public enum EventFormat: String, TitledTerm {
    case inPerson = "in_person", remote, mixed
    public var title: String {
        switch self {
        case .inPerson: "очно"
        case .remote: "дистанционно"
        case .mixed: "смешанный формат"
        }
    }
}

/// The modules of the center's programme (seed 003).
public enum EventModule: String, TitledTerm {
    case subject, lessonQuality = "lesson_quality", assessment, management, psychology, digital
    public var title: String {
        switch self {
        case .subject: "Предметная компетентность"
        case .lessonQuality: "Методическая компетентность (качество урока)"
        case .assessment: "Оценочная деятельность педагога"
        case .management: "Управленческая компетентность"
        case .psychology: "Психолого-педагогическая компетентность"
        case .digital: "Цифровая компетентность"
        }
    }
}

/// The municipal projects an event belongs to (seed 000).
public enum EventProject: String, TitledTerm {
    case methodSubscription = "method_subscription", smartHolidays = "smart_holidays", permanentSeminar = "permanent_seminar", reserveSchool = "reserve_school"
    public var title: String {
        switch self {
        case .methodSubscription: "Методический абонемент"
        case .smartHolidays: "Умные каникулы"
        case .permanentSeminar: "Постоянно действующий семинар"
        case .reserveSchool: "Школа управленческого кадрового резерва"
        }
    }
}

/// draft → published (in the half-year programme) → held (attendance signed off); or cancelled.
public enum EventState: String, TitledTerm {
    case draft, published, held, cancelled
    public var title: String {
        switch self {
        case .draft: "черновик"
        case .published: "опубликовано"
        case .held: "проведено"
        case .cancelled: "отменено"
        }
    }
}

/// A line of a school's application: one teacher for one event, decided by the center.
public enum ApplicationLineStatus: String, TitledTerm {
    case requested, accepted, declined
    public var title: String {
        switch self {
        case .requested: "на рассмотрении"
        case .accepted: "включено в программу"
        case .declined: "отклонено"
        }
    }
}

/// How a person came onto an event's list.
public enum RegistrationSource: String, TitledTerm {
    case selfRegistered = "self", application, center, walkIn = "walk_in"
    public var title: String {
        switch self {
        case .selfRegistered: "записался сам"
        case .application: "по заявке школы"
        case .center: "записан центром"
        case .walkIn: "пришёл без записи"
        }
    }
}

/// A half-year of the programme (Concept §4: «Персонализированная программа разрабатывается на
/// полугодие»): calendar halves, January–June and July–December. Code `2026-1`, `2026-2`.
public struct HalfYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let half: Int
    public init?(year: Int, half: Int) {
        guard (2000...2100).contains(year), half == 1 || half == 2 else { return nil }
        self.year = year; self.half = half
    }
    public init(of day: CalendarDay) { year = day.year; half = day.month <= 6 ? 1 : 2 }
    public init?(code: String) {
        let parts = code.split(separator: "-")
        guard parts.count == 2, let y = Int(parts[0]), let h = Int(parts[1]) else { return nil }
        self.init(year: y, half: h)
    }
    public var code: String { "\(year)-\(half)" }
    public var description: String { code }
    public var first: CalendarDay { CalendarDay(year: year, month: half == 1 ? 1 : 7, day: 1)! }
    public var last: CalendarDay { CalendarDay(year: year, month: half == 1 ? 6 : 12, day: half == 1 ? 30 : 31)! }
    public func contains(_ d: CalendarDay) -> Bool { d >= first && d <= last }
    public var title: String { "\(half == 1 ? "I" : "II") полугодие \(year) года" }
    public var next: HalfYear { half == 1 ? HalfYear(year: year, half: 2)! : HalfYear(year: year + 1, half: 1)! }
    public var previous: HalfYear { half == 2 ? HalfYear(year: year, half: 1)! : HalfYear(year: year - 1, half: 2)! }
    public static func < (a: HalfYear, b: HalfYear) -> Bool { (a.year, a.half) < (b.year, b.half) }
}
