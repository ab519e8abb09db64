import Plot
import Domain

/// What every monitoring page shows above its body: the tabs the user may open, and the
/// municipality/year filter (pages with their own filter form leave it out).
public enum MonitoringShell {
    public struct Tab: Sendable { public var title: String, url: String, current: Bool
        public init(title: String, url: String, current: Bool) { self.title = title; self.url = url; self.current = current }
    }

    public struct Model: Sendable {
        public var tabs: [Tab]
        /// The filter's form action; nil when the page has its own filters.
        public var filterPath: String?
        public var municipalities: [Option]
        public var municipalityID: String
        public var years: [Option]
        public var year: Int
        public init(tabs: [Tab], filterPath: String?, municipalities: [Option], municipalityID: String, years: [Option], year: Int) {
            self.tabs = tabs; self.filterPath = filterPath; self.municipalities = municipalities; self.municipalityID = municipalityID
            self.years = years; self.year = year
        }
    }

    public static func body(_ m: Model, _ page: Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        .group(Components.tabs(m.tabs.map { (title: $0.title, url: $0.url, current: $0.current) }), m.filterPath.map { filter(m, path: $0) } ?? .empty, page)
    }

    static func filter(_ m: Model, path: String) -> Node<HTML.BodyContext> {
        Form.filters(path: path, .group([
            m.municipalities.count > 1 ? Form.select("municipality", "Муниципалитет", options: m.municipalities, selected: m.municipalityID, errors: []) : .empty,
            Form.select("year", "Мониторинг года", options: m.years, selected: String(m.year), errors: []),
        ]))
    }

    /// The summary table's exports and print view.
    public static func summaryActions(xlsx: String, csv: String, print: String) -> Node<HTML.BodyContext> {
        .group(Components.buttonLink("XLSX", xlsx), Components.buttonLink("CSV", csv), Components.buttonLink("Версия для печати", print))
    }
}
