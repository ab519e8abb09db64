import Vapor
import Fluent
import Views
import Domain

/// Creating a plan and changing its title (a change of an approved plan is a new version with a reason).
enum PlanEditController {
    /// The owners the user may create plans for in a municipality: the municipality and its schools.
    static func owners(_ req: Request, _ m: Municipality) async throws -> [Views.Option] {
        let p = try req.principal()
        var out: [Views.Option] = []
        if Access.canEditPlan(of: Access.PlanOwner(municipality: m.ref, schoolID: nil), p) { out.append(Views.Option("municipality", "Муниципалитет «\(m.name)»")) }
        for s in try await School.query(on: req.db).filter(\.$municipality.$id == m.id!).sort(\.$shortName).all()
            where Access.canEditPlan(of: Access.PlanOwner(municipality: m.ref, schoolID: s.id), p) {
            out.append(Views.Option(s.id!.uuidString, "\(s.shortName) (\(s.code))"))
        }
        return out
    }

    static func municipality(_ req: Request, _ id: UUID?) async throws -> Municipality {
        let all = try await PlansController.municipalities(req)
        guard let e = all.first(where: { $0.id == id }) ?? all.first, let m = try await Municipality.find(e.id, on: req.db) else { throw AppError.forbidden }
        return m
    }

    static func formPage(_ req: Request, _ m: Municipality, values: [String: String], errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let owners = try await owners(req, m)
        guard !owners.isEmpty else { throw AppError.forbidden }
        var model = PlanPages.PlanFormModel()
        model.action = SiteURL.plans(municipality: m.id!.uuidString).path
        model.owners = owners
        model.kinds = try await PlanKind.query(on: req.db).filter(\.$active == true).sort(\.$position).all().map { Views.Option($0.code, "\($0.title) (\($0.owner.title))") }
        model.values = values; model.errors = errors; model.csrf = req.csrfToken
        model.cancelURL = SiteURL.plans(municipality: m.id!.uuidString).path; model.municipalityName = m.name
        model.yearHint = m.period == .schoolYear ? "учебный год, например 2025/2026" : "календарный год, например 2026"
        return PlansController.render(req, PlanPages.planForm(model), status: status)
    }

    struct NewQuery: PageQuery {
        var municipality: UUID?, school: UUID?
        static let keys = ["municipality", "school"]
        init(_ q: QueryValues) { municipality = q.uuid("municipality"); school = q.uuid("school") }
        var items: [String: String] { .query([("municipality", municipality?.uuidString), ("school", school?.uuidString)]) }
    }

    @Sendable static func new(req: Request) async throws -> Response {
        let q = req.query(NewQuery.self)
        let m = try await municipality(req, q.municipality)
        let year = PairsController.planYear(PlanService.today(req))
        return try await formPage(req, m, values: ["owner": q.school?.uuidString ?? "", "year": Present.yearLabel(m.period == .schoolYear ? year : PlanService.today(req).year, m)], errors: [])
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let f = FormFields(req)
        let m = try await municipality(req, try? req.query.get(UUID.self, at: "municipality"))
        let owners = try await owners(req, m)
        guard !owners.isEmpty else { throw AppError.forbidden }
        var errors: [FieldError] = []
        let owner = f["owner"]
        if !owners.contains(where: { $0.value == owner }) { errors.append(.init(field: "owner", message: "Выберите, чей это план: муниципалитет или школа из списка.")) }
        let schoolID = owner == "municipality" ? nil : UUID(uuidString: owner)
        let kind = try await PlanKind.query(on: req.db).filter(\.$code == f["kind"]).filter(\.$active == true).first()
        if kind == nil { errors.append(.init(field: "kind", message: "Выберите вид плана из списка.")) }
        else if !kind!.owner.admits(school: schoolID != nil) { errors.append(.init(field: "kind", message: "План вида «\(kind!.title)» ведёт \(kind!.owner.title): выберите другой вид или другого владельца.")) }
        let year = YearLabel.parse(f["year"])
        if year == nil { errors.append(.init(field: "year", message: "Год — например 2026 или 2025/2026.")) }
        if f["title"].isEmpty { errors.append(.init(field: "title", message: "Укажите название плана, например «Дорожная карта на 2026 год».")) }
        if errors.isEmpty, let year, let kind {
            var q = Plan.query(on: req.db).filter(\.$municipalityID == m.id!).filter(\.$kindCode == kind.code).filter(\.$year == year).filter(\.$title == f["title"])
            q = schoolID.map { id in q.filter(\.$school.$id == id) } ?? q.filter(\.$school.$id == nil)
            if try await q.first() != nil { errors.append(.init(field: "title", message: "Такой план (тот же владелец, вид, год и название) уже есть: откройте его в списке или измените название.")) }
        }
        guard errors.isEmpty, let year, let kind else { return try await formPage(req, m, values: f.flat, errors: errors, status: .unprocessableEntity) }
        let plan = Plan()
        plan.municipalityID = m.id!; plan.$school.id = schoolID; plan.kindCode = kind.code; plan.year = year; plan.title = String(f["title"].prefix(300))
        plan.state = PlanState.draft.rawValue; plan.version = 0; plan.orderNumber = ""; plan.approvedBy = ""
        try await req.db.transaction { db in
            try await plan.create(on: db)
            try await Audit.record(req, on: db, .create, entity: "plan", id: plan.id, label: plan.title, municipalityID: m.id)
        }
        return req.redirect(SiteURL.plan(plan.id!.uuidString).path, flash: "План создан: добавьте пункты или загрузите таблицу.")
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        let (plan, _) = try await PlansController.load(req, edit: true)
        return editPage(req, plan, values: ["title": plan.title], errors: [])
    }

    static func editPage(_ req: Request, _ plan: Plan, values: [String: String], errors: [FieldError], status: HTTPStatus = .ok) -> Response {
        var model = PlanPages.PlanFormModel()
        model.action = SiteURL.plan(plan.id!.uuidString).path; model.editing = true; model.approved = plan.isApproved
        model.values = values; model.errors = errors; model.csrf = req.csrfToken; model.cancelURL = SiteURL.plan(plan.id!.uuidString).path
        return PlansController.render(req, PlanPages.planForm(model), status: status)
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let (plan, m) = try await PlansController.load(req, edit: true)
        let f = FormFields(req)
        var errors: [FieldError] = []
        if f["title"].isEmpty { errors.append(.init(field: "title", message: "Укажите название плана.")) }
        if plan.isApproved && f["reason"].isEmpty { errors.append(.init(field: "reason", message: "План утверждён: укажите причину изменения — она сохранится в новой версии.")) }
        guard errors.isEmpty else { return editPage(req, plan, values: f.flat, errors: errors, status: .unprocessableEntity) }
        let before = plan.title
        plan.title = String(f["title"].prefix(300))
        let login = try req.requireUser().login
        try await req.db.transaction { db in
            try await plan.update(on: db)
            try await PlanService.changedAfterApproval(plan, reason: f["reason"], login: login, at: req.now, on: db)
            try await Audit.record(req, on: db, .update, entity: "plan", id: plan.id, label: plan.title, municipalityID: m.id, before: ["title": before], after: ["title": plan.title, "reason": f["reason"]])
        }
        return req.redirect(SiteURL.plan(plan.id!.uuidString).path, flash: plan.isApproved ? "Изменения сохранены; версия \(plan.version)." : "Изменения сохранены.")
    }
}

