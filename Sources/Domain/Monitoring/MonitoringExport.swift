import Foundation

/// One long-form export row for the CLI (`opora monitoring`): one school × indicator ×
/// subject × grade. JSON-ready (snake_case keys); `negative` is true for exactly the
/// cells that put the school into the summary table.
public struct MonitoringRow: Sendable, Hashable, Codable {
    public var schoolCode: String
    /// "1" or "2".
    public var indicator: String
    public var subject: String
    /// "" for indicator 1.
    public var grade: String
    /// D (indicator 1) or Δ(2) (indicator 2) to three decimals with a point; "" without a value.
    public var value: String
    public var negative: Bool
    /// negative / no change / positive / no data / excluded.
    public var state: String

    enum CodingKeys: String, CodingKey {
        case schoolCode = "school_code", indicator, subject, grade, value, negative, state
    }

    public static let csvHeader = "school_code,indicator,subject,grade,value,negative,state"

    public var csvLine: String {
        [schoolCode, indicator, subject, grade, value, negative ? "true" : "false", state].map(Self.csvField).joined(separator: ",")
    }

    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension MonitoringResult {
    /// Long rows for all schools, in school order, then indicator 1 by subject, then
    /// indicator 2 by subject and grade. Formatted here, lazily, not while computing.
    public func rows() -> [MonitoringRow] {
        var out: [MonitoringRow] = []
        out.reserveCapacity(schools.count * 6)
        for s in schools {
            for c in s.indicator1 {
                out.append(MonitoringRow(schoolCode: s.school.code, indicator: "1", subject: c.subject, grade: "",
                                         value: c.dText, negative: c.inSummary, state: c.state.rawValue))
            }
            for c in s.indicator2 {
                out.append(MonitoringRow(schoolCode: s.school.code, indicator: "2", subject: c.subject, grade: String(c.grade),
                                         value: c.delta2Text, negative: c.inSummary, state: c.state.rawValue))
            }
        }
        return out
    }

    /// The rows as CSV with a header line, "\n" line ends.
    public func toCSV() -> String {
        var text = MonitoringRow.csvHeader + "\n"
        for r in rows() { text += r.csvLine + "\n" }
        return text
    }
}
