import Plot
import Domain

/// Clusters, effectiveness over years and the region view of the results monitoring.
public enum MonitoringPages {
    public static func clusters(_ clusters: [Cluster], names: [String: String], links: [String: String]) -> Node<HTML.BodyContext> {
        guard !clusters.isEmpty else { return Components.emptyState("Нет школ для группировки: загрузите результаты ЕГЭ и ВПР.") }
        return .group(
            .p(.class("muted"), .safe("Школы сгруппированы по профилю проблем (Концепция, п. 7.1): каждая школа попадает в первый подходящий кластер по порядку правил; одни и те же данные всегда дают одни и те же кластеры.")),
            .group(clusters.map { c in
                Components.section("\(c.title) — \(c.members.count)", .group(
                    .p(.safe(c.description)),
                    .ul(.class("member-list"), .forEach(c.members) { code in
                        .li(links[code].map { Components.link(names[code] ?? code, $0) } ?? .safe(names[code] ?? code))
                    })
                ))
            })
        )
    }

    public struct EffectivenessRow: Sendable {
        public var label: String, year: Int, count: Int, change: String, entered: [String], left: [String]
        public init(label: String, year: Int, count: Int, change: String, entered: [String], left: [String]) {
            self.label = label; self.year = year; self.count = count; self.change = change; self.entered = entered; self.left = left
        }
    }

    public static func effectiveness(_ rows: [EffectivenessRow], statusTitle: String, trends: [(String, String)]) -> Node<HTML.BodyContext> {
        .group(
            .p(.class("muted"), .safe("Ключевой показатель эффективности мер (Концепция, п. 7.5) — снижение количества школ со статусом; сравнивается каждый год с предыдущим годом, за который есть данные.")),
            Charts.columns(title: "Школ со статусом «\(statusTitle)» по годам", items: rows.map { (label: $0.label, value: $0.count) }),
            Components.table([Column("Год"), Column("Школ", numeric: true), Column("Изменение", numeric: true), Column("Вошли в перечень"), Column("Вышли из перечня")],
                             rows: rows.map { r in [.safe(r.label), .safe(String(r.count)), .safe(r.change),
                                                    .safe(r.entered.isEmpty ? "—" : r.entered.joined(separator: ", ")),
                                                    .safe(r.left.isEmpty ? "—" : r.left.joined(separator: ", "))] },
                             empty: Components.emptyState("Статусы школ по годам не внесены.")),
            trends.isEmpty ? .empty : Components.section("Динамика результатов: средний балл ЕГЭ по муниципалитету", Components.details(trends.map { ($0.0, .safe($0.1)) }))
        )
    }

    public struct RegionRow: Sendable {
        public var municipality: String, schools: Int, negative1: Int, negative2: Int, both: Int, risk: Int, excluded: Int
        public init(municipality: String, schools: Int, negative1: Int, negative2: Int, both: Int, risk: Int, excluded: Int) {
            self.municipality = municipality; self.schools = schools; self.negative1 = negative1; self.negative2 = negative2
            self.both = both; self.risk = risk; self.excluded = excluded
        }
    }

    public static func region(_ rows: [RegionRow], notes: [String], summary: Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        .group(
            .div(.class("method-notes"), .ul(.forEach(notes) { .li(.safe($0)) })),
            Components.table([Column("Муниципалитет"), Column("Школ", numeric: true), Column("Отриц. по показателю 1", numeric: true),
                              Column("Отриц. по показателю 2", numeric: true), Column("По обоим", numeric: true),
                              Column("Группа риска", numeric: true), Column("Исключено результатов", numeric: true)],
                             rows: rows.map { r in [.safe(r.municipality), .safe(String(r.schools)), .safe(String(r.negative1)), .safe(String(r.negative2)),
                                                    .safe(String(r.both)), .safe(String(r.risk)), .safe(String(r.excluded))] },
                             count: rows.count, empty: Components.emptyState("Нет муниципалитетов.")),
            summary
        )
    }
}
