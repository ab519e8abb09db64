import Domain
import Plot
import Testing
@testable import Views

/// A small monitoring of 2025 for three schools of Армавир, computed by Domain from
/// hand-made results: СОШ № 6 falls on ЕГЭ (indicator 1), СОШ № 1 on ВПР (indicator 2).
enum MonitoringFixture {
    static func r(_ text: String) -> Rational { Rational(decimal: text)! }

    static let schools = [
        SchoolRef(code: "ARM-001", name: "МБОУ СОШ № 1", municipality: "г. Армавир", context: ["students_count": "612"], statuses: [.lowResults]),
        SchoolRef(code: "ARM-006", name: "МБОУ СОШ № 6", municipality: "г. Армавир", context: ["students_count": "455"], statuses: [.difficultConditions]),
        SchoolRef(code: "ARM-012", name: "МАОУ лицей № 12", municipality: "г. Армавир", context: [:]),
    ]
    static let ids = ["ARM-001": PageSnapshots.id(1), "ARM-006": PageSnapshots.id(2), "ARM-012": PageSnapshots.id(3)]
    static let names = Dictionary(uniqueKeysWithValues: schools.map { ($0.code, $0.name) })
    static let links = ids.mapValues { "/schools/\($0)/results?year=2025" }

    static func ege(_ school: String, _ year: Int, _ n: Int, _ average: String) -> EGEInput {
        EGEInput(resultID: "ege-\(school)-russian-\(year)", schoolCode: school, year: year, subject: "russian", participants: n, average: r(average))
    }

    static func vpr(_ school: String, _ year: Int, _ counts: MarkCounts) -> VPRInput {
        VPRInput(resultID: "vpr-\(school)-math-5-\(year)", schoolCode: school, year: year, subject: "math", grade: 5,
                 participants: counts.reduce(0, +), marks: .counts(counts))
    }

    static let input = MonitoringInput(
        year: 2025, schools: schools,
        ege: [ege("ARM-001", 2024, 20, "60.0"), ege("ARM-006", 2024, 30, "70.0"), ege("ARM-012", 2024, 50, "65.0"),
              ege("ARM-001", 2025, 25, "62.0"), ege("ARM-006", 2025, 25, "66.0"), ege("ARM-012", 2025, 50, "68.0")],
        vpr: [vpr("ARM-001", 2024, [2, 10, 10, 3]), vpr("ARM-001", 2025, [12, 8, 4, 1]),
              vpr("ARM-012", 2024, [1, 5, 10, 9]), vpr("ARM-012", 2025, [1, 6, 9, 9])],
        regionalEGEAverage: ["russian": [2024: r("66.5"), 2025: r("67.0")]])

    static let result = Monitoring.compute(input)
    static let years = [Option("2025", "2025"), Option("2024", "2024")]
    static let contextTitles = [("students_count", "Обучающихся, чел.")]

    static func summaryModel(showMunicipality: Bool) -> MonitoringSummaryView.Model {
        var m = MonitoringSummaryView.Model(
            result: result, filter: .either, schoolLinks: links, contextTitles: contextTitles,
            municipalities: showMunicipality ? [] : [Option(PageSnapshots.id(101), "г. Армавир"), Option(PageSnapshots.id(102), "Новокубанский район")],
            years: years, query: ["municipality": PageSnapshots.id(101), "year": "2025"], showMunicipality: showMunicipality,
            notes: showMunicipality ? [] : ["Эталон показателя 1 — средний балл ЕГЭ по региону (введён вручную)."],
            municipalityOf: Dictionary(uniqueKeysWithValues: schools.map { ($0.code, $0.municipality) }))
        if !showMunicipality {
            m.confirmAction = "/monitoring/exclusions?municipality=\(PageSnapshots.id(101))&year=2025"
            m.csrf = PageSnapshots.csrf
        }
        return m
    }
}

/// «Мониторинги»: the summary table and the pages computed from it.
extension PageSnapshots {
    static let monitoringCrumbs = [Crumb("Обзор", "/"), Crumb("Мониторинги", "/monitoring")]

    @Test func monitoringSummaryView() {
        let model = MonitoringFixture.summaryModel(showMunicipality: false)
        let actions: Node<HTML.BodyContext> = .group(Components.buttonLink("XLSX", "/monitoring/results.xlsx?year=2025"),
                                                     Components.buttonLink("Версия для печати", "/monitoring?year=2025&print=1"))
        let ctx = Self.specialist("Сводная таблица мониторинга 2025: г. Армавир", section: .monitoring,
                                  crumbs: Self.monitoringCrumbs + [Crumb("Сводная таблица")])
        assertSnapshot(html: Self.page(ctx, actions: actions, MonitoringSummaryView.body(model, path: "/monitoring")), named: "MonitoringSummaryView")
    }

    @Test func monitoringClusters() {
        let html = MonitoringPages.clusters(MonitoringFixture.result.clusters, names: MonitoringFixture.names, links: MonitoringFixture.links)
        assertSnapshot(html: html.render(), named: "MonitoringClusters")
    }

    @Test func monitoringEffectiveness() {
        let rows = [
            MonitoringPages.EffectivenessRow(label: "2023", year: 2023, count: 4, change: "—", entered: [], left: []),
            MonitoringPages.EffectivenessRow(label: "2024", year: 2024, count: 3, change: "−1", entered: ["МБОУ СОШ № 6"], left: ["МБОУ СОШ № 9", "МБОУ ООШ № 14"]),
            MonitoringPages.EffectivenessRow(label: "2025", year: 2025, count: 2, change: "−1", entered: [], left: ["МБОУ СОШ № 6"]),
        ]
        let trends = [("Русский язык", "2024 — 65,6 (n = 100); 2025 — 65,9 (n = 100)")]
        assertSnapshot(html: MonitoringPages.effectiveness(rows, statusTitle: "ШНОР / ШССУ", trends: trends).render(), named: "MonitoringEffectiveness")
    }

    @Test func monitoringRegion() {
        let rows = [
            MonitoringPages.RegionRow(municipality: "г. Армавир", schools: 3, negative1: 1, negative2: 1, both: 0, risk: 1, excluded: 0),
            MonitoringPages.RegionRow(municipality: "Новокубанский район", schools: 0, negative1: 0, negative2: 0, both: 0, risk: 0, excluded: 0),
        ]
        let summary = Components.section("Школы региона с отрицательной динамикой",
                                         MonitoringSummaryView.table(MonitoringFixture.summaryModel(showMunicipality: true)))
        let notes = ["Все муниципалитеты считаются с одним общим эталоном: средним по региону."]
        assertSnapshot(html: MonitoringPages.region(rows, notes: notes, summary: summary).render(), named: "MonitoringRegion")
    }

    @Test func termAnalysisView() {
        func rows(_ success: [String], _ quality: [String]) -> [TermAnalysis.Row] {
            ["ARM-001", "ARM-006", "ARM-012"].enumerated().map { i, code in
                TermAnalysis.Row(schoolCode: code, subject: i == 1 ? "russian" : "math", participants: 100 + 50 * i,
                                 success: MonitoringFixture.r(success[i]), quality: MonitoringFixture.r(quality[i]))
            }
        }
        let now = TermAnalysis.analyze(rows(["92.5", "98.0", "99.5"], ["38.0", "41.5", "62.0"]), successThreshold: Rational(97), qualityThreshold: Rational(45))
        let before = TermAnalysis.analyze(rows(["90.0", "97.5", "99.0"], ["40.0", "46.0", "60.5"]), successThreshold: Rational(97), qualityThreshold: Rational(45))
        let dynamics = TermAnalysisView.Dynamics(previousTitle: "1 четверть", changes: TermAnalysis.changes(current: now, previous: before), previousLoaded: true)
        let html = TermAnalysisView.body(now, names: MonitoringFixture.names, links: MonitoringFixture.ids.mapValues { "/schools/\($0)" },
                                         path: "/monitoring/terms", query: ["year": "2025", "period": "q2"], thresholds: (success: 97, quality: 45),
                                         years: [Option("2025", "2025/2026"), Option("2024", "2024/2025")], dynamics: dynamics)
        assertSnapshot(html: html.render(), named: "TermAnalysisView")
    }

    @Test func monitoringHelpView() {
        assertSnapshot(html: MonitoringHelpView.body(settings: .default, municipality: "г. Армавир").render(), named: "MonitoringHelpView")
    }

    @Test func schoolResultsView() {
        var model = SchoolResultsView.Model(
            year: 2025,
            egeCharts: [(title: "ЕГЭ, русский язык", series: [
                Charts.Series(name: "МБОУ СОШ № 1", points: [(2023, 58.5), (2024, 60.0), (2025, 62.0)], style: .school),
                Charts.Series(name: "Регион", points: [(2023, 66.0), (2024, 66.5), (2025, 67.0)], style: .reference)])],
            vprCharts: [(title: "ВПР, математика, 5 класс", bars: [
                Charts.Bar(label: "2024", shares: [8, 40, 40, 12], participants: 25),
                Charts.Bar(label: "2025", shares: [48, 32, 16, 4], participants: 25)])],
            result: MonitoringFixture.result.school("ARM-001"),
            notes: ["Эталон показателя 1 — средний балл ЕГЭ по региону."],
            years: MonitoringFixture.years, schoolID: Self.id(1))
        model.oge = [
            .init(subject: "russian", year: 2025, participants: 48, averageMark: "3.4", averageScore: "24.1", belowShare: Rational(125, 10), belowHow: "из числа отметок"),
            .init(subject: "math", year: 2025, participants: 48, averageMark: "2.9", averageScore: nil, belowShare: Rational(35), belowHow: "как опубликовано"),
        ]
        let ctx = Self.specialist("Результаты: МБОУ СОШ № 1", section: .schools,
                                  crumbs: [Crumb("Обзор", "/"), Crumb("Школы", "/schools"), Crumb("МБОУ СОШ № 1", "/schools/" + Self.id(1)), Crumb("Результаты")])
        assertSnapshot(html: Self.page(ctx, SchoolResultsView.body(model)), named: "SchoolResultsView")
    }
}
