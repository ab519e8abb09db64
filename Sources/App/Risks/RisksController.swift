import Vapor
import Fluent
import Views
import Domain

/// «Риски» (issue 11, «опережающее управление»): a school's register, registering and changing a
/// risk with its measures (plan items of the school's and the municipality's plans).
enum RisksController {
    static func render(_ req: Request, _ page: ControlPage, status: HTTPStatus = .ok) -> Response {
        req.page(page.title, section: .risks, crumbs: page.crumbs, status: status, page.body)
    }

    static func today(_ req: Request) -> CalendarDay { PlanService.today(req) }

    static func advice(_ today: CalendarDay) -> String {
        "Решения по рискам следующего учебного года — не позднее \(RiskDeadlines.nextYearDecisionsBy(today).ru) (Концепция: не позднее июня)."
    }

    static func loadSchool(_ req: Request, edit: Bool) async throws -> School {
        guard let s = try await School.query(on: req.db).filter(\.$id == req.id()).with(\.$municipality).first() else { throw AppError.notFound("Школа") }
        let p = try req.principal()
        guard edit ? Access.canEditRisks(of: s.place, p) : Access.canReadRisks(of: s.place, p) else { throw AppError.forbidden }
        return s
    }

    static func loadRisk(_ req: Request) async throws -> (SchoolRisk, School) {
        guard let r = try await SchoolRisk.find(req.id(), on: req.db),
              let s = try await School.query(on: req.db).filter(\.$id == r.$school.id).with(\.$municipality).first() else { throw AppError.notFound("Риск") }
        guard Access.canEditRisks(of: s.place, try req.principal()) else { throw AppError.forbidden }
        return (r, s)
    }

    static func kinds(on db: any Database) async throws -> [RiskKind] {
        try await RiskKind.query(on: db).sort(\.$position).all()
    }

    /// The plan items a school's risk may name as measures: of its own plans and of the municipality's.
    static func measureOptions(_ s: School, on db: any Database) async throws -> [UUID: String] {
        let plans = try await Plan.query(on: db).filter(\.$municipalityID == s.$municipality.id).all().filter { $0.$school.id == nil || $0.$school.id == s.id }
        guard !plans.isEmpty else { return [:] }
        let titles = Dictionary(plans.map { ($0.id!, $0.title) }, uniquingKeysWith: { a, _ in a })
        let items = try await PlanItem.query(on: db).filter(\.$plan.$id ~~ plans.compactMap(\.id)).sort(\.$position).all()
        return Dictionary(items.filter { $0.itemStatus != .cancelled }.map { ($0.id!, "«\(titles[$0.$plan.id] ?? "")»: \($0.measure)") }, uniquingKeysWith: { a, _ in a })
    }

    @Sendable static func school(req: Request) async throws -> Response {
        let s = try await loadSchool(req, edit: false)
        let p = try req.principal()
        let today = today(req)
        let risks = try await SchoolRisk.query(on: req.db).filter(\.$school.$id == s.id!).sort(\.$registeredOn, .descending).all()
        let kinds = Dictionary(try await kinds(on: req.db).map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let items = try await measureOptions(s, on: req.db)
        let canEdit = Access.canEditRisks(of: s.place, p)
        var m = RiskPages.SchoolModel()
        m.schoolName = s.shortName; m.schoolURL = SiteURL.school(s.id!.uuidString).path; m.advice = advice(today)
        m.newURL = canEdit ? SiteURL.risks(.schoolNew(s.id!.uuidString)).path : nil
        m.matrixURL = Access.readsMunicipalRisks(s.municipality.ref, p) ? SiteURL.risks(.matrix(municipality: s.$municipality.id.uuidString)).path : nil
        m.rows = risks.map { r in
            var row = RiskPages.Row()
            row.kind = kinds[r.kindCode]?.title ?? r.kindCode; row.factor = kinds[r.kindCode]?.factor500 ?? false
            row.level = r.riskLevel.title; row.levelValue = r.level
            row.manageability = RiskManageability(rawValue: r.manageability)?.title ?? r.manageability
            row.evidence = r.evidence; row.owner = r.owner; row.cyclic = r.cyclic
            row.registered = r.registered?.ru ?? ""; row.nextOccurrence = r.nextOccurrence.flatMap(CalendarDay.init(iso:))?.ru ?? ""
            let due = r.deadlines
            row.decisionDue = due.decision?.ru ?? ""; row.measuresDue = due.measures?.ru ?? ""; row.decided = r.decided?.ru ?? ""
            row.overdue = RiskDeadlines.decisionOverdue(due: due.decision, decided: r.decided, today: today)
            row.measures = r.measures.map { items[$0] ?? "пункт плана удалён" }
            row.editURL = canEdit ? SiteURL.risks(.edit(r.id!.uuidString)).path : nil
            return row
        }
        return render(req, RiskPages.school(m))
    }

    static func formPage(_ req: Request, _ s: School, risk: SchoolRisk?, values: [String: String], measures: Set<String>, errors: [FieldError],
                         status: HTTPStatus = .ok) async throws -> Response {
        var m = RiskPages.FormModel()
        m.title = risk == nil ? "Новый риск" : "Изменение риска"
        m.action = risk.map { SiteURL.risks(.edit($0.id!.uuidString)).path } ?? SiteURL.risks(.school(s.id!.uuidString)).path
        m.schoolName = s.shortName; m.cancelURL = SiteURL.risks(.school(s.id!.uuidString)).path
        m.kinds = try await kinds(on: req.db).filter { $0.active || $0.code == values["kind"] }
            .map { Views.Option($0.code, $0.title + ($0.factor500 ? " (фактор «500+»)" : "")) }
        m.items = try await measureOptions(s, on: req.db).sorted { $0.value < $1.value }.map { Views.Option($0.key.uuidString, $0.value) }
        m.measures = measures; m.values = values; m.errors = errors; m.csrf = req.csrfToken
        return render(req, RiskPages.form(m), status: status)
    }

    @Sendable static func new(req: Request) async throws -> Response {
        let s = try await loadSchool(req, edit: true)
        return try await formPage(req, s, risk: nil, values: ["registered": today(req).iso, "manageability": RiskManageability.managed.rawValue], measures: [], errors: [])
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        let (r, s) = try await loadRisk(req)
        return try await formPage(req, s, risk: r, values: r.values, measures: Set(r.measures.map(\.uuidString)), errors: [])
    }

    static func parse(_ req: Request, _ s: School) async throws -> (RiskDraft?, [FieldError], FormFields) {
        let f = FormFields(req)
        var i = RiskDraft.Input()
        i.kind = f["kind"]; i.manageability = f["manageability"]; i.level = f["level"]; i.evidence = f["evidence"]; i.owner = f["owner"]
        i.cyclic = f.bool("cyclic"); i.registered = f["registered"]; i.nextOccurrence = f["next_occurrence"]; i.decided = f["decided"]; i.measures = f.all("measures")
        let kinds = Set(try await kinds(on: req.db).filter(\.active).map(\.code))
        let items = Set(try await measureOptions(s, on: req.db).keys)
        let (d, e) = RiskDraft.parse(i, kinds: kinds, items: items, today: today(req))
        return (d, e, f)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let s = try await loadSchool(req, edit: true)
        let (draft, errors, f) = try await parse(req, s)
        guard errors.isEmpty, let draft else {
            return try await formPage(req, s, risk: nil, values: f.flat, measures: Set(f.all("measures")), errors: errors, status: .unprocessableEntity)
        }
        let r = SchoolRisk()
        r.municipalityID = s.$municipality.id; r.$school.id = s.id!; r.apply(draft)
        try await req.db.transaction { db in
            try await r.create(on: db)
            try await Audit.record(req, on: db, .create, entity: "school_risk", id: r.id, label: "\(s.shortName): \(draft.kind), \(draft.level.title)",
                                   municipalityID: s.$municipality.id, after: ["kind": draft.kind, "level": draft.level.rawValue, "cyclic": draft.cyclic ? "1" : "0"])
        }
        let due = r.deadlines
        let flash = draft.cyclic ? "Риск зарегистрирован: решение — сразу (\(due.decision?.ru ?? "")), меры — до \(due.measures?.ru ?? "ближайшего проявления")." : "Риск зарегистрирован."
        return req.redirect(SiteURL.risks(.school(s.id!.uuidString)), flash: flash)
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let (r, s) = try await loadRisk(req)
        let (draft, errors, f) = try await parse(req, s)
        guard errors.isEmpty, let draft else {
            return try await formPage(req, s, risk: r, values: f.flat, measures: Set(f.all("measures")), errors: errors, status: .unprocessableEntity)
        }
        let before = r.values
        r.apply(draft)
        try await req.db.transaction { db in
            try await r.update(on: db)
            try await Audit.record(req, on: db, .update, entity: "school_risk", id: r.id, label: "\(s.shortName): \(draft.kind), \(draft.level.title)",
                                   municipalityID: s.$municipality.id, before: before, after: r.values)
        }
        return req.redirect(SiteURL.risks(.school(s.id!.uuidString)), flash: "Риск сохранён.")
    }
}
