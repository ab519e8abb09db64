import Vapor
import Fluent
import Views
import Domain
import Importing

/// «Планы»: the list of a municipality's plans with the figures of each plan and each school, a
/// plan's page (items, execution per occurrence, figures with their inputs, approval, versions, the
/// upload of its table), the next year's copy, the method page.
enum PlansController {
    static let crumbs = [PlanPages.root]

    static func render(_ req: Request, _ page: PlanPage, status: HTTPStatus = .ok) -> Response {
        req.page(page.title, section: .plans, crumbs: page.crumbs, status: status, page.body)
    }

    /// The plan of `:id` with its municipality, if the user reads it (404 / 403 first).
    static func load(_ req: Request, edit: Bool = false, id: UUID? = nil) async throws -> (Plan, Municipality) {
        guard let plan = try await Plan.find(try id ?? req.id(), on: req.db), let m = try await Municipality.find(plan.municipalityID, on: req.db) else {
            throw AppError.notFound("План")
        }
        let p = try req.principal()
        guard edit ? Access.canEditPlan(of: plan.owner(m), p) : Access.canReadPlan(of: plan.owner(m), p) else { throw AppError.forbidden }
        return (plan, m)
    }

    struct IndexQuery: PageQuery {
        var municipality: UUID?, year: Int?, asOf: CalendarDay?
        static let keys = ["municipality", "year", "as_of"]
        init(_ q: QueryValues) {
            municipality = q.uuid("municipality"); year = q.string("year").flatMap(YearLabel.parse); asOf = q.string("as_of").flatMap(CalendarDay.parse)
        }
        var items: [String: String] { .query([("municipality", municipality?.uuidString), ("year", year.map(String.init)), ("as_of", asOf?.iso)]) }
    }

    /// The municipalities where the user reads some plan: whole ones, or those of their schools.
    static func municipalities(_ req: Request) async throws -> [Request.MunicipalityEntry] {
        let p = try req.principal()
        let schools = Access.planSchools(p)
        let own = schools.isEmpty ? [] : Set(try await School.query(on: req.db).filter(\.$id ~~ Array(schools)).all().map(\.$municipality.id))
        return try await req.municipalityDirectory().filter { Access.readsAllPlans(in: MunicipalityRef(id: $0.id, regionID: $0.regionID), p) || own.contains($0.id) }
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let q = req.query(IndexQuery.self)
        let all = try await municipalities(req)
        guard let e = all.first(where: { $0.id == q.municipality }) ?? all.first, let m = try await Municipality.find(e.id, on: req.db) else { throw AppError.forbidden }
        let p = try req.principal()
        let asOf = q.asOf ?? PlanService.today(req)
        var query = Plan.query(on: req.db).filter(\.$municipalityID == m.id!)
        if let y = q.year { query = query.filter(\.$year == y) }
        if !Access.readsAllPlans(in: m.ref, p) { query = query.filter(\.$school.$id ~~ Array(Access.planSchools(p))) }
        let plans = try await query.sort(\.$year, .descending).sort(\.$title).all()
        let owners = Array(Set(plans.compactMap { $0.$school.id }))
        let schools = owners.isEmpty ? [:] : Dictionary(try await School.query(on: req.db).filter(\.$id ~~ owners).all().map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let kinds = Dictionary(try await PlanKind.query(on: req.db).all().map { ($0.code, $0.title) }, uniquingKeysWith: { a, _ in a })
        let items = try await PlanService.domainItems(plans, on: req.db)
        var model = PlanPages.IndexModel()
        model.municipalityName = m.name; model.municipalityID = m.id!.uuidString
        model.municipalities = all.map { Views.Option($0.id.uuidString, $0.name) }
        model.year = q.year.map { Present.yearLabel($0, m) } ?? ""; model.yearLabel = model.year
        model.asOf = asOf.iso; model.asOfRu = asOf.ru
        model.plans = plans.map { plan in
            let values = Dictionary(uniqueKeysWithValues: PlanFigures.values(PlanFigures.compute(items[plan.id!] ?? [], asOf: asOf)).map { ($0.figure, $0.ru) })
            var r = PlanPages.PlanRow()
            r.url = SiteURL.plan(plan.id!.uuidString, asOf: q.asOf?.iso).path
            r.owner = plan.$school.id.flatMap { schools[$0]?.shortName } ?? m.name
            r.kind = kinds[plan.kindCode] ?? plan.kindCode; r.year = Present.yearLabel(plan.year, m); r.title = plan.title
            r.state = plan.planState.title; r.approved = plan.isApproved; r.version = plan.version
            r.items = values["items"] ?? "0"; r.completeness = values["completeness"] ?? "—"; r.timeliness = values["timeliness"] ?? "—"
            return r
        }
        let bySchool = Dictionary(grouping: plans.filter { $0.$school.id != nil }, by: { $0.$school.id! })
        model.schools = bySchool.map { id, ps in
            var s = PlanPages.SchoolRow()
            s.school = schools[id]?.shortName ?? "—"; s.plans = ps.count
            s.figures = PlanFigures.values(PlanFigures.compute(ps.flatMap { items[$0.id!] ?? [] }, asOf: asOf)).map(PlanPages.Figure.init)
            return s
        }.sorted { $0.school < $1.school }
        if Access.allows(.editPlans, p) { model.newURL = SiteURL.planNew(municipality: m.id!.uuidString).path }
        if Access.allows(.editPlanKinds, p) { model.kindsURL = SiteURL.planKinds.path }
        return render(req, PlanPages.index(model))
    }

    @Sendable static func method(req: Request) async throws -> Response { render(req, PlanPages.method()) }

    // MARK: a plan's page

    struct ShowQuery: PageQuery {
        var asOf: CalendarDay?
        static let keys = ["as_of"]
        init(_ q: QueryValues) { asOf = q.string("as_of").flatMap(CalendarDay.parse) }
        var items: [String: String] { .query([("as_of", asOf?.iso)]) }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let (plan, m) = try await load(req)
        return try await showPage(req, plan, m, values: [:], errors: [])
    }

    static func showPage(_ req: Request, _ plan: Plan, _ m: Municipality, values: [String: String], errors: [FieldError],
                         importErrors: [ImportError] = [], status: HTTPStatus = .ok) async throws -> Response {
        let p = try req.principal()
        let today = PlanService.today(req)
        let asOf = req.query(ShowQuery.self).asOf ?? today
        let canEdit = Access.canEditPlan(of: plan.owner(m), p)
        let items = try await PlanItem.query(on: req.db).filter(\.$plan.$id == plan.id!).sort(\.$position).all()
        let execs = try await PlanService.executions(items.compactMap(\.id), on: req.db)
        let school = try await plan.$school.id.asyncMap { try await School.find($0, on: req.db) } ?? nil
        let kind = try await PlanKind.query(on: req.db).filter(\.$code == plan.kindCode).first()
        let people = try await responsiblePeople(plan, m, on: req.db)
        let names = Dictionary(people.map { ($0.id!, $0.fullName) }, uniquingKeysWith: { a, _ in a })
        let versions = try await PlanVersion.query(on: req.db).filter(\.$plan.$id == plan.id!).sort(\.$version).all()
        let id = plan.id!.uuidString
        var model = PlanPages.ShowModel()
        model.id = id; model.title = plan.title; model.ownerName = school?.shortName ?? m.name; model.municipalityName = m.name
        model.indexURL = SiteURL.plans(municipality: m.id!.uuidString).path
        model.facts = [("Владелец", school.map { "\($0.shortName) (\($0.code))" } ?? "муниципалитет «\(m.name)»"),
                       ("Вид", kind?.title ?? plan.kindCode),
                       ("\(m.period.title)", Present.yearLabel(plan.year, m)),
                       ("Состояние", plan.planState.title + (plan.isApproved ? ", версия \(plan.version)" : "")),
                       ("Утверждён", plan.isApproved ? "приказ № \(plan.orderNumber) от \(plan.orderDate.flatMap(CalendarDay.init(iso:))?.ru ?? "—"), \(plan.approvedBy)" : "—")]
        model.approved = plan.isApproved; model.version = plan.version
        model.asOf = asOf.iso; model.asOfRu = asOf.ru
        let domain = items.compactMap { PlanService.domainItem($0, execs[$0.id!] ?? []) }
        model.figures = PlanFigures.values(PlanFigures.compute(domain, asOf: asOf)).map(PlanPages.Figure.init)
        let rows = items.map { itemRow($0, execs[$0.id!] ?? [], names: names, today: today, canEdit: canEdit) }
        var sections: [PlanPages.Section] = []
        for (item, row) in zip(items, rows) {
            if sections.last?.title != item.section { var s = PlanPages.Section(); s.title = item.section; sections.append(s) }
            sections[sections.count - 1].items.append(row)
        }
        model.sections = sections
        model.canEdit = canEdit
        if canEdit {
            model.addItemURL = SiteURL.planItems(id).path
            model.copyURL = SiteURL.planCopy(id).path
            model.editURL = SiteURL.planEdit(id).path
            if !plan.isApproved { model.importURL = SiteURL.planImport(id).path; model.approveURL = SiteURL.planApprove(id).path }
        }
        model.templateCSV = SiteURL.planImportTemplate("plan.csv").path; model.templateXLSX = SiteURL.planImportTemplate("plan.xlsx").path
        model.versions = versions.map { v in
            var r = PlanPages.VersionRow()
            r.number = v.version; r.kind = v.kind == PlanVersion.Kind.approval.rawValue ? "утверждение" : "изменение после утверждения"
            r.when = RuFormat.dateTime(v.at, timeZone: PlanService.zone); r.by = v.byLogin; r.reason = v.reason
            r.url = SiteURL.planVersion(id, String(v.version)).path
            return r
        }
        model.people = people.map { Views.Option($0.id!.uuidString, $0.fullName + ($0.position.isEmpty ? "" : ", " + $0.position)) }
        model.values = values; model.errors = errors
        model.importErrors = importErrors.map { (row: $0.row > 0 ? String($0.row) : "—", column: $0.column.isEmpty ? "—" : $0.column, message: $0.message) }
        model.csrf = req.csrfToken
        return render(req, PlanPages.show(model), status: status)
    }

    /// The people who may be named responsible: the owner school's staff, or the municipality's people without a school (the center).
    static func responsiblePeople(_ plan: Plan, _ m: Municipality, on db: any Database) async throws -> [Person] {
        var q = Person.query(on: db).filter(\.$municipality.$id == m.id!)
        q = plan.$school.id.map { id in q.filter(\.$school.$id == id) } ?? q.filter(\.$school.$id == nil)
        return try await q.sort(\.$lastName).limit(300).all()
    }

    static func itemRow(_ i: PlanItem, _ execs: [PlanExecution], names: [UUID: String], today: CalendarDay, canEdit: Bool) -> PlanPages.ItemRow {
        var r = PlanPages.ItemRow()
        r.id = i.id?.uuidString ?? ""; r.measure = i.measure
        r.dates = (i.start.map { "\($0.ru) — " } ?? "до ") + (i.deadlineDay?.ru ?? i.deadline)
        r.recurrence = i.itemRecurrence.title; r.responsible = i.responsible
        r.people = i.personIDs.compactMap { names[$0] }.joined(separator: ", ")
        r.targets = i.targetGroups.map(\.title).joined(separator: ", "); r.addresses = i.addresses
        r.expectedResult = i.expectedResult; r.reportForm = i.reportForm
        r.status = i.itemStatus.title; r.statusValue = i.status
        let byDue = Dictionary(execs.map { ($0.dueDay, $0) }, uniquingKeysWith: { a, _ in a })
        r.occurrences = i.itemStatus == .cancelled ? [] : i.occurrences.map { due in
            var o = PlanPages.Occurrence()
            o.due = due.iso; o.dueRu = due.ru
            if let e = byDue[due.iso], let done = CalendarDay(iso: e.doneDay) {
                o.done = done.ru; o.late = done > due; o.evidence = e.evidence; o.evidenceURL = e.evidenceURL
            } else { o.overdue = due < today }
            return o
        }
        if canEdit, let id = i.id {
            r.editURL = SiteURL.planItemEdit(id.uuidString).path
            if i.itemStatus != .cancelled { r.executionURL = SiteURL.planItemExecution(id.uuidString).path }
        }
        return r
    }

    // MARK: approval, copy, versions

    @Sendable static func approve(req: Request) async throws -> Response {
        let (plan, m) = try await load(req, edit: true)
        let f = FormFields(req)
        guard !plan.isApproved else { return req.redirect(SiteURL.plan(plan.id!.uuidString).path, flash: "План уже утверждён.", kind: .info) }
        var errors: [FieldError] = []
        if f["order_number"].isEmpty { errors.append(.init(field: "order_number", message: "Укажите номер приказа, которым утверждён план.")) }
        let date = CalendarDay.parse(f["order_date"])
        if date == nil { errors.append(.init(field: "order_date", message: "Укажите дату приказа в виде дд.мм.гггг.")) }
        if f["approved_by"].isEmpty { errors.append(.init(field: "approved_by", message: "Укажите, кем утверждён план, например «Управление образования».")) }
        guard errors.isEmpty, let date else {
            return try await showPage(req, plan, m, values: f.flat.merging(["form": "approve"]) { $1 }, errors: errors, status: .unprocessableEntity)
        }
        let login = try req.requireUser().login
        plan.state = PlanState.approved.rawValue; plan.version += 1
        plan.orderNumber = String(f["order_number"].prefix(100)); plan.orderDate = date.iso; plan.approvedBy = String(f["approved_by"].prefix(300))
        try await req.db.transaction { db in
            try await plan.update(on: db)
            try await PlanService.keepVersion(plan, kind: .approval, reason: "приказ № \(plan.orderNumber) от \(date.ru), \(plan.approvedBy)", login: login, at: req.now, on: db)
            try await Audit.record(req, on: db, .update, entity: "plan", id: plan.id, label: "\(plan.title): утверждён", municipalityID: m.id,
                                   before: ["state": "draft"], after: ["state": "approved", "order": plan.orderNumber, "date": date.iso, "version": String(plan.version)])
        }
        return req.redirect(SiteURL.plan(plan.id!.uuidString).path, flash: "План утверждён; сохранена версия \(plan.version).")
    }

    @Sendable static func copy(req: Request) async throws -> Response {
        let (plan, m) = try await load(req, edit: true)
        let exists = try await Plan.query(on: req.db).filter(\.$municipalityID == m.id!).filter(\.$kindCode == plan.kindCode).filter(\.$year == plan.year + 1)
            .all().contains { $0.$school.id == plan.$school.id && $0.copiedFromID == plan.id }
        if exists { return req.redirect(SiteURL.plan(plan.id!.uuidString).path, flash: "Копия этого плана на следующий год уже есть: откройте её в списке планов.", kind: .error) }
        let copy = try await req.db.transaction { db in
            let copy = try await PlanService.copyToNextYear(plan, on: db)
            try await Audit.record(req, on: db, .create, entity: "plan", id: copy.id, label: "\(copy.title): копия плана «\(plan.title)»", municipalityID: m.id)
            return copy
        }
        return req.redirect(SiteURL.plan(copy.id!.uuidString).path, flash: "Создан проект плана на \(Present.yearLabel(copy.year, m)).")
    }

    @Sendable static func version(req: Request) async throws -> Response {
        let (plan, m) = try await load(req)
        guard let n = Int(req.parameters.get("version") ?? ""),
              let v = try await PlanVersion.query(on: req.db).filter(\.$plan.$id == plan.id!).filter(\.$version == n).first(),
              let snap = try? JSONDecoder().decode(PlanService.Snapshot.self, from: Data(v.snapshotJSON.utf8)) else { throw AppError.notFound("Версия плана") }
        var model = PlanPages.VersionModel()
        model.planTitle = plan.title; model.planURL = SiteURL.plan(plan.id!.uuidString).path; model.number = v.version
        model.kind = v.kind == PlanVersion.Kind.approval.rawValue ? "утверждение" : "изменение после утверждения"
        model.when = RuFormat.dateTime(v.at, timeZone: PlanService.zone); model.by = v.byLogin; model.reason = v.reason
        model.facts = [("Название", snap.title), ("Вид", snap.kind), ("Год", Present.yearLabel(snap.year, m)),
                       ("Приказ", snap.orderNumber.isEmpty ? "—" : "№ \(snap.orderNumber) от \(snap.orderDate.flatMap(CalendarDay.init(iso:))?.ru ?? "—"), \(snap.approvedBy)")]
        model.items = snap.items.map { s in
            let i = PlanItem()
            i.section = s.section; i.measure = s.measure; i.startDay = s.start; i.deadline = s.deadline; i.recurrence = s.recurrence
            i.responsible = s.responsible; i.responsiblePersonIDs = ""; i.targets = s.targets; i.addresses = s.addresses
            i.expectedResult = s.expectedResult; i.reportForm = s.reportForm; i.status = s.status
            var r = itemRow(i, [], names: [:], today: CalendarDay(year: 1, month: 1, day: 1)!, canEdit: false)
            r.occurrences = []
            return r
        }
        return render(req, PlanPages.version(model))
    }

    // MARK: the upload on the plan's page

    struct Upload: Content { var file: File? }

    @Sendable static func upload(req: Request) async throws -> Response {
        let (plan, m) = try await load(req, edit: true)
        let up = try req.content.decode(Upload.self)
        guard let file = up.file, file.data.readableBytes > 0 else {
            return try await showPage(req, plan, m, values: ["form": "import"], errors: [.init(field: "file", message: "Выберите файл CSV или XLSX.")], status: .unprocessableEntity)
        }
        let actor = ImportActor(try req.requireUser())
        let kind = ImportKind.plan(PlanImportTarget(planID: plan.id))
        let job = try await ImportPipeline.newJob(kind, fileName: file.filename, municipality: m, actor: actor, on: req.db)
        let outcome = await ImportPipeline.execute(job, kind, .data(Data(file.data.readableBytesView)), scope: .municipality(m), defaultYear: nil,
                                                   actor: actor, app: req.application)
        guard outcome.status == .done else {
            return try await showPage(req, plan, m, values: ["form": "import"], errors: [], importErrors: outcome.errors, status: .unprocessableEntity)
        }
        return req.redirect(SiteURL.plan(plan.id!.uuidString).path, flash: outcome.notes.first ?? "Пункты загружены.")
    }

    @Sendable static func template(req: Request) async throws -> Response { try await ImportJobsController.template(.plans)(req) }
}
