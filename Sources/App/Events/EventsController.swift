import Vapor
import Fluent
import Views
import Domain

/// «Мероприятия»: the half-year programme of a municipality, an event's page (facts, one's own
/// registration and route step, the list and attendance for the organiser), a teacher's own list.
enum EventsController {
    static func render(_ req: Request, _ page: EventPage, status: HTTPStatus = .ok) -> Response {
        req.page(page.title, section: .events, crumbs: page.crumbs, status: status, page.body)
    }

    struct IndexQuery: PageQuery {
        var municipality: UUID?, half: HalfYear?
        static let keys = ["municipality", "half"]
        init(_ q: QueryValues) { municipality = q.uuid("municipality"); half = q.string("half").flatMap(HalfYear.init(code:)) }
        var items: [String: String] { .query([("municipality", municipality?.uuidString), ("half", half?.code)]) }
    }

    static func halves(around h: HalfYear) -> [Views.Option] {
        [h.previous.previous, h.previous, h, h.next, h.next.next].map { Views.Option($0.code, $0.title) }
    }

    static func seats(_ e: EventRecord, _ regs: [EventRegistration]) -> String {
        let n = EventService.booked(regs)
        return e.capacity == 0 ? "\(n) (без ограничения)" : "\(n) из \(e.capacity)"
    }

    static func row(_ e: EventRecord, _ regs: [EventRegistration], plan: String = "") -> EventPages.Row {
        var r = EventPages.Row()
        r.id = e.id!.uuidString; r.url = SiteURL.event(r.id).path; r.title = e.title
        r.kind = e.eventKind?.title ?? e.kind; r.format = e.eventFormat?.title ?? e.format
        r.module = e.eventModule?.title ?? ""; r.project = e.eventProject?.title ?? ""
        r.date = e.calendarDay.ru; r.time = "\(e.start.text)–\(e.end.text)"; r.place = EventService.where_(e)
        r.audience = e.groups.sorted().map(\.title).joined(separator: ", "); r.seats = seats(e, regs)
        r.state = e.eventState.title; r.stateValue = e.state; r.plan = plan
        return r
    }

    /// The municipality of the query among those the user reads, or the first one.
    static func municipality(_ req: Request, _ id: UUID?) async throws -> Municipality {
        let all = try await EventService.municipalities(req)
        guard let e = all.first(where: { $0.id == id }) ?? all.first, let m = try await Municipality.find(e.id, on: req.db) else { throw AppError.forbidden }
        return m
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let q = req.query(IndexQuery.self)
        let all = try await EventService.municipalities(req)
        let m = try await municipality(req, q.municipality)
        let p = try req.principal()
        let editor = Access.canEditEvents(in: m.ref, p)
        let half = q.half ?? HalfYear(of: EventService.today(req))
        var query = EventRecord.query(on: req.db).filter(\.$municipalityID == m.id!).filter(\.$halfYear == half.code)
        if !editor { query = query.filter(\.$state != EventState.draft.rawValue) }
        let events = try await query.sort(\.$day).sort(\.$startTime).all()
        let regs = try await EventService.registrations(events.compactMap(\.id), on: req.db)
        var model = EventPages.IndexModel()
        model.municipalityName = m.name; model.municipalityID = m.id!.uuidString
        model.municipalities = all.map { Views.Option($0.id.uuidString, $0.name) }
        model.half = half.code; model.halfTitle = half.title; model.halves = halves(around: half)
        model.rows = events.map { row($0, regs[$0.id!] ?? []) }
        model.drafts = events.filter { $0.eventState == .draft }.count
        if editor {
            model.newURL = SiteURL.eventNew(municipality: m.id!.uuidString).path
            if model.drafts > 0 { model.publishURL = SiteURL.eventsPublish.path }
        }
        if editor || !Access.applyingSchools(p).isEmpty { model.applicationsURL = SiteURL.eventApplications(municipality: m.id!.uuidString, half: half.code).path }
        let own = Array(Access.applyingSchools(p))
        if !own.isEmpty, let prog = try await EventProgramme.query(on: req.db).filter(\.$school.$id ~~ own).filter(\.$halfYear == half.code).first() {
            model.programmeURL = SiteURL.eventProgramme(prog.id!.uuidString).path
            model.notice = prog.seenAt == nil ? "Центр составил персонализированную программу школы на \(half.title) по вашей заявке." : ""
        }
        if Access.allows(.readEventCoverage, p, in: m.ref) { model.coverageURL = SiteURL.eventCoverage(municipality: m.id!.uuidString).path }
        model.csrf = req.csrfToken
        return render(req, EventPages.index(model))
    }

    /// The plan occurrence an event executes, as text and a link when the user reads the plan.
    static func planText(_ e: EventRecord, _ m: Municipality, _ p: Principal, on db: any Database) async throws -> (String, String?) {
        guard let id = e.planItemID, let item = try await PlanItem.query(on: db).filter(\.$id == id).with(\.$plan).first() else { return ("—", nil) }
        let due = e.planDueDay.flatMap(CalendarDay.init(iso:))?.ru ?? ""
        let text = "\(item.plan.title): \(item.measure)" + (due.isEmpty ? "" : ", срок \(due)")
        return (text, Access.canReadPlan(of: item.plan.owner(m), p) ? SiteURL.plan(item.plan.id!.uuidString).path : nil)
    }

    /// Open steps of the person's routes (planned or in progress), for linking.
    static func openSteps(of personID: UUID, on db: any Database) async throws -> [RouteStepRecord] {
        let routes = try await RouteRecord.query(on: db).filter(\.$teacher.$id == personID).allWithSteps()
        return routes.flatMap(\.steps).filter { [.planned, .inProgress].contains($0.stepStatus) }.sorted { ($0.due ?? "9999") < ($1.due ?? "9999") }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let (e, m) = try await EventService.load(req)
        let p = try req.principal()
        let today = EventService.today(req)
        let id = e.id!.uuidString
        let regs = try await EventService.registrations([e.id!], on: req.db)[e.id!] ?? []
        let editor = Access.canEditEvents(in: m.ref, p)
        var model = EventPages.ShowModel()
        model.id = id; model.title = e.title; model.state = e.eventState.title; model.stateValue = e.state; model.csrf = req.csrfToken
        model.facts = [("Вид", e.eventKind?.title ?? e.kind), ("Формат", e.eventFormat?.title ?? e.format), ("Модуль", e.eventModule?.title ?? ""),
                       ("Проект", e.eventProject?.title ?? ""), ("Дата и время", "\(e.calendarDay.ru), \(e.start.text)–\(e.end.text)"),
                       ("Место", e.place), ("Ссылка", e.link), ("Организатор", e.organiser), ("Выступающие", e.speakers),
                       ("Аудитория", e.groups.sorted().map(\.title).joined(separator: ", ")), ("Программа", e.half.title)]
        (model.planText, model.planURL) = try await planText(e, m, p, on: req.db)
        model.seats = seats(e, regs); model.full = !EventRules.hasRoom(capacity: e.capacity, registered: EventService.booked(regs))
        if editor && e.eventState != .held { model.editURL = SiteURL.eventEdit(id).path }
        let steps = try await RouteStepRecord.query(on: req.db).filter(\.$id ~~ regs.compactMap(\.routeStepID)).all()
        let stepTitles = Dictionary(steps.map { ($0.id!, $0.title) }, uniquingKeysWith: { a, _ in a })
        if let pid = p.personID {
            if let mine = regs.first(where: { $0.$person.id == pid }) {
                model.registered = true; model.attended = mine.attended
                if e.eventState == .published && e.calendarDay >= today { model.unregisterURL = SiteURL.eventUnregister(id).path }
                if e.eventState != .held {
                    model.stepOptions = try await openSteps(of: pid, on: req.db).map { Views.Option($0.id!.uuidString, $0.title + ($0.dueDay.map { " (срок \($0.ru))" } ?? "")) }
                    if let linked = mine.routeStepID {
                        model.linkedStep = linked.uuidString
                        if !model.stepOptions.contains(where: { $0.value == linked.uuidString }) { model.stepOptions.append(Views.Option(linked.uuidString, stepTitles[linked] ?? "шаг ИОМ")) }
                    }
                    if !model.stepOptions.isEmpty { model.stepURL = SiteURL.eventRouteStep(id).path }
                }
            } else if let refusal = EventRules.registrationRefusal(state: e.eventState, day: e.calendarDay, today: today, capacity: e.capacity, registered: EventService.booked(regs)) {
                model.registerRefusal = refusal
            } else {
                model.registerURL = SiteURL.eventRegister(id).path
            }
        }
        // Who is on the list: the center sees everyone, a school's administration its own people.
        let schools = Access.applyingSchools(p)
        let visible = regs.filter { editor || ($0.person.$school.id.map { schools.contains($0) } ?? false) }
        model.registrationsHidden = editor ? 0 : regs.count - visible.count
        let schoolNames = Dictionary(try await School.query(on: req.db).filter(\.$municipality.$id == m.id!).all().map { ($0.id!, $0.shortName) }, uniquingKeysWith: { a, _ in a })
        model.registrations = visible.sorted { $0.person.fullName < $1.person.fullName }.map { r in
            var row = EventPages.RegistrationRow()
            row.personID = r.$person.id.uuidString; row.name = r.person.fullName; row.school = r.person.$school.id.flatMap { schoolNames[$0] } ?? "центр"
            row.source = r.registrationSource.title; row.attended = r.attended; row.step = r.routeStepID.flatMap { stepTitles[$0] } ?? ""
            return row
        }
        if e.eventState == .held {
            model.signedOff = "Посещаемость подписана: \(e.signedOffBy ?? ""), \(e.signedOffAt.map { CalendarDay(date: $0, timeZone: EventService.zone).ru } ?? "")"
        }
        if editor && e.eventState == .published {
            model.attendanceURL = SiteURL.eventAttendance(id).path
            model.centerRegisterURL = SiteURL.eventRegister(id).path
            let listed = Set(regs.map(\.$person.id))
            let people = try await Person.query(on: req.db).filter(\.$municipality.$id == m.id!).sort(\.$lastName).sort(\.$firstName).range(..<2000).all()
                .filter { !listed.contains($0.id!) }
                .map { Views.Option($0.id!.uuidString, $0.fullName + ($0.$school.id.flatMap { schoolNames[$0] }.map { ", \($0)" } ?? "")) }
            model.walkIns = people; model.people = people
            if let refusal = EventRules.signOffRefusal(state: e.eventState, day: e.calendarDay, today: today) { model.signOffRefusal = refusal }
            else { model.signOffURL = SiteURL.eventSignOff(id).path }
        }
        return render(req, EventPages.show(model))
    }

    /// A person's own page for the phone: upcoming registrations, what is open, what they attended.
    @Sendable static func my(req: Request) async throws -> Response {
        let p = try req.principal()
        let today = EventService.today(req)
        var model = EventPages.MyModel()
        model.csrf = req.csrfToken; model.calendarURL = SiteURL.eventCalendar(view: "week").path
        guard let pid = p.personID, let person = try await Person.find(pid, on: req.db) else {
            return render(req, EventPages.my(model))
        }
        model.name = person.fullName
        if Access.canReadRoute(of: pid, at: person.place, p) { model.routeURL = SiteURL.route(pid.uuidString).path }
        let mine = try await EventRegistration.query(on: req.db).filter(\.$person.$id == pid).with(\.$event).all()
        let open = try await EventRecord.query(on: req.db).filter(\.$municipalityID == person.$municipality.id).filter(\.$state == EventState.published.rawValue)
            .filter(\.$day >= today.iso).sort(\.$day).sort(\.$startTime).all()
        let regs = try await EventService.registrations(open.compactMap(\.id), on: req.db)
        func my(_ e: EventRecord, status: String = "") -> EventPages.MyRow {
            var r = EventPages.MyRow()
            r.title = e.title; r.url = SiteURL.event(e.id!.uuidString).path; r.date = e.calendarDay.ru; r.time = "\(e.start.text)–\(e.end.text)"
            r.place = EventService.where_(e); r.kind = e.eventKind?.title ?? e.kind; r.status = status
            return r
        }
        let registered = Set(mine.map(\.$event.id))
        model.upcoming = mine.map(\.event).filter { $0.calendarDay >= today && $0.eventState == .published }.sorted { ($0.day, $0.startTime) < ($1.day, $1.startTime) }.map { my($0, status: "записан(а)") }
        model.attended = mine.filter { $0.attended && $0.event.eventState == .held }.map(\.event).sorted { $0.day > $1.day }.map { my($0, status: "посещено") }
        model.open = open.filter { !registered.contains($0.id!) }.map { e in
            var r = my(e)
            let rs = regs[e.id!] ?? []
            r.seats = e.capacity == 0 ? "" : "мест: \(max(0, e.capacity - EventService.booked(rs)))"
            if EventRules.registrationRefusal(state: e.eventState, day: e.calendarDay, today: today, capacity: e.capacity, registered: EventService.booked(rs)) == nil {
                r.registerURL = SiteURL.eventRegister(e.id!.uuidString).path
            } else { r.status = "мест нет" }
            return r
        }
        return render(req, EventPages.my(model))
    }
}
