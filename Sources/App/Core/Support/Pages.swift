import Vapor
import Plot
import Views
import Domain

/// The one way to build a page: context from the request (user, nav, flash, CSRF),
/// body from Views, served as text/html; charset=utf-8.
extension Request {
    func pageContext(_ title: String, section: NavSection?, crumbs: [Crumb] = [], printable: Bool = false) -> PageContext {
        let user = currentUser
        var ctx = PageContext(title: title, section: section, nav: user.map { Navigation.sections(for: $0.principal) } ?? [],
                              userName: user?.displayName, roleTitle: user.map { Navigation.roleTitle($0.principal) },
                              crumbs: crumbs, flash: flash, csrfToken: csrfToken, printable: printable)
        if user != nil {
            ctx.tasksURL = SiteURL.control(.tasks).path; ctx.notificationsURL = SiteURL.control(.notifications).path
            ctx.unreadNotifications = unreadNotifications
        }
        return ctx
    }

    func render(_ html: HTML, status: HTTPStatus = .ok) -> Response {
        let res = Response(status: status, body: .init(string: Layout.render(html)))
        res.headers.contentType = HTTPMediaType(type: "text", subType: "html", parameters: ["charset": "utf-8"])
        return res
    }

    func page(_ title: String, section: NavSection?, crumbs: [Crumb] = [], actions: Node<HTML.BodyContext> = .empty,
              status: HTTPStatus = .ok, _ body: Node<HTML.BodyContext>) -> Response {
        page(title, section: section, crumbs: crumbs, actionsHTML: actions.render(), bodyHTML: body.render(), status: status)
    }

    /// A page whose actions and body are already HTML (kept in the versioned cache): spliced into
    /// the kept shell and written once into the response buffer, with no document tree per request.
    func page(_ title: String, section: NavSection?, crumbs: [Crumb] = [], actionsHTML: String = "", bodyHTML: String,
              status: HTTPStatus = .ok) -> Response {
        page(pageContext(title, section: section, crumbs: crumbs), actionsHTML: actionsHTML, bodyHTML: bodyHTML, status: status)
    }

    func page(_ ctx: PageContext, actionsHTML: String = "", bodyHTML: String, status: HTTPStatus = .ok) -> Response {
        let pieces = Layout.shell(ctx).pieces(actions: actionsHTML, body: bodyHTML)
        var buffer = ByteBufferAllocator().buffer(capacity: pieces.reduce(0) { $0 + $1.utf8.count })
        for piece in pieces { buffer.writeString(piece) }
        let res = Response(status: status, body: .init(buffer: buffer))
        res.headers.contentType = HTTPMediaType(type: "text", subType: "html", parameters: ["charset": "utf-8"])
        return res
    }

    /// Redirect after a successful post, with a flash message shown on the next page.
    func redirect(_ to: String, flash text: String, kind: Flash.Kind = .success) -> Response {
        let res = redirect(to: to, redirectType: .normal)
        res.cookies[FlashMiddleware.cookieName] = FlashMiddleware.cookie(kind, text, secure: config.secureCookies)
        return res
    }

    var timeZone: TimeZone { config.defaultTimeZone }

    /// Today as the areas count days (deadlines, overdue, «Мои задачи»): one calendar day in
    /// the zone the mentoring, plans and events areas keep their dates in.
    var today: CalendarDay { CalendarDay(date: now, timeZone: CuratorshipService.zone) }
}

/// A page's actions and body rendered once, for pages kept in the versioned cache (the page
/// shell — user, navigation, CSRF — is still rendered per request).
struct RenderedParts: Sendable {
    let title: String
    let actions: String
    let body: String
    init(title: String, actions: Node<HTML.BodyContext> = .empty, body: Node<HTML.BodyContext>) {
        self.title = title; self.actions = actions.render(); self.body = body.render()
    }
}

enum Navigation {
    /// Sections a principal sees (UI.md: only the sections of their role).
    static func sections(for p: Principal) -> [NavSection] {
        var s: [NavSection] = [.overview]
        if Access.allows(.browseSchools, p) { s.append(.schools) }
        if Access.allows(.browsePeople, p) { s.append(.people) }
        if Access.allows(.readSupport, p) { s.append(.support) }
        if Access.allows(.readRoutes, p) { s.append(.deficits) }
        if Access.allows(.readPlans, p) { s.append(.plans) }
        if Access.allows(.readDecisions, p) { s.append(.risks) }
        if Access.allows(.readEvents, p) { s.append(.events) }
        if Access.allows(.readMonitoring, p) { s.append(.monitoring) }
        if Access.allows(.administration, p) { s.append(.admin) }
        return s
    }

    static func roleTitle(_ p: Principal) -> String {
        let roles = Role.allCases.filter { p.has($0) }
        return roles.isEmpty ? "Без роли" : roles.map(\.title).joined(separator: ", ")
    }
}

struct FlashMiddleware: AsyncMiddleware {
    static let cookieName = "opora_flash"

    static func cookie(_ kind: Flash.Kind, _ text: String, secure: Bool) -> HTTPCookies.Value {
        let value = kind.rawValue + "|" + (text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        return HTTPCookies.Value(string: value, maxAge: 60, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let raw = req.cookies[Self.cookieName]?.string, let bar = raw.firstIndex(of: "|") {
            let kind = Flash.Kind(rawValue: String(raw[..<bar])) ?? .info
            let text = String(raw[raw.index(after: bar)...]).removingPercentEncoding ?? ""
            req.flash = Flash(kind, text)
        }
        let res = try await next.respond(to: req)
        if req.flash != nil && res.cookies[Self.cookieName] == nil && res.status == .ok {
            res.cookies[Self.cookieName] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/")
        }
        return res
    }
}

extension Request {
    private struct FlashKey: StorageKey { typealias Value = Flash }
    var flash: Flash? {
        get { storage[FlashKey.self] }
        set { storage[FlashKey.self] = newValue }
    }
}
