import Vapor
import Fluent
import Views
import Domain

/// «Администрирование»: index, audit log, municipality settings.
enum AdminController {
    static let crumbs = [Crumb("Обзор", SiteURL.home.path), Crumb("Администрирование", SiteURL.admin.path)]

    @Sendable static func index(req: Request) async throws -> Response {
        let p = try req.principal()
        guard p.isAdmin || !Access.auditScope(p).isEmpty else { throw AppError.forbidden }
        var links: [(String, String)] = []
        if Access.canManageUsers(p) { links.append(("Пользователи и роли", SiteURL.adminUsers.path)) }
        links += [("Журнал изменений", SiteURL.adminAudit.path), ("Загрузка школ и кадров", SiteURL.adminImports.path), ("Муниципалитеты и настройки", SiteURL.adminMunicipalities.path)]
        return req.page("Администрирование", section: .admin, crumbs: [Crumb("Обзор", SiteURL.home.path), Crumb("Администрирование")],
                        OverviewView.body(.init(greeting: "Настройки системы, пользователи, журнал изменений и загрузка данных.", stats: [], links: links, statusRows: [])))
    }

    @Sendable static func audit(req: Request) async throws -> Response {
        let p = try req.principal()
        let scope = Access.auditScope(p)
        guard !scope.isEmpty else { throw AppError.forbidden }
        let query = req.query(AuditQuery.self)
        var q = AuditEntry.query(on: req.db)
        if !scope.all { q = q.filter(\.$municipalityID ~~ Array(scope.municipalityIDs)) }
        if let e = query.entity { q = q.filter(\.$entity == e) }
        if let a = query.action { q = q.filter(\.$action == a.rawValue) }
        if let u = query.user { q = q.filter(\.$userLogin == u) }
        if let from = query.from { q = q.filter(\.$at >= from.addingTimeInterval(-12 * 3600)) }
        if let to = query.to { q = q.filter(\.$at < to.addingTimeInterval(12 * 3600)) }
        let total = try await q.count()
        let per = 50
        let pageCount = max(1, (total + per - 1) / per)
        let page = min(query.page, pageCount)
        let entries = try await q.sort(\.$at, .descending).range(((page - 1) * per)..<(page * per)).all()
        let rows = entries.map { e in
            AuditView.Row(at: RuFormat.dateTime(e.at, timeZone: req.timeZone), user: e.userLogin, action: AuditAction(rawValue: e.action)?.title ?? e.action,
                          entity: Audit.entityTitles[e.entity] ?? e.entity, label: e.entityLabel, url: url(e), before: e.beforeJSON, after: e.afterJSON)
        }
        let model = AuditView.Model(rows: rows, total: total, page: page, pageCount: pageCount, filter: query.items,
                                    entities: Audit.entityTitles.sorted { $0.value < $1.value }.map { Views.Option($0.key, $0.value) },
                                    actions: AuditAction.allCases.map { Views.Option($0.rawValue, $0.title) })
        return req.page("Журнал изменений", section: .admin, crumbs: crumbs + [Crumb("Журнал изменений")], AuditView.body(model))
    }

    static func url(_ e: AuditEntry) -> String? {
        guard let id = e.entityID, e.action != AuditAction.delete.rawValue else { return nil }
        switch e.entity {
        case "school": return SiteURL.school(id.uuidString).path
        case "person": return SiteURL.person(id.uuidString).path
        default: return nil
        }
    }

    static func editableMunicipalities(_ req: Request) async throws -> [Municipality] {
        let p = try req.principal()
        return try await Municipality.query(on: req.db).with(\.$region).sort(\.$name).all().filter { Access.allows(.editMunicipality, p, in: $0.ref) }
    }

    @Sendable static func municipalities(req: Request) async throws -> Response {
        let ms = try await editableMunicipalities(req)
        let isAdmin = try req.principal().isAdmin
        guard !ms.isEmpty || isAdmin else { throw AppError.forbidden }
        var counts: [UUID: Int] = [:]
        for s in try await School.query(on: req.db).field(\.$municipality.$id).all() { counts[s.$municipality.id, default: 0] += 1 }
        let rows = ms.map { MunicipalityViews.Row(id: $0.id!.uuidString, name: $0.name, code: $0.code, region: $0.region.name, period: $0.period.title, schools: counts[$0.id!] ?? 0) }
        return req.page("Муниципалитеты", section: .admin, crumbs: crumbs + [Crumb("Муниципалитеты")], MunicipalityViews.index(rows))
    }

    static func loadMunicipality(_ req: Request) async throws -> Municipality {
        guard let m = try await Municipality.find(req.id(), on: req.db) else { throw AppError.notFound("Муниципалитет") }
        guard Access.allows(.editMunicipality, try req.principal(), in: m.ref) else { throw AppError.forbidden }
        return m
    }

    static func municipalityPage(_ req: Request, _ m: Municipality, values: [String: String]? = nil, errors: [FieldError] = [], status: HTTPStatus = .ok) async throws -> Response {
        let labels = try await StatusLabel.query(on: req.db).filter(\.$municipality.$id == m.id!).sort(\.$fromYear).all()
        let v = values ?? ["name": m.name, "fis_oko_code": m.fisOkoCode, "planning_period": m.planningPeriod, "center_name": m.centerName, "time_zone": m.timeZone]
        let model = MunicipalityViews.Model(id: m.id!.uuidString, values: v, labels: labels.map { (year: String($0.fromYear), low: $0.lowResults, difficult: $0.difficult) },
                                            errors: errors, csrf: req.csrfToken)
        return req.page(m.name, section: .admin, crumbs: crumbs + [Crumb("Муниципалитеты", SiteURL.adminMunicipalities.path), Crumb(m.name)], status: status, MunicipalityViews.edit(model))
    }

    @Sendable static func municipality(req: Request) async throws -> Response {
        try await municipalityPage(req, try await loadMunicipality(req))
    }

    @Sendable static func updateMunicipality(req: Request) async throws -> Response {
        let m = try await loadMunicipality(req)
        let f = FormFields(req)
        var errors: [FieldError] = []
        if f["name"].count < 3 { errors.append(.init(field: "name", message: "Укажите наименование муниципалитета.")) }
        if !f["fis_oko_code"].isEmpty && !FisOkoMunicipalityCode.isValid(f["fis_oko_code"]) {
            errors.append(.init(field: "fis_oko_code", message: "Код ФИС ОКО — вида reg23_m012."))
        }
        let period = PlanningPeriod(rawValue: f["planning_period"])
        if period == nil { errors.append(.init(field: "planning_period", message: "Выберите период планирования.")) }
        let tz = f["time_zone"].isEmpty ? "Europe/Moscow" : f["time_zone"]
        if TimeZone(identifier: tz) == nil { errors.append(.init(field: "time_zone", message: "Неизвестный часовой пояс: укажите, например, Europe/Moscow.")) }
        guard errors.isEmpty, let period else { return try await municipalityPage(req, m, values: f.flat, errors: errors, status: .unprocessableEntity) }
        let before = ["name": m.name, "fis_oko_code": m.fisOkoCode, "planning_period": m.planningPeriod, "center_name": m.centerName, "time_zone": m.timeZone]
        m.name = f["name"]; m.fisOkoCode = f["fis_oko_code"].lowercased(); m.planningPeriod = period.rawValue; m.centerName = f["center_name"]; m.timeZone = tz
        try await req.db.transaction { db in
            try await m.update(on: db)
            try await Audit.record(req, on: db, .update, entity: "municipality", id: m.id, label: m.name, municipalityID: m.id, before: before,
                                   after: ["name": m.name, "fis_oko_code": m.fisOkoCode, "planning_period": m.planningPeriod, "center_name": m.centerName, "time_zone": m.timeZone])
        }
        return req.redirect(.adminMunicipality(m.id!.uuidString), flash: "Изменения сохранены.")
    }

    @Sendable static func addLabel(req: Request) async throws -> Response {
        let m = try await loadMunicipality(req)
        let f = FormFields(req)
        guard let year = YearLabel.parse(f["from_year"]), !f["low_results"].isEmpty, !f["difficult"].isEmpty else {
            return req.redirect(.adminMunicipality(m.id!.uuidString), flash: "Укажите год и оба названия статусов.", kind: .error)
        }
        let existing = try await StatusLabel.query(on: req.db).filter(\.$municipality.$id == m.id!).filter(\.$fromYear == year).first()
        let label = existing ?? StatusLabel(municipalityID: m.id!, fromYear: year, lowResults: "", difficult: "")
        label.lowResults = f["low_results"]; label.difficult = f["difficult"]
        try await req.db.transaction { db in
            try await label.save(on: db)
            try await Audit.record(req, on: db, existing == nil ? .create : .update, entity: "municipality", id: m.id, label: "\(m.name): названия статусов с \(year)",
                                   municipalityID: m.id, after: ["from_year": String(year), "low_results": label.lowResults, "difficult": label.difficult])
        }
        return req.redirect(.adminMunicipality(m.id!.uuidString), flash: "Названия статусов сохранены.")
    }
}

/// «Журнал изменений»: `?entity=&action=&user=&from=&to=&page=` (dates as дд.мм.гггг).
struct AuditQuery: PageQuery {
    var entity: String?, action: AuditAction?, user: String?, from: Date?, to: Date?, page = 1
    /// The dates as typed, shown back in the filter even when they do not parse.
    private var fromText: String?, toText: String?
    static let keys = ["entity", "action", "user", "from", "to", "page"]
    init(_ q: QueryValues) {
        entity = q.string("entity"); action = q.value("action", as: AuditAction.self); user = q.string("user")?.lowercased()
        from = q.date("from"); to = q.date("to"); fromText = q.string("from"); toText = q.string("to"); page = q.page()
    }
    var items: [String: String] {
        .query([("entity", entity), ("action", action?.rawValue), ("user", user), ("from", fromText), ("to", toText), ("page", page == 1 ? nil : String(page))])
    }
}
