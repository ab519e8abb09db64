import Plot
import Synchronization

/// The page shell: document head, header bar with user menu, navigation,
/// breadcrumbs, flash message, main area and footer.
public enum Layout {
    public static let stylesheetPath = SiteURL.stylesheet.path
    public static let faviconPath = SiteURL.favicon.path

    /// Full HTML document. `actions` are buttons shown right of the h1 (hidden in print).
    public static func page(
        _ ctx: PageContext,
        actions: Node<HTML.BodyContext> = .empty,
        _ body: Node<HTML.BodyContext>
    ) -> HTML {
        HTML(
            .lang(.russian),
            head(ctx),
            .body(
                .class(ctx.printable ? "print-view" : "screen-view"),
                .raw(skipLinkHTML),
                .raw(headerHTML(ctx)),
                content(ctx, actions: actions, body: body),
                .raw(footerHTML)
            )
        )
    }

    /// The parts of the shell that are the same on every page, rendered once.
    static let skipLinkHTML = skipLink().render(), footerHTML = footer().render()

    /// The header (user menu, navigation) is the same on every page a user opens in one section:
    /// rendered once per set of its inputs and kept (a few hundred entries; a fuller cache is
    /// emptied) — the shell was a tenth of a signed-in request's CPU.
    private static let headers = Mutex<[String: String]>([:])

    static func headerKey(_ ctx: PageContext) -> String {
        [ctx.printable ? "p" : "s", ctx.contextLine ?? "", ctx.userName ?? "", ctx.roleTitle ?? "", ctx.tasksURL ?? "",
         ctx.notificationsURL ?? "", String(ctx.unreadNotifications), ctx.csrfToken, ctx.section?.path ?? "",
         ctx.nav.map(\.path).joined(separator: ",")].joined(separator: "\u{1F}")
    }

    static func headerHTML(_ ctx: PageContext) -> String {
        let key = headerKey(ctx)
        if let hit = headers.withLock({ $0[key] }) { return hit }
        let html = header(ctx).render()
        headers.withLock { all in
            if all.count >= 512 { all.removeAll(keepingCapacity: true) }
            all[key] = html
        }
        return html
    }

    public static func render(_ html: HTML) -> String {
        html.render()
    }

    /// The page shell around a page's actions and body: `head` + actions + `middle` + body + `tail`
    /// is byte for byte `page(ctx, actions:, body).render()` (a test holds the two equal). Kept per
    /// set of its inputs, so a signed-in request renders only its own page, not the document around it.
    public struct Shell: Sendable {
        public let head: String
        /// false in the print view, which shows no actions.
        public let hasActions: Bool
        public let middle: String
        public let tail: String

        /// The document with these parts spliced in, as the pieces to write in order.
        public func pieces(actions: String, body: String) -> [String] {
            hasActions ? [head, actions, middle, body, tail] : [head, body, tail]
        }
    }

    private static let shells = Mutex<[String: Shell]>([:])
    private static let actionsMark = "\u{0}opora-actions\u{0}", bodyMark = "\u{0}opora-body\u{0}"

    public static func shell(_ ctx: PageContext) -> Shell {
        var key = headerKey(ctx)
        for part in [ctx.title, ctx.section?.rawValue ?? "", ctx.flash.map { $0.kind.rawValue + ":" + $0.text } ?? ""] + ctx.crumbs.map({ $0.title + "\u{1E}" + ($0.url ?? "") }) {
            key += "\u{1F}"; key += part
        }
        if let hit = shells.withLock({ $0[key] }) { return hit }
        let html = page(ctx, actions: .raw(actionsMark), .raw(bodyMark)).render()
        let shell: Shell
        let body = html.range(of: bodyMark)!
        if let actions = html.range(of: actionsMark) {
            shell = Shell(head: String(html[..<actions.lowerBound]), hasActions: true,
                          middle: String(html[actions.upperBound..<body.lowerBound]), tail: String(html[body.upperBound...]))
        } else {
            shell = Shell(head: String(html[..<body.lowerBound]), hasActions: false, middle: "", tail: String(html[body.upperBound...]))
        }
        shells.withLock { all in
            if all.count >= 2048 { all.removeAll(keepingCapacity: true) }
            all[key] = shell
        }
        return shell
    }

    static func head(_ ctx: PageContext) -> Node<HTML.DocumentContext> {
        .head(
            .meta(.charset(.utf8)),
            .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
            .meta(.name("robots"), .content("noindex, nofollow")),
            .element(named: "title", text: ctx.title + " — " + Strings.product),
            .link(.rel(.stylesheet), .href(stylesheetPath)),
            .link(.rel(.icon), .href(faviconPath), .type("image/svg+xml"))
        )
    }

    static func skipLink() -> Node<HTML.BodyContext> {
        Markup.el("a", .class("skip-link"), .attr("href", "#main"), .safe(Strings.skipToContent))
    }

    static func header(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        let showNav = !ctx.printable && !ctx.nav.isEmpty
        return .header(
            .class("site-header"),
            .div(
                .class("header-bar"),
                .div(.class("header-inner"), brand(ctx), .if(!ctx.printable, userMenu(ctx)))
            ),
            .if(showNav, navigation(ctx))
        )
    }

    static func brand(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        .div(
            .class("brand"),
            Markup.el(
                "a", .class("brand-name"), .attr("href", SiteURL.home.path),
                .span(.class("brand-mark"), .ariaHidden(true), .safe("О")),
                .safe(Strings.product)
            ),
            .span(.class("brand-context"), .safe(ctx.contextLine ?? Strings.productTagline))
        )
    }

    static func userMenu(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        guard let name = ctx.userName else { return .empty }
        let logout = Markup.el(
            "form", .class("logout-form"), .attr("method", "post"), .attr("action", SiteURL.logout.path),
            Markup.hidden("_csrf", ctx.csrfToken),
            Markup.el("button", .attr("type", "submit"), .class("header-link"), .safe(Strings.logout))
        )
        return .div(
            .class("user-menu"),
            .span(
                .class("user-who"),
                .span(.class("user-name"), .safe(name)),
                .unwrap(ctx.roleTitle) { .span(.class("user-role"), .safe($0)) }
            ),
            .unwrap(ctx.tasksURL) { Markup.el("a", .class("header-link"), .attr("href", $0), .safe("Мои задачи")) },
            .unwrap(ctx.notificationsURL) { url in
                Markup.el("a", .class("header-link"), .attr("href", url),
                          .safe(ctx.unreadNotifications > 0 ? "Уведомления: \(ctx.unreadNotifications) новых" : "Уведомления"))
            },
            Markup.el("a", .class("header-link"), .attr("href", SiteURL.account.path), .safe(Strings.profile)),
            logout
        )
    }

    static func navigation(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        let items = ctx.nav.map { section in
            Markup.el("li", navLink(section, current: section == ctx.section))
        }
        return .nav(
            .class("main-nav"),
            .ariaLabel(Strings.navLabel),
            .div(.class("nav-inner"), Markup.el("ul", items))
        )
    }

    static func navLink(_ section: NavSection, current: Bool) -> Node<HTML.BodyContext> {
        Markup.el(
            "a", .attr("href", section.path),
            .if(current, .attr("aria-current", "page")),
            .safe(section.title)
        )
    }

    static func content(
        _ ctx: PageContext,
        actions: Node<HTML.BodyContext>,
        body: Node<HTML.BodyContext>
    ) -> Node<HTML.BodyContext> {
        .div(
            .class("page"),
            breadcrumbs(ctx.crumbs),
            .unwrap(ctx.flash, flash),
            .main(
                .id("main"),
                .div(
                    .class("page-head"),
                    .h1(.safe(ctx.title)),
                    .if(!ctx.printable, .div(.class("page-actions"), actions))
                ),
                body
            )
        )
    }

    static func breadcrumbs(_ crumbs: [Crumb]) -> Node<HTML.BodyContext> {
        guard !crumbs.isEmpty else { return .empty }
        let items = crumbs.map { crumb -> Node<HTML.BodyContext> in
            guard let url = crumb.url else {
                return Markup.el("li", .attr("aria-current", "page"), .safe(crumb.title))
            }
            return Markup.el("li", Markup.el("a", .attr("href", url), .safe(crumb.title)))
        }
        return .nav(.class("breadcrumbs"), .ariaLabel(Strings.breadcrumbsLabel), Markup.el("ol", items))
    }

    static func flash(_ flash: Flash) -> Node<HTML.BodyContext> {
        let urgent = flash.kind == .error || flash.kind == .warning
        return .div(
            .class("flash flash-" + flash.kind.rawValue),
            .attr("role", urgent ? "alert" : "status"),
            .safe(flash.text)
        )
    }

    static func footer() -> Node<HTML.BodyContext> {
        .footer(.class("site-footer"), .div(.class("footer-inner"), .safe(Strings.footer)))
    }
}
