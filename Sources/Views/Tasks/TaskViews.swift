import Plot
import Domain

/// «Мои задачи» and the notification list.
public enum TaskPages {
    public struct Row: Sendable {
        public var area = "", title = "", detail = "", due = "", overdue = false, url = ""
        public init() {}
        public init(_ t: TaskItem, today: CalendarDay) {
            area = t.area.title; title = t.title; detail = t.detail; due = t.due?.ru ?? ""; overdue = t.isOverdue(today: today) || (t.urgent && t.due == nil); url = t.url
            if t.isOverdue(today: today) { overdue = true }
        }
    }

    public struct Model: Sendable {
        public var today = "", rows: [Row] = [], overdueCount = 0
        public init() {}
    }

    public struct NotificationRow: Sendable {
        public var kind = "", text = "", when = "", read = false, openAction = ""
        public init() {}
    }

    public struct NotificationsModel: Sendable {
        public var rows: [NotificationRow] = [], unread = 0, readAllAction = "", csrf = ""
        public init() {}
    }

    public static func dueCell(_ r: Row) -> Node<HTML.BodyContext> {
        if r.due.isEmpty { return r.overdue ? Components.badge("срочно", .warning) : .span(.class("muted"), .safe("без срока")) }
        return r.overdue ? .group(.safe(r.due + " "), Components.badge("просрочено", .danger)) : .safe(r.due)
    }

    public static func table(_ rows: [Row]) -> Node<HTML.BodyContext> {
        Components.table([Column("Срок"), Column("Что сделать"), Column("Раздел")], rows: rows.map { r in
            [dueCell(r), .group(Components.link(r.title, r.url), r.detail.isEmpty ? .empty : .div(.class("muted"), .safe(r.detail))), .safe(r.area)]
        }, empty: Components.emptyState("Сроков на ближайшие 30 дней нет и ничего не просрочено."))
    }

    public static func index(_ m: Model) -> ControlPage {
        let body: Node<HTML.BodyContext> = .group(
            .p(.class("muted"), .safe("На \(m.today): пункты планов, шаги маршрутов, решения и рекомендации, проверка и сдача документов школ. Сначала просроченные, затем по сроку (на 30 дней вперёд)."
                                      + (m.overdueCount > 0 ? " Просрочено: \(m.overdueCount)." : ""))),
            Components.section("Мои задачи", .div(.class("stack-phone"), table(m.rows))),
            .p(Components.link("Уведомления", SiteURL.control(.notifications).path))
        )
        return ControlPage(title: "Мои задачи", crumbs: [Crumb("Обзор", SiteURL.home.path), Crumb("Мои задачи")], body: body)
    }

    public static func notifications(_ m: NotificationsModel) -> ControlPage {
        let body: Node<HTML.BodyContext> = .group(
            m.unread > 0 ? .div(.class("panel-actions"), Components.postButton("Отметить все прочитанными", action: m.readAllAction, csrf: m.csrf)) : .empty,
            Components.section("Уведомления" + (m.unread > 0 ? ": непрочитанных \(m.unread)" : ""), .div(.class("stack-phone"), Components.table(
                [Column("Когда"), Column("Что"), Column("")],
                rows: m.rows.map { r in
                    [.safe(r.when),
                     .group(r.read ? .empty : .group(Components.badge("новое", .warning), .safe(" ")), .strong(.safe(r.kind)), .div(.safe(r.text))),
                     Components.postButton("Открыть", action: r.openAction, csrf: m.csrf)]
                }, empty: Components.emptyState("Уведомлений нет: здесь появятся новые решения, адресованные вам, и итоги проверки документов."))))
        )
        return ControlPage(title: "Уведомления", crumbs: [Crumb("Обзор", SiteURL.home.path), Crumb("Уведомления")], body: body)
    }
}
