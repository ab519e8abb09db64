import Foundation

/// Russian presentation of numbers and dates (UI.md: decimal comma, thin space for
/// thousands, dates дд.мм.гггг).
public enum RuFormat {
    public static let thinSpace = "\u{2009}"

    public static func integer(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += thinSpace }
            out.append(ch)
        }
        return (n < 0 ? "−" : "") + out
    }

    /// Fixed decimals with a decimal comma, e.g. 1234.5 → "1 234,5".
    public static func decimal(_ x: Double, digits: Int = 1) -> String {
        let scale = pow(10.0, Double(digits))
        let rounded = (abs(x) * scale).rounded() / scale
        let whole = Int(rounded)
        let frac = Int(((rounded - Double(whole)) * scale).rounded())
        var s = integer(whole)
        if digits > 0 {
            let f = String(frac)
            s += "," + String(repeating: "0", count: max(0, digits - f.count)) + f
        }
        return (x < 0 && rounded != 0 ? "−" : "") + s
    }

    public static func date(_ d: Date, timeZone: TimeZone) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        let c = cal.dateComponents([.day, .month, .year], from: d)
        return String(format: "%02d.%02d.%04d", c.day ?? 0, c.month ?? 0, c.year ?? 0)
    }

    public static func dateTime(_ d: Date, timeZone: TimeZone) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        let c = cal.dateComponents([.hour, .minute], from: d)
        return date(d, timeZone: timeZone) + String(format: " %02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    /// Parses дд.мм.гггг or ISO гггг-мм-дд into a date at noon UTC (a calendar day).
    public static func parseDate(_ text: String) -> Date? {
        let t = text.trimmed
        var d = 0, m = 0, y = 0
        let dot = t.split(separator: ".").map(String.init)
        let dash = t.split(separator: "-").map(String.init)
        if dot.count == 3, let dd = Int(dot[0]), let mm = Int(dot[1]), let yy = Int(dot[2]), dot[2].count == 4 { (d, m, y) = (dd, mm, yy) }
        else if dash.count == 3, let yy = Int(dash[0]), let mm = Int(dash[1]), let dd = Int(dash[2]), dash[0].count == 4 { (d, m, y) = (dd, mm, yy) }
        else { return nil }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        var comps = DateComponents(year: y, month: m, day: d, hour: 12)
        comps.calendar = cal
        guard (1...12).contains(m), (1...31).contains(d), let date = cal.date(from: comps),
              cal.component(.day, from: date) == d else { return nil }
        return date
    }

    /// ISO yyyy-mm-dd for <input type="date">.
    public static func isoDate(_ d: Date) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let c = cal.dateComponents([.day, .month, .year], from: d)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// Parses a number written with a decimal comma or point and optional spaces.
    public static func parseDecimal(_ text: String) -> Double? {
        var t = text.trimmed
        t = t.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: thinSpace, with: "")
            .replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: ",", with: ".")
        guard !t.isEmpty, t.filter({ $0 == "." }).count <= 1 else { return nil }
        return Double(t)
    }
}
