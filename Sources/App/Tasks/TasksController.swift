import Vapor
import Fluent
import Views
import Domain

/// «Мои задачи» and the notification list of the signed-in user; a notification is marked read when opened.
enum TasksController {
    static func render(_ req: Request, _ page: ControlPage, status: HTTPStatus = .ok) -> Response {
        req.page(page.title, section: .overview, crumbs: page.crumbs, status: status, page.body)
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let today = PlanService.today(req)
        let items = try await MyTasks.tasks(try req.principal(), today: today, on: req.db)
        var m = TaskPages.Model()
        m.today = today.ru; m.rows = items.map { TaskPages.Row($0, today: today) }
        m.overdueCount = items.filter { $0.isOverdue(today: today) }.count
        return render(req, TaskPages.index(m))
    }

    @Sendable static func notifications(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let rows = try await UserNotification.query(on: req.db).filter(\.$user.$id == user.id).sort(\.$createdAt, .descending).limit(200).all()
        var m = TaskPages.NotificationsModel()
        m.rows = rows.map { n in
            var r = TaskPages.NotificationRow()
            r.kind = NotificationKind(rawValue: n.kind)?.title ?? n.kind; r.text = n.text
            r.when = RuFormat.dateTime(n.createdAt, timeZone: PlanService.zone); r.read = n.readAt != nil
            r.openAction = SiteURL.control(.notificationOpen(n.id!.uuidString)).path
            return r
        }
        m.unread = rows.filter { $0.readAt == nil }.count
        m.readAllAction = SiteURL.control(.notificationsReadAll).path; m.csrf = req.csrfToken
        return render(req, TaskPages.notifications(m))
    }

    /// Marks the notification read and goes where it points (one's own notifications only).
    /// Reading is the user's own state, not a change of the system's data: not audited.
    @Sendable static func open(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let n = try await UserNotification.find(req.id(), on: req.db) else { throw AppError.notFound("Уведомление") }
        guard n.$user.id == user.id else { throw AppError.forbidden }
        if n.readAt == nil {
            n.readAt = req.now; try await n.update(on: req.db)
            try await DataVersion.bump([.notifications(n.$user.id)], on: req.db)
        }
        return req.redirect(to: n.url.hasPrefix("/") && !n.url.hasPrefix("//") ? n.url : SiteURL.control(.notifications).path)
    }

    @Sendable static func readAll(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try await UserNotification.query(on: req.db).filter(\.$user.$id == user.id).filter(\.$readAt == nil).set(\.$readAt, to: req.now).update()
        try await DataVersion.bump([.notifications(user.id)], on: req.db)
        return req.redirect(SiteURL.control(.notifications).path, flash: "Все уведомления отмечены прочитанными.")
    }
}
