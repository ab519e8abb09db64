import Domain
import Plot

/// Reusable pieces of pages: tables, badges, buttons, panels, navigation aids.
public enum Components {
    /// Status badges; the text always carries the meaning, colour only supports it.
    public enum BadgeKind: String, Sendable {
        case lowResults, difficult, program500, risk, objectivity, neutral, success, warning, danger

        var cssClass: String {
            switch self {
            case .lowResults: "badge badge-low-results"
            case .difficult: "badge badge-difficult"
            case .program500: "badge badge-program500"
            case .risk: "badge badge-risk"
            case .objectivity: "badge badge-objectivity"
            case .neutral: "badge badge-neutral"
            case .success: "badge badge-success"
            case .warning: "badge badge-warning"
            case .danger: "badge badge-danger"
            }
        }
    }

    public static func badge(_ text: String, _ kind: BadgeKind) -> Node<HTML.BodyContext> {
        .span(.class(kind.cssClass), .safe(text))
    }

    public static func link(_ title: String, _ url: String) -> Node<HTML.BodyContext> {
        Markup.el("a", .attr("href", url), .safe(title))
    }

    public static func buttonLink(_ title: String, _ url: String, primary: Bool = false) -> Node<HTML.BodyContext> {
        Markup.el(
            "a", .class(primary ? "button button-primary" : "button"),
            .attr("href", url), .safe(title)
        )
    }

    /// A POST form with just a button (delete, reset…) and the CSRF field. With
    /// `confirm`, the button first opens the question and a confirming button
    /// (a `<details>` disclosure, so it works without JavaScript).
    public static func postButton(
        _ title: String,
        action: String,
        csrf: String,
        danger: Bool = false,
        confirm: String? = nil
    ) -> Node<HTML.BodyContext> {
        let style = danger ? "button button-danger" : "button"
        let form = Markup.el(
            "form", .class("inline-form"), .attr("method", "post"), .attr("action", action),
            Markup.hidden("_csrf", csrf),
            Markup.el(
                "button", .attr("type", "submit"), .class(style),
                .safe(confirm == nil ? title : Strings.confirm + ": " + lowercasedFirst(title))
            )
        )
        guard let question = confirm else { return form }
        return Markup.el(
            "details", .class("confirm"),
            Markup.el("summary", .class(style), .safe(title)),
            .div(.class("confirm-panel"), .p(.safe(question)), form)
        )
    }

    static func lowercasedFirst(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.lowercased() + s.dropFirst()
    }

    /// Definition list for cards; empty values are shown as «—» in grey.
    public static func details(_ items: [(String, Node<HTML.BodyContext>)]) -> Node<HTML.BodyContext> {
        let rows = items.map { label, value -> Node<HTML.BodyContext> in
            let blank = value.render().trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            let shown: Node<HTML.BodyContext> = blank
                ? .span(.class("muted"), .attr("title", "нет данных"), .safe(Strings.emptyValue))
                : value
            return .div(.class("details-row"), Markup.el("dt", .safe(label)), Markup.el("dd", shown))
        }
        return Markup.el("dl", [.class("details")] + rows)
    }

    /// A disclosure (`<details>`) that shows `body` when its summary is clicked; no JavaScript.
    public static func disclosure(_ summary: String, open: Bool = false, _ body: Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        Markup.el(
            "details", .class("disclosure"), .flag("open", open),
            Markup.el("summary", .safe(summary)),
            .div(.class("disclosure-body"), body)
        )
    }

    /// A card-like panel with an h2 and optional buttons right of it.
    public static func section(
        _ title: String,
        actions: Node<HTML.BodyContext> = .empty,
        _ body: Node<HTML.BodyContext>
    ) -> Node<HTML.BodyContext> {
        .section(
            .class("panel"),
            .div(.class("panel-head"), .h2(.safe(title)), .div(.class("panel-actions"), actions)),
            .div(.class("panel-body"), body)
        )
    }
}
