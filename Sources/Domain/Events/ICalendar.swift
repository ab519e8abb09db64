import Foundation

/// An iCalendar (RFC 5545) feed of events: VCALENDAR with one VEVENT each; times in UTC (the
/// `Z` form, so no VTIMEZONE is needed), lines ending CRLF and folded at 75 octets, TEXT values
/// escaped (backslash, semicolon, comma, newline).
public enum ICalendar {
    public struct Event: Sendable {
        public var uid: String, start: Date, end: Date, summary: String, location: String, url: String, description: String, cancelled: Bool
        public init(uid: String, start: Date, end: Date, summary: String, location: String = "", url: String = "", description: String = "", cancelled: Bool = false) {
            self.uid = uid; self.start = start; self.end = end; self.summary = summary; self.location = location; self.url = url
            self.description = description; self.cancelled = cancelled
        }
    }

    public static func render(name: String, events: [Event], stamp: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Opora//Events//RU", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + escape(name)]
        for e in events {
            lines += ["BEGIN:VEVENT", "UID:" + escape(e.uid), "DTSTAMP:" + utc(stamp), "DTSTART:" + utc(e.start), "DTEND:" + utc(e.end),
                      "SUMMARY:" + escape(e.summary)]
            if !e.location.isEmpty { lines.append("LOCATION:" + escape(e.location)) }
            if !e.url.isEmpty { lines.append("URL:" + e.url.replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: "")) }
            if !e.description.isEmpty { lines.append("DESCRIPTION:" + escape(e.description)) }
            lines.append("STATUS:" + (e.cancelled ? "CANCELLED" : "CONFIRMED"))
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined()
    }

    /// TEXT escaping (RFC 5545 §3.3.11).
    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// A content line folded so that no physical line exceeds 75 octets (CRLF not counted),
    /// never splitting a UTF-8 sequence; continuation lines begin with one space (§3.1).
    public static func fold(_ line: String) -> String {
        var out = "", current = 0
        for ch in line {
            let n = String(ch).utf8.count
            if current + n > 75 { out += "\r\n "; current = 1 }
            out.append(ch); current += n
        }
        return out + "\r\n"
    }

    public static func utc(_ d: Date) -> String {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        let x = c.dateComponents([.year, .month, .day, .hour, .minute, .second], from: d)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", x.year!, x.month!, x.day!, x.hour!, x.minute!, x.second!)
    }

    /// Unfolds and splits a feed into content lines (name with parameters, value) — for tests and checks.
    public static func contentLines(_ text: String) -> [(name: String, value: String)] {
        text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }.compactMap { l in
            guard let colon = l.firstIndex(of: ":") else { return nil }
            return (String(l[..<colon]), String(l[l.index(after: colon)...]))
        }
    }

    public static func unescape(_ s: String) -> String {
        var out = "", escaping = false
        for c in s {
            if escaping {
                out += c == "n" || c == "N" ? "\n" : String(c); escaping = false
            } else if c == "\\" { escaping = true } else { out.append(c) }
        }
        return out
    }
}
