import Plot
import Domain

/// «Школы»: the registry with filters that stay in the URL.
public enum SchoolIndex {
    public struct Row: Sendable {
        public var id: String, code: String, shortName: String, fullName: String, municipality: String, kind: String
        public var director: String, fisOkoLogin: String, giaCode: String
        public var badges: [(String, Components.BadgeKind)]
        public init(id: String, code: String, shortName: String, fullName: String, municipality: String, kind: String, director: String,
                    fisOkoLogin: String, giaCode: String, badges: [(String, Components.BadgeKind)]) {
            self.id = id; self.code = code; self.shortName = shortName; self.fullName = fullName; self.municipality = municipality
            self.kind = kind; self.director = director; self.fisOkoLogin = fisOkoLogin; self.giaCode = giaCode; self.badges = badges
        }
    }

    public struct Model: Sendable {
        public var rows: [Row]
        public var total: Int
        public var page: Int, pageCount: Int
        public var municipalities: [Option]
        public var years: [Option]
        public var filter: [String: String]     // municipality, status, year, q, sort, dir
        public var canCreate: Bool
        public var showMunicipality: Bool
        public init(rows: [Row], total: Int, page: Int, pageCount: Int, municipalities: [Option], years: [Option],
                    filter: [String: String], canCreate: Bool, showMunicipality: Bool) {
            self.rows = rows; self.total = total; self.page = page; self.pageCount = pageCount; self.municipalities = municipalities
            self.years = years; self.filter = filter; self.canCreate = canCreate; self.showMunicipality = showMunicipality
        }
        func f(_ k: String) -> String { filter[k] ?? "" }
        var baseQuery: [(String, String)] { ["municipality", "status", "year", "q"].map { ($0, f($0)) } }
    }

    public static let statusOptions = [Option("any", "ШНОР или ШССУ"), Option("low_results", "ШНОР"), Option("difficult", "ШССУ"),
                                       Option("program_500", "«500+»"), Option("objectivity_risk", "Риск необъективности"),
                                       Option("none", "Без статуса")]

    public static func filters(_ m: Model) -> Node<HTML.BodyContext> {
        Form.filters(path: SiteURL.schools.path, .group([
            m.municipalities.count > 1
                ? Form.select("municipality", "Муниципалитет", options: m.municipalities, selected: m.f("municipality"), errors: [], includeBlank: "Все")
                : .empty,
            Form.select("year", "Год статуса", options: m.years, selected: m.f("year"), errors: []),
            Form.select("status", "Статус", options: statusOptions, selected: m.f("status"), errors: [], includeBlank: "Все школы"),
            Form.text("q", "Поиск", value: m.f("q"), errors: [], type: "search", hint: nil),
        ]))
    }

    public static func body(_ m: Model) -> Node<HTML.BodyContext> {
        var columns = [Column("Школа", sortKey: "name")]
        if m.showMunicipality { columns.append(Column("Муниципалитет", sortKey: "municipality")) }
        columns += [Column("Код", sortKey: "code"), Column("Статус"), Column("Директор"), Column("ФИС ОКО"), Column("Код ОО")]
        let rows: [[Node<HTML.BodyContext>]] = m.rows.map { r in
            var cells: [Node<HTML.BodyContext>] = [
                .group(.a(.href(SiteURL.school(r.id).path), .safe(r.shortName)), .div(.class("muted small"), .safe(r.fullName))),
            ]
            if m.showMunicipality { cells.append(.safe(r.municipality)) }
            cells += [
                .span(.class("nowrap"), .safe(r.code)),
                .group(r.badges.map { Components.badge($0.0, $0.1) }),
                .safe(r.director),
                .safe(r.fisOkoLogin),
                .safe(r.giaCode),
            ]
            return cells
        }
        let sort = SortState(key: m.f("sort").isEmpty ? "name" : m.f("sort"), ascending: m.f("dir") != "desc", baseQuery: m.baseQuery)
        let empty = m.canCreate
            ? Components.emptyState("Школ по этим условиям нет. Измените фильтры или добавьте школы — по одной или загрузкой файла.", action: (title: "Загрузить школы из файла", url: SiteURL.adminImports.path))
            : Components.emptyState("Школ по этим условиям нет. Измените фильтры.")
        return .group(
            filters(m),
            Components.table(columns, rows: rows, sort: sort, count: m.total, empty: empty),
            Components.pagination(page: m.page, pageCount: m.pageCount, baseQuery: m.baseQuery + [("sort", m.f("sort")), ("dir", m.f("dir"))], path: SiteURL.schools.path)
        )
    }

    public static func actions(_ m: Model) -> Node<HTML.BodyContext> {
        guard m.canCreate else { return .empty }
        return .group(Components.buttonLink("Загрузить из файла", SiteURL.adminImports.path), Components.buttonLink("Добавить школу", SiteURL.schoolNew.path, primary: true))
    }
}
