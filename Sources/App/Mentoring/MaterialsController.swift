import Vapor
import Fluent
import Views
import Domain

/// «Банк методических материалов» (issue 10): the tutor community's cases and modular tutorial
/// programmes, methodological developments and electronic publications for teachers of supported
/// schools — searchable, attachable to route steps, flagged for the public page later.
///
/// Whose materials a user sees: those of their person's municipality and of the municipalities
/// they read (the center, the department, the region, admin; a school administration — its
/// school's). Adding: admin and the center in their municipalities, a supporter in their own.
/// Search compares the normalized query with `search_text` (lowercase, ё as е) by LIKE, so it is
/// the same on SQLite and PostgreSQL and never relies on the database's case folding.
enum MaterialsController {
    static let crumbs = [Crumb("Обзор", SiteURL.home.path), Crumb("Банк методических материалов", SiteURL.materials().path)]

    /// `?q=&kind=&area=&subject=`: an unknown kind or area is no filter.
    struct Query: PageQuery {
        var q: String?, kind: MaterialKind?, area: DeficitArea?, subject: String?
        static let keys = ["q", "kind", "area", "subject"]
        init(_ v: QueryValues) {
            q = v.string("q").map { String($0.prefix(200)) }
            kind = v.value("kind", as: MaterialKind.self)
            area = v.value("area", as: DeficitArea.self)
            subject = v.string("subject").map { String($0.prefix(200)) }
        }
        var items: [String: String] { .query([("q", q), ("kind", kind?.rawValue), ("area", area?.rawValue), ("subject", subject)]) }

        /// The words searched for, normalized as `search_text` is; LIKE's wildcards are dropped
        /// (a «%» in the query is a character, not «anything»).
        var words: [String] { Self.words(q ?? "") }
        static func words(_ text: String) -> [String] {
            Material.normalized(text).filter { $0 != "%" && $0 != "_" && $0 != "\\" }
                .split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" }).map(String.init).filter { !$0.isEmpty }
        }
    }

    // MARK: whose materials

    static func ownMunicipality(_ req: Request, _ p: Principal) async throws -> UUID? {
        guard let pid = p.personID else { return nil }
        return try await Person.find(pid, on: req.db)?.$municipality.id
    }

    /// The municipalities whose materials the user reads, by name.
    static func readable(_ req: Request) async throws -> [Request.MunicipalityEntry] {
        let p = try req.principal()
        let all = try await req.municipalityDirectory()
        var ids = Set(all.filter { Access.allows(.readMaterials, p, in: MunicipalityRef(id: $0.id, regionID: $0.regionID)) }.map(\.id))
        if let own = try await ownMunicipality(req, p) { ids.insert(own) }
        let schools = Access.schoolScope(p, .read).schoolIDs
        if !schools.isEmpty { ids.formUnion(try await School.query(on: req.db).filter(\.$id ~~ Array(schools)).all().map { $0.$municipality.id }) }
        return all.filter { ids.contains($0.id) }
    }

    /// The municipalities the user may add materials to: their own first (a supporter's), then by name.
    static func editable(_ req: Request) async throws -> [Request.MunicipalityEntry] {
        let p = try req.principal()
        guard Access.allows(.editMaterials, p) else { return [] }
        let all = try await req.municipalityDirectory()
        let own = try await ownMunicipality(req, p)
        var ids = Set(all.filter { Access.allows(.editMaterials, p, in: MunicipalityRef(id: $0.id, regionID: $0.regionID)) }.map(\.id))
        if Access.isSupporter(p), let own { ids.insert(own) }
        return all.filter { $0.id == own && ids.contains($0.id) } + all.filter { $0.id != own && ids.contains($0.id) }
    }

    // MARK: pages

    @Sendable static func index(req: Request) async throws -> Response {
        let editable = try await editable(req)
        let defaults = ["municipality": editable.first?.id.uuidString ?? ""]
        return try await page(req, editable: editable, values: defaults, errors: [])
    }

    static func page(_ req: Request, editable: [Request.MunicipalityEntry], values: [String: String], errors: [FieldError],
                     status: HTTPStatus = .ok) async throws -> Response {
        let q = req.query(Query.self)
        let munis = try await readable(req)
        let ids = munis.map(\.id)
        let subjects = try await Material.query(on: req.db).filter(\.$municipalityID ~~ ids).all(\.$subject)
        var found = Material.query(on: req.db).filter(\.$municipalityID ~~ ids)
        for w in q.words { found = found.filter(\.$searchText ~~ w) }
        if let k = q.kind { found = found.filter(\.$kind == k.rawValue) }
        if let a = q.area { found = found.filter(\.$deficitArea == a.rawValue) }
        if let s = q.subject { found = found.filter(\.$subject == s) }
        let names = Dictionary(munis.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows = try await found.all()
            .sorted { $0.title.localizedStandardCompare($1.title) == .orderedAscending }
            .map { m in
                MaterialsViews.Row(url: SiteURL.material(m.id!.uuidString).path, title: m.title, kind: kindTitle(m.kind), subject: m.subject,
                                   area: areaTitle(m.deficitArea), author: m.author, link: m.link, municipality: names[m.municipalityID] ?? "")
            }
        let form = editable.isEmpty ? nil : MaterialsViews.AddForm(
            values: values, errors: errors, csrf: req.csrfToken,
            municipalities: editable.map { Views.Option($0.id.uuidString, $0.name) }, municipality: values["municipality"] ?? editable[0].id.uuidString)
        let model = MaterialsViews.IndexModel(
            q: q.q ?? "", kind: q.kind?.rawValue ?? "", area: q.area?.rawValue ?? "", subject: q.subject ?? "",
            subjects: Array(Set(subjects.filter { !$0.isEmpty })).sorted { $0.localizedStandardCompare($1) == .orderedAscending },
            rows: rows, total: subjects.count, showMunicipality: munis.count > 1, form: form)
        return req.page("Банк методических материалов", section: .support, crumbs: [crumbs[0], Crumb(crumbs[1].title)], status: status,
                        MaterialsViews.index(model))
    }

    static func kindTitle(_ raw: String) -> String { MaterialKind(rawValue: raw)?.title ?? raw }
    static func areaTitle(_ raw: String?) -> String { raw.map { DeficitArea(rawValue: $0)?.title ?? $0 } ?? "" }

    /// Whether a link is one: http:// or https:// and something after it, no spaces.
    static func isLink(_ s: String) -> Bool {
        let l = s.lowercased()
        guard let scheme = ["http://", "https://"].first(where: { l.hasPrefix($0) }) else { return false }
        return s.count > scheme.count && !s.contains(where: { $0.isWhitespace })
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let editable = try await editable(req)
        guard !editable.isEmpty else { throw AppError.forbidden }
        let f = FormFields(req)
        var errors: [FieldError] = []
        let municipality = f["municipality"].isEmpty && editable.count == 1 ? editable[0] : editable.first { $0.id == f.uuid("municipality") }
        if municipality == nil { errors.append(.init(field: "municipality", message: "Выберите муниципалитет, в банк которого добавляется материал.")) }
        if f["title"].isEmpty { errors.append(.init(field: "title", message: "Укажите название материала.")) }
        let kind = MaterialKind(rawValue: f["material_kind"])
        if kind == nil { errors.append(.init(field: "material_kind", message: "Выберите вид материала.")) }
        let area = DeficitArea(rawValue: f["deficit_area"])
        if !f["deficit_area"].isEmpty && area == nil { errors.append(.init(field: "deficit_area", message: "Выберите область дефицита из списка.")) }
        let link = f["link"], description = f["description"]
        if !link.isEmpty && !isLink(link) {
            errors.append(.init(field: "link", message: "Ссылка должна начинаться с http:// или https://, например https://disk.yandex.ru/…"))
        } else if link.count > 1000 {
            errors.append(.init(field: "link", message: "Ссылка слишком длинная: не больше 1000 знаков."))
        }
        if link.isEmpty && description.isEmpty {
            errors.append(.init(field: "link", message: "Укажите ссылку на файл или страницу материала либо его описание."))
        }
        guard errors.isEmpty, let municipality, let kind else {
            return try await page(req, editable: editable, values: f.flat, errors: errors, status: .unprocessableEntity)
        }
        let m = Material()
        m.municipalityID = municipality.id; m.kind = kind.rawValue; m.title = String(f["title"].prefix(500))
        m.subject = String(f["material_subject"].prefix(200)); m.deficitArea = area?.rawValue; m.author = String(f["author"].prefix(300))
        m.link = link; m.details = String(description.prefix(5000)); m.isPublic = f.bool("public")
        m.createdBy = try req.requireUser().login
        m.index()
        try await req.db.transaction { db in
            try await m.create(on: db)
            try await Audit.record(req, on: db, .create, entity: "material", id: m.id, label: "\(kind.title): \(m.title)", municipalityID: m.municipalityID)
        }
        return req.redirect(SiteURL.material(m.id!.uuidString).path, flash: "Материал добавлен в банк.")
    }

    @Sendable static func show(req: Request) async throws -> Response {
        guard let m = try await Material.find(req.id(), on: req.db) else { throw AppError.notFound("Материал") }
        let munis = try await readable(req)
        guard let muni = munis.first(where: { $0.id == m.municipalityID }) else { throw AppError.forbidden }
        var detail = MaterialsViews.Detail(
            title: m.title, kind: kindTitle(m.kind), subject: m.subject, area: areaTitle(m.deficitArea), author: m.author, link: m.link,
            description: m.details, isPublic: m.isPublic, municipality: muni.name,
            createdBy: try await User.query(on: req.db).filter(\.$login == m.createdBy).first()?.displayName ?? m.createdBy,
            createdAt: m.createdAt.map { RuFormat.date($0, timeZone: req.timeZone) } ?? "")
        detail.files = (try await AttachmentsController.list(.material, [m.id!], on: req.db)[m.id!] ?? []).map { FileViews.File(name: $0.name, url: $0.url, size: $0.size) }
        if try await editable(req).contains(where: { $0.id == m.municipalityID }) { detail.uploadURL = SiteURL.materialFiles(m.id!.uuidString).path }
        detail.csrf = req.csrfToken
        return req.page(m.title, section: .support, crumbs: crumbs + [Crumb(m.title)], MaterialsViews.show(detail))
    }

    // MARK: route steps

    /// The materials a step of a teacher of `municipalityID` may use, for the select on the route page.
    static func stepOptions(_ municipalityID: UUID, on db: any Database) async throws -> [Views.Option] {
        try await Material.query(on: db).filter(\.$municipalityID == municipalityID).all()
            .sorted { $0.title.localizedStandardCompare($1.title) == .orderedAscending }
            .map { Views.Option($0.id!.uuidString, "\($0.title) — \(kindTitle($0.kind).lowercased())") }
    }

    /// The attached materials of steps: id → the id and title the route page shows.
    static func attached(_ steps: [RouteStepRecord], on db: any Database) async throws -> [UUID: Views.Option] {
        let ids = Array(Set(steps.compactMap(\.materialID)))
        guard !ids.isEmpty else { return [:] }
        let found = try await Material.query(on: db).filter(\.$id ~~ ids).all()
        return Dictionary(found.map { ($0.id!, Views.Option($0.id!.uuidString, $0.title)) }, uniquingKeysWith: { a, _ in a })
    }

    /// Attaches a material of the teacher's municipality to a step (`material_id`), or detaches it
    /// (empty): the route's actors only (`Access.routeActor`), as any change of the route.
    @Sendable static func attach(req: Request) async throws -> Response {
        guard let step = try await RouteStepRecord.query(on: req.db).filter(\.$id == req.id()).with(\.$route).first() else { throw AppError.notFound("Шаг") }
        guard let t = try await Person.find(step.route.$teacher.id, on: req.db) else { throw AppError.notFound("Педагог") }
        let p = try req.principal()
        guard Access.canReadRoute(of: t.id!, at: t.place, p), Access.routeActor(of: t.id!, at: t.place, p) != nil else { throw AppError.forbidden }
        let f = FormFields(req)
        var chosen: Material?
        if !f["material_id"].isEmpty {
            guard let m = try await Material.find(f.uuid("material_id"), on: req.db) else { throw AppError.notFound("Материал") }
            guard m.municipalityID == t.$municipality.id else { throw AppError.forbidden }
            chosen = m
        }
        let material = chosen
        let back = SiteURL.route(t.id!.uuidString, year: step.route.year).path
        if step.materialID == material?.id { return req.redirect(back, flash: material == nil ? "У шага нет материала." : "Этот материал уже прикреплён к шагу.", kind: .info) }
        let before = step.materialID
        step.materialID = material?.id
        try await req.db.transaction { db in
            try await step.update(on: db)
            try await Audit.record(req, on: db, .update, entity: "route_step", id: step.id,
                                   label: "\(t.fullName): \(step.title) — " + (material.map { "материал «\($0.title)»" } ?? "без материала"),
                                   municipalityID: t.$municipality.id,
                                   before: ["material_id": before?.uuidString ?? ""], after: ["material_id": material?.id?.uuidString ?? ""])
        }
        return req.redirect(back, flash: material.map { "Материал «\($0.title)» прикреплён к шагу." } ?? "Материал откреплён от шага.")
    }
}
