import Vapor
import Domain

/// A posted url-encoded form as ordered key → values (repeated keys for checkbox groups).
struct FormFields: Sendable {
    private(set) var values: [String: [String]] = [:]

    init(_ req: Request) {
        guard var body = req.body.data, let text = body.readString(length: body.readableBytes) else { return }
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ") }
            guard let key = parts.first?.removingPercentEncoding else { continue }
            let value = parts.count > 1 ? (parts[1].removingPercentEncoding ?? "") : ""
            values[key, default: []].append(value)
        }
    }

    init(dictionary: [String: String]) { values = dictionary.mapValues { [$0] } }

    subscript(_ key: String) -> String { values[key]?.first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
    func all(_ key: String) -> [String] { values[key] ?? [] }
    func bool(_ key: String) -> Bool { ["1", "on", "true", "да"].contains(self[key].lowercased()) }
    func uuid(_ key: String) -> UUID? { UUID(uuidString: self[key]) }
    /// Every single value, for keeping entered values after an error.
    var flat: [String: String] { values.compactMapValues(\.first) }
}

/// The query of a page or API call, decoded into typed values with defaults: a missing or
/// malformed parameter (`?year=abc`, `?page=-3`, a broken id) is the default, never a 400 and
/// never a string compared further down. `items` is what goes back into links and cache keys.
protocol PageQuery: Sendable {
    /// The parameters the page reads; others are ignored.
    static var keys: [String] { get }
    init(_ q: QueryValues)
    /// The non-default values, as they appear in the URL.
    var items: [String: String] { get }
}

/// Typed reads of one request's query string.
struct QueryValues: Sendable {
    let raw: [String: String]
    init(_ req: Request, keys: [String]) {
        var d: [String: String] = [:]
        for k in keys { if let v = try? req.query.get(String.self, at: k), !v.trimmingCharacters(in: .whitespaces).isEmpty { d[k] = v.trimmingCharacters(in: .whitespaces) } }
        raw = d
    }
    init(_ raw: [String: String]) { self.raw = raw }
    func string(_ k: String) -> String? { raw[k] }
    func int(_ k: String) -> Int? { raw[k].flatMap { Int($0) } }
    func uuid(_ k: String) -> UUID? { raw[k].flatMap(UUID.init(uuidString:)) }
    /// «дд.мм.гггг» or ISO.
    func date(_ k: String) -> Date? { raw[k].flatMap(RuFormat.parseDate) }
    func page(_ k: String = "page") -> Int { max(1, int(k) ?? 1) }
    func value<T: RawRepresentable>(_ k: String, as: T.Type) -> T? where T.RawValue == String { raw[k].flatMap(T.init(rawValue:)) }
}

extension Request {
    /// This request's query as the page's typed `Query`.
    func query<Q: PageQuery>(_ type: Q.Type) -> Q { Q(QueryValues(self, keys: Q.keys)) }
}

extension Dictionary where Key == String, Value == String {
    /// The items of a query: absent values dropped.
    static func query(_ pairs: [(String, String?)]) -> [String: String] {
        var d: [String: String] = [:]
        for (k, v) in pairs { if let v, !v.isEmpty { d[k] = v } }
        return d
    }
}
