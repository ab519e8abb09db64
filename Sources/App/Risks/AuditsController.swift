import Vapor
import Fluent
import Views
import Domain

/// «Аудиты документов» (issue 11, «Audits»; Concept §6.1): the plan of a municipality's audits, the
/// protocol by the kind's checklist with the fix deadline, the re-check; the kinds' checklists.
enum AuditsController {
    struct IndexQuery: PageQuery {
        var municipality: UUID?
        static let keys = ["municipality"]
        init(_ q: QueryValues) { municipality = q.uuid("municipality") }
        var items: [String: String] { .query([("municipality", municipality?.uuidString)]) }
    }

    static func municipality(_ req: Request) async throws -> Request.MunicipalityEntry {
        let p = try req.principal()
        let q = req.query(IndexQuery.self)
        let all = try await req.municipalityDirectory().filter { Access.readsMunicipalRisks(MunicipalityRef(id: $0.id, regionID: $0.regionID), p) }
        guard let e = all.first(where: { $0.id == q.municipality }) ?? all.first else { throw AppError.forbidden }
        return e
    }

    static func load(_ req: Request) async throws -> (DocumentAudit, MunicipalityRef) {
        guard let a = try await DocumentAudit.find(req.id(), on: req.db), let m = try await Municipality.find(a.municipalityID, on: req.db) else { throw AppError.notFound("Аудит") }
        guard Access.readsMunicipalRisks(m.ref, try req.principal()) else { throw AppError.forbidden }
        return (a, m.ref)
    }

    static func indexPage(_ req: Request, values: [String: String], errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let p = try req.principal()
        let e = try await municipality(req)
        let all = try await req.municipalityDirectory().filter { Access.readsMunicipalRisks(MunicipalityRef(id: $0.id, regionID: $0.regionID), p) }
        let today = RisksController.today(req)
        let kinds = try await DocumentAuditKind.query(on: req.db).sort(\.$title).all()
        let titles = Dictionary(kinds.map { ($0.code, $0.title) }, uniquingKeysWith: { a, _ in a })
        let schools = try await School.query(on: req.db).filter(\.$municipality.$id == e.id).sort(\.$shortName).all()
        let names = Dictionary(schools.map { ($0.id!, $0.shortName) }, uniquingKeysWith: { a, _ in a })
        let audits = try await DocumentAudit.query(on: req.db).filter(\.$municipalityID == e.id).sort(\.$plannedOn).all()
        var m = AuditPages.IndexModel()
        m.municipalityName = e.name; m.municipalityID = e.id.uuidString; m.municipalities = all.map { Views.Option($0.id.uuidString, $0.name) }
        m.kindsURL = SiteURL.risks(.auditKinds).path
        m.rows = audits.map { a in
            var r = AuditPages.Row()
            r.url = SiteURL.risks(.audit(a.id!.uuidString)).path; r.object = a.$school.id.flatMap { names[$0] } ?? "Документы центра"
            r.kind = titles[a.kindCode] ?? a.kindCode; r.planned = CalendarDay(iso: a.plannedOn)?.ru ?? ""; r.held = a.heldOn.flatMap(CalendarDay.init(iso:))?.ru ?? ""
            r.fixDeadline = a.fixDeadline.flatMap(CalendarDay.init(iso:))?.ru ?? ""; r.state = a.auditState.title; r.stateValue = a.state
            r.overdue = DocumentAuditRules.isOverdue(state: a.auditState, fixDeadline: a.fixDeadline.flatMap(CalendarDay.init(iso:)), today: today)
            return r
        }
        if Access.allows(.keepAudits, p, in: MunicipalityRef(id: e.id, regionID: e.regionID)) {
            m.planAction = SiteURL.risks(.audits(municipality: e.id.uuidString)).path
            m.kinds = kinds.map { Views.Option($0.code, $0.title) }; m.schools = schools.map { Views.Option($0.id!.uuidString, $0.shortName) }
        }
        m.values = values; m.errors = errors; m.csrf = req.csrfToken
        return RisksController.render(req, AuditPages.index(m), status: status)
    }

    @Sendable static func index(req: Request) async throws -> Response { try await indexPage(req, values: [:], errors: []) }

    @Sendable static func plan(req: Request) async throws -> Response {
        let e = try await municipality(req)
        guard Access.allows(.keepAudits, try req.principal(), in: MunicipalityRef(id: e.id, regionID: e.regionID)) else { throw AppError.forbidden }
        let f = FormFields(req)
        var errors: [FieldError] = []
        if try await DocumentAuditKind.query(on: req.db).filter(\.$code == f["kind"]).first() == nil {
            errors.append(FieldError(field: "kind", message: "Выберите вид аудита из справочника."))
        }
        var school: UUID?
        if !f["school"].isEmpty {
            school = try await School.query(on: req.db).filter(\.$id == (f.uuid("school") ?? UUID())).filter(\.$municipality.$id == e.id).first()?.id
            if school == nil { errors.append(FieldError(field: "school", message: "Эта школа не из муниципалитета: выберите школу из списка.")) }
        }
        let planned = CalendarDay.parse(f["planned"])
        if planned == nil { errors.append(FieldError(field: "planned", message: "Укажите дату по плану в виде дд.мм.гггг.")) }
        guard errors.isEmpty, let planned else { return try await indexPage(req, values: f.flat, errors: errors, status: .unprocessableEntity) }
        let a = DocumentAudit()
        a.municipalityID = e.id; a.$school.id = school; a.kindCode = f["kind"]; a.plannedOn = planned.iso; a.state = DocumentAuditState.planned.rawValue
        a.findings = "[]"; a.recheckNote = ""
        try await req.db.transaction { db in
            try await a.create(on: db)
            try await Audit.record(req, on: db, .create, entity: "document_audit", id: a.id, label: "Аудит \(a.kindCode) на \(planned.ru)", municipalityID: e.id,
                                   after: ["kind": a.kindCode, "planned": a.plannedOn])
        }
        return req.redirect(SiteURL.risks(.audit(a.id!.uuidString)), flash: "Аудит запланирован на \(planned.ru).")
    }

    static func showPage(_ req: Request, _ a: DocumentAudit, _ m: MunicipalityRef, values: [String: String], errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let kind = try await DocumentAuditKind.query(on: req.db).filter(\.$code == a.kindCode).first()
        let school = try await a.$school.id.asyncMap { try await School.find($0, on: req.db) } ?? nil
        let canKeep = Access.allows(.keepAudits, try req.principal(), in: m)
        var model = AuditPages.ShowModel()
        model.title = "\(kind?.title ?? a.kindCode): \(school?.shortName ?? "документы центра")"
        model.facts = [("Дата по плану", CalendarDay(iso: a.plannedOn)?.ru ?? ""), ("Проведён", a.heldOn.flatMap(CalendarDay.init(iso:))?.ru ?? "—"),
                       ("Срок устранения нарушений", a.fixDeadline.flatMap(CalendarDay.init(iso:))?.ru ?? "—")]
        model.state = a.auditState.title; model.stateValue = a.state
        model.overdue = DocumentAuditRules.isOverdue(state: a.auditState, fixDeadline: a.fixDeadline.flatMap(CalendarDay.init(iso:)), today: RisksController.today(req))
        model.items = DocumentAuditRules.items(kind?.checklist ?? ""); model.findings = a.findingList
        model.recheck = a.recheckedOn.flatMap(CalendarDay.init(iso:)).map { "\($0.ru): " + (a.recheckNote.isEmpty ? "нарушения устранены" : a.recheckNote) } ?? ""
        if canKeep && a.auditState == .planned { model.protocolAction = SiteURL.risks(.auditProtocol(a.id!.uuidString)).path }
        if canKeep && a.auditState == .violations { model.recheckAction = SiteURL.risks(.auditRecheck(a.id!.uuidString)).path }
        model.values = values; model.errors = errors; model.csrf = req.csrfToken; model.indexURL = SiteURL.risks(.audits(municipality: m.id.uuidString)).path
        return RisksController.render(req, AuditPages.show(model), status: status)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let (a, m) = try await load(req)
        return try await showPage(req, a, m, values: [:], errors: [])
    }

    @Sendable static func writeProtocol(req: Request) async throws -> Response {
        let (a, m) = try await load(req)
        guard Access.allows(.keepAudits, try req.principal(), in: m) else { throw AppError.forbidden }
        let f = FormFields(req)
        guard a.auditState == .planned else {
            return try await showPage(req, a, m, values: f.flat, errors: [FieldError(field: "held", message: "Протокол уже составлен.")], status: .unprocessableEntity)
        }
        let kind = try await DocumentAuditKind.query(on: req.db).filter(\.$code == a.kindCode).first()
        let items = DocumentAuditRules.items(kind?.checklist ?? "")
        let marks: [Bool?] = items.indices.map { f["mark_\($0)"] == "ok" ? true : f["mark_\($0)"] == "violation" ? false : nil }
        let held = CalendarDay.parse(f["held"]), fix = CalendarDay.parse(f["fix_deadline"])
        let (findings, errors) = DocumentAuditRules.protocolProblems(items: items, marks: marks, notes: items.indices.map { f["note_\($0)"] }, held: held,
                                                                     fixDeadline: fix, today: RisksController.today(req))
        guard errors.isEmpty, let held else { return try await showPage(req, a, m, values: f.flat, errors: errors, status: .unprocessableEntity) }
        let state = DocumentAuditRules.state(after: findings)
        a.findings = String(decoding: try JSONEncoder().encode(findings), as: UTF8.self); a.heldOn = held.iso
        a.fixDeadline = state == .violations ? fix?.iso : nil; a.state = state.rawValue
        try await req.db.transaction { db in
            try await a.update(on: db)
            try await Audit.record(req, on: db, .update, entity: "document_audit", id: a.id, label: "Протокол аудита от \(held.ru)", municipalityID: m.id,
                                   before: ["state": DocumentAuditState.planned.rawValue], after: ["state": a.state, "violations": String(findings.filter { !$0.ok }.count)])
        }
        return req.redirect(SiteURL.risks(.audit(a.id!.uuidString)), flash: state == .violations ? "Протокол сохранён: нарушения устранить до \(fix?.ru ?? "")." : "Протокол сохранён: нарушений нет.")
    }

    @Sendable static func recheck(req: Request) async throws -> Response {
        let (a, m) = try await load(req)
        guard Access.allows(.keepAudits, try req.principal(), in: m) else { throw AppError.forbidden }
        let f = FormFields(req)
        let today = RisksController.today(req)
        let day = CalendarDay.parse(f["recheck_day"])
        let fixed: Bool? = f["fixed"] == "yes" ? true : f["fixed"] == "no" ? false : nil
        var errors = DocumentAuditRules.recheckProblems(state: a.auditState, day: day, held: a.heldOn.flatMap(CalendarDay.init(iso:)) ?? today, today: today,
                                                        fixed: fixed, note: f["recheck_note"])
        let newDeadline = CalendarDay.parse(f["fix_deadline"])
        if fixed == false, errors.isEmpty, (newDeadline.map { $0 <= (day ?? today) } ?? true) {
            errors.append(FieldError(field: "fix_deadline", message: "Устранены не все нарушения: укажите новый срок позже даты повторной проверки."))
        }
        guard errors.isEmpty, let day, let fixed else { return try await showPage(req, a, m, values: f.flat, errors: errors, status: .unprocessableEntity) }
        let before = a.state
        a.recheckedOn = day.iso; a.recheckNote = fixed ? "" : String(f["recheck_note"].prefix(2000))
        if fixed { a.state = DocumentAuditState.closed.rawValue } else { a.fixDeadline = newDeadline?.iso }
        try await req.db.transaction { db in
            try await a.update(on: db)
            try await Audit.record(req, on: db, .update, entity: "document_audit", id: a.id, label: "Повторная проверка от \(day.ru)", municipalityID: m.id,
                                   before: ["state": before], after: ["state": a.state, "fix_deadline": a.fixDeadline ?? ""])
        }
        return req.redirect(SiteURL.risks(.audit(a.id!.uuidString)), flash: fixed ? "Нарушения устранены: аудит закрыт." : "Новый срок устранения: \(newDeadline?.ru ?? "").")
    }

    static func kindsPage(_ req: Request, values: [String: String], errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        var m = AuditPages.KindsModel()
        m.rows = try await DocumentAuditKind.query(on: req.db).sort(\.$title).all().map { ($0.code, $0.title, DocumentAuditRules.items($0.checklist)) }
        if Access.allows(.editAuditKinds, try req.principal()) { m.action = SiteURL.risks(.auditKinds).path }
        m.values = values; m.errors = errors; m.csrf = req.csrfToken
        return RisksController.render(req, AuditPages.kinds(m), status: status)
    }

    @Sendable static func kinds(req: Request) async throws -> Response { try await kindsPage(req, values: [:], errors: []) }

    @Sendable static func saveKind(req: Request) async throws -> Response {
        let f = FormFields(req)
        var errors: [FieldError] = []
        let code = KindCode.normalized(f["code"])
        if let problem = KindCode.problem(code, example: "vshk_plan_check") { errors.append(FieldError(field: "code", message: problem)) }
        if f["title"].isEmpty { errors.append(FieldError(field: "title", message: "Укажите наименование вида аудита.")) }
        let items = DocumentAuditRules.items(f["checklist"])
        if items.isEmpty { errors.append(FieldError(field: "checklist", message: "Добавьте в чек-лист хотя бы один пункт (по одному в строке).")) }
        guard errors.isEmpty else { return try await kindsPage(req, values: f.flat, errors: errors, status: .unprocessableEntity) }
        let existing = try await DocumentAuditKind.query(on: req.db).filter(\.$code == code).first()
        let k = existing ?? DocumentAuditKind()
        let before = existing.map { ["title": $0.title, "checklist": $0.checklist] }
        k.code = code; k.title = String(f["title"].prefix(300)); k.checklist = items.joined(separator: "\n")
        try await req.db.transaction { db in
            try await k.save(on: db)
            try await Audit.record(req, on: db, existing == nil ? .create : .update, entity: "document_audit_kind", id: k.id, label: k.title, municipalityID: nil,
                                   before: before, after: ["title": k.title, "checklist": k.checklist])
        }
        return req.redirect(SiteURL.risks(.auditKinds), flash: existing == nil ? "Вид аудита добавлен." : "Чек-лист изменён.")
    }
}
