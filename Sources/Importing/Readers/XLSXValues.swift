import Foundation

/// How a numeric cell is shown, decided by its number format.
enum NumberDisplay: Equatable { case number, percent, date, time }

/// Number formats of a workbook (from xl/styles.xml).
struct CellFormats {
    var displays: [NumberDisplay] = []
    var date1904 = false

    init() {}

    init(_ styles: StylesHandler, date1904: Bool) {
        self.date1904 = date1904
        displays = styles.cellFormatIDs.map { Self.display(id: $0, code: styles.customFormats[$0]) }
    }

    func display(style: Int?) -> NumberDisplay {
        guard let s = style, s >= 0, s < displays.count else { return .number }
        return displays[s]
    }

    static func display(id: Int, code: String?) -> NumberDisplay {
        switch id {
        case 9, 10: return .percent
        case 14...17, 22, 27...36, 50...58: return .date
        case 18...21, 45...47: return .time
        default: break
        }
        guard let code else { return .number }
        // Drop quoted text, escaped characters and [colour]/[$-locale] sections.
        var plain = "", inQuote = false, inBracket = false, escaped = false
        for c in code {
            if escaped { escaped = false; continue }
            if inQuote { if c == "\"" { inQuote = false }; continue }
            if inBracket { if c == "]" { inBracket = false }; continue }
            switch c {
            case "\"": inQuote = true
            case "[": inBracket = true
            case "\\", "_", "*": escaped = true
            default: plain.append(c)
            }
        }
        let lower = plain.lowercased()
        if lower.contains("general") { return .number }
        if lower.contains("d") || lower.contains("y") { return .date }
        if lower.contains("h") || lower.contains("s") { return .time }
        if lower.contains("%") { return .percent }
        return .number
    }
}

/// Renders numeric cell values as text the way a user expects to read them.
enum CellText {
    /// Integers without ".0", other values as Swift prints them but without an
    /// exponent for ordinary magnitudes.
    static func number(_ raw: String) -> String {
        guard let x = Double(raw.trimmingCharacters(in: .whitespaces)), x.isFinite else { return raw }
        return number(x)
    }

    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        let s = "\(x)"
        guard let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }), let exp = Int(s[s.index(after: e)...]),
              (-20...20).contains(exp) else { return s }
        var mantissa = String(s[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let intCount = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
        let digits = mantissa.filter { $0 != "." }
        let point = intCount + exp
        var out: String
        if point <= 0 {
            out = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            out = digits + String(repeating: "0", count: point - digits.count)
        } else {
            out = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        }
        return (negative ? "-" : "") + out
    }

    static func percent(_ raw: String) -> String {
        guard let x = Double(raw.trimmingCharacters(in: .whitespaces)), x.isFinite else { return raw }
        let scaled = (x * 100 * 1e10).rounded() / 1e10
        return number(scaled) + "%"
    }

    /// Excel serial day → «дд.мм.гггг» (with «чч:мм» when a time is present).
    static func date(_ raw: String, date1904: Bool, timeOnly: Bool) -> String {
        guard let serial = Double(raw.trimmingCharacters(in: .whitespaces)), serial.isFinite,
              abs(serial) < 3_000_000 else { return raw }
        let days = serial + (date1904 ? 1462 : 0) - 25569
        let seconds = (days * 86400).rounded()
        let date = Date(timeIntervalSince1970: seconds)
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let time = String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
        if timeOnly || serial < 1 { return time }
        let day = String(format: "%02d.%02d.%04d", c.day ?? 0, c.month ?? 0, c.year ?? 0)
        return (c.hour ?? 0) == 0 && (c.minute ?? 0) == 0 ? day : day + " " + time
    }

    /// ISO 8601 date text of `t="d"` cells → «дд.мм.гггг».
    static func isoDate(_ raw: String) -> String {
        let day = raw.prefix(10)
        let parts = day.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4 else { return raw }
        return "\(parts[2]).\(parts[1]).\(parts[0])"
    }
}
