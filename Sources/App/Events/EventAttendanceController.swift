import Vapor
import Fluent
import Views
import Domain

/// Registration (oneself, a school its staff, the center anyone), the route step an attendance
/// completes, the organiser's marks with walk-ins, and the sign-off that executes the plan
/// occurrence (through `PlanService`) and completes the linked route steps (by `RouteWorkflow`).
enum EventAttendanceController {
    static func back(_ req: Request, _ e: EventRecord, _ text: String, kind: Flash.Kind = .success) -> Response {
        req.redirect(SiteURL.event(e.id!.uuidString).path, flash: text, kind: kind)
    }

    @Sendable static func register(req: Request) async throws -> Response {
        let (e, m) = try await EventService.load(req)
        let p = try req.principal()
        let f = FormFields(req)
        guard let pid = f.uuid("person") ?? p.personID else {
            return back(req, e, "Выберите, кого записать.", kind: .error)
        }
        guard let person = try await Person.find(pid, on: req.db), person.$municipality.id == m.id else {
            return back(req, e, "Записать можно только людей муниципалитета «\(m.name)».", kind: .error)
        }
        guard Access.canRegister(person: pid, at: person.place, p) else { throw AppError.forbidden }
        let regs = try await EventService.registrations([e.id!], on: req.db)[e.id!] ?? []
        if regs.contains(where: { $0.$person.id == pid }) { return back(req, e, "\(person.fullName) уже в списке.", kind: .info) }
        if let refusal = EventRules.registrationRefusal(state: e.eventState, day: e.calendarDay, today: EventService.today(req), capacity: e.capacity,
                                                        registered: EventService.booked(regs)) {
            return back(req, e, refusal, kind: .error)
        }
        let r = EventRegistration()
        r.$event.id = e.id!; r.$person.id = pid; r.attended = false
        r.source = (pid == p.personID ? RegistrationSource.selfRegistered : .center).rawValue
        try await req.db.transaction { db in
            try await r.create(on: db)
            try await Audit.record(req, on: db, .create, entity: "event_registration", id: r.id, label: "\(e.title): \(person.fullName)", municipalityID: m.id)
        }
        return back(req, e, pid == p.personID ? "Вы записаны на мероприятие \(e.calendarDay.ru) в \(e.start.text)." : "\(person.fullName) записан(а).")
    }

    @Sendable static func unregister(req: Request) async throws -> Response {
        let (e, m) = try await EventService.load(req)
        let p = try req.principal()
        guard let pid = p.personID, let r = try await EventRegistration.query(on: req.db).filter(\.$event.$id == e.id!).filter(\.$person.$id == pid).first() else {
            return back(req, e, "Вы не записаны на это мероприятие.", kind: .info)
        }
        guard e.eventState == .published, e.calendarDay >= EventService.today(req) else { return back(req, e, "Мероприятие прошло: запись не отменяется.", kind: .error) }
        try await req.db.transaction { db in
            try await r.delete(on: db)
            try await Audit.record(req, on: db, .delete, entity: "event_registration", id: r.id, label: "\(e.title): запись отменена", municipalityID: m.id)
        }
        return back(req, e, "Запись отменена.")
    }

    /// The step of one's route that the attendance completes; empty clears it.
    @Sendable static func routeStep(req: Request) async throws -> Response {
        let (e, m) = try await EventService.load(req)
        let p = try req.principal()
        guard let pid = p.personID, let r = try await EventRegistration.query(on: req.db).filter(\.$event.$id == e.id!).filter(\.$person.$id == pid).first() else {
            return back(req, e, "Сначала запишитесь на мероприятие.", kind: .error)
        }
        if e.eventState == .held { return back(req, e, "Посещаемость уже подписана.", kind: .error) }
        let f = FormFields(req)
        var chosen: RouteStepRecord?
        if !f["step"].isEmpty {
            guard let sid = f.uuid("step"), let s = try await EventsController.openSteps(of: pid, on: req.db).first(where: { $0.id == sid }) else {
                return back(req, e, "Выберите незавершённый шаг своего ИОМ из списка.", kind: .error)
            }
            chosen = s
        }
        let step = chosen
        let before = r.routeStepID?.uuidString ?? ""
        r.routeStepID = step?.id
        try await req.db.transaction { db in
            try await r.update(on: db)
            try await Audit.record(req, on: db, .update, entity: "event_registration", id: r.id, label: "\(e.title): шаг ИОМ", municipalityID: m.id,
                                   before: ["step": before], after: ["step": step?.id?.uuidString ?? ""])
        }
        return back(req, e, step.map { "Посещение будет засчитано в шаг «\($0.title)»." } ?? "Шаг ИОМ больше не связан с мероприятием.")
    }

    /// The organiser's marks: who of the list came, and one walk-in at a time.
    @Sendable static func attendance(req: Request) async throws -> Response {
        let (e, m) = try await EventService.load(req, edit: true)
        guard e.eventState == .published else { return back(req, e, "Отмечать можно только опубликованное и ещё не подписанное мероприятие.", kind: .error) }
        if e.calendarDay > EventService.today(req) { return back(req, e, "Мероприятие ещё не состоялось (\(e.calendarDay.ru)): отметьте присутствие в день проведения.", kind: .error) }
        let f = FormFields(req)
        let present = Set(f.all("present").compactMap(UUID.init(uuidString:)))
        let regs = try await EventService.registrations([e.id!], on: req.db)[e.id!] ?? []
        var found: Person?
        if !f["walk_in"].isEmpty {
            guard let wid = f.uuid("walk_in"), let w = try await Person.find(wid, on: req.db), w.$municipality.id == m.id else {
                return back(req, e, "Пришедшего без записи выберите из списка людей муниципалитета.", kind: .error)
            }
            if !regs.contains(where: { $0.$person.id == wid }) { found = w }
        }
        let walkIn = found
        try await req.db.transaction { db in
            for r in regs where r.attended != present.contains(r.$person.id) {
                r.attended = present.contains(r.$person.id)
                try await r.update(on: db)
            }
            if let w = walkIn {
                let r = EventRegistration()
                r.$event.id = e.id!; r.$person.id = w.id!; r.source = RegistrationSource.walkIn.rawValue; r.attended = true
                try await r.create(on: db)
            }
            try await Audit.record(req, on: db, .update, entity: "event_attendance", id: e.id, label: "\(e.title): отметки присутствия", municipalityID: m.id,
                                   after: ["present": present.map(\.uuidString).sorted().joined(separator: ","), "walk_in": walkIn?.id?.uuidString ?? ""])
        }
        let count = regs.filter { present.contains($0.$person.id) }.count + (walkIn == nil ? 0 : 1)
        return back(req, e, "Отметки сохранены: присутствовали \(count)." + (walkIn.map { " \($0.fullName) добавлен(а) без записи." } ?? ""))
    }

    /// Signs the attendance off: the event is held; the linked steps of those present are done;
    /// the plan occurrence it executes is recorded as executed on the event's day.
    @Sendable static func signOff(req: Request) async throws -> Response {
        let (e, m) = try await EventService.load(req, edit: true)
        let today = EventService.today(req)
        if let refusal = EventRules.signOffRefusal(state: e.eventState, day: e.calendarDay, today: today) { return back(req, e, refusal, kind: .error) }
        let regs = try await EventService.registrations([e.id!], on: req.db)[e.id!] ?? []
        let present = regs.filter(\.attended)
        let steps = try await RouteStepRecord.query(on: req.db).filter(\.$id ~~ present.compactMap(\.routeStepID)).with(\.$route).all()
        let item = try await e.planItemID.asyncMap { try await PlanItem.find($0, on: req.db) } ?? nil
        let due = e.planDueDay.flatMap(CalendarDay.init(iso:))
        let planRefusal = item.flatMap { i in due.flatMap { PlanService.executionRefusal(i, due: $0, done: e.calendarDay, today: today) } }
        let user = try req.requireUser()
        let evidence = "Проведено мероприятие «\(e.title)», \(e.calendarDay.ru); присутствовали \(present.count)"
        let done = try await req.db.transaction { db -> Int in
            var done = 0
            e.state = EventState.held.rawValue; e.signedOffAt = req.now; e.signedOffBy = user.displayName
            try await e.update(on: db)
            try await Audit.record(req, on: db, .update, entity: "event_attendance", id: e.id, label: "\(e.title): посещаемость подписана", municipalityID: m.id,
                                   after: ["present": present.count])
            for s in steps where s.route.$teacher.id == present.first(where: { $0.routeStepID == s.id })?.$person.id {
                guard RouteWorkflow.stepRefusal(from: s.stepStatus, to: .done, reason: nil, by: .center) == nil else { continue }
                let before = s.status
                s.status = RouteStepStatus.done.rawValue; s.doneDay = e.calendarDay.iso
                s.evidence = String(("Посещено мероприятие «\(e.title)», \(e.calendarDay.ru)" + (s.evidence.isEmpty ? "" : "; " + s.evidence)).prefix(1000))
                try await s.update(on: db)
                try await Audit.record(req, on: db, .update, entity: "route_step", id: s.id, label: "\(s.title) — выполнен (мероприятие)",
                                       municipalityID: s.route.municipalityID, before: ["status": before], after: ["status": s.status, "event": e.id!.uuidString])
                done += 1
            }
            if let item, let due, planRefusal == nil {
                try await PlanService.recordExecution(req, on: db, item: item, municipalityID: m.id!, due: due, done: e.calendarDay, evidence: evidence, eventID: e.id)
            }
            return done
        }
        var text = "Посещаемость подписана: присутствовали \(present.count)."
        if done > 0 { text += " Шагов ИОМ выполнено: \(done)." }
        if item != nil { text += planRefusal.map { " Пункт плана не отмечен: \($0)" } ?? " Пункт плана отмечен исполненным." }
        return back(req, e, text, kind: planRefusal == nil ? .success : .warning)
    }
}
