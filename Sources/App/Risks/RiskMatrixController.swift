import Vapor
import Fluent
import Views
import Domain

/// The municipal risk matrix (schools × kinds) and the editable kinds with their method page.
enum RiskMatrixController {
    struct MatrixQuery: PageQuery {
        var municipality: UUID?
        static let keys = ["municipality"]
        init(_ q: QueryValues) { municipality = q.uuid("municipality") }
        var items: [String: String] { .query([("municipality", municipality?.uuidString)]) }
    }

    @Sendable static func matrix(req: Request) async throws -> Response {
        let p = try req.principal()
        let q = req.query(MatrixQuery.self)
        let all = try await req.municipalityDirectory().filter { Access.readsMunicipalRisks(MunicipalityRef(id: $0.id, regionID: $0.regionID), p) }
        guard let e = all.first(where: { $0.id == q.municipality }) ?? all.first else { throw AppError.forbidden }
        let risks = try await SchoolRisk.query(on: req.db).filter(\.$municipalityID == e.id).all()
        let kinds = try await RisksController.kinds(on: req.db)
        let schools = try await School.query(on: req.db).filter(\.$municipality.$id == e.id).sort(\.$shortName).all()
        let cells = RiskMatrix.cells(risks.map { RiskMatrix.Entry(school: $0.$school.id, kind: $0.kindCode, level: $0.riskLevel) })
        let used = Set(risks.map(\.kindCode))
        var m = RiskPages.MatrixModel()
        m.municipalityName = e.name; m.municipalityID = e.id.uuidString; m.municipalities = all.map { Views.Option($0.id.uuidString, $0.name) }
        m.kinds = kinds.filter { used.contains($0.code) }.map { Views.Option($0.code, $0.title) }
        m.rows = schools.filter { cells[$0.id!] != nil }.map { s in
            RiskPages.MatrixRow(school: s.shortName, url: SiteURL.risks(.school(s.id!.uuidString)).path, cells: (cells[s.id!] ?? [:]).mapValues(\.rawValue))
        }
        m.kindsURL = SiteURL.risks(.kinds).path; m.advice = RisksController.advice(RisksController.today(req))
        return RisksController.render(req, RiskPages.matrix(m))
    }

    static func kindsPage(_ req: Request, values: [String: String], errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let p = try req.principal()
        var m = RiskPages.KindsModel()
        m.rows = try await RisksController.kinds(on: req.db).map { k in
            var r = RiskPages.KindRow()
            r.code = k.code; r.title = k.title; r.factor = k.factor500; r.active = k.active; r.model = k.model
            if let model = RiskFactorModel.validate(k.model).0 {
                r.indicators = model.indicators.map { "\($0.title) (\($0.source); \($0.normalisation); вес \(RuFormat.decimal($0.weight, digits: 2)))" }
                r.cutPoints = "средний ≥ \(RuFormat.decimal(model.cutPoints.medium, digits: 2)), высокий ≥ \(RuFormat.decimal(model.cutPoints.high, digits: 2))"
            }
            return r
        }
        if Access.allows(.editRiskKinds, p) { m.action = SiteURL.risks(.kinds).path }
        m.values = values; m.errors = errors; m.csrf = req.csrfToken
        return RisksController.render(req, RiskPages.kinds(m), status: status)
    }

    @Sendable static func kinds(req: Request) async throws -> Response {
        try await kindsPage(req, values: ["active": "1"], errors: [])
    }

    /// Adds a kind (a new code) or changes one (an existing code); the model must validate.
    @Sendable static func save(req: Request) async throws -> Response {
        let f = FormFields(req)
        var errors: [FieldError] = []
        let code = KindCode.normalized(f["code"])
        if let problem = KindCode.problem(code, example: "f500_parents") { errors.append(FieldError(field: "code", message: problem)) }
        let title = f["title"]
        if title.isEmpty { errors.append(FieldError(field: "title", message: "Укажите наименование вида риска.")) }
        let (_, problem) = RiskFactorModel.validate(f["model"])
        if let problem { errors.append(FieldError(field: "model", message: problem)) }
        guard errors.isEmpty else { return try await kindsPage(req, values: f.flat, errors: errors, status: .unprocessableEntity) }
        let existing = try await RiskKind.query(on: req.db).filter(\.$code == code).first()
        let k = existing ?? RiskKind()
        let before = existing.map { ["title": $0.title, "model": $0.model, "active": $0.active ? "1" : "0"] }
        if existing == nil { k.code = code; k.position = (try await RiskKind.query(on: req.db).max(\.$position) ?? 0) + 1 }
        k.title = String(title.prefix(300)); k.factor500 = f.bool("factor_500"); k.active = f.bool("active")
        k.model = f["model"].trimmingCharacters(in: .whitespacesAndNewlines)
        try await req.db.transaction { db in
            try await k.save(on: db)
            try await Audit.record(req, on: db, existing == nil ? .create : .update, entity: "risk_kind", id: k.id, label: k.title, municipalityID: nil,
                                   before: before, after: ["title": k.title, "model": k.model, "active": k.active ? "1" : "0"])
        }
        return req.redirect(SiteURL.risks(.kinds), flash: existing == nil ? "Вид риска добавлен." : "Вид риска изменён.")
    }
}
