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

/// One cell of a spreadsheet export of a page (the summary table): the text the
/// page shows and, for a figure, the number behind it and the decimals it is shown
/// with, so that CSV keeps the page's text and XLSX writes a real number.
public struct ExportCell: Sendable, Hashable {
    /// What the page shows: "−0,008", "12", "МБОУ СОШ № 6"; "" for an empty cell.
    public var text: String
    /// The exact figure (not the rounded text), nil for text cells.
    public var number: Double?
    /// Decimals the page shows the figure with.
    public var places: Int

    public static func text(_ s: String) -> ExportCell { ExportCell(text: s, number: nil, places: 0) }

    /// A figure shown with `places` decimals (the page's rounding); nil is an empty cell.
    public static func figure(_ x: Rational?, places: Int) -> ExportCell {
        guard let x else { return .text("") }
        return ExportCell(text: x.ru(places), number: x.double, places: places)
    }

    public static func count(_ n: Int?) -> ExportCell {
        guard let n else { return .text("") }
        return ExportCell(text: String(n), number: Double(n), places: 0)
    }

    /// A figure that reaches the export already formatted by `RuFormat` (the school
    /// context columns): read back exactly in that shape, anything else stays text.
    public static func formatted(_ s: String) -> ExportCell {
        var t = s.replacingOccurrences(of: RuFormat.thinSpace, with: "")
        let negative = t.hasPrefix("−")
        if negative { t.removeFirst() }
        let parts = t.split(separator: ",", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let x = Double(parts.joined(separator: ".")) else { return .text(s) }
        return ExportCell(text: s, number: negative ? -x : x, places: parts.count == 2 ? parts[1].count : 0)
    }
}
