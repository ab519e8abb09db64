import Foundation

/// One long-form row of `CuratorshipFigures`: columns `scope, scope_code, figure, value`.
public struct FigureRow: Sendable, Hashable, Codable {
    /// `pair`, `school` or `person`.
    public var scope: String
    /// `<author>><target>` for a pair, the school code, the person's staff code.
    public var scopeCode: String
    public var figure: String
    /// The figure as text: an integer, a decimal with a point, an ISO day, `true`/`false`, or "".
    public var value: String

    public init(scope: String, scopeCode: String, figure: String, value: String) {
        self.scope = scope; self.scopeCode = scopeCode; self.figure = figure; self.value = value
    }

    enum CodingKeys: String, CodingKey {
        case scope, scopeCode = "scope_code", figure, value
    }
}

extension CuratorshipFigures {
    public static let csvHeader = "scope,scope_code,figure,value"

    /// CSV with a header line, fields quoted as RFC 4180 says, "\n" after every line.
    public static func csv(_ rows: [FigureRow]) -> String {
        var text = csvHeader + "\n"
        for r in rows {
            text += [r.scope, r.scopeCode, r.figure, r.value].map(MonitoringRow.csvField).joined(separator: ",") + "\n"
        }
        return text
    }

    /// A pretty-printed JSON array of objects with the four keys, keys sorted.
    public static func json(_ rows: [FigureRow]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding strings cannot fail.
        guard let data = try? encoder.encode(rows) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}
