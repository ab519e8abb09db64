import Vapor
import Fluent
import Views
import Domain
import Importing
import Plot

/// «Мониторинги → Динамика образовательных результатов»: the summary table, its exports and print view.
enum MonitoringController {
    static let crumbs = [Crumb("Обзор", SiteURL.home.path), Crumb("Мониторинги", SiteURL.monitoring(.summary).path)]

    /// Municipalities whose whole monitoring the user may read.
    static func municipalities(_ req: Request) async throws -> [Request.MunicipalityEntry] {
        let p = try req.principal()
        return try await req.municipalityDirectory().filter { Access.canReadMunicipality($0.id, regionID: $0.regionID, p) }
    }

    struct Selection {
        /// Fetched for this request: handlers may change and save it.
        let municipality: Municipality; let all: [Request.MunicipalityEntry]; let year: Int; let filter: SummaryFilter; let query: [String: String]
        /// The shell of a monitoring page: the tabs this user may open, and the filter when `filterPath` is given.
        func shell(_ current: String, _ req: Request, filterPath: String? = nil) -> MonitoringShell.Model {
            let p = req.currentUser?.principal
            let tabs = MonitoringController.tabs(current, query, canImport: p.map { Access.allows(.importResults, $0, in: municipality.ref) } ?? false,
                                                 canReadRegion: p.map { Access.allows(.readRegionMonitoring, $0, in: municipality.ref) } ?? false)
            return MonitoringShell.Model(tabs: tabs, filterPath: filterPath, municipalities: all.map { Views.Option($0.id.uuidString, $0.name) },
                                         municipalityID: municipality.id!.uuidString, years: MonitoringController.years(year), year: year)
        }
    }

    static func select(_ req: Request) async throws -> Selection {
        let all = try await municipalities(req)
        guard !all.isEmpty else { throw AppError.forbidden }
        let query = req.query(MonitoringQuery.self)
        let ref = all.first { $0.id == query.municipality } ?? all[0]
        if query.municipality != nil && ref.id != query.municipality { throw AppError.forbidden }
        guard let m = try await Municipality.find(ref.id, on: req.db) else { throw AppError.notFound("Муниципалитет") }
        var year = query.year ?? 0
        if year == 0 {
            let calendarYear = Calendar(identifier: .gregorian).component(.year, from: req.now)
            year = try await req.cached("default-year|\(m.id!)|\(calendarYear)", dependsOn: [.results(m.id!), .registry(m.id!)]) {
                try await MonitoringService.defaultYear([m], on: req.db, now: req.now)
            }
        }
        var q = query.items
        q["municipality"] = m.id!.uuidString
        q["year"] = String(year)
        return Selection(municipality: m, all: all, year: year, filter: query.filter, query: q)
    }

    static func tabs(_ current: String, _ q: [String: String], canImport: Bool = true, canReadRegion: Bool = true) -> [MonitoringShell.Tab] {
        let items: [(String, SiteURL.MonitoringPage)] = [("Сводная таблица", .summary), ("Кластеры", .clusters), ("Эффективность", .effectiveness), ("Учебные периоды", .terms),
                                                         ("По региону", .region), ("Кампании", .campaigns), ("Загрузка результатов", .imports),
                                                         ("Эталоны", .references), ("Настройки", .settings), ("Методика", .help)]
        let visible = items.filter { (canImport || $0.1 != .imports) && (canReadRegion || $0.1 != .region) }
        return visible.map { item in
            let url = SiteURL.monitoring(item.1, municipality: q["municipality"], year: q["year"].flatMap { Int($0) })
            return MonitoringShell.Tab(title: item.0, url: url.path, current: SiteURL.monitoring(item.1).path == current)
        }
    }

    static func years(_ year: Int) -> [Views.Option] {
        (max(2015, year - 8)...(year + 1)).reversed().map { Views.Option(String($0), "\($0) (ЕГЭ и ВПР \($0 - 1)–\($0))") }
    }

    @Sendable static func summary(req: Request) async throws -> Response {
        let sel = try await select(req)
        let confirm = Access.allows(.confirmExclusion, try req.principal(), in: sel.municipality.ref)
        let recommend = Access.decisionIssuer(try req.principal(), in: sel.municipality.ref) != nil
        // The table is the costly part of the page: its HTML is kept until the next audited
        // change, per view (filters, sort) and, when it carries confirm buttons, per CSRF token.
        let view = ["municipality", "year", "filter", "sort", "print"].map { sel.query[$0] ?? "" }.joined(separator: "|")
        let key = "summary-html|\(view)|\(sel.all.map(\.id.uuidString).joined())|\(confirm ? req.csrfToken : "")|\(recommend ? "r" : "")|\(sel.municipality.settingsJSON)"
        let html: String = try await req.cached(key, dependsOn: MonitoringService.dataKeys([sel.municipality])) {
            let computed = try await MonitoringService.compute([sel.municipality], year: sel.year, req: req)
            var model = MonitoringSummaryView.Model(
                result: computed.result, filter: sel.filter,
                schoolLinks: computed.codeToID.mapValues { SiteURL.schoolResults($0.uuidString, year: sel.year).path },
                contextTitles: ContextColumns.titles, municipalities: sel.all.map { Views.Option($0.id.uuidString, $0.name) },
                years: years(sel.year), query: sel.query, showMunicipality: false, notes: MonitoringService.notes(computed.result))
            model.statusWords = try await SchoolDirectory.statusWords([sel.municipality], year: sel.year, on: req.db)
            if recommend { model.recommendMunicipality = sel.municipality.id!.uuidString; model.schoolIDs = computed.codeToID.mapValues(\.uuidString) }
            if confirm {
                model.confirmAction = SiteURL.monitoring(.exclusions, municipality: sel.municipality.id!.uuidString, year: sel.year).path
                model.csrf = req.csrfToken
            }
            return MonitoringSummaryView.body(model, path: SiteURL.monitoring(.summary).path).render()
        }
        func link(_ page: SiteURL.MonitoringPage, print: Bool = false) -> String {
            SiteURL.monitoring(page, municipality: sel.query["municipality"], year: sel.year, filter: sel.filter.rawValue, print: print).path
        }
        let actions = MonitoringShell.summaryActions(xlsx: link(.resultsXLSX), csv: link(.resultsCSV), print: link(.summary, print: true))
        let title = "Сводная таблица мониторинга \(sel.year): \(sel.municipality.name)"
        var ctx = req.pageContext(title, section: .monitoring, crumbs: crumbs + [Crumb("Сводная таблица")], printable: sel.query["print"] == "1")
        ctx.contextLine = sel.municipality.name
        return req.page(ctx, actionsHTML: actions.render(), bodyHTML: MonitoringShell.body(sel.shell(SiteURL.monitoring(.summary).path, req), .empty).render() + html)
    }

    /// A specialist confirms a proposed exclusion (policy «confirm by specialist», DOMAIN §4).
    @Sendable static func confirmExclusion(req: Request) async throws -> Response {
        let sel = try await select(req)
        guard Access.allows(.confirmExclusion, try req.principal(), in: sel.municipality.ref) else { throw AppError.forbidden }
        guard let key = req.query[String.self, at: "result"] else { throw AppError.notFound("Предложение об исключении") }
        let computed = try await MonitoringService.compute([sel.municipality], year: sel.year, req: req)
        guard let proposed = computed.result.proposedExclusions.first(where: { $0.resultID == key }) else {
            throw AppError.notFound("Предложение об исключении")
        }
        let c = ExclusionConfirmation()
        c.municipalityID = sel.municipality.id!; c.year = sel.year; c.resultKey = key; c.confirmedBy = req.currentUser?.login ?? ""
        c.at = req.now; c.comment = proposed.reason
        try await req.db.transaction { db in
            try await c.create(on: db)
            try await Audit.record(req, on: db, .create, entity: "exclusion", id: c.id, label: proposed.reason, municipalityID: sel.municipality.id,
                                   after: ["result": key])
        }
        return req.redirect(.monitoring(.summary, municipality: sel.municipality.id!.uuidString, year: sel.year), flash: "Исключение подтверждено и учтено в расчёте.")
    }

    /// The summary table as text rows, the page's texts (campaign snapshots keep these).
    static func exportRows(_ r: MonitoringResult, filter: SummaryFilter) -> [[String]] {
        exportTable(r, filter: filter).map { $0.map(\.text) }
    }

    /// The summary table as a spreadsheet: the same rows and numbers as the page, figures
    /// typed as numbers (with the page's decimals) so that an XLSX export sums and sorts.
    static func exportTable(_ r: MonitoringResult, filter: SummaryFilter) -> [[ExportCell]] {
        let s = r.settings
        var header = ["Код школы", "Школа", "Муниципалитет"]
        for subj in s.egeSubjects { header += ["D \(MonitoringSubject.title(subj))", "Состояние", "r(\(r.year - 1))", "r(\(r.year))", "Ср. \(r.year - 1)", "n \(r.year - 1)", "Ср. \(r.year)", "n \(r.year)"] }
        header += ["Показатель 2 (отрицательные)", "Резкие изменения", "Исключено", "Группа риска"] + ContextColumns.titles.map(\.1)
        var rows = [header.map(ExportCell.text)]
        for sr in r.summary(filter) {
            var row: [ExportCell] = [.text(sr.school.code), .text(sr.school.name), .text(sr.school.municipality)]
            for subj in s.egeSubjects {
                let c = sr.indicator1.first { $0.subject == subj }
                row += [.figure(c?.d, places: 3), .text(c?.state.title ?? "нет данных"), .figure(c?.previous?.ratio, places: 3), .figure(c?.current?.ratio, places: 3),
                        .figure(c?.previous?.average, places: 2), .count(c?.previous?.participants), .figure(c?.current?.average, places: 2), .count(c?.current?.participants)]
            }
            row.append(.text(sr.indicator2.filter(\.inSummary).map { "\(MonitoringSubject.title($0.subject)) \($0.grade) кл.: Δ(2) = \($0.delta(2)?.ru(3) ?? "—")" }.joined(separator: "; ")))
            row.append(.text(sr.sharpChanges.map { "\(MonitoringSubject.title($0.subject)) \($0.grade) кл.: Δ(\($0.change.mark)) = \($0.change.delta.ru(1))" }.joined(separator: "; ")))
            row.append(.text(sr.exclusions.map(\.reason).joined(separator: " ")))
            row.append(.text(sr.federalRisk.isAtRisk ? sr.federalRisk.reason : ""))
            // Context figures arrive formatted by RuFormat (ContextColumns); read back in that shape.
            row += ContextColumns.titles.map { ExportCell.formatted(sr.school.context[$0.0] ?? "") }
            rows.append(row)
        }
        return rows
    }

    @Sendable static func exportCSV(req: Request) async throws -> Response {
        try await export(req, xlsx: false)
    }

    @Sendable static func exportXLSX(req: Request) async throws -> Response {
        try await export(req, xlsx: true)
    }

    static func export(_ req: Request, xlsx: Bool) async throws -> Response {
        let sel = try await select(req)
        let computed = try await MonitoringService.compute([sel.municipality], year: sel.year, req: req)
        let table = exportTable(computed.result, filter: sel.filter)
        let data = xlsx ? try XLSXWriter.write(export: table, sheetName: "Сводная \(sel.year)") : CSVWriter.write(export: table)
        let res = Response(status: .ok, body: .init(data: data))
        res.headers.contentType = xlsx ? HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                                       : HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        res.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"monitoring-\(sel.municipality.code)-\(sel.year).\(xlsx ? "xlsx" : "csv")\"")
        return res
    }
}

/// Every monitoring page: `?municipality=&year=&filter=&sort=&print=`.
struct MonitoringQuery: PageQuery {
    var municipality: UUID?, year: Int?, filter: SummaryFilter = .either, sort: String?, print = false
    static let keys = ["municipality", "year", "filter", "sort", "print"]
    init(_ q: QueryValues) {
        municipality = q.uuid("municipality"); year = q.int("year").flatMap { (2000...2100).contains($0) ? $0 : nil }
        filter = q.value("filter", as: SummaryFilter.self) ?? .either; sort = q.string("sort"); print = q.string("print") == "1"
    }
    var items: [String: String] {
        .query([("municipality", municipality?.uuidString), ("year", year.map(String.init)), ("filter", filter == .either ? nil : filter.rawValue),
                ("sort", sort), ("print", print ? "1" : nil)])
    }
}

/// A school's results page: `?year=`.
struct YearQuery: PageQuery {
    var year: Int?
    static let keys = ["year"]
    init(_ q: QueryValues) { year = q.int("year").flatMap { (2000...2100).contains($0) ? $0 : nil } }
    var items: [String: String] { .query([("year", year.map(String.init))]) }
}

/// «Учебные периоды»: `?period=q1|q2|…` (unknown values: the first quarter).
struct TermsQuery: PageQuery {
    var period = "q1"
    static let keys = ["period"]
    init(_ q: QueryValues) { period = q.string("period").flatMap { p in TermAnalysisView.periods.contains { $0.value == p } ? p : nil } ?? "q1" }
    var items: [String: String] { .query([("period", period)]) }
}
