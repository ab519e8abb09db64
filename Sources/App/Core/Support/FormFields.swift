import Vapor

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

extension Request {
    /// Query parameters as a dictionary of strings (filters that stay in the URL).
    func queryDict(_ keys: [String]) -> [String: String] {
        var d: [String: String] = [:]
        for k in keys { if let v = try? query.get(String.self, at: k), !v.isEmpty { d[k] = v } }
        return d
    }
}
