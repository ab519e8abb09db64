import Plot

/// Small building blocks shared by the layout and the components.
///
/// Plot escapes text nodes but writes attribute values verbatim, so every value
/// that may carry user data goes through `Markup.escape` (or `Node.attr`).
public enum Markup {
    /// Escapes a string for use inside a double-quoted attribute value or as text.
    public static func escape(_ value: String) -> String {
        // Most values (names, numbers) need nothing: one pass over the bytes, no copy.
        var clean = true
        for b in value.utf8 where b == 0x26 || b == 0x22 || b == 0x27 || b == 0x3C || b == 0x3E { clean = false; break }
        if clean { return value }
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count + 16)
        for b in value.utf8 {
            switch b {
            case 0x26: out += "&amp;".utf8
            case 0x22: out += "&quot;".utf8
            case 0x27: out += "&#39;".utf8
            case 0x3C: out += "&lt;".utf8
            case 0x3E: out += "&gt;".utf8
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The DOM id of a form field: "field-<name>", with characters that would break
    /// a URL fragment or a CSS selector replaced by "-".
    public static func fieldID(_ name: String) -> String {
        let safe = name.unicodeScalars.map { s -> String in
            let ok = (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "-" || s == "_"
            return ok ? String(s) : "-"
        }
        return "field-" + safe.joined()
    }

    /// An element in body context whatever its real HTML context, so that tables,
    /// forms and lists can be assembled from `Node<HTML.BodyContext>` values.
    static func el(_ name: String, _ nodes: Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> {
        .element(named: name, nodes: nodes)
    }

    static func el(_ name: String, _ nodes: [Node<HTML.BodyContext>]) -> Node<HTML.BodyContext> {
        .element(named: name, nodes: nodes)
    }

    /// A void element (`<input>`) with escaped attributes.
    static func void(_ name: String, _ attributes: [(String, String?)]) -> Node<HTML.BodyContext> {
        let attrs: [Attribute<HTML.BodyContext>] = attributes.map { pair in
            Attribute(name: pair.0, value: pair.1.map(escape), ignoreIfValueIsEmpty: pair.1 != nil)
        }
        return .selfClosedElement(named: name, attributes: attrs)
    }

    /// `<input type="hidden">`.
    static func hidden(_ name: String, _ value: String) -> Node<HTML.BodyContext> {
        void("input", [("type", "hidden"), ("name", name), ("value", value)])
    }
}

public extension Node {
    /// Text, escaped by `Markup.escape` (much faster than Plot's character-by-character
    /// escaping on large tables); the same output as `.text`.
    static func safe(_ text: String) -> Node { .raw(Markup.escape(text)) }

    /// An attribute whose value is HTML-escaped (Plot's own attribute helpers are not).
    static func attr(_ name: String, _ value: String) -> Node {
        .attribute(named: name, value: Markup.escape(value))
    }

    /// A boolean attribute such as `required` or `checked`, present only when `on`.
    static func flag(_ name: String, _ on: Bool = true) -> Node {
        on ? .attribute(named: name) : .empty
    }
}
