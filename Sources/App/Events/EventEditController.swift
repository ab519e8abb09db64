import Vapor
import Fluent
import Views
import Domain

/// The center's catalog: a new event, its changes, the half-year programme published at once.
enum EventEditController {
    static func input(_ f: FormFields) -> EventInput {
        var i = EventInput()
        i.title = f["title"]; i.kind = f["kind"]; i.format = f["format"]; i.module = f["module"]; i.project = f["project"]
        i.day = f["day"]; i.start = f["start"]; i.end = f["end"]; i.place = f["place"]; i.link = f["link"]
        i.organiser = f["organiser"]; i.speakers = f["speakers"]; i.capacity = f["capacity"]; i.audience = f.all("audience")
        return i
    }

    static func planOptions(_ m: Municipality, year: Int, on db: any Database) async throws -> [Views.Option] {
        try await PlanService.occurrenceOptions(m.id!, year: year, on: db).map { o in
            Views.Option("\(o.item.id!.uuidString)|\(o.due.iso)", "\(o.plan.title): \(o.item.measure) — срок \(o.due.ru)")
        }
    }

    static func formPage(_ req: Request, _ m: Municipality, action: String, cancel: String, editing: Bool, values: [String: String], audience: Set<String>,
                         errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        var model = EventPages.FormModel()
        model.action = action; model.cancelURL = cancel; model.municipalityName = m.name; model.editing = editing
        model.values = values; model.audience = audience; model.errors = errors; model.csrf = req.csrfToken
        let year = CalendarDay.parse(values["day"] ?? "")?.year ?? EventService.today(req).year
        model.planOptions = try await planOptions(m, year: year, on: req.db)
        return EventsController.render(req, EventPages.form(model), status: status)
    }

    static func editorMunicipality(_ req: Request, _ id: UUID?) async throws -> Municipality {
        guard let id, let m = try await Municipality.find(id, on: req.db) else { throw AppError.notFound("Муниципалитет") }
        guard Access.canEditEvents(in: m.ref, try req.principal()) else { throw AppError.forbidden }
        return m
    }

    struct NewQuery: PageQuery {
        var municipality: UUID?
        static let keys = ["municipality"]
        init(_ q: QueryValues) { municipality = q.uuid("municipality") }
        var items: [String: String] { .query([("municipality", municipality?.uuidString)]) }
    }

    /// The municipality of a new event: the query's, or the user's first as center.
    static func newMunicipality(_ req: Request) async throws -> Municipality {
        let p = try req.principal()
        let id = req.query(NewQuery.self).municipality ?? Access.municipalWriters(p).sorted { $0.uuidString < $1.uuidString }.first
        if id == nil && p.isAdmin, let first = try await Municipality.query(on: req.db).sort(\.$name).first() { return first }
        return try await editorMunicipality(req, id)
    }

    @Sendable static func new(req: Request) async throws -> Response {
        let m = try await newMunicipality(req)
        return try await formPage(req, m, action: SiteURL.events(municipality: m.id!.uuidString).path, cancel: SiteURL.events(municipality: m.id!.uuidString).path,
                                  editing: false, values: ["capacity": "", "start": "15:00", "end": "16:30"], audience: ["teachers"], errors: [])
    }

    /// The plan occurrence of the form: one of the municipality's, or an error.
    static func occurrence(_ f: FormFields, _ m: Municipality, year: Int?, on db: any Database) async throws -> (UUID?, CalendarDay?, FieldError?) {
        let raw = f["plan_occurrence"]
        guard !raw.isEmpty else { return (nil, nil, nil) }
        let parts = raw.split(separator: "|").map(String.init)
        guard parts.count == 2, let item = UUID(uuidString: parts[0]), let due = CalendarDay(iso: parts[1]), let year,
              try await PlanService.occurrenceOptions(m.id!, year: year, on: db).contains(where: { $0.item.id == item && $0.due == due }) else {
            return (nil, nil, FieldError(field: "plan_occurrence", message: "Выберите наступление пункта плана этого года из списка (или «не связано с планом»)."))
        }
        return (item, due, nil)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let m = try await editorMunicipality(req, req.query(NewQuery.self).municipality)
        let f = FormFields(req)
        var (draft, errors) = EventRules.check(input(f))
        let (item, due, planError) = try await occurrence(f, m, year: draft?.day.year, on: req.db)
        if let planError { errors.append(planError) }
        guard errors.isEmpty, let draft else {
            return try await formPage(req, m, action: SiteURL.events(municipality: m.id!.uuidString).path, cancel: SiteURL.events(municipality: m.id!.uuidString).path,
                                      editing: false, values: f.flat, audience: Set(f.all("audience")), errors: errors, status: .unprocessableEntity)
        }
        let e = EventRecord()
        e.municipalityID = m.id!; e.apply(draft); e.planItemID = item; e.planDueDay = due?.iso; e.state = EventState.draft.rawValue
        try await req.db.transaction { db in
            try await e.create(on: db)
            try await Audit.record(req, on: db, .create, entity: "event", id: e.id, label: "\(e.calendarDay.ru) \(e.title)", municipalityID: m.id)
        }
        return req.redirect(SiteURL.event(e.id!.uuidString).path, flash: "Мероприятие добавлено в программу как черновик: опубликуйте программу полугодия, чтобы школы её увидели.")
    }

    static func values(_ e: EventRecord) -> [String: String] {
        ["title": e.title, "kind": e.kind, "format": e.format, "module": e.module, "project": e.project, "day": e.day, "start": e.startTime, "end": e.endTime,
         "place": e.place, "link": e.link, "organiser": e.organiser, "speakers": e.speakers, "capacity": e.capacity == 0 ? "" : String(e.capacity),
         "plan_occurrence": e.planItemID.map { "\($0.uuidString)|\(e.planDueDay ?? "")" } ?? ""]
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        let (e, m) = try await EventService.load(req, edit: true)
        let id = e.id!.uuidString
        return try await formPage(req, m, action: SiteURL.event(id).path, cancel: SiteURL.event(id).path, editing: true, values: values(e),
                                  audience: Set(e.groups.map(\.rawValue)), errors: [])
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let (e, m) = try await EventService.load(req, edit: true)
        let id = e.id!.uuidString
        if e.eventState == .held { return req.redirect(SiteURL.event(id).path, flash: "Посещаемость подписана: проведённое мероприятие не меняется.", kind: .error) }
        let f = FormFields(req)
        var (draft, errors) = EventRules.check(input(f))
        let (item, due, planError) = try await occurrence(f, m, year: draft?.day.year, on: req.db)
        if let planError { errors.append(planError) }
        if let d = draft, d.capacity > 0 {
            let booked = EventService.booked(try await EventService.registrations([e.id!], on: req.db)[e.id!] ?? [])
            if booked > d.capacity { errors.append(.init(field: "capacity", message: "Уже записано \(booked): мест не может быть меньше.")) }
        }
        guard errors.isEmpty, let draft else {
            return try await formPage(req, m, action: SiteURL.event(id).path, cancel: SiteURL.event(id).path, editing: true, values: f.flat,
                                      audience: Set(f.all("audience")), errors: errors, status: .unprocessableEntity)
        }
        let before = values(e)
        e.apply(draft); e.planItemID = item; e.planDueDay = due?.iso
        try await req.db.transaction { db in
            try await e.update(on: db)
            try await Audit.record(req, on: db, .update, entity: "event", id: e.id, label: "\(e.calendarDay.ru) \(e.title)", municipalityID: m.id,
                                   before: before, after: values(e))
        }
        return req.redirect(SiteURL.event(id).path, flash: "Изменения сохранены.")
    }

    /// Publishes every draft of the municipality's half-year programme.
    @Sendable static func publish(req: Request) async throws -> Response {
        let f = FormFields(req)
        let m = try await editorMunicipality(req, f.uuid("municipality"))
        guard let half = HalfYear(code: f["half"]) else {
            return req.redirect(SiteURL.events(municipality: m.id!.uuidString).path, flash: "Не указано полугодие: выберите его в фильтре и опубликуйте снова.", kind: .error)
        }
        let back = SiteURL.events(municipality: m.id!.uuidString, half: half.code).path
        let drafts = try await EventRecord.query(on: req.db).filter(\.$municipalityID == m.id!).filter(\.$halfYear == half.code)
            .filter(\.$state == EventState.draft.rawValue).all()
        guard !drafts.isEmpty else { return req.redirect(back, flash: "Черновиков нет: программа полугодия уже опубликована.", kind: .info) }
        try await req.db.transaction { db in
            // One update for the whole programme, not one per event.
            try await EventRecord.query(on: db).filter(\.$id ~~ drafts.compactMap(\.id))
                .set(\.$state, to: EventState.published.rawValue).set(\.$publishedAt, to: req.now).update()
            try await Audit.record(req, on: db, .update, entity: "event", id: nil, label: "Программа «\(half.title)» опубликована: \(drafts.count) мероприятий",
                                   municipalityID: m.id, after: ["published": drafts.compactMap { $0.id?.uuidString }])
        }
        return req.redirect(back, flash: "Программа опубликована: \(drafts.count) мероприятий. Школы могут подавать заявки.")
    }
}
