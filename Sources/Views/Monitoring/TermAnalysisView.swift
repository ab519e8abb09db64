import Plot
import Domain

/// «Итоги учебных периодов»: success and quality rates by school, groups and recommendations.
public enum TermAnalysisView {
    public static let periods = [Option("q1", "1 четверть"), Option("q2", "2 четверть"), Option("q3", "3 четверть"), Option("q4", "4 четверть"),
                                 Option("h1", "1 полугодие"), Option("h2", "2 полугодие"), Option("year", "Год")]

    /// The comparison with the previous period of the same school year (nil for the first one).
    public struct Dynamics: Sendable {
        public var previousTitle: String
        public var changes: [String: TermAnalysis.Change]
        public var previousLoaded: Bool
        public init(previousTitle: String, changes: [String: TermAnalysis.Change], previousLoaded: Bool) {
            self.previousTitle = previousTitle; self.changes = changes; self.previousLoaded = previousLoaded
        }
    }

    public static func body(_ r: TermAnalysis.Result, names: [String: String], links: [String: String], path: String, query: [String: String],
                            thresholds: (success: Int, quality: Int), years: [Option], dynamics: Dynamics? = nil,
                            municipalities: [Option] = []) -> Node<HTML.BodyContext> {
        let filters = Form.filters(path: path, .group([
            municipalities.isEmpty ? .empty
                : Form.select("municipality", "Муниципалитет", options: municipalities, selected: query["municipality"] ?? "", errors: []),
            Form.select("year", "Учебный год (год начала)", options: years, selected: query["year"] ?? "", errors: []),
            Form.select("period", "Период", options: periods, selected: query["period"] ?? "q1", errors: []),
        ]))
        guard !r.schools.isEmpty else {
            return .group(filters, Components.emptyState("Итоги этого периода не загружены — загрузите файл «Итоги четверти (полугодия)».",
                                                         action: (title: "Загрузка результатов", url: SiteURL.monitoring(.imports).path)))
        }
        let summary = "По муниципалитету: успеваемость \(r.municipalSuccess?.ru(1) ?? "—") %, качество знаний \(r.municipalQuality?.ru(1) ?? "—") % "
            + "(средневзвешенные по числу обучающихся). Пороги (настройка мониторинга): успеваемость ниже \(thresholds.success) %, качество ниже \(thresholds.quality) %."
        let dynamicsNote: String = {
            guard let d = dynamics else { return "Это первый период учебного года: сравнивать не с чем." }
            guard d.previousLoaded else { return "Итоги периода «\(d.previousTitle)» не загружены: динамику показать нельзя." }
            return "Динамика — изменение к периоду «\(d.previousTitle)» в процентных пунктах (те же пороги для обоих периодов)."
        }()
        return .group(
            filters,
            .p(.class("muted"), .safe(summary)),
            .p(.class("muted"), .safe(dynamicsNote)),
            .group(TermAnalysis.Group.allCases.compactMap { g in
                let members = r.members(g)
                guard !members.isEmpty else { return nil }
                return Components.section("\(g.title) — \(members.count)", .group(
                    .p(.strong(.safe("Рекомендации: ")), .safe(g.recommendation)),
                    Components.table([Column("Школа"), Column("Обучающихся", numeric: true), Column("Успеваемость, %", numeric: true),
                                      Column("Качество знаний, %", numeric: true), Column("Δ успеваемости, п. п.", numeric: true),
                                      Column("Δ качества, п. п.", numeric: true), Column("В прошлом периоде"), Column("Слабее всего")],
                                     rows: members.map { s in
                                         let c = dynamics?.changes[s.code]
                                         return [links[s.code].map { Components.link(names[s.code] ?? s.code, $0) } ?? .safe(names[s.code] ?? s.code),
                                                 .safe(String(s.participants)), .safe(s.success.ru(1)), .safe(s.quality.ru(1)),
                                                 .safe(c.map { MonFormat.signed($0.success, 1) } ?? "—"), .safe(c.map { MonFormat.signed($0.quality, 1) } ?? "—"),
                                                 .safe(c.map { $0.previousGroup == s.group ? "в той же группе" : $0.previousGroup.title } ?? "нет данных"),
                                                 .safe(s.weakestSubjects.map(MonitoringSubject.title).joined(separator: ", "))]
                                     }, empty: .empty)
                ))
            })
        )
    }
}
