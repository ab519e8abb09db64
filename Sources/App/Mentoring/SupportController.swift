import Vapor
import Fluent
import Views
import Domain

/// «Сопровождение»: the pairs of a municipality (or a supporter's own) with their health, load
/// against capacity and deficit coverage over a period; the method page; the work log.
enum SupportController {
    static let crumbs = [Crumb("Обзор", SiteURL.home.path), Crumb("Сопровождение", SiteURL.support().path)]

    /// `?municipality=&from=&to=` (dates ISO or дд.мм.гггг; by default the school year so far).
    struct Query: PageQuery {
        var municipality: UUID?, from: CalendarDay?, to: CalendarDay?
        static let keys = ["municipality", "from", "to"]
        init(_ q: QueryValues) {
            municipality = q.uuid("municipality"); from = q.string("from").flatMap(CalendarDay.parse); to = q.string("to").flatMap(CalendarDay.parse)
        }
        var items: [String: String] { .query([("municipality", municipality?.uuidString), ("from", from?.iso), ("to", to?.iso)]) }
    }

    static func today(_ req: Request) -> CalendarDay { req.today }

    /// The period of the page: [1 September of the school year, today] unless given.
    static func period(_ q: Query, today: CalendarDay) -> (from: CalendarDay, to: CalendarDay) {
        let to = q.to ?? today
        var from = q.from ?? CalendarDay(year: PairsController.planYear(to), month: 9, day: 1)!
        if from > to { from = to }
        return (from, to)
    }

    /// The municipalities whose support the user sees: those they read whole, or a supporter's own.
    static func municipalities(_ req: Request) async throws -> [Request.MunicipalityEntry] {
        let p = try req.principal()
        let all = try await req.municipalityDirectory()
        let whole = all.filter { Access.canReadMunicipality($0.id, regionID: $0.regionID, p) }
        if !whole.isEmpty { return whole }
        guard Access.isSupporter(p), let pid = p.personID, let person = try await Person.find(pid, on: req.db) else { throw AppError.forbidden }
        return all.filter { $0.id == person.$municipality.id }
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let p = try req.principal()
        let q = req.query(Query.self)
        let all = try await municipalities(req)
        guard let entry = all.first(where: { $0.id == q.municipality }) ?? all.first else { throw AppError.forbidden }
        if q.municipality != nil && entry.id != q.municipality { throw AppError.forbidden }
        guard let m = try await Municipality.find(entry.id, on: req.db), let view = Access.supportView(p, in: m.ref) else { throw AppError.forbidden }
        let (from, to) = period(q, today: today(req))
        let title = view == .municipality ? "Сопровождение: \(m.name)" : "Мои закрепления"
        let crumbs = [crumbs[0], Crumb("Сопровождение")]
        // Only the default period is kept (free dates in the URL must not push everyone's pages out of the cache):
        // the figures per municipality, the page's HTML per user (its buttons and the CSRF token are the user's).
        guard q.from == nil && q.to == nil else {
            let snap = try await CuratorshipService.snapshot(m, from: from, to: to, on: req.db)
            return req.page(title, section: .support, crumbs: crumbs, bodyHTML: body(req, p, snap, m, view: view, all: all, from: from, to: to))
        }
        let keys: [DataKey] = [.support(m.id!), .registry(m.id!)]
        let html = try await req.cached(try req.userCacheKey("support-html", ["m": m.id!.uuidString, "from": from.iso, "to": to.iso, "csrf": req.csrfToken]),
                                        dependsOn: keys) {
            let snap = try await req.cached("support|\(m.id!)|\(from.iso)|\(to.iso)", dependsOn: keys) {
                try await CuratorshipService.snapshot(m, from: from, to: to, on: req.db)
            }
            return body(req, p, snap, m, view: view, all: all, from: from, to: to)
        }
        return req.page(title, section: .support, crumbs: crumbs, bodyHTML: html)
    }

    static func body(_ req: Request, _ p: Principal, _ snap: CuratorshipService.Snapshot, _ m: Municipality, view: Access.SupportView,
                     all: [Request.MunicipalityEntry], from: CalendarDay, to: CalendarDay) -> String {
        var model = SupportPresenter.model(snap, view: view, from: from, to: to, municipalities: all, selected: m.id!,
                                          canLog: Access.isSupporter(p), municipalityCode: m.code)
        if Access.allows(.assign, p, in: m.ref) {
            model.settingsURL = SiteURL.supportSettings.path; model.csrf = req.csrfToken
            model.mentorCapacity = snap.settings.mentorCapacity; model.tutorCapacity = snap.settings.tutorCapacity
            model.orderURL = SiteURL.supportOrder(municipality: m.id!.uuidString).path
        }
        if Access.allows(.importMentoring, p, in: m.ref) { model.importsURL = SiteURL.supportImports.path }
        if view == .municipality {
            func v(_ f: String) -> String { snap.value(.municipality, m.code, f) }
            func share(_ f: String) -> String { Double(v(f)).map { RuFormat.decimal($0 * 100, digits: 1) + " %" } ?? "—" }
            model.monitoring = [
                ("Доступность помощи", share("accessibility"), "пар с контактом в периоде: \(v("pairs_with_contact")) из \(v("active_pairs")) действующих"),
                ("Интенсивность", v("interactions_per_pair").isEmpty ? "—" : SupportPresenter.decimal(v("interactions_per_pair")),
                 "взаимодействий в периоде на одну действующую пару"),
                ("Охват сопровождением", share("mentor_coverage"), "школ с наставником или куратором: \(v("schools_with_mentor")) из \(v("supported_schools")) сопровождаемых (ШНОР/ШССУ)"),
            ]
        }
        model.sections = [("Пулы наставников и тьюторов", SiteURL.supportPool(municipality: m.id!.uuidString).path, view == .municipality),
                          ("Модули планов МНЦ и МТКП", SiteURL.supportModules.path + "?municipality=\(m.id!)", view == .municipality),
                          ("Банк материалов", SiteURL.materials().path, Access.allows(.readMaterials, p)),
                          ("ШМО", SiteURL.shmo().path, Access.allows(.readShmo, p)),
                          ("Кадровый резерв", SiteURL.reserve.path + "?municipality=\(m.id!)", Access.allows(.readReserve, p, in: m.ref))]
            .filter(\.2).map { ($0.0, $0.1) }
        return SupportViews.body(model).render()
    }

    /// The center's settings of the area: default capacities and the quiet-pair threshold.
    @Sendable static func saveSettings(req: Request) async throws -> Response {
        let f = FormFields(req)
        let p = try req.principal()
        guard let mid = f.uuid("municipality"), let m = try await Municipality.find(mid, on: req.db), Access.allows(.assign, p, in: m.ref) else { throw AppError.forbidden }
        let back = SiteURL.support(municipality: mid.uuidString).path
        guard let mentor = Int(f["mentor_capacity"]), (1...100).contains(mentor), let tutor = Int(f["tutor_capacity"]), (1...100).contains(tutor),
              let quiet = Int(f["quiet_days"]), (1...365).contains(quiet) else {
            return req.redirect(back, flash: "Нормы — целые числа от 1 до 100, порог «затихшей» пары — от 1 до 365 дней.", kind: .error)
        }
        let row = try await MentoringSettingsRow.query(on: req.db).filter(\.$municipalityID == mid).first() ?? MentoringSettingsRow()
        let before = MentoringSettings(mentorCapacity: row.id == nil ? 3 : row.mentorCapacity, tutorCapacity: row.id == nil ? 5 : row.tutorCapacity,
                                       quietDays: row.id == nil ? PairHealth.defaultThresholdDays : row.quietDays)
        row.municipalityID = mid; row.mentorCapacity = mentor; row.tutorCapacity = tutor; row.quietDays = quiet
        try await req.db.transaction { db in
            try await row.save(on: db)
            try await Audit.record(req, on: db, .update, entity: "mentoring_settings", id: row.id, label: "\(m.name): нормы \(mentor)/\(tutor), порог \(quiet) дн.",
                                   municipalityID: mid, before: ["mentor": before.mentorCapacity, "tutor": before.tutorCapacity, "quiet": before.quietDays],
                                   after: ["mentor": mentor, "tutor": tutor, "quiet": quiet])
        }
        return req.redirect(back, flash: "Настройки сохранены.")
    }

    @Sendable static func method(req: Request) async throws -> Response {
        req.page("Методика показателей сопровождения", section: .support, crumbs: crumbs + [Crumb("Методика")], SupportViews.method())
    }
}

/// The figures of a snapshot as the page's rows: the values are the command's (`FigureRow`).
enum SupportPresenter {
    static func model(_ snap: CuratorshipService.Snapshot, view: Access.SupportView, from: CalendarDay, to: CalendarDay, municipalities: [Request.MunicipalityEntry],
                      selected: UUID, canLog: Bool, municipalityCode: String) -> SupportViews.Model {
        let own: UUID? = if case .own(let id) = view { id } else { nil }
        let pairs = snap.pairs.filter { own == nil || $0.authorID == own }
        let contacts = Dictionary(grouping: snap.input.pairs, by: \.code).mapValues { $0.flatMap(\.interactions).map(\.date) }
        func since(_ code: String) -> Int? {
            PairHealth.lastContact(in: contacts[code] ?? [], onOrBefore: to).map { CalendarDay.days(from: $0, to: to) }
        }
        let sorted = pairs.sorted { a, b in
            let (x, y) = (since(a.code) ?? .max, since(b.code) ?? .max)
            return x != y ? x > y : a.code < b.code
        }
        let pairRows = sorted.map { pr in
            let last = snap.value(.pair, pr.code, "last_contact")
            var row = SupportViews.PairRow(
                author: "\(pr.authorName) (\(pr.authorCode))", target: "\(pr.targetName) (\(pr.targetCode))", pool: pr.pool.title,
                order: pr.order.isEmpty ? "—" : pr.order, span: spanText(pr.span),
                interactions: snap.value(.pair, pr.code, "interactions"), hours: decimal(snap.value(.pair, pr.code, "hours")),
                lastContact: CalendarDay(iso: last)?.ru ?? "нет в периоде", daysSince: since(pr.code).map(String.init) ?? "нет контактов",
                quiet: snap.value(.pair, pr.code, "quiet") == "true", overCapacity: pr.overCapacity)
            row.url = SiteURL.supportPair(pr.assignmentID.uuidString).path
            return row
        }
        var authors: [String: (UUID, SupportPool)] = [:]
        for pr in pairs { authors[pr.authorCode] = (pr.authorID, pr.pool) }
        let people = authors.keys.sorted().map { code in
            let (id, pool) = authors[code]!
            let load = Int(snap.value(.person, code, "load")) ?? 0
            let cap = CuratorshipService.capacity(id, pool: pool, snap)
            return SupportViews.PersonRow(name: "\(snap.names[code] ?? code) (\(code))", load: String(load), capacity: String(cap),
                                          over: Capacity.isOver(load: load, capacity: cap), interactions: snap.value(.person, code, "interactions"),
                                          quietPairs: snap.value(.person, code, "quiet_pairs"))
        }
        let schoolCodes = Set(snap.rows.filter { $0.scope == "school" }.map(\.scopeCode))
        let schools = schoolCodes.sorted { (snap.names[$0] ?? $0) < (snap.names[$1] ?? $1) }.map { code in
            let coverage = snap.value(.school, code, "deficit_coverage")
            return SupportViews.SchoolRow(name: "\(snap.names[code] ?? "Центр") (\(code))", deficits: snap.value(.school, code, "deficits"),
                                          covered: snap.value(.school, code, "deficits_covered"),
                                          coverage: Double(coverage).map { RuFormat.decimal($0 * 100, digits: 1) + " %" } ?? "—")
        }
        return SupportViews.Model(
            municipalities: municipalities.map { Views.Option($0.id.uuidString, $0.name) }, municipalityID: selected.uuidString,
            from: from.iso, to: to.iso, quietDays: snap.settings.quietDays, own: own != nil, pairs: pairRows, people: people, schools: schools,
            logURL: canLog ? SiteURL.supportLog.path : nil,
            csvHint: "Те же цифры в командной строке: opora curatorship figures --municipality \(municipalityCode) --from \(from.iso) --to \(to.iso) --format csv.")
    }

    static func spanText(_ s: AssignmentSpan) -> String {
        switch (s.from, s.to) {
        case (nil, nil): "бессрочно"
        case (let f?, nil): "с \(f.ru)"
        case (nil, let t?): "по \(t.ru)"
        case (let f?, let t?): "\(f.ru) — \(t.ru)"
        }
    }

    /// "1.5" of the export as the page writes it: «1,5».
    static func decimal(_ s: String) -> String { s.replacingOccurrences(of: ".", with: ",") }
}
