import Vapor
import Fluent
import Views
import Domain

/// «Виды планов»: the editable reference list shared by every municipality.
enum PlanKindsController {
    static func page(_ req: Request, values: [String: String], errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let canEdit = Access.allows(.editPlanKinds, try req.principal())
        var model = PlanPages.KindsModel()
        model.rows = try await PlanKind.query(on: req.db).sort(\.$position).all().map { k in
            var r = PlanPages.KindRow()
            r.id = k.id!.uuidString; r.code = k.code; r.title = k.title; r.owner = k.owner.title; r.ownerValue = k.ownerLevel; r.active = k.active
            r.updateURL = canEdit ? SiteURL.planKind(k.id!.uuidString).path : nil
            return r
        }
        model.owners = PlanOwnerLevel.allCases.map { Views.Option($0.rawValue, $0.title) }
        model.canEdit = canEdit; model.values = values; model.errors = errors; model.csrf = req.csrfToken
        return PlansController.render(req, PlanPages.kinds(model), status: status)
    }

    @Sendable static func index(req: Request) async throws -> Response { try await page(req, values: [:], errors: []) }

    @Sendable static func create(req: Request) async throws -> Response {
        let f = FormFields(req)
        var errors: [FieldError] = []
        let code = KindCode.normalized(f["code"])
        if let problem = KindCode.problem(code, example: "anti_risk_plan") {
            errors.append(.init(field: "code", message: problem))
        } else if try await PlanKind.query(on: req.db).filter(\.$code == code).first() != nil {
            errors.append(.init(field: "code", message: "Вид с кодом «\(code)» уже есть: выберите другой код."))
        }
        if f["title"].isEmpty { errors.append(.init(field: "title", message: "Укажите название вида плана.")) }
        guard errors.isEmpty else { return try await page(req, values: f.flat, errors: errors, status: .unprocessableEntity) }
        let k = PlanKind()
        k.code = code; k.title = String(f["title"].prefix(300)); k.ownerLevel = (PlanOwnerLevel(rawValue: f["owner_level"]) ?? .any).rawValue
        k.position = (try await PlanKind.query(on: req.db).max(\.$position) ?? 0) + 1; k.active = true
        try await req.db.transaction { db in
            try await k.create(on: db)
            try await Audit.record(req, on: db, .create, entity: "plan_kind", id: k.id, label: "\(k.code): \(k.title)", municipalityID: nil, versions: [])
        }
        return req.redirect(SiteURL.planKinds.path, flash: "Вид плана добавлен.")
    }

    @Sendable static func update(req: Request) async throws -> Response {
        guard let k = try await PlanKind.find(req.id(), on: req.db) else { throw AppError.notFound("Вид плана") }
        let f = FormFields(req)
        guard !f["title"].isEmpty else { return req.redirect(SiteURL.planKinds.path, flash: "Укажите название вида плана.", kind: .error) }
        let before = ["title": k.title, "owner": k.ownerLevel, "active": String(k.active)]
        k.title = String(f["title"].prefix(300)); k.ownerLevel = (PlanOwnerLevel(rawValue: f["owner_level"]) ?? k.owner).rawValue; k.active = f.bool("active")
        try await req.db.transaction { db in
            try await k.update(on: db)
            try await Audit.record(req, on: db, .update, entity: "plan_kind", id: k.id, label: "\(k.code): \(k.title)", municipalityID: nil,
                                   before: before, after: ["title": k.title, "owner": k.ownerLevel, "active": String(k.active)], versions: [])
        }
        return req.redirect(SiteURL.planKinds.path, flash: "Изменения сохранены.")
    }
}
