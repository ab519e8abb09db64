import Domain
import Plot

/// A figure on the overview; `tone` colours its edge, `url` makes it a link.
public struct StatCard: Sendable {
    public enum Tone: String, Sendable { case neutral, success, warning, danger }
    public var label: String
    public var value: String
    public var hint: String?
    public var url: String?
    public var tone: Tone
    public init(_ label: String, _ value: String, hint: String? = nil, url: String? = nil, tone: Tone = .neutral) {
        self.label = label
        self.value = value
        self.hint = hint
        self.url = url
        self.tone = tone
    }
}

public extension Components {
    /// Page links «Назад 1 … 4 5 6 … 20 Вперёд»; nothing when there is one page.
    static func pagination(page: Int, pageCount: Int, baseQuery: [(String, String)], path: String) -> Node<HTML.BodyContext> {
        guard pageCount > 1 else { return .empty }
        let current = min(max(page, 1), pageCount)
        let kept = baseQuery.filter { $0.0 != "page" }
        func url(_ n: Int) -> String {
            path + queryString(n == 1 ? kept : kept + [("page", String(n))])
        }
        var items: [Node<HTML.BodyContext>] = []
        if current > 1 {
            items.append(Markup.el("a", .class("page-step"), .attr("rel", "prev"), .attr("href", url(current - 1)), .safe("← " + Strings.previousPage)))
        }
        var last = 0
        for n in pageNumbers(current: current, count: pageCount) {
            if n > last + 1 { items.append(.span(.class("page-gap"), .safe("…"))) }
            items.append(n == current
                ? .span(.class("page-current"), .attr("aria-current", "page"), .safe(String(n)))
                : Markup.el("a", .attr("href", url(n)), .ariaLabel(Strings.page + " " + String(n)), .safe(String(n))))
            last = n
        }
        if current < pageCount {
            items.append(Markup.el("a", .class("page-step"), .attr("rel", "next"), .attr("href", url(current + 1)), .safe(Strings.nextPage + " →")))
        }
        return .nav(.class("pagination"), .ariaLabel(Strings.pagesLabel), .group(items))
    }

    /// First, last and two either side of the current page.
    internal static func pageNumbers(current: Int, count: Int) -> [Int] {
        let window = Set([1, count] + Array(max(1, current - 2)...min(count, current + 2)))
        return window.sorted()
    }

    static func tabs(_ items: [(title: String, url: String, current: Bool)]) -> Node<HTML.BodyContext> {
        let links = items.map { item in
            Markup.el(
                "a", .class("tab"), .attr("href", item.url),
                .if(item.current, .attr("aria-current", "page")),
                .safe(item.title)
            )
        }
        return .nav(.class("tabs"), .ariaLabel(Strings.tabsLabel), .group(links))
    }

    static func statCards(_ items: [(label: String, value: String, hint: String?)]) -> Node<HTML.BodyContext> {
        statCards(items.map { StatCard($0.label, $0.value, hint: $0.hint) })
    }

    static func statCards(_ cards: [StatCard]) -> Node<HTML.BodyContext> {
        .div(.class("stat-cards"), .forEach(cards, statCard))
    }

    internal static func statCard(_ card: StatCard) -> Node<HTML.BodyContext> {
        let inner: [Node<HTML.BodyContext>] = [
            .class("stat-card tone-" + card.tone.rawValue),
            .span(.class("stat-value"), .safe(card.value)),
            .span(.class("stat-label"), .safe(card.label)),
            .unwrap(card.hint) { .span(.class("stat-hint"), .safe($0)) },
        ]
        guard let url = card.url else { return Markup.el("div", inner) }
        return Markup.el("a", inner + [.attr("href", url)])
    }

    /// "?a=1&b=%D0%A8…": RFC 3986 percent-encoding, empty values dropped, "" when nothing is left.
    static func queryString(_ pairs: [(String, String)]) -> String {
        let parts = pairs.filter { !$0.1.isEmpty }.map { percentEncode($0.0) + "=" + percentEncode($0.1) }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    /// Percent-encodes everything except the unreserved characters A–Z a–z 0–9 - . _ ~
    static func percentEncode(_ s: String) -> String {
        var out = ""
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                out += "%" + hexDigits(byte)
            }
        }
        return out
    }

    internal static func hexDigits(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
