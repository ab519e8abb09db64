import Plot
import Domain

/// The summary table of the monitoring of the dynamics of educational results (DOMAIN §4).
public enum MonitoringSummaryView {
    public struct Model: Sendable {
        public var result: MonitoringResult
        public var filter: SummaryFilter
        public var schoolLinks: [String: String]
        public var contextTitles: [(String, String)]
        public var municipalities: [Option]
        public var years: [Option]
        public var query: [String: String]
        public var showMunicipality: Bool
        public var notes: [String]
        /// School code → municipality name, for views across municipalities.
        public var municipalityOf: [String: String]
        /// Where a specialist confirms a proposed exclusion (nil when the user may not).
        public var confirmAction: String? = nil
        public var csrf: String = ""
        /// The status words of each school's municipality (by municipality name), from the registry.
        public var statusWords: [String: StatusWords] = [:]
        /// When the user issues recommendations: the municipality and the schools' ids (code → id) for
        /// the row's «Рекомендация» link (Views/Decisions/MonitoringRecommendation.swift).
        public var recommendMunicipality: String? = nil
        public var schoolIDs: [String: String] = [:]
        public init(result: MonitoringResult, filter: SummaryFilter, schoolLinks: [String: String], contextTitles: [(String, String)],
                    municipalities: [Option], years: [Option], query: [String: String], showMunicipality: Bool, notes: [String],
                    municipalityOf: [String: String] = [:]) {
            self.municipalityOf = municipalityOf
            self.result = result; self.filter = filter; self.schoolLinks = schoolLinks; self.contextTitles = contextTitles
            self.municipalities = municipalities; self.years = years; self.query = query; self.showMunicipality = showMunicipality; self.notes = notes
        }
        var baseQuery: [(String, String)] { ["municipality", "year", "filter"].map { ($0, query[$0] ?? "") } }
    }

    public static func filters(_ m: Model, path: String) -> Node<HTML.BodyContext> {
        Form.filters(path: path, .group([
            m.municipalities.count > 1
                ? Form.select("municipality", "Муниципалитет", options: m.municipalities, selected: m.query["municipality"] ?? "", errors: [])
                : .empty,
            Form.select("year", "Мониторинг года", options: m.years, selected: m.query["year"] ?? "", errors: []),
            Form.select("filter", "Какие школы", options: SummaryFilter.allCases.map { Option($0.rawValue, $0.title) },
                        selected: m.filter.rawValue, errors: []),
        ]))
    }

    public static func rows(_ m: Model) -> [SchoolResult] {
        SummaryOrder(query: m.query["sort"]).apply(m.result.summary(m.filter))
    }

    public static func table(_ m: Model) -> Node<HTML.BodyContext> {
        let s = m.result.settings
        // Kinds give the printed table its widths (Stylesheet+Print): paper cannot scroll sideways.
        var columns = [Column("Школа", sortKey: "name", kind: "col-school")]
        columns += s.egeSubjects.map { Column("Показатель 1: ЕГЭ, \(MonFormat.subject($0))", sortKey: $0 == s.egeSubjects.first ? "d1" : nil, kind: "col-indicator") }
        columns += [Column("Показатель 2: ВПР, отрицательная динамика", sortKey: "d2", kind: "col-indicator"),
                    Column("Резкое изменение (|Δ| > \(s.threshold))", kind: "col-sharp"),
                    Column("Исключено / признаки необъективности", kind: "col-text")]
        columns += m.contextTitles.map { Column($0.1, numeric: true, kind: "col-context") }
        let body: [[Node<HTML.BodyContext>]] = rows(m).map { r in row(r, m) }
        let sort = SortState(key: m.query["sort"] ?? "name", ascending: true, baseQuery: m.baseQuery)
        return Components.table(columns, rows: body, sort: sort, count: body.count,
                                empty: Components.emptyState("Школ с отрицательной динамикой нет — или результаты за эти годы ещё не загружены. Загрузите файлы ЕГЭ и ВПР в разделе «Загрузка результатов».",
                                                             action: (title: "Загрузка результатов", url: SiteURL.monitoring(.imports).path)))
    }

    static func row(_ r: SchoolResult, _ m: Model) -> [Node<HTML.BodyContext>] {
        let s = m.result.settings
        var badges: [Node<HTML.BodyContext>] = []
        let words = m.statusWords[r.school.municipality] ?? StatusWords()
        if r.school.statuses.contains(.lowResults) { badges.append(Components.badge(words.low, .lowResults)) }
        if r.school.statuses.contains(.difficultConditions) { badges.append(Components.badge(words.difficult, .difficult)) }
        if r.federalRisk.isAtRisk { badges.append(Components.badge("группа риска", .risk)) }
        if r.onRosobrnadzorList { badges.append(Components.badge("список Рособрнадзора", .objectivity)) }
        let name: Node<HTML.BodyContext> = m.schoolLinks[r.school.code].map { Components.link(r.school.name, $0) } ?? .safe(r.school.name)
        var cells: [Node<HTML.BodyContext>] = [.group(name, m.showMunicipality ? MonFormat.line(m.municipalityOf[r.school.code] ?? r.school.municipality) : .empty, .div(.group(badges)),
                                                      recommendationLink(r, m))]
        for subject in s.egeSubjects {
            cells.append(r.indicator1.first { $0.subject == subject }.map(MonFormat.indicator1) ?? .safe("нет данных"))
        }
        let negative2 = r.indicator2.filter(\.inSummary)
        cells.append(negative2.isEmpty ? .safe("—") : .group(negative2.map { MonFormat.indicator2($0, reading: s.reading) }))
        let sharp = r.sharpChanges
        cells.append(sharp.isEmpty ? .safe("—") : .group(sharp.map { MonFormat.line("\(MonFormat.subject($0.subject)), \($0.grade) кл.: Δ(\($0.change.mark)) = \(MonFormat.signed($0.change.delta, 1))") }))
        var flags: [Node<HTML.BodyContext>] = r.exclusions.map { MonFormat.line("Исключено: " + $0.reason) }
        flags += r.proposedExclusions.map { e in
            .group(MonFormat.line("Предложено исключить (нужно подтверждение специалиста): " + e.reason),
                   m.confirmAction.map { Components.postButton("Подтвердить исключение", action: $0 + "&result=" + Components.percentEncode(e.resultID), csrf: m.csrf) } ?? .empty)
        }
        if r.federalRisk.isAtRisk { flags.append(MonFormat.line(r.federalRisk.reason)) }
        cells.append(flags.isEmpty ? .safe("—") : .group(flags))
        cells += m.contextTitles.map { .safe(r.school.context[$0.0] ?? "—") }
        return cells
    }

    public static func body(_ m: Model, path: String) -> Node<HTML.BodyContext> {
        .group(
            filters(m, path: path),
            .div(.class("method-notes"), .ul(.forEach(m.notes) { .li(.safe($0)) })),
            table(m)
        )
    }
}
