import Vapor
import Fluent
import Views
import Domain

/// «Дефициты и ИОМ»: a teacher's diagnostics and individual route of a year; who may read
/// and change them is `Access.canReadRoute` / `Access.routeActor` (teacher, tutor, mentor of
/// the school, the school's administration reads, the center).
enum RoutesController {
    static let crumbs = [Crumb("Обзор", SiteURL.home.path), Crumb("Дефициты и ИОМ", SiteURL.routes.path)]

    static func today(_ req: Request) -> CalendarDay { SupportController.today(req) }

    /// The teacher of the route's `:id`, if the user may read them (404 / 403 before anything is read).
    static func teacher(_ req: Request) async throws -> Person {
        guard let t = try await Person.query(on: req.db).filter(\.$id == req.id()).with(\.$school).first() else { throw AppError.notFound("Педагог") }
        guard Access.canReadRoute(of: t.id!, at: t.place, try req.principal()) else { throw AppError.forbidden }
        return t
    }

    static func actor(_ req: Request, _ t: Person) throws -> RouteActor? { Access.routeActor(of: t.id!, at: t.place, try req.principal()) }

    @Sendable static func index(req: Request) async throws -> Response {
        let p = try req.principal()
        // Kept per user and day while the mentoring data and the registry of their municipalities stand.
        let directory = try await req.municipalityDirectory()
        var ms = directory.filter { Access.canReadMunicipality($0.id, regionID: $0.regionID, p) }.map(\.id)
        if ms.isEmpty, let pid = p.personID, let me = try await Person.find(pid, on: req.db) { ms = [me.$municipality.id] }
        let keys: [DataKey]? = ms.isEmpty ? nil : [.tenancy] + ms.flatMap { [DataKey.support($0), .registry($0)] }
        let html: String? = try await req.cached(try req.userCacheKey("deficits-html", ["day": today(req).iso, "csrf": req.csrfToken]), dependsOnOptional: keys) {
            try await indexHTML(req, p, municipalities: ms)
        }
        guard let html else { return req.redirect(to: SiteURL.route(p.personID!.uuidString).path) }
        return req.page("Дефициты и ИОМ", section: .deficits, crumbs: [crumbs[0], Crumb("Дефициты и ИОМ")], bodyHTML: html)
    }

    /// The page's body, or nil when the user follows nobody but themself (they go to their own route).
    static func indexHTML(_ req: Request, _ p: Principal, municipalities ms: [UUID]) async throws -> String? {
        let year = DeficitRules.diagnosticsYear(of: today(req))
        // Whom the user follows: tutorants, the teachers of their schools, or everyone in their scope.
        // Only teachers with this year's deficits or route are listed: read those of the user's
        // municipalities first, then the readable people among them (not every person: thousands of rows).
        var deficitQuery = DeficitRecord.query(on: req.db).filter(\.$year == year).filter(\.$hasDeficit == true)
        var routeQuery = RouteRecord.query(on: req.db).filter(\.$year == year)
        if !ms.isEmpty { deficitQuery = deficitQuery.filter(\.$municipalityID ~~ ms); routeQuery = routeQuery.filter(\.$municipalityID ~~ ms) }
        let yearDeficits = try await deficitQuery.all(), yearRoutes = try await routeQuery.all()
        let candidates = Set(yearDeficits.map(\.$teacher.id) + yearRoutes.map(\.$teacher.id) + (p.personID.map { [$0] } ?? []))
        var q = Person.query(on: req.db).readable(by: p).filter(\.$id ~~ Array(candidates)).with(\.$school)
        if p.has(.tutor), !p.tutorantIDs.isEmpty, Access.personScope(p, .read).isEmpty {
            q = Person.query(on: req.db).filter(\.$id ~~ Array(p.tutorantIDs.intersection(candidates))).with(\.$school)
        }
        let people = try await q.all()
        let ids = Set(people.compactMap(\.id))
        let deficits = yearDeficits.filter { ids.contains($0.$teacher.id) }
        let routes = try await RouteRecord.attachSteps(yearRoutes.filter { ids.contains($0.$teacher.id) }, on: req.db)
        let byTeacher = Dictionary(routes.map { ($0.$teacher.id, $0) }, uniquingKeysWith: { a, _ in a })
        let counts = Dictionary(grouping: deficits, by: { $0.$teacher.id }).mapValues(\.count)
        let shown = people.filter { counts[$0.id!] != nil || byTeacher[$0.id!] != nil }
        if shown.isEmpty, p.personID != nil, try await Person.query(on: req.db).readable(by: p).count() <= 1 { return nil }
        let now = today(req)
        let rows = shown.sorted { $0.fullName < $1.fullName }.map { t -> RouteViews.ListRow in
            let r = byTeacher[t.id!]
            let steps = r?.steps.filter { $0.stepStatus != .cancelled } ?? []
            return .init(name: t.fullName, url: SiteURL.route(t.id!.uuidString).path, school: t.school?.shortName ?? "Центр",
                         deficits: String(counts[t.id!] ?? 0), state: r?.routeState.title ?? "не составлен",
                         steps: "\(steps.filter { $0.stepStatus == .done }.count) из \(steps.count)",
                         overdue: steps.filter { RouteWorkflow.isOverdue(step: $0.dueDay, status: $0.stepStatus, today: now) }.count)
        }
        // Group deficits over the teachers the user reads (the center: the municipality).
        let byID = Dictionary(people.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let professional = deficits.compactMap { d -> ProfessionalDeficit? in
            guard let t = byID[d.$teacher.id], let area = d.deficitArea else { return nil }
            return ProfessionalDeficit(teacher: t.staffCode, school: t.school?.code ?? "", area: area, date: d.diagnosticDay, year: year)
        }
        let names = Dictionary(people.map { ($0.staffCode, $0.fullName) }, uniquingKeysWith: { a, _ in a })
        let schoolNames = Dictionary(people.compactMap { t in t.school.map { ($0.code, $0.shortName) } }, uniquingKeysWith: { a, _ in a })
        let groups = DeficitRules.groupDeficits(professional).map { g in
            RouteViews.Group(place: g.school.map { schoolNames[$0] ?? $0 } ?? "Весь муниципалитет", area: g.area.title, teachers: g.teacherCount,
                             names: g.teachers.map { names[$0] ?? $0 }.joined(separator: ", "))
        }
        return RouteViews.index(rows, year: YearLabel.schoolYear(year), groups: groups, campaign: try await campaign(req, p, year: year)).render()
    }

    /// For the municipality's readers: the teachers of supported schools (ШНОР or ШССУ in the latest
    /// status year) and whether this year's diagnostics are in for each.
    static func campaign(_ req: Request, _ p: Principal, year: Int) async throws -> RouteViews.Campaign? {
        let all = try await req.municipalityDirectory().filter { Access.canReadMunicipality($0.id, regionID: $0.regionID, p) }
        guard let m = all.first else { return nil }
        let schools = try await School.query(on: req.db).filter(\.$municipality.$id == m.id).all()
        let statuses = try await SchoolStatus.query(on: req.db).filter(\.$school.$id ~~ schools.compactMap(\.id)).all()
        guard let statusYear = statuses.map(\.year).max() else { return nil }
        let supported = Set(statuses.filter { $0.year == statusYear && ($0.lowResults || $0.difficultConditions) }.map(\.$school.id))
        let teachers = try await Person.query(on: req.db).filter(\.$school.$id ~~ Array(supported)).with(\.$school).sort(\.$lastName).all()
            .filter { $0.functionSet.contains(.teacher) }
        let diagnosed = Set(try await DeficitRecord.query(on: req.db).filter(\.$teacher.$id ~~ teachers.compactMap(\.id)).filter(\.$year == year).all().map(\.$teacher.id))
        let missing = teachers.filter { !diagnosed.contains($0.id!) }
        return .init(done: teachers.count - missing.count, total: teachers.count, statusYear: String(statusYear),
                     missing: missing.map { (name: $0.fullName, school: $0.school?.shortName ?? "", url: SiteURL.route($0.id!.uuidString, year: year).path) })
    }

    struct YearParam: PageQuery {
        var year: Int?
        static let keys = ["year"]
        init(_ q: QueryValues) { year = q.int("year").flatMap { (2015...2100).contains($0) ? $0 : nil } }
        var items: [String: String] { .query([("year", year.map(String.init))]) }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let t = try await teacher(req)
        let now = today(req)
        let year = req.query(YearParam.self).year ?? DeficitRules.diagnosticsYear(of: now)
        let actor = try actor(req, t)
        let records = try await DeficitRecord.query(on: req.db).filter(\.$teacher.$id == t.id!).sort(\.$dayText).all()
        let diagnostics = records.compactMap { r in r.deficitArea.map { DiagnosticResult(teacher: t.staffCode, area: $0, date: r.diagnosticDay, hasDeficit: r.hasDeficit) } }
        let deficits: [RouteViews.Deficit] = records.filter { $0.year == year && $0.hasDeficit }.map { r in
            let d = ProfessionalDeficit(teacher: t.staffCode, school: "", area: r.deficitArea ?? .subject, date: r.diagnosticDay, year: r.year)
            return .init(area: r.deficitArea?.title ?? r.area, source: r.deficitSource?.title ?? r.source,
                         score: r.score.map { RuFormat.decimal($0, digits: 1) } ?? "—", level: r.level.isEmpty ? "—" : r.level, day: r.day?.ru ?? "—",
                         closed: DeficitRules.closingDiagnostic(of: d, in: diagnostics)?.date.ru)
        }
        let route = try await RouteRecord.query(on: req.db).filter(\.$teacher.$id == t.id!).filter(\.$year == year).firstWithSteps()
        let attached = try await MaterialsController.attached(route?.steps ?? [], on: req.db)
        let materialOptions = actor == nil ? [] : try await MaterialsController.stepOptions(t.$municipality.id, on: req.db)
        let stepFiles = try await AttachmentsController.list(.routeStep, (route?.steps ?? []).compactMap(\.id), on: req.db)
        let steps = (route?.steps ?? []).sorted { ($0.due ?? "9999", $0.title) < ($1.due ?? "9999", $1.title) }.map { s -> RouteViews.Step in
            .init(id: s.id!.uuidString, title: s.title, kind: s.stepKind?.title ?? s.kind, area: s.area?.title ?? "", due: s.dueDay?.ru ?? "",
                  status: s.stepStatus.title, statusKind: badge(s.stepStatus), overdue: RouteWorkflow.isOverdue(step: s.dueDay, status: s.stepStatus, today: now),
                  evidence: s.evidence, reason: s.cancelReason, doneDay: s.doneDay.flatMap(CalendarDay.init(iso:))?.ru ?? "",
                  next: actor.map { a in RouteWorkflow.nextSteps(from: s.stepStatus, by: a).map { Views.Option($0.rawValue, $0.title) } } ?? [],
                  material: s.materialID.flatMap { attached[$0] }, materials: materialOptions)
        }.map { step -> RouteViews.Step in
            var step = step
            let id = UUID(uuidString: step.id)!
            step.files = (stepFiles[id] ?? []).map { FileViews.File(name: $0.name, url: $0.url, size: $0.size) }
            step.uploadURL = actor != nil ? SiteURL.routeStepFiles(step.id).path : nil
            return step
        }
        let tutor = try await Assignment.query(on: req.db).filter(\.$kind == AssignmentKind.tutorTeacher.rawValue).filter(\.$teacher.$id == t.id!).with(\.$person).all()
            .first { CuratorshipService.day($0.endsOn).map { $0 >= now } ?? true }?.person
        let years = (max(2020, year - 3)...(DeficitRules.diagnosticsYear(of: now) + 1)).reversed().map { Views.Option(String($0), YearLabel.schoolYear($0)) }
        let state = route?.routeState
        let model = RouteViews.Model(
            teacherID: t.id!.uuidString, name: t.fullName, school: t.school?.shortName ?? "Центр", year: year, years: years, deficits: deficits,
            state: state?.title, stateKind: state.map(badge) ?? .neutral,
            transitions: (state.flatMap { s in actor.map { RouteWorkflow.next(from: s, by: $0) } } ?? []).map { Views.Option($0.rawValue, verb($0)) },
            agreed: route?.agreedBy.map { "Согласован: \($0)" + (route?.agreedDay.flatMap(CalendarDay.init(iso:)).map { ", \($0.ru)" } ?? "") } ?? "",
            steps: steps, canAddStep: actor != nil && state != .completed, canRecordDeficit: Access.canRecordDeficit(of: t.id!, at: t.place, try req.principal()),
            canAsk: actor == .owner && tutor != nil, supporter: tutor.map { "тьютору \($0.fullName)" }, csrf: req.csrfToken, today: now.iso)
        let comments = try await route.asyncMap { try await CommentsController.list(.route, $0.id!, on: req.db, tz: req.timeZone) } ?? []
        let mayComment = Access.canComment(onRouteOf: t.id!, at: t.place, try req.principal())
        let commentForm = route != nil && mayComment ? SiteURL.routeComments(t.id!.uuidString).path : nil
        return req.page("ИОМ: \(t.fullName), \(YearLabel.schoolYear(year))", section: .deficits, crumbs: crumbs + [Crumb(t.fullName)],
                        .group(RouteViews.show(model),
                               try await RouteReviewsController.sections(req, teacher: t, route: route, year: year, canEdit: actor == .supporter || actor == .center),
                               CommentViews.section("Комментарии тьютора, наставника и центра", comments: comments, action: commentForm,
                                                                             csrf: req.csrfToken, hidden: [("year", String(year))])))
    }

    static func badge(_ s: RouteStepStatus) -> Components.BadgeKind {
        switch s { case .done: .success; case .inProgress: .warning; case .planned: .neutral; case .cancelled: .neutral }
    }
    static func badge(_ s: RouteState) -> Components.BadgeKind {
        switch s { case .completed: .success; case .active: .warning; case .agreed: .neutral; case .draft: .neutral }
    }
    static func verb(_ s: RouteState) -> String {
        switch s { case .draft: "Вернуть на доработку"; case .agreed: "Согласовать"; case .active: "Начать выполнение"; case .completed: "Завершить маршрут" }
    }

    static func back(_ req: Request, _ t: Person, _ year: Int, _ text: String, kind: Flash.Kind = .success) -> Response {
        req.redirect(SiteURL.route(t.id!.uuidString, year: year).path, flash: text, kind: kind)
    }

    /// The year a form writes to: the current diagnostics year, up to three before it or the next.
    static func yearField(_ f: FormFields, _ req: Request) -> Int {
        let current = DeficitRules.diagnosticsYear(of: today(req))
        return Int(f["year"]).flatMap { ((current - 3)...(current + 1)).contains($0) ? $0 : nil } ?? current
    }

    /// Adds a step; the first step of a year opens the route as a draft.
    @Sendable static func addStep(req: Request) async throws -> Response {
        let t = try await teacher(req)
        guard try actor(req, t) != nil else { throw AppError.forbidden }
        let f = FormFields(req)
        let year = yearField(f, req)
        guard !f["title"].isEmpty else { return back(req, t, year, "Опишите шаг: что нужно сделать.", kind: .error) }
        guard let kind = RouteStepKind(rawValue: f["kind"]) else { return back(req, t, year, "Выберите вид шага.", kind: .error) }
        let due = f["due"].isEmpty ? nil : CalendarDay.form(f["due"])
        if !f["due"].isEmpty && due == nil { return back(req, t, year, "Срок — в виде дд.мм.гггг.", kind: .error) }
        let existing = try await RouteRecord.query(on: req.db).filter(\.$teacher.$id == t.id!).filter(\.$year == year).first()
        if existing?.routeState == .completed { return back(req, t, year, "Маршрут завершён: шаги в него не добавляются.", kind: .error) }
        let step = RouteStepRecord()
        step.title = String(f["title"].prefix(500)); step.kind = kind.rawValue; step.deficitArea = DeficitArea(rawValue: f["deficit_area"])?.rawValue
        step.due = due?.iso; step.status = RouteStepStatus.planned.rawValue; step.evidence = ""; step.cancelReason = ""
        try await req.db.transaction { db in
            let route = existing ?? RouteRecord()
            if existing == nil {
                route.municipalityID = t.$municipality.id; route.$teacher.id = t.id!; route.year = year; route.state = RouteState.draft.rawValue; route.reviewNote = ""
                try await route.create(on: db)
            }
            step.$route.id = route.id!
            try await step.create(on: db)
            try await Audit.record(req, on: db, .create, entity: "route_step", id: step.id, label: "\(t.fullName), \(year): \(step.title)", municipalityID: t.$municipality.id)
        }
        return back(req, t, year, "Шаг добавлен.")
    }

    /// A step's new status: done with its date and evidence, cancelled with a reason.
    @Sendable static func changeStep(req: Request) async throws -> Response {
        guard let step = try await RouteStepRecord.query(on: req.db).filter(\.$id == req.id()).with(\.$route).first() else { throw AppError.notFound("Шаг") }
        guard let t = try await Person.query(on: req.db).filter(\.$id == step.route.$teacher.id).with(\.$school).first(),
              Access.canReadRoute(of: t.id!, at: t.place, try req.principal()), let a = try actor(req, t) else { throw AppError.forbidden }
        let f = FormFields(req)
        let year = step.route.year
        guard let to = RouteStepStatus(rawValue: f["status"]) else { return back(req, t, year, "Выберите новый статус шага.", kind: .error) }
        if let refusal = RouteWorkflow.stepRefusal(from: step.stepStatus, to: to, reason: f["reason"], by: a) { return back(req, t, year, refusal, kind: .error) }
        let doneDay = CalendarDay.form(f["done_day"])
        if to == .done && doneDay == nil { return back(req, t, year, "Укажите дату выполнения шага.", kind: .error) }
        if let d = doneDay, to == .done, d > today(req) { return back(req, t, year, "Дата выполнения не может быть в будущем.", kind: .error) }
        let before = step.status
        step.status = to.rawValue
        step.doneDay = to == .done ? doneDay?.iso : nil
        if !f["evidence"].isEmpty { step.evidence = String(f["evidence"].prefix(1000)) }
        if to == .cancelled { step.cancelReason = String(f["reason"].prefix(500)) }
        try await req.db.transaction { db in
            try await step.update(on: db)
            try await Audit.record(req, on: db, .update, entity: "route_step", id: step.id, label: "\(t.fullName): \(step.title) — \(to.title)",
                                   municipalityID: t.$municipality.id, before: ["status": before], after: ["status": to.rawValue])
        }
        return back(req, t, year, "Статус шага: \(to.title.lowercased()).")
    }

    /// The route's state: agreed by the tutor or mentor, started, completed, returned for revision.
    @Sendable static func transition(req: Request) async throws -> Response {
        let t = try await teacher(req)
        guard let a = try actor(req, t) else { throw AppError.forbidden }
        let f = FormFields(req)
        let year = yearField(f, req)
        guard let route = try await RouteRecord.query(on: req.db).filter(\.$teacher.$id == t.id!).filter(\.$year == year).first() else {
            return back(req, t, year, "Маршрута этого года ещё нет: добавьте первый шаг.", kind: .error)
        }
        guard let to = RouteState(rawValue: f["to"]) else { return back(req, t, year, "Неизвестное состояние маршрута.", kind: .error) }
        if let refusal = RouteWorkflow.refusal(from: route.routeState, to: to, by: a) { return back(req, t, year, refusal, kind: .error) }
        let before = route.state
        route.state = to.rawValue
        if to == .agreed { route.agreedBy = try req.requireUser().displayName; route.agreedDay = today(req).iso }
        try await req.db.transaction { db in
            try await route.update(on: db)
            try await Audit.record(req, on: db, .update, entity: "route", id: route.id, label: "ИОМ \(t.fullName), \(year): \(to.title)",
                                   municipalityID: t.$municipality.id, before: ["state": before], after: ["state": to.rawValue])
        }
        return back(req, t, year, "Маршрут: \(to.title.lowercased()).")
    }

    /// A teacher's question to their tutor: a request the tutor answers with an interaction.
    @Sendable static func ask(req: Request) async throws -> Response {
        let t = try await teacher(req)
        guard try actor(req, t) == .owner else { throw AppError.forbidden }
        let f = FormFields(req)
        let year = DeficitRules.diagnosticsYear(of: today(req))
        guard !f["text"].isEmpty else { return back(req, t, year, "Напишите вопрос.", kind: .error) }
        let now = today(req)
        guard let tutor = try await Assignment.query(on: req.db).filter(\.$kind == AssignmentKind.tutorTeacher.rawValue).filter(\.$teacher.$id == t.id!).all()
            .first(where: { CuratorshipService.day($0.endsOn).map { $0 >= now } ?? true })?.$person.id else {
            return back(req, t, year, "У вас нет закреплённого тьютора: обратитесь в центр.", kind: .error)
        }
        let r = SupportRequest()
        r.municipalityID = t.$municipality.id; r.$from.id = t.id!; r.$to.id = tutor; r.text = String(f["text"].prefix(2000))
        try await req.db.transaction { db in
            try await r.create(on: db)
            try await Audit.record(req, on: db, .create, entity: "support_request", id: r.id, label: "\(t.fullName): \(r.text.prefix(80))", municipalityID: r.municipalityID)
        }
        return back(req, t, year, "Вопрос отправлен тьютору. Ответ появится в журнале взаимодействий.")
    }

    /// A diagnostic result of a teacher (a deficit found, or a later one that found none).
    @Sendable static func recordDeficit(req: Request) async throws -> Response {
        let t = try await teacher(req)
        guard Access.canRecordDeficit(of: t.id!, at: t.place, try req.principal()) else { throw AppError.forbidden }
        let f = FormFields(req)
        let year = yearField(f, req)
        guard let area = DeficitArea(rawValue: f["area"]), let source = DeficitSource(rawValue: f["source"]) else {
            return back(req, t, year, "Выберите область дефицита и источник.", kind: .error)
        }
        let day = f["day"].isEmpty ? nil : CalendarDay.form(f["day"])
        if !f["day"].isEmpty && day == nil { return back(req, t, year, "Дата — в виде дд.мм.гггг.", kind: .error) }
        let score = f["score"].isEmpty ? nil : RuFormat.parseDecimal(f["score"]).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
        if !f["score"].isEmpty && score == nil { return back(req, t, year, "Балл — неотрицательное число, например 12 или 7,5.", kind: .error) }
        if let day, DeficitRules.diagnosticsYear(of: day) != year || day > today(req) {
            return back(req, t, year, "Дата диагностики — в пределах года диагностики \(YearLabel.schoolYear(year)) (с 1 августа по 31 июля) и не позже сегодняшнего дня.", kind: .error)
        }
        let r = DeficitRecord()
        r.municipalityID = t.$municipality.id; r.$teacher.id = t.id!; r.$school.id = t.$school.id; r.year = year
        r.area = area.rawValue; r.source = source.rawValue; r.score = score; r.level = String(f["level"].prefix(100)); r.dayText = day?.iso
        r.hasDeficit = f.bool("has_deficit")
        try await req.db.transaction { db in
            try await r.create(on: db)
            try await Audit.record(req, on: db, .create, entity: "deficit", id: r.id,
                                   label: "\(t.fullName), \(year): \(area.title) — \(r.hasDeficit ? "дефицит" : "нет дефицита")", municipalityID: r.municipalityID)
        }
        return back(req, t, year, "Результат диагностики внесён.")
    }
}
