import Vapor
import Fluent
import Views
import Domain

/// The Concept §4 workflow: a school applies for events of the published programme naming its
/// teachers; the center accepts or declines each line and builds the school's personalised
/// programme for the half-year in one step (the named teachers are registered); the school
/// sees it on its page.
enum EventApplicationsController {
    struct Query: PageQuery {
        var municipality: UUID?, half: HalfYear?, school: UUID?
        static let keys = ["municipality", "half", "school"]
        init(_ q: QueryValues) { municipality = q.uuid("municipality"); half = q.string("half").flatMap(HalfYear.init(code:)); school = q.uuid("school") }
        var items: [String: String] { .query([("municipality", municipality?.uuidString), ("half", half?.code), ("school", school?.uuidString)]) }
    }

    static func page(_ req: Request, _ m: Municipality, half: HalfYear, values: (checked: Set<String>, note: String)? = nil, errors: [FieldError] = [],
                     status: HTTPStatus = .ok) async throws -> Response {
        let p = try req.principal()
        let editor = Access.canEditEvents(in: m.ref, p)
        let schools = try await School.query(on: req.db).filter(\.$municipality.$id == m.id!).all()
        let own = schools.filter { Access.canApply(for: $0.place, p) }
        guard editor || !own.isEmpty else { throw AppError.forbidden }
        var model = EventPages.ApplicationsModel()
        model.municipalityName = m.name; model.municipalityID = m.id!.uuidString; model.half = half.code; model.halfTitle = half.title
        model.halves = EventsController.halves(around: half); model.csrf = req.csrfToken; model.errors = errors
        let events = try await EventRecord.query(on: req.db).filter(\.$municipalityID == m.id!).filter(\.$halfYear == half.code)
            .filter(\.$state == EventState.published.rawValue).sort(\.$day).sort(\.$startTime).all()
        var apps = EventApplication.query(on: req.db).filter(\.$municipalityID == m.id!).filter(\.$halfYear == half.code).with(\.$school)
            .with(\.$lines) { $0.with(\.$event).with(\.$person) }
        if !editor { apps = apps.filter(\.$school.$id ~~ own.compactMap(\.id)) }
        let applications = try await apps.all()
        let programmes = try await EventProgramme.query(on: req.db).filter(\.$municipalityID == m.id!).filter(\.$halfYear == half.code).all()
        if let school = own.first {
            let regs = try await EventService.registrations(events.compactMap(\.id), on: req.db)
            model.applyURL = SiteURL.eventApplications().path; model.schoolID = school.id!.uuidString; model.schoolName = school.shortName
            model.events = events.map { e in
                var a = EventPages.ApplyEvent()
                a.id = e.id!.uuidString; a.title = e.title; a.date = "\(e.calendarDay.ru) \(e.start.text)"
                a.audience = e.groups.sorted().map(\.title).joined(separator: ", ")
                a.seats = e.capacity == 0 ? "без ограничения" : "\(max(0, e.capacity - EventService.booked(regs[e.id!] ?? []))) из \(e.capacity)"
                return a
            }
            model.teachers = try await EventService.teachers(of: school.id!, on: req.db).map { Views.Option($0.id!.uuidString, $0.fullName) }
            let mine = applications.first { $0.$school.id == school.id }
            model.checked = values?.checked ?? Set((mine?.lines ?? []).map { "\($0.$event.id.uuidString)|\($0.$person.id.uuidString)" })
            model.note = values?.note ?? mine?.note ?? ""
        }
        let tz = EventService.zone
        model.blocks = applications.sorted { $0.school.shortName < $1.school.shortName }.map { a in
            var b = EventPages.SchoolBlock()
            b.school = a.school.shortName; b.schoolID = a.$school.id.uuidString; b.half = half.code
            b.submitted = "\(CalendarDay(date: a.submittedAt, timeZone: tz).ru) (\(a.submittedBy))" + (a.note.isEmpty ? "" : ": \(a.note)")
            b.lines = a.lines.sorted { ($0.event.day, $0.person.fullName) < ($1.event.day, $1.person.fullName) }.map { l in
                var r = EventPages.LineRow()
                r.id = l.id!.uuidString; r.event = l.event.title; r.eventURL = SiteURL.event(l.$event.id.uuidString).path; r.date = l.event.calendarDay.ru
                r.teacher = l.person.fullName; r.status = l.lineStatus.title; r.statusValue = l.status
                if editor { r.decideURL = SiteURL.eventApplicationLine(r.id).path }
                return r
            }
            if let prog = programmes.first(where: { $0.$school.id == a.$school.id }) {
                b.programmeURL = SiteURL.eventProgramme(prog.id!.uuidString).path
                b.built = "Программа составлена \(CalendarDay(date: prog.builtAt, timeZone: tz).ru) (\(prog.builtBy)); "
                    + (prog.seenAt.map { "школа ознакомилась \(CalendarDay(date: $0, timeZone: tz).ru)" } ?? "школа ещё не открывала")
            }
            if editor && a.lines.contains(where: { $0.lineStatus == .accepted }) { b.buildURL = SiteURL.eventProgrammes.path }
            return b
        }
        return EventsController.render(req, EventPages.applications(model), status: status)
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let q = req.query(Query.self)
        let m = try await EventsController.municipality(req, q.municipality)
        return try await page(req, m, half: q.half ?? HalfYear(of: EventService.today(req)))
    }

    /// A school's application: the lines of the form replace the lines the center has not decided yet.
    @Sendable static func submit(req: Request) async throws -> Response {
        let f = FormFields(req)
        guard let school = try await School.find(f.uuid("school"), on: req.db), let m = try await Municipality.find(school.$municipality.id, on: req.db) else {
            throw AppError.notFound("Школа")
        }
        guard Access.canApply(for: school.place, try req.principal()) else { throw AppError.forbidden }
        guard let half = HalfYear(code: f["half"]) else { throw Abort(.badRequest, reason: "Не указано полугодие.") }
        let pairs: [(UUID, UUID)] = f.values.filter { $0.key.hasPrefix("t_") }.flatMap { key, values -> [(UUID, UUID)] in
            guard let event = UUID(uuidString: String(key.dropFirst(2))) else { return [] }
            return values.compactMap(UUID.init(uuidString:)).map { (event, $0) }
        }
        let checked = Set(pairs.map { "\($0.0.uuidString)|\($0.1.uuidString)" })
        let keep = (checked: checked, note: f["note"])
        let published = Set(try await EventRecord.query(on: req.db).filter(\.$municipalityID == m.id!).filter(\.$halfYear == half.code)
            .filter(\.$state == EventState.published.rawValue).all().compactMap(\.id))
        let teachers = try await EventService.teachers(of: school.id!, on: req.db)
        var errors: [FieldError] = []
        let foreign = EventRules.foreignTeachers(named: pairs.map(\.1), ofSchool: Set(teachers.compactMap(\.id)))
        if !foreign.isEmpty {
            let names = try await Person.query(on: req.db).filter(\.$id ~~ foreign).all().map(\.fullName)
            errors.append(.init(field: "note", message: "В заявке можно называть только педагогов \(school.shortName); уберите: \(names.isEmpty ? "неизвестных людей" : names.joined(separator: ", "))."))
        }
        if pairs.contains(where: { !published.contains($0.0) }) {
            errors.append(.init(field: "note", message: "Часть мероприятий не входит в опубликованную программу полугодия: обновите страницу и отметьте снова."))
        }
        if pairs.isEmpty { errors.append(.init(field: "note", message: "Отметьте хотя бы одного педагога у нужного мероприятия.")) }
        guard errors.isEmpty else { return try await page(req, m, half: half, values: keep, errors: errors, status: .unprocessableEntity) }
        let existing = try await EventApplication.query(on: req.db).filter(\.$school.$id == school.id!).filter(\.$halfYear == half.code).with(\.$lines).first()
        let user = try req.requireUser()
        try await req.db.transaction { db in
            let a = existing ?? EventApplication()
            a.municipalityID = m.id!; a.$school.id = school.id!; a.halfYear = half.code; a.submittedAt = req.now; a.submittedBy = user.displayName
            a.note = String(f["note"].prefix(2000))
            try await a.save(on: db)
            let have = Set((existing?.lines ?? []).map { "\($0.$event.id.uuidString)|\($0.$person.id.uuidString)" })
            for l in existing?.lines ?? [] where l.lineStatus == .requested && !checked.contains("\(l.$event.id.uuidString)|\(l.$person.id.uuidString)") {
                try await l.delete(on: db)
            }
            for (event, person) in pairs where !have.contains("\(event.uuidString)|\(person.uuidString)") {
                let l = EventApplicationLine()
                l.$application.id = a.id!; l.$event.id = event; l.$person.id = person; l.status = ApplicationLineStatus.requested.rawValue; l.decidedBy = ""
                try await l.create(on: db)
            }
            try await Audit.record(req, on: db, existing == nil ? .create : .update, entity: "event_application", id: a.id,
                                   label: "\(school.shortName), \(half.title): \(pairs.count) строк", municipalityID: m.id, after: ["lines": checked.sorted()])
        }
        return req.redirect(SiteURL.eventApplications(municipality: m.id!.uuidString, half: half.code).path, flash: "Заявка подана: \(pairs.count) строк. Центр рассмотрит её и составит программу.")
    }

    @Sendable static func decide(req: Request) async throws -> Response {
        guard let line = try await EventApplicationLine.query(on: req.db).filter(\.$id == req.id()).with(\.$application).with(\.$person).with(\.$event).first(),
              let m = try await Municipality.find(line.application.municipalityID, on: req.db) else { throw AppError.notFound("Строка заявки") }
        guard Access.canEditEvents(in: m.ref, try req.principal()) else { throw AppError.forbidden }
        let back = SiteURL.eventApplications(municipality: m.id!.uuidString, half: line.application.halfYear).path
        let f = FormFields(req)
        guard let to = ApplicationLineStatus(rawValue: f["status"]), to != .requested else {
            return req.redirect(back, flash: "Выберите решение: включить или отклонить.", kind: .error)
        }
        let before = line.status
        line.status = to.rawValue; line.decidedBy = try req.requireUser().displayName
        try await req.db.transaction { db in
            try await line.update(on: db)
            try await Audit.record(req, on: db, .update, entity: "event_application_line", id: line.id, label: "\(line.event.title): \(line.person.fullName) — \(to.title)",
                                   municipalityID: m.id, before: ["status": before], after: ["status": to.rawValue])
        }
        return req.redirect(back, flash: "\(line.person.fullName): \(to.title).")
    }

    /// One step: the school's accepted lines become its programme; the named teachers are registered.
    @Sendable static func build(req: Request) async throws -> Response {
        let f = FormFields(req)
        guard let school = try await School.find(f.uuid("school"), on: req.db), let m = try await Municipality.find(school.$municipality.id, on: req.db) else {
            throw AppError.notFound("Школа")
        }
        guard Access.canEditEvents(in: m.ref, try req.principal()) else { throw AppError.forbidden }
        guard let half = HalfYear(code: f["half"]) else { throw Abort(.badRequest, reason: "Не указано полугодие.") }
        let back = SiteURL.eventApplications(municipality: m.id!.uuidString, half: half.code).path
        let found = try await EventApplication.query(on: req.db).filter(\.$school.$id == school.id!).filter(\.$halfYear == half.code)
            .with(\.$lines) { $0.with(\.$event) }.first()
        guard let app = found else {
            return req.redirect(back, flash: "Заявки \(school.shortName) на это полугодие нет.", kind: .error)
        }
        let accepted = app.lines.filter { $0.lineStatus == .accepted && $0.event.eventState == .published }
        guard !accepted.isEmpty else { return req.redirect(back, flash: "Включите в программу хотя бы одну строку заявки.", kind: .error) }
        let regs = try await EventService.registrations(Array(Set(accepted.map(\.$event.id))), on: req.db)
        let user = try req.requireUser()
        let existing = try await EventProgramme.query(on: req.db).filter(\.$school.$id == school.id!).filter(\.$halfYear == half.code).first()
        let prog = existing ?? EventProgramme()
        let (registered, full) = try await req.db.transaction { db -> (Int, [String]) in
            var registered = 0, full: [String] = []
            prog.municipalityID = m.id!; prog.$school.id = school.id!; prog.halfYear = half.code; prog.builtAt = req.now; prog.builtBy = user.displayName; prog.seenAt = nil
            try await prog.save(on: db)
            var booked = regs.mapValues { EventService.booked($0) }
            for l in accepted where !(regs[l.$event.id] ?? []).contains(where: { $0.$person.id == l.$person.id }) {
                guard EventRules.hasRoom(capacity: l.event.capacity, registered: booked[l.$event.id] ?? 0) else { full.append(l.event.title); continue }
                let r = EventRegistration()
                r.$event.id = l.$event.id; r.$person.id = l.$person.id; r.source = RegistrationSource.application.rawValue; r.attended = false
                try await r.create(on: db)
                booked[l.$event.id, default: 0] += 1; registered += 1
            }
            try await Audit.record(req, on: db, existing == nil ? .create : .update, entity: "event_programme", id: prog.id,
                                   label: "\(school.shortName), \(half.title): \(Set(accepted.map(\.$event.id)).count) мероприятий", municipalityID: m.id,
                                   after: ["registered": registered, "full": full.count])
            return (registered, full)
        }
        var text = "Программа \(school.shortName) составлена: мероприятий \(Set(accepted.map(\.$event.id)).count), записано педагогов \(registered). Школа увидит её в разделе «Мероприятия»."
        if !full.isEmpty { text += " Мест нет: \(Set(full).sorted().joined(separator: ", "))." }
        return req.redirect(SiteURL.eventProgramme(prog.id!.uuidString).path, flash: text, kind: full.isEmpty ? .success : .warning)
    }

    @Sendable static func programme(req: Request) async throws -> Response {
        guard let prog = try await EventProgramme.query(on: req.db).filter(\.$id == req.id()).with(\.$school).first() else { throw AppError.notFound("Программа") }
        let p = try req.principal()
        let own = try await p.personID.asyncMap { try await Person.find($0, on: req.db)?.$school.id } ?? nil
        guard Access.canReadProgramme(of: prog.school.place, ownSchool: own, p) else { throw AppError.forbidden }
        let lines = try await EventApplicationLine.query(on: req.db).join(EventApplication.self, on: \EventApplicationLine.$application.$id == \EventApplication.$id)
            .filter(EventApplication.self, \.$school.$id == prog.$school.id).filter(EventApplication.self, \.$halfYear == prog.halfYear)
            .filter(\.$status == ApplicationLineStatus.accepted.rawValue).with(\.$event).with(\.$person).all()
        let events = Dictionary(lines.map { ($0.$event.id, $0.event) }, uniquingKeysWith: { a, _ in a }).values.sorted { ($0.day, $0.startTime) < ($1.day, $1.startTime) }
        let regs = try await EventService.registrations(events.compactMap(\.id), on: req.db)
        var model = EventPages.ProgrammeModel()
        model.school = prog.school.shortName; model.halfTitle = (HalfYear(code: prog.halfYear) ?? HalfYear(of: EventService.today(req))).title
        model.built = "\(CalendarDay(date: prog.builtAt, timeZone: EventService.zone).ru), \(prog.builtBy)"
        model.rows = events.map { EventsController.row($0, regs[$0.id!] ?? []) }
        model.teachers = Dictionary(grouping: lines, by: { $0.$event.id.uuidString }).mapValues { $0.map(\.person.fullName).sorted().joined(separator: ", ") }
        model.applicationsURL = SiteURL.eventApplications(municipality: prog.municipalityID.uuidString, half: prog.halfYear).path
        if prog.seenAt == nil && Access.canApply(for: prog.school.place, p) {
            prog.seenAt = req.now
            try await req.db.transaction { db in
                try await prog.update(on: db)
                try await Audit.record(req, on: db, .update, entity: "event_programme", id: prog.id, label: "\(prog.school.shortName): школа ознакомилась с программой",
                                       municipalityID: prog.municipalityID)
            }
        }
        return EventsController.render(req, EventPages.programme(model))
    }
}
