import Plot
import Domain

/// «Итоги учебных периодов»: success and quality rates by school, groups and recommendations.
public enum TermAnalysisView {
    public static let periods = [Option("q1", "1 четверть"), Option("q2", "2 четверть"), Option("q3", "3 четверть"), Option("q4", "4 четверть"),
                                 Option("h1", "1 полугодие"), Option("h2", "2 полугодие"), Option("year", "Год")]

    public static func body(_ r: TermAnalysis.Result, names: [String: String], links: [String: String], path: String, query: [String: String],
                            thresholds: (success: Int, quality: Int), years: [Option]) -> Node<HTML.BodyContext> {
        let filters = Form.filters(path: path, .group([
            Form.select("year", "Учебный год (год начала)", options: years, selected: query["year"] ?? "", errors: []),
            Form.select("period", "Период", options: periods, selected: query["period"] ?? "q1", errors: []),
        ]))
        guard !r.schools.isEmpty else {
            return .group(filters, Components.emptyState("Итоги этого периода не загружены — загрузите файл «Итоги четверти (полугодия)».",
                                                         action: (title: "Загрузка результатов", url: "/monitoring/imports")))
        }
        let summary = "По муниципалитету: успеваемость \(r.municipalSuccess?.ru(1) ?? "—") %, качество знаний \(r.municipalQuality?.ru(1) ?? "—") % "
            + "(средневзвешенные по числу обучающихся). Пороги: успеваемость ниже \(thresholds.success) %, качество ниже \(thresholds.quality) %."
        return .group(
            filters,
            .p(.class("muted"), .safe(summary)),
            .group(TermAnalysis.Group.allCases.compactMap { g in
                let members = r.members(g)
                guard !members.isEmpty else { return nil }
                return Components.section("\(g.title) — \(members.count)", .group(
                    .p(.strong(.safe("Рекомендации: ")), .safe(g.recommendation)),
                    Components.table([Column("Школа"), Column("Обучающихся", numeric: true), Column("Успеваемость, %", numeric: true),
                                      Column("Качество знаний, %", numeric: true), Column("Слабее всего")],
                                     rows: members.map { s in
                                         [links[s.code].map { Components.link(names[s.code] ?? s.code, $0) } ?? .safe(names[s.code] ?? s.code),
                                          .safe(String(s.participants)), .safe(s.success.ru(1)), .safe(s.quality.ru(1)),
                                          .safe(s.weakestSubjects.map(MonitoringSubject.title).joined(separator: ", "))]
                                     }, empty: .empty)
                ))
            })
        )
    }
}
