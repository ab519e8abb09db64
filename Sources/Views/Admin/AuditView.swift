import Plot
import Domain

public enum AuditView {
    public struct Row: Sendable {
        public var at: String, user: String, action: String, entity: String, label: String, url: String?, before: String?, after: String?
        public init(at: String, user: String, action: String, entity: String, label: String, url: String?, before: String?, after: String?) {
            self.at = at; self.user = user; self.action = action; self.entity = entity; self.label = label; self.url = url
            self.before = before; self.after = after
        }
    }
    public struct Model: Sendable {
        public var rows: [Row], total: Int, page: Int, pageCount: Int, filter: [String: String], entities: [Option], actions: [Option]
        public init(rows: [Row], total: Int, page: Int, pageCount: Int, filter: [String: String], entities: [Option], actions: [Option]) {
            self.rows = rows; self.total = total; self.page = page; self.pageCount = pageCount; self.filter = filter
            self.entities = entities; self.actions = actions
        }
        var baseQuery: [(String, String)] { ["entity", "action", "user", "from", "to"].map { ($0, filter[$0] ?? "") } }
    }

    public static func body(_ m: Model) -> Node<HTML.BodyContext> {
        let f = { (k: String) in m.filter[k] ?? "" }
        let rows: [[Node<HTML.BodyContext>]] = m.rows.map { r in
            [.safe(r.at), .safe(r.user), .safe(r.action), .safe(r.entity), r.url.map { Components.link(r.label, $0) } ?? .safe(r.label), change(r)]
        }
        return .group(
            Form.filters(path: SiteURL.adminAudit.path, .group([
                Form.select("entity", "Объект", options: m.entities, selected: f("entity"), errors: [], includeBlank: "Все"),
                Form.select("action", "Действие", options: m.actions, selected: f("action"), errors: [], includeBlank: "Все"),
                Form.text("user", "Пользователь (логин)", value: f("user"), errors: []),
                Form.text("from", "С даты", value: f("from"), errors: [], type: "date"),
                Form.text("to", "По дату", value: f("to"), errors: [], type: "date"),
            ])),
            Components.table([Column("Когда"), Column("Кто"), Column("Действие"), Column("Объект"), Column("Запись"), Column("Изменения")],
                             rows: rows, count: m.total, empty: Components.emptyState("Записей журнала по этим условиям нет.")),
            Components.pagination(page: m.page, pageCount: m.pageCount, baseQuery: m.baseQuery, path: SiteURL.adminAudit.path)
        )
    }

    static func change(_ r: Row) -> Node<HTML.BodyContext> {
        if r.before == nil && r.after == nil { return .safe("—") }
        return .details(.summary(.safe("до / после")),
                        .div(.class("diff"),
                             .div(.strong(.safe("До: ")), .code(.safe(r.before ?? "—"))),
                             .div(.strong(.safe("После: ")), .code(.safe(r.after ?? "—")))))
    }
}
