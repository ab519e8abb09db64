import Vapor
import Fluent
import Views
import Domain
import Plot

/// Monitoring campaigns: open → data complete → approved (with a dated read-only copy of the table).
enum CampaignsController {
    typealias C = MonitoringController
    static func badge(_ s: CampaignStatus) -> Components.BadgeKind {
        switch s {
        case .open: .warning
        case .dataComplete: .neutral
        case .approved: .success
        }
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let sel = try await C.select(req)
        return try await indexPage(req, sel, errors: [])
    }

    static func indexPage(_ req: Request, _ sel: C.Selection, errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let m = sel.municipality
        let p = try req.principal()
        let rows = try await MonitoringCampaign.query(on: req.db).filter(\.$municipality.$id == m.id!).sort(\.$year, .descending).all().map { c in
            var actions: [(String, String)] = []
            if c.state == .open && Access.allows(.manageCampaigns, p, in: m.ref) { actions.append(("Данные собраны", SiteURL.campaignAction(c.id!.uuidString, .complete).path)) }
            if c.state == .dataComplete && Access.allows(.approveCampaign, p, in: m.ref) { actions.append(("Утвердить", SiteURL.campaignAction(c.id!.uuidString, .approve).path)) }
            if c.state == .dataComplete && Access.allows(.manageCampaigns, p, in: m.ref) { actions.append(("Вернуть в работу", SiteURL.campaignAction(c.id!.uuidString, .reopen).path)) }
            let st = (c.state.title, badge(c.state))
            return MonitoringAdminViews.CampaignRow(id: c.id!.uuidString, year: c.year, status: st.0, statusKind: st.1,
                                                    deadline: c.deadline.map { RuFormat.date($0, timeZone: m.zone) } ?? "—",
                                                    approved: c.approvedAt.map { "\(RuFormat.dateTime($0, timeZone: m.zone)), \(c.approvedBy ?? "")" } ?? "—", actions: actions)
        }
        let create = Access.allows(.manageCampaigns, p, in: m.ref) ? SiteURL.monitoring(.campaigns, municipality: m.id!.uuidString, year: sel.year).path : nil
        let res = MonitoringViewsController.page(req, "Кампании мониторинга: \(m.name)", tab: .campaigns, sel,
                                                 MonitoringAdminViews.campaigns(rows, createAction: create, year: sel.year, csrf: req.csrfToken, errors: errors))
        res.status = status
        return res
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let sel = try await C.select(req)
        let m = sel.municipality
        guard Access.allows(.manageCampaigns, try req.principal(), in: m.ref) else { throw AppError.forbidden }
        let f = FormFields(req)
        guard let year = Int(f["year"]), (2000...2100).contains(year) else {
            return try await indexPage(req, sel, errors: [.init(field: "year", message: "Год — четыре цифры, например 2025.")], status: .unprocessableEntity)
        }
        if try await MonitoringCampaign.query(on: req.db).filter(\.$municipality.$id == m.id!).filter(\.$year == year).first() != nil {
            return try await indexPage(req, sel, errors: [.init(field: "year", message: "Кампания \(year) года уже есть.")], status: .unprocessableEntity)
        }
        let deadline = f["deadline"].isEmpty ? nil : RuFormat.parseDate(f["deadline"])
        if !f["deadline"].isEmpty && deadline == nil {
            return try await indexPage(req, sel, errors: [.init(field: "deadline", message: "Срок — дата в виде дд.мм.гггг, например 15.09.\(year).")],
                                       status: .unprocessableEntity)
        }
        let c = MonitoringCampaign()
        c.$municipality.id = m.id!; c.year = year; c.state = .open
        c.deadline = deadline
        try await req.db.transaction { db in
            try await c.create(on: db)
            try await Audit.record(req, on: db, .create, entity: "campaign", id: c.id, label: "Мониторинг результатов \(year), \(m.name)", municipalityID: m.id, after: ["status": "open"])
        }
        return req.redirect(.monitoring(.campaigns, municipality: m.id!.uuidString, year: year), flash: "Кампания \(year) года открыта.")
    }

    static func load(_ req: Request) async throws -> (MonitoringCampaign, Municipality) {
        guard let c = try await MonitoringCampaign.query(on: req.db).filter(\.$id == req.id()).with(\.$municipality).first() else { throw AppError.notFound("Кампания") }
        guard Access.canReadMunicipality(c.municipality.id!, regionID: c.municipality.$region.id, try req.principal()) else { throw AppError.forbidden }
        return (c, c.municipality)
    }

    static func transition(_ req: Request, from: CampaignStatus, to: CampaignStatus, allowed: (Municipality, Principal) -> Bool) async throws -> Response {
        let (c, m) = try await load(req)
        guard allowed(m, try req.principal()) else { throw AppError.forbidden }
        guard c.state == from else { throw AppError.conflict("Кампания уже в состоянии «\(c.state.title)»: обновите страницу.") }
        c.state = to
        if to == .approved {
            let computed = try await MonitoringService.compute([m], year: c.year, req: req)
            // The references of the two years the indicators compare, as they were at approval.
            let refs = try await ReferenceValue.query(on: req.db).filter(\.$regionID == m.$region.id)
                .filter(\.$year >= c.year - 1).filter(\.$year <= c.year).sort(\.$exam).sort(\.$subject).sort(\.$year).all()
            let snapshot = Snapshot(rows: C.exportRows(computed.result, filter: .either), notes: MonitoringService.notes(computed.result),
                                    settings: computed.result.settings,
                                    references: refs.map { FrozenReference(exam: $0.exam, subject: $0.subject, year: $0.year, value: $0.value, source: $0.source) })
            c.snapshotJSON = String(data: try JSONEncoder().encode(snapshot), encoding: .utf8)
            c.approvedAt = req.now
            c.approvedBy = req.currentUser?.displayName
        }
        try await req.db.transaction { db in
            try await c.update(on: db)
            try await Audit.record(req, on: db, .update, entity: "campaign", id: c.id, label: "Мониторинг результатов \(c.year), \(m.name)", municipalityID: m.id,
                                   before: ["status": from.rawValue], after: ["status": to.rawValue])
        }
        return req.redirect(.monitoring(.campaigns, municipality: m.id!.uuidString, year: c.year), flash: "Состояние кампании: \(to.title).")
    }

    /// What an approval freezes: the table and its notes, and (since issue 9) the settings and
    /// the reference values it was computed with; older snapshots have neither.
    struct Snapshot: Codable {
        let rows: [[String]]
        let notes: [String]
        var settings: MonitoringSettings?
        var references: [FrozenReference]?
    }
    struct FrozenReference: Codable { let exam: String; let subject: String; let year: Int; let value: String; let source: String }

    @Sendable static func complete(req: Request) async throws -> Response {
        try await transition(req, from: .open, to: .dataComplete) { m, p in Access.allows(.manageCampaigns, p, in: m.ref) }
    }
    @Sendable static func reopen(req: Request) async throws -> Response {
        try await transition(req, from: .dataComplete, to: .open) { m, p in Access.allows(.manageCampaigns, p, in: m.ref) }
    }
    @Sendable static func approve(req: Request) async throws -> Response {
        try await transition(req, from: .dataComplete, to: .approved) { m, p in Access.allows(.approveCampaign, p, in: m.ref) }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let (c, m) = try await load(req)
        let snap = c.snapshotJSON.flatMap { try? JSONDecoder().decode(Snapshot.self, from: Data($0.utf8)) }
        let model = CampaignShowView.Model(
            status: c.state.title, statusKind: badge(c.state),
            approved: c.approvedAt.map { "\(RuFormat.dateTime($0, timeZone: m.zone)), \(c.approvedBy ?? "")" } ?? "ещё нет",
            notes: snap?.notes ?? [], rows: snap?.rows, settings: snap?.settings,
            references: (snap?.references ?? []).map { .init(exam: $0.exam, subject: $0.subject, year: $0.year, value: $0.value, source: $0.source) },
            summaryURL: SiteURL.monitoring(.summary, municipality: m.id!.uuidString, year: c.year).path)
        return req.page("Мониторинг \(c.year): \(m.name) — утверждённая таблица", section: .monitoring,
                        crumbs: C.crumbs + [Crumb("Кампании", SiteURL.monitoring(.campaigns, municipality: m.id!.uuidString).path), Crumb(String(c.year))],
                        CampaignShowView.body(model))
    }
}
