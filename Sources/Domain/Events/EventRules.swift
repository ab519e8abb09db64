import Foundation

/// A time of day, minutes after midnight, written `10:00`.
public struct DayTime: Hashable, Comparable, Sendable {
    public let minutes: Int
    public init?(minutes: Int) { guard (0..<24 * 60).contains(minutes) else { return nil }; self.minutes = minutes }
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m) else { return nil }
        minutes = h * 60 + m
    }
    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }
    public var text: String { String(format: "%02d:%02d", hour, minute) }
    public static func < (a: DayTime, b: DayTime) -> Bool { a.minutes < b.minutes }
}

/// An event's values from its form, checked.
public struct EventDraft: Sendable, Equatable {
    public var title: String
    public var kind: EventKind
    public var format: EventFormat
    public var module: EventModule?
    public var project: EventProject?
    public var day: CalendarDay
    public var start: DayTime
    public var end: DayTime
    public var place: String
    public var link: String
    public var organiser: String
    public var speakers: String
    public var audience: Set<PlanTargetGroup>
    /// 0: no limit.
    public var capacity: Int
}

/// The raw text of an event's form.
public struct EventInput: Sendable {
    public var title = "", kind = "", format = "", module = "", project = "", day = "", start = "", end = ""
    public var place = "", link = "", organiser = "", speakers = "", capacity = ""
    public var audience: [String] = []
    public init() {}
}

public enum EventRules {
    /// The draft, or the errors by field (Russian, saying what to fix).
    public static func check(_ i: EventInput) -> (EventDraft?, [FieldError]) {
        var errors: [FieldError] = []
        let title = i.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { errors.append(.init(field: "title", message: "Укажите тему мероприятия.")) }
        let kind = EventKind(rawValue: i.kind)
        if kind == nil { errors.append(.init(field: "kind", message: "Выберите вид мероприятия.")) }
        let format = EventFormat(rawValue: i.format)
        if format == nil { errors.append(.init(field: "format", message: "Выберите формат: очно, дистанционно или смешанный.")) }
        let module = i.module.isEmpty ? nil : EventModule(rawValue: i.module)
        if !i.module.isEmpty && module == nil { errors.append(.init(field: "module", message: "Выберите модуль из списка.")) }
        let project = i.project.isEmpty ? nil : EventProject(rawValue: i.project)
        if !i.project.isEmpty && project == nil { errors.append(.init(field: "project", message: "Выберите проект из списка.")) }
        let day = CalendarDay.parse(i.day.trimmingCharacters(in: .whitespaces))
        if day == nil { errors.append(.init(field: "day", message: i.day.isEmpty ? "Укажите дату проведения." : "Дата — в виде дд.мм.гггг.")) }
        let start = DayTime(i.start)
        if start == nil { errors.append(.init(field: "start", message: "Время начала — в виде 10:00.")) }
        let end = DayTime(i.end)
        if end == nil { errors.append(.init(field: "end", message: "Время окончания — в виде 11:30.")) }
        if let s = start, let e = end, e <= s { errors.append(.init(field: "end", message: "Окончание \(e.text) не позже начала \(s.text): исправьте время.")) }
        let capacityText = i.capacity.trimmingCharacters(in: .whitespaces)
        let capacity = capacityText.isEmpty ? 0 : Int(capacityText)
        if capacity == nil || capacity! < 0 || capacity! > 10_000 {
            errors.append(.init(field: "capacity", message: "Число мест — целое от 0 до 10 000 (0 или пусто — без ограничения)."))
        }
        let link = i.link.trimmingCharacters(in: .whitespaces)
        if !link.isEmpty && !(link.hasPrefix("https://") || link.hasPrefix("http://")) {
            errors.append(.init(field: "link", message: "Ссылка должна начинаться с https:// или http://."))
        }
        let place = i.place.trimmingCharacters(in: .whitespaces)
        if let f = format {
            if f != .remote && place.isEmpty { errors.append(.init(field: "place", message: "Укажите место проведения (для очного и смешанного формата).")) }
            if f != .inPerson && link.isEmpty { errors.append(.init(field: "link", message: "Укажите ссылку на подключение (для дистанционного и смешанного формата).")) }
        }
        let audience = Set(i.audience.compactMap(PlanTargetGroup.init(rawValue:)))
        if audience.isEmpty { errors.append(.init(field: "audience", message: "Отметьте хотя бы одну целевую группу.")) }
        guard errors.isEmpty, let kind, let format, let day, let start, let end, let capacity else { return (nil, errors) }
        return (EventDraft(title: String(title.prefix(500)), kind: kind, format: format, module: module, project: project, day: day, start: start, end: end,
                           place: String(place.prefix(500)), link: String(link.prefix(1000)), organiser: String(i.organiser.prefix(300)),
                           speakers: String(i.speakers.prefix(500)), audience: audience, capacity: capacity), [])
    }

    /// Whether one more person fits (`capacity` 0: no limit). Walk-ins are let in regardless.
    public static func hasRoom(capacity: Int, registered: Int) -> Bool { capacity == 0 || registered < capacity }

    /// Why a registration is refused, in Russian; nil when it is allowed.
    public static func registrationRefusal(state: EventState, day: CalendarDay, today: CalendarDay, capacity: Int, registered: Int) -> String? {
        switch state {
        case .draft: return "Мероприятие ещё не опубликовано: запись откроется после публикации программы."
        case .cancelled: return "Мероприятие отменено."
        case .held: return "Мероприятие уже проведено, посещаемость подписана."
        case .published: break
        }
        if day < today { return "Мероприятие уже прошло (\(day.ru)): запись закрыта." }
        if !hasRoom(capacity: capacity, registered: registered) { return "Мест нет: записано \(registered) из \(capacity)." }
        return nil
    }

    /// Application lines naming people who are not teachers of the applying school: refused as a whole.
    public static func foreignTeachers(named: [UUID], ofSchool teachers: Set<UUID>) -> [UUID] {
        named.filter { !teachers.contains($0) }
    }

    /// Sign-off needs the day to have come and the event to be published.
    public static func signOffRefusal(state: EventState, day: CalendarDay, today: CalendarDay) -> String? {
        switch state {
        case .held: return "Посещаемость уже подписана."
        case .draft: return "Мероприятие не опубликовано: подписывать нечего."
        case .cancelled: return "Мероприятие отменено."
        case .published: return day > today ? "Мероприятие ещё не состоялось (\(day.ru)): подпишите посещаемость в день проведения или позже." : nil
        }
    }
}
