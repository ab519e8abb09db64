import Vapor
import Fluent
import Domain

/// What the center's assignment forms check beyond the form itself: the period (from / to),
/// the supporter's load against their capacity (over it only with a confirmation, then
/// flagged), and that an active assignment of the same pair is not entered twice. Ended
/// assignments stay as history; re-assigning is ending one and adding another.
enum AssignmentRules {
    struct Refusal: Error { let message: String }

    /// The period from the form's `starts_on` / `ends_on` (empty: since the order / open).
    static func period(_ f: FormFields, into a: Assignment) throws(Refusal) {
        let zone = CuratorshipService.zone
        var from: CalendarDay?, to: CalendarDay?
        if !f["starts_on"].isEmpty {
            guard let d = CalendarDay.form(f["starts_on"]) else { throw Refusal(message: "Дата начала — в виде дд.мм.гггг, например 01.09.2026.") }
            from = d
        }
        if !f["ends_on"].isEmpty {
            guard let d = CalendarDay.form(f["ends_on"]) else { throw Refusal(message: "Дата окончания — в виде дд.мм.гггг, например 31.05.2027.") }
            to = d
        }
        if let from, let to, to < from { throw Refusal(message: "Дата окончания раньше даты начала: проверьте даты.") }
        a.startsOn = from?.date(timeZone: zone) ?? a.orderDate
        a.endsOn = to?.date(timeZone: zone)
    }

    static func span(_ a: Assignment) -> AssignmentSpan { AssignmentSpan(from: CuratorshipService.day(a.startsOn), to: CuratorshipService.day(a.endsOn)) }

    /// The supporter's load on `day` (their assignments of the pool's kinds) and capacity.
    static func load(of personID: UUID, pool: SupportPool, municipalityID: UUID, on day: CalendarDay, db: any Database) async throws -> (load: Int, capacity: Int) {
        let kinds = pool == .tutor ? [AssignmentKind.tutorTeacher] : [.mentorSchool, .curatorSchool]
        let spans = try await Assignment.query(on: db).filter(\.$person.$id == personID).filter(\.$kind ~~ kinds.map(\.rawValue)).all().map(span)
        let settings = try await MentoringSettings.load(municipalityID, on: db)
        // 0: no capacity of their own (the row keeps the training flag only).
        let own = try await SupportCapacity.query(on: db).filter(\.$personID == personID).first()?.capacity.nonZero
        let capacity = Capacity.effective(personal: own, municipalDefault: pool == .tutor ? settings.tutorCapacity : settings.mentorCapacity)
        return (Capacity.load(assignments: spans, at: day), capacity)
    }

    /// Sets `overCapacity` when the new assignment goes beyond the supporter's capacity on its first
    /// day; without the form's confirmation (`confirm_over_capacity`) refuses with the figures.
    static func checkCapacity(_ a: Assignment, person: Person, pool: SupportPool, confirmed: Bool, today: CalendarDay, db: any Database) async throws {
        let day = CuratorshipService.day(a.startsOn).map { max($0, today) } ?? today
        let (load, capacity) = try await load(of: person.id!, pool: pool, municipalityID: a.municipalityID, on: day, db: db)
        guard Capacity.wouldExceed(currentLoad: load, capacity: capacity) else { a.overCapacity = false; return }
        guard confirmed else {
            throw Refusal(message: "У \(person.fullName) уже закреплений: \(load) при норме \(capacity). Чтобы закрепить сверх нормы, отметьте «Закрепить сверх нормы» и отправьте форму ещё раз.")
        }
        a.overCapacity = true
    }

    /// An active assignment of the same pair already exists (an ended one is history, not a duplicate).
    static func isDuplicate(_ a: Assignment, today: CalendarDay, db: any Database) async throws -> Bool {
        var q = Assignment.query(on: db).filter(\.$kind == a.kind)
        if let s = a.$school.id { q = q.filter(\.$school.$id == s) }
        if let t = a.$teacher.id { q = q.filter(\.$teacher.$id == t) }
        if let p = a.$person.id { q = q.filter(\.$person.$id == p) }
        if let l = a.$leaderSchool.id { q = q.filter(\.$leaderSchool.$id == l) }
        return try await q.all().contains { span($0).to.map { $0 >= today } ?? true }
    }
}

extension CalendarDay {
    /// A date typed into a form: дд.мм.гггг or ISO, in the years the system can mean (2000–2100).
    static func form(_ text: String) -> CalendarDay? {
        CalendarDay.parse(text).flatMap { (2000...2100).contains($0.year) ? $0 : nil }
    }
}

extension Int {
    var nonZero: Int? { self == 0 ? nil : self }
}
