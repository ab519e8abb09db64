import Foundation

/// An expected column of an import file. `key` is the stable field key (the
/// same as Domain's `Field` keys), `title` the Russian header used in templates,
/// `aliases` other accepted headers (Russian or English).
public struct ColumnSpec: Sendable, Equatable {
    public var key: String
    public var title: String
    public var aliases: [String]
    public var required: Bool

    public init(_ key: String, _ title: String, aliases: [String] = [], required: Bool = false) {
        self.key = key
        self.title = title
        self.aliases = aliases
        self.required = required
    }

    /// The normalised headers this column answers to.
    var names: Set<String> { Set(([title, key] + aliases).map(HeaderText.normalize)) }
}

/// Comparison form of header text.
public enum HeaderText {
    /// Trimmed, lower-cased, ё → е, runs of spaces (incl. NBSP, line breaks)
    /// collapsed; a trailing «*» or «:» (required marks) dropped.
    public static func normalize(_ text: String) -> String {
        var s = text.lowercased().replacingOccurrences(of: "ё", with: "е")
        s = s.split(whereSeparator: { $0.isWhitespace || $0 == "\u{00A0}" }).joined(separator: " ")
        while let last = s.last, last == "*" || last == ":" { s.removeLast() }
        return s.trimmingCharacters(in: .whitespaces)
    }
}
