import Foundation

/// A closed list of domain terms with Russian titles (forms of interaction, deficit
/// areas, route states…). Imports, forms and the CLI accept a term by its raw value
/// (the English alias), by its Russian title or by one of its `aliases`, ignoring
/// case, surrounding spaces and the difference between «ё» and «е».
public protocol TitledTerm: RawRepresentable<String>, CaseIterable, Codable, Sendable, Hashable {
    /// Russian, as pages show it.
    var title: String { get }
    /// Further accepted spellings (short Russian forms, words of the seeds).
    var aliases: [String] { get }
}

public extension TitledTerm {
    var aliases: [String] { [] }

    static func parse(_ text: String) -> Self? {
        let key = TermKey.fold(text)
        guard !key.isEmpty else { return nil }
        return allCases.first { term in
            ([term.rawValue, term.title] + term.aliases).contains { TermKey.fold($0) == key }
        }
    }
}

/// How user text is compared with a term: trimmed, lower-cased, «ё» as «е», inner
/// runs of spaces as one.
enum TermKey {
    static func fold(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "ё", with: "е")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
