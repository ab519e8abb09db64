import Vapor
import Fluent
import Views
import Domain

/// «Кадровый резерв»: the municipal register of the management personnel reserve (Concept §4):
/// candidate, current and target post, sessions of the reserve school attended, readiness, notes.
enum ReserveController {
    enum Readiness: String, CaseIterable, Sendable {
        case notAssessed = "not_assessed", low, medium, high
        var title: String {
            switch self { case .notAssessed: "не оценена"; case .low: "низкая"; case .medium: "средняя"; case .high: "высокая" }
        }
    }

    static let crumbs = SupportController.crumbs

    struct Query: PageQuery {
        var municipality: UUID?
        static let keys = ["municipality"]
        init(_ q: QueryValues) { municipality = q.uuid("municipality") }
        var items: [String: String] { .query([("municipality", municipality?.uuidString)]) }
    }

    static func municipality(_ req: Request, _ id: UUID?) async throws -> Municipality {
        let p = try req.principal()
        let all = try await req.municipalityDirectory().filter { Access.allows(.readReserve, p, in: MunicipalityRef(id: $0.id, regionID: $0.regionID)) }
        guard let e = all.first(where: { $0.id == id }) ?? all.first, id == nil || e.id == id, let m = try await Municipality.find(e.id, on: req.db) else {
            throw AppError.forbidden
        }
        return m
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let m = try await municipality(req, req.query(Query.self).municipality)
        return try await page(req, m, values: [:], errors: [])
    }

    static func page(_ req: Request, _ m: Municipality, values: [String: String], errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let p = try req.principal()
        let rows = try await ReserveCandidate.query(on: req.db).filter(\.$municipalityID == m.id!).sort(\.$fullName).all()
        let canEdit = Access.allows(.editReserve, p, in: m.ref)
        let people = canEdit ? try await Person.query(on: req.db).filter(\.$municipality.$id == m.id!).with(\.$school).sort(\.$lastName).all() : []
        let model = ReserveViews.Model(
            municipalityID: m.id!.uuidString,
            rows: rows.map { r in
                .init(id: r.id!.uuidString, name: r.fullName, currentPost: r.currentPost, targetPost: r.targetPost, sessions: r.sessionsAttended,
                      readiness: Readiness(rawValue: r.readiness)?.title ?? r.readiness, readinessValue: r.readiness, notes: r.notes,
                      updateURL: canEdit ? SiteURL.reserveCandidate(r.id!.uuidString).path : nil)
            },
            readiness: Readiness.allCases.map { Views.Option($0.rawValue, $0.title) },
            people: people.map { Views.Option($0.id!.uuidString, "\($0.fullName) — \($0.position.isEmpty ? ($0.school?.shortName ?? "центр") : $0.position)") },
            canEdit: canEdit, values: values, errors: errors, csrf: req.csrfToken)
        return req.page("Кадровый резерв: \(m.name)", section: .support, crumbs: crumbs + [Crumb("Кадровый резерв")], status: status, ReserveViews.body(model))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let f = FormFields(req)
        let m = try await municipality(req, f.uuid("municipality"))
        guard Access.allows(.editReserve, try req.principal(), in: m.ref) else { throw AppError.forbidden }
        var errors: [FieldError] = []
        let person = try await f.uuid("person_id").asyncMap { id in try await Person.query(on: req.db).filter(\.$id == id).filter(\.$municipality.$id == m.id!).first() } ?? nil
        if f.uuid("person_id") != nil && person == nil { errors.append(.init(field: "person_id", message: "Выберите человека из списка своего муниципалитета.")) }
        let name = f["full_name"].isEmpty ? (person?.fullName ?? "") : f["full_name"]
        if name.isEmpty { errors.append(.init(field: "full_name", message: "Укажите ФИО кандидата или выберите человека из списка.")) }
        if f["target_post"].isEmpty { errors.append(.init(field: "target_post", message: "Укажите целевую должность, например «директор»." )) }
        let sessions = f["sessions_attended"].isEmpty ? 0 : Int(f["sessions_attended"])
        if sessions == nil || sessions! < 0 { errors.append(.init(field: "sessions_attended", message: "Число посещённых занятий — целое число от 0.")) }
        let readiness = Readiness(rawValue: f["readiness"]) ?? .notAssessed
        guard errors.isEmpty, let sessions else { return try await page(req, m, values: f.flat, errors: errors, status: .unprocessableEntity) }
        let r = ReserveCandidate()
        r.municipalityID = m.id!; r.$person.id = person?.id; r.fullName = String(name.prefix(300))
        r.currentPost = f["current_post"].isEmpty ? (person?.position ?? "") : f["current_post"]; r.targetPost = f["target_post"]
        r.sessionsAttended = sessions; r.readiness = readiness.rawValue; r.notes = f["notes"]
        try await req.db.transaction { db in
            try await r.create(on: db)
            try await Audit.record(req, on: db, .create, entity: "reserve_candidate", id: r.id, label: "\(r.fullName) → \(r.targetPost)", municipalityID: m.id)
        }
        return req.redirect(SiteURL.reserve.path + "?municipality=\(m.id!)", flash: "Кандидат внесён в резерв.")
    }

    /// Sessions attended, readiness and notes of a candidate.
    @Sendable static func update(req: Request) async throws -> Response {
        guard let r = try await ReserveCandidate.find(req.id(), on: req.db) else { throw AppError.notFound("Кандидат") }
        guard let m = try await Municipality.find(r.municipalityID, on: req.db), Access.allows(.editReserve, try req.principal(), in: m.ref) else { throw AppError.forbidden }
        let f = FormFields(req)
        let back = SiteURL.reserve.path + "?municipality=\(m.id!)"
        guard let sessions = Int(f["sessions_attended"]), sessions >= 0 else { return req.redirect(back, flash: "Число посещённых занятий — целое число от 0.", kind: .error) }
        guard let readiness = Readiness(rawValue: f["readiness"]) else { return req.redirect(back, flash: "Выберите готовность.", kind: .error) }
        let before = ["sessions": String(r.sessionsAttended), "readiness": r.readiness, "notes": r.notes]
        r.sessionsAttended = sessions; r.readiness = readiness.rawValue; r.notes = f["notes"]
        try await req.db.transaction { db in
            try await r.update(on: db)
            try await Audit.record(req, on: db, .update, entity: "reserve_candidate", id: r.id, label: r.fullName, municipalityID: m.id,
                                   before: before, after: ["sessions": String(sessions), "readiness": readiness.rawValue, "notes": r.notes])
        }
        return req.redirect(back, flash: "Изменения сохранены.")
    }
}
