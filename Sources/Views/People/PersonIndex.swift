import Plot
import Domain

public enum PersonIndex {
    public struct Row: Sendable {
        public var id: String, name: String, organisation: String, position: String, functions: String, subjects: String, category: String
        public init(id: String, name: String, organisation: String, position: String, functions: String, subjects: String, category: String) {
            self.id = id; self.name = name; self.organisation = organisation; self.position = position; self.functions = functions
            self.subjects = subjects; self.category = category
        }
    }
    public struct Model: Sendable {
        public var rows: [Row], total: Int, page: Int, pageCount: Int
        public var municipalities: [Option], filter: [String: String], canCreate: Bool
        public init(rows: [Row], total: Int, page: Int, pageCount: Int, municipalities: [Option], filter: [String: String], canCreate: Bool) {
            self.rows = rows; self.total = total; self.page = page; self.pageCount = pageCount; self.municipalities = municipalities
            self.filter = filter; self.canCreate = canCreate
        }
        func f(_ k: String) -> String { filter[k] ?? "" }
        var baseQuery: [(String, String)] { ["municipality", "function", "q"].map { ($0, f($0)) } }
    }

    public static func body(_ m: Model) -> Node<HTML.BodyContext> {
        let functions = PersonFunction.allCases.map { Option($0.rawValue, $0.title) }
        let rows: [[Node<HTML.BodyContext>]] = m.rows.map { r in
            [Components.link(r.name, SiteURL.person(r.id).path), .safe(r.organisation), .safe(r.position), .safe(r.functions), .safe(r.subjects), .safe(r.category)]
        }
        return .group(
            Form.filters(path: SiteURL.people.path, .group([
                m.municipalities.count > 1
                    ? Form.select("municipality", "Муниципалитет", options: m.municipalities, selected: m.f("municipality"), errors: [], includeBlank: "Все")
                    : .empty,
                Form.select("function", "Роль", options: functions, selected: m.f("function"), errors: [], includeBlank: "Все"),
                Form.text("q", "Поиск по ФИО или предмету", value: m.f("q"), errors: [], type: "search"),
            ])),
            Components.table([Column("ФИО"), Column("Организация"), Column("Должность"), Column("Роли"), Column("Предметы"), Column("Категория")],
                             rows: rows, count: m.total,
                             empty: Components.emptyState("Никого не найдено. Измените фильтры или загрузите файл кадров.")),
            Components.pagination(page: m.page, pageCount: m.pageCount, baseQuery: m.baseQuery, path: SiteURL.people.path)
        )
    }

    public static func actions(_ m: Model) -> Node<HTML.BodyContext> {
        m.canCreate ? .group(Components.buttonLink("Загрузить кадры", SiteURL.adminImports.path), Components.buttonLink("Добавить человека", SiteURL.personNew().path, primary: true)) : .empty
    }
}

public enum PersonShow {
    public struct Link: Sendable {
        public var kind: String, title: String, url: String?, order: String, deleteURL: String?
        public var span: String, ended: Bool, overCapacity: Bool, endURL: String?
        public init(kind: String, title: String, url: String?, order: String, deleteURL: String?,
                    span: String = "", ended: Bool = false, overCapacity: Bool = false, endURL: String? = nil) {
            self.kind = kind; self.title = title; self.url = url; self.order = order; self.deleteURL = deleteURL
            self.span = span; self.ended = ended; self.overCapacity = overCapacity; self.endURL = endURL
        }
    }
    public struct Model: Sendable {
        public var id: String, details: [(String, String)], functions: [String]
        public var links: [Link], canEdit: Bool, canAssignTutorant: Bool, teacherOptions: [Option], csrf: String
        /// A supporter's load against capacity («3 из 5»), and the form of their own capacity (the center's).
        public var load: String? = nil, capacityURL: String? = nil, capacity: String = "", regionalTraining = false
        public init(id: String, details: [(String, String)], functions: [String], links: [Link], canEdit: Bool,
                    canAssignTutorant: Bool, teacherOptions: [Option], csrf: String) {
            self.id = id; self.details = details; self.functions = functions; self.links = links; self.canEdit = canEdit
            self.canAssignTutorant = canAssignTutorant; self.teacherOptions = teacherOptions; self.csrf = csrf
        }
    }

    public static func actions(_ m: Model) -> Node<HTML.BodyContext> {
        m.canEdit ? Components.buttonLink("Редактировать", SiteURL.personEdit(m.id).path, primary: true) : .empty
    }

    public static func body(_ m: Model) -> Node<HTML.BodyContext> {
        let rows: [[Node<HTML.BodyContext>]] = m.links.map { l in
            return [.safe(l.kind), .group(l.url.map { Components.link(l.title, $0) } ?? .safe(l.title), SchoolSupport.flags(ended: l.ended, overCapacity: l.overCapacity)),
                    .safe(l.order), .safe(l.span.isEmpty ? "—" : l.span), SchoolSupport.actions(endURL: l.endURL, deleteURL: l.deleteURL, csrf: m.csrf, replacing: "тьютора")]
        }
        return .group(
            .p(.group(m.functions.map { Components.badge($0, .neutral) })),
            Components.section("Сведения", Components.details(m.details.map { ($0.0, .safe($0.1)) })),
            Components.section("Закрепления", .group(
                m.load.map { .p(.strong(.safe("Нагрузка: ")), .safe($0)) } ?? .empty,
                Components.table([Column("Вид"), Column("С кем"), Column("Приказ"), Column("Срок"), Column("")], rows: rows,
                                 empty: Components.emptyState("Закреплений нет.")),
                m.capacityURL.map { url in Components.disclosure("Норма нагрузки и подготовка", Form.form(action: url, csrf: m.csrf, .group(
                    Form.text("capacity", "Сколько школ или педагогов одновременно", value: m.capacity, errors: [], type: "number",
                              hint: "Пусто — норма муниципалитета"),
                    Form.checkbox("regional_training", "Прошёл(а) обучение как региональный тьютор", checked: m.regionalTraining)
                ), submit: "Сохранить")) } ?? .empty,
                m.canAssignTutorant ? .div(.class("assign-form"), Form.form(action: SiteURL.personTutorants(m.id).path, csrf: m.csrf, .group(
                    Form.row(
                        Form.select("teacher_id", "Закрепить тьюторанта (педагога)", options: m.teacherOptions, selected: "", errors: [], required: true),
                        Form.text("order_number", "Номер приказа", value: "", errors: []),
                        Form.text("order_date", "Дата приказа", value: "", errors: [], type: "date")
                    ),
                    SchoolSupport.periodFields()
                ), submit: "Закрепить тьюторанта")) : .empty
            ))
        )
    }
}
