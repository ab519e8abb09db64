import Fluent
import Foundation
import Domain
import DemoData

/// Writes the demo's half-year programme (DemoData/DemoEvents) in Armavir, published: the school of the
/// `school` login applies for two upcoming events naming three teachers, the center accepts the lines and
/// builds the personalised programme (the teachers are registered); the first event is held — two of the
/// registered and the `teacher` login (a walk-in) came, the attendance is signed off, the teacher's open
/// route has a step done by it, and the roadmap's «Методический абонемент» occurrence of that month is executed.
enum DemoEventsSeed {
    static func day(_ slot: Int, today: CalendarDay) -> CalendarDay {
        if slot < 0 { return max(HalfYear(of: today).first, today.adding(days: slot)) }
        let left = CalendarDay.days(from: today, to: HalfYear(of: today).last)
        return today.adding(days: max(slot, left * slot / 7))
    }

    static func seed(_ db: any Database, municipalities: [String: Municipality], today: CalendarDay) async throws {
        guard let m = municipalities["armavir"] else { return }
        var events: [EventRecord] = []
        for de in DemoEvents.events {
            let input = EventInput.demo(de, day: day(de.slot, today: today))
            guard let draft = EventRules.check(input).0 else { continue }
            let e = EventRecord()
            e.municipalityID = m.id!; e.apply(draft); e.state = EventState.published.rawValue; e.publishedAt = Date()
            try await e.create(on: db)
            events.append(e)
        }
        guard events.count >= 4 else { return }
        let schoolUser = try await User.query(on: db).filter(\.$login == "school").first()
        let grant = try await schoolUser.asyncMap { try await RoleGrant.query(on: db).filter(\.$user.$id == $0.id!).first() } ?? nil
        let teacherUser = try await User.query(on: db).filter(\.$login == "teacher").first()
        guard let schoolID = grant?.schoolID else { return }
        let teachers = Array(try await EventService.teachers(of: schoolID, on: db).prefix(3))
        // The application and the personalised programme: two upcoming events for the three teachers.
        let app = EventApplication()
        app.municipalityID = m.id!; app.$school.id = schoolID; app.halfYear = events[2].halfYear; app.submittedAt = Date(); app.submittedBy = "Администрация школы"
        app.note = "Дефициты в оценочной деятельности и качестве урока (диагностика августа)"
        try await app.create(on: db)
        for e in [events[2], events[4]] {
            for t in teachers {
                let l = EventApplicationLine()
                l.$application.id = app.id!; l.$event.id = e.id!; l.$person.id = t.id!; l.status = ApplicationLineStatus.accepted.rawValue; l.decidedBy = "Специалист центра"
                try await l.create(on: db)
                try await register(db, e, t.id!, .application)
            }
        }
        let prog = EventProgramme()
        prog.municipalityID = m.id!; prog.$school.id = schoolID; prog.halfYear = events[2].halfYear; prog.builtAt = Date(); prog.builtBy = "Специалист центра"
        try await prog.create(on: db)
        // The first event held: two of the school's teachers came, the demo teacher came without registering.
        let held = events[0]
        for (n, t) in teachers.enumerated() { try await register(db, held, t.id!, .selfRegistered, attended: n < 2) }
        if let pid = teacherUser?.$person.id, !teachers.contains(where: { $0.id == pid }) {
            // A step of the teacher's route for the event (the route's own steps stay as the mentoring demo has them), done by attending.
            var stepID: UUID?
            if let route = try await RouteRecord.query(on: db).filter(\.$teacher.$id == pid).sort(\.$year, .descending).first() {
                let step = RouteStepRecord()
                step.$route.id = route.id!; step.title = "Семинар-практикум центра по формирующему оцениванию"; step.kind = RouteStepKind.centerEvent.rawValue
                step.deficitArea = DeficitArea.assessment.rawValue; step.due = held.day; step.status = RouteStepStatus.done.rawValue; step.doneDay = held.day
                step.evidence = "Посещено мероприятие «\(held.title)», \(held.calendarDay.ru)"; step.cancelReason = ""
                try await step.create(on: db)
                stepID = step.id
            }
            try await register(db, held, pid, .walkIn, attended: true, step: stepID)
            try await register(db, events[2], pid, .selfRegistered)
        }
        held.state = EventState.held.rawValue; held.signedOffAt = Date(); held.signedOffBy = "Специалист центра"
        if let item = try await PlanItem.query(on: db).join(Plan.self, on: \PlanItem.$plan.$id == \Plan.$id)
            .filter(Plan.self, \.$municipalityID == m.id!).filter(Plan.self, \.$school.$id == nil).filter(\.$recurrence == PlanRecurrence.monthly.rawValue).first(),
           let due = item.occurrences.first(where: { $0 >= held.calendarDay }) {
            held.planItemID = item.id; held.planDueDay = due.iso
            try await PlanService.writeExecution(on: db, item: item, due: due, done: held.calendarDay,
                                                 evidence: "Проведено мероприятие «\(held.title)», \(held.calendarDay.ru)", eventID: held.id)
        }
        try await held.update(on: db)
    }

    static func register(_ db: any Database, _ e: EventRecord, _ person: UUID, _ source: RegistrationSource, attended: Bool = false, step: UUID? = nil) async throws {
        if try await EventRegistration.query(on: db).filter(\.$event.$id == e.id!).filter(\.$person.$id == person).first() != nil { return }
        let r = EventRegistration()
        r.$event.id = e.id!; r.$person.id = person; r.source = source.rawValue; r.attended = attended; r.routeStepID = step
        try await r.create(on: db)
    }
}

extension EventInput {
    static func demo(_ d: DemoEvents.Event, day: CalendarDay) -> EventInput {
        var i = EventInput()
        i.title = d.title; i.kind = d.kind.rawValue; i.format = d.format.rawValue; i.module = d.module?.rawValue ?? ""; i.project = d.project?.rawValue ?? ""
        i.day = day.iso; i.start = d.start; i.end = d.end; i.place = d.place; i.link = d.link; i.organiser = d.organiser; i.speakers = d.speakers
        i.capacity = String(d.capacity); i.audience = d.audience.map(\.rawValue)
        return i
    }
}
