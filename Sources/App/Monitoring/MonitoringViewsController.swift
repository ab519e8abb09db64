import Vapor
import Fluent
import Views
import Domain
import Plot

/// Clusters, effectiveness and the region view.
enum MonitoringViewsController {
    typealias C = MonitoringController

    /// `yearFilter: false` when the body has its own filters (one form per page).
    static func page(_ req: Request, _ title: String, tab: SiteURL.MonitoringPage, _ sel: C.Selection, yearFilter withFilter: Bool = true,
                     _ body: Node<HTML.BodyContext>) -> Response {
        page(req, title, tab: SiteURL.monitoring(tab).path, sel, yearFilter: withFilter, body)
    }

    static func page(_ req: Request, _ title: String, tab: String, _ sel: C.Selection, yearFilter withFilter: Bool = true,
                     _ body: Node<HTML.BodyContext>) -> Response {
        var ctx = req.pageContext(title, section: .monitoring, crumbs: C.crumbs + [Crumb(title)])
        ctx.contextLine = sel.municipality.name
        return req.page(ctx, bodyHTML: MonitoringShell.body(sel.shell(tab, req, filterPath: withFilter ? tab : nil), body).render())
    }

    /// The same page around HTML kept in the versioned cache.
    static func page(_ req: Request, _ title: String, tab: SiteURL.MonitoringPage, _ sel: C.Selection, html: String) -> Response {
        var ctx = req.pageContext(title, section: .monitoring, crumbs: C.crumbs + [Crumb(title)])
        ctx.contextLine = sel.municipality.name
        let path = SiteURL.monitoring(tab).path
        return req.page(ctx, bodyHTML: MonitoringShell.body(sel.shell(path, req, filterPath: path), .empty).render() + html)
    }

    @Sendable static func clusters(req: Request) async throws -> Response {
        let sel = try await C.select(req)
        // The clusters' HTML is kept with the monitoring it shows (same data keys).
        let key = "clusters-html|\(sel.year)|\(sel.municipality.id!)|\(sel.municipality.settingsJSON)"
        let html = try await req.cached(key, dependsOn: MonitoringService.dataKeys([sel.municipality])) {
            let computed = try await MonitoringService.compute([sel.municipality], year: sel.year, req: req)
            let names = Dictionary(computed.schools.values.map { ($0.code, $0.shortName) }, uniquingKeysWith: { a, _ in a })
            let links = computed.codeToID.mapValues { SiteURL.schoolResults($0.uuidString, year: sel.year).path }
            return MonitoringPages.clusters(computed.result.clusters, names: names, links: links).render()
        }
        return page(req, "Кластеры школ \(sel.year): \(sel.municipality.name)", tab: .clusters, sel, html: html)
    }

    @Sendable static func effectiveness(req: Request) async throws -> Response {
        let sel = try await C.select(req)
        let m = sel.municipality
        // Keyed by the school, not its name (two schools of one name stay two; a rename is no exit).
        let rows = try await MonitoringService.effectiveness(m, on: req.db).map { e in
            MonitoringPages.EffectivenessRow(label: Present.yearLabel(e.year, m), year: e.year, count: e.count,
                                             change: e.change.map { $0 > 0 ? "+\($0)" : String($0) } ?? "—", entered: e.entered, left: e.left)
        }
        let means = try await MonitoringService.municipalEGEMeans(m, on: req.db)
        let trends: [(String, String)] = MonitoringLoader.settings(of: m).egeSubjects.compactMap { subject in
            guard let years = means[subject], !years.isEmpty else { return nil }
            return (MonitoringSubject.title(subject), years.keys.sorted().map { "\($0) — \(years[$0]!.mean.ru(1)) (n = \(years[$0]!.n))" }.joined(separator: "; "))
        }
        let labels = try await SchoolDirectory.labels(for: m.id!, year: sel.year, on: req.db)
        return page(req, "Эффективность мер: \(m.name)", tab: .effectiveness, sel,
                    MonitoringPages.effectiveness(rows, statusTitle: labels.low + " / " + labels.difficult, trends: trends))
    }

    @Sendable static func region(req: Request) async throws -> Response {
        let sel = try await C.select(req)
        let p = try req.principal()
        let regionID = sel.municipality.$region.id
        guard Access.allows(.readRegionMonitoring, p, in: sel.municipality.ref) else { throw AppError.forbidden }
        let ms = try await Municipality.query(on: req.db).filter(\.$region.$id == regionID).sort(\.$name).all()
        let region = try await MonitoringService.region(ms, year: sel.year, settings: MonitoringLoader.settings(of: sel.municipality), req: req)
        let (result, schools, municipalityOf) = (region.result, region.schools, region.municipalityOf)
        let rows = ms.map { m -> MonitoringPages.RegionRow in
            let mine = result.schools.filter { municipalityOf[$0.school.code] == m.name }
            return .init(municipality: m.name, schools: mine.count, negative1: mine.filter(\.negative1).count, negative2: mine.filter(\.negative2).count,
                         both: mine.filter { $0.negative1 && $0.negative2 }.count, risk: mine.filter(\.federalRisk.isAtRisk).count,
                         excluded: mine.reduce(0) { $0 + $1.exclusions.count })
        }
        let codeToID = Dictionary(schools.values.map { ($0.code, $0.id!) }, uniquingKeysWith: { a, _ in a })
        var model = MonitoringSummaryView.Model(result: result, filter: sel.filter, schoolLinks: codeToID.mapValues { SiteURL.schoolResults($0.uuidString, year: sel.year).path },
                                                contextTitles: ContextColumns.titles, municipalities: [], years: C.years(sel.year), query: sel.query,
                                                showMunicipality: true, notes: [], municipalityOf: municipalityOf)
        model.statusWords = try await SchoolDirectory.statusWords(ms, year: sel.year, on: req.db)
        var notes = MonitoringService.notes(result)
        notes.insert("Все муниципалитеты считаются с одним общим эталоном: средним по региону, а если его нет — средневзвешенным баллом всех школ региона.", at: 0)
        return page(req, "Мониторинг \(sel.year) по региону", tab: .region, sel,
                    MonitoringPages.region(rows, notes: notes, summary: Components.section("Школы региона с отрицательной динамикой", MonitoringSummaryView.table(model))))
    }

    /// «Итоги учебных периодов» (seeds 000, 003): thresholds 97 % / 45 % are shown on the page.
    @Sendable static func terms(req: Request) async throws -> Response {
        let sel = try await C.select(req)
        let period = req.query(TermsQuery.self).period
        let schools = try await School.query(on: req.db).filter(\.$municipality.$id == sel.municipality.id!).all()
        let byID = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0) })
        let settings = MonitoringLoader.settings(of: sel.municipality)
        let thresholds = (success: settings.termSuccessThreshold, quality: settings.termQualityThreshold)
        let result = try await MonitoringService.termAnalysis(byID, period: period, year: sel.year, settings: settings, on: req.db)
        var dynamics: TermAnalysisView.Dynamics? = nil
        if let prev = TermAnalysis.previous(period, year: sel.year) {
            let before = try await MonitoringService.termAnalysis(byID, period: prev.period, year: prev.year, settings: settings, on: req.db)
            let title = (TermAnalysisView.periods.first { $0.value == prev.period }?.title ?? prev.period) + (prev.year != sel.year ? " \(YearLabel.schoolYear(prev.year))" : "")
            dynamics = .init(previousTitle: title, changes: TermAnalysis.changes(current: result, previous: before), previousLoaded: !before.schools.isEmpty)
        }
        let names = Dictionary(uniqueKeysWithValues: schools.map { ($0.code, $0.shortName) })
        let links = Dictionary(uniqueKeysWithValues: schools.map { ($0.code, SiteURL.school($0.id!.uuidString).path) })
        var query = sel.query
        query["period"] = period
        let years = (max(2015, sel.year - 6)...(sel.year + 1)).reversed().map { Views.Option(String($0), YearLabel.schoolYear($0)) }
        let municipalities = sel.all.count > 1 ? sel.all.map { Views.Option($0.id.uuidString, $0.name) } : []
        return page(req, "Итоги учебных периодов: \(sel.municipality.name)", tab: .terms, sel, yearFilter: false,
                    TermAnalysisView.body(result, names: names, links: links, path: SiteURL.monitoring(.terms).path, query: query, thresholds: thresholds, years: years,
                                          dynamics: dynamics, municipalities: municipalities))
    }
}
