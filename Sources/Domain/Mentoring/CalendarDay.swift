import Foundation

/// A date without a time of day: due dates of route steps, assignment spans, the
/// days of interactions. Arithmetic is done by hand on the proleptic Gregorian
/// calendar (day numbers counted from 1970-01-01), so it is exact and does not
/// depend on the machine's time zone or locale.
///
/// Encoded as ISO text ("2026-09-01"); decoding also accepts "01.09.2026".
public struct CalendarDay: Comparable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil unless the three numbers name a real day (years 1…9999).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDay.daysInMonth(year, month)).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Days since 1970-01-01 (negative before it).
    public init(dayNumber: Int) {
        // Civil-from-days over 400-year eras (H. Hinnant, "chrono-compatible date algorithms").
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = doy - (153 * mp + 2) / 5 + 1
    }

    /// The day number of this day: days since 1970-01-01.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    // MARK: text

    /// Parses ISO `гггг-мм-дд` ("2026-09-01"; one-digit month and day are accepted).
    public init?(iso text: String) {
        guard let (y, m, d) = CalendarDay.numbers(text, separator: "-", yearFirst: true) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Parses Russian `дд.мм.гггг` ("01.09.2026"; one-digit day and month are accepted).
    public init?(ru text: String) {
        guard let (y, m, d) = CalendarDay.numbers(text, separator: ".", yearFirst: false) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Accepts either form, as forms, imports and the CLI do.
    public static func parse(_ text: String) -> CalendarDay? { CalendarDay(iso: text) ?? CalendarDay(ru: text) }

    /// "2026-09-01": for files, the CLI and `<input type="date">`.
    public var iso: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

    /// "01.09.2026": for pages (UI.md).
    public var ru: String { "\(pad(day, 2)).\(pad(month, 2)).\(pad(year, 4))" }

    public var description: String { iso }

    // MARK: arithmetic

    public func adding(days n: Int) -> CalendarDay { CalendarDay(dayNumber: dayNumber + n) }

    /// `to − from` in days: 0 for the same day, 1 for the next one, negative backwards.
    public static func days(from: CalendarDay, to: CalendarDay) -> Int { to.dayNumber - from.dayNumber }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public static func isLeapYear(_ y: Int) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }

    static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: isLeapYear(y) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // MARK: Date

    /// The day `date` falls on in `timeZone` (a municipality's zone, e.g. Europe/Moscow).
    public init(date: Date, timeZone: TimeZone) {
        let c = CalendarDay.calendar(timeZone).dateComponents([.year, .month, .day], from: date)
        year = c.year ?? 1970; month = c.month ?? 1; day = c.day ?? 1
    }

    /// The start of this day in `timeZone`.
    public func date(timeZone: TimeZone) -> Date {
        let comps = DateComponents(year: year, month: month, day: day)
        if let d = CalendarDay.calendar(timeZone).date(from: comps) { return d }
        let utcMidnight = Date(timeIntervalSince1970: TimeInterval(dayNumber) * 86_400)
        return utcMidnight.addingTimeInterval(-TimeInterval(timeZone.secondsFromGMT(for: utcMidnight)))
    }

    // MARK: Codable

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let d = CalendarDay.parse(text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "Not a calendar day: \(text)")
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }

    // MARK: private

    private static func calendar(_ timeZone: TimeZone) -> Calendar {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        return cal
    }

    /// Three groups of ASCII digits split by `separator`; the year has four digits,
    /// the other two one or two.
    private static func numbers(_ text: String, separator: Character, yearFirst: Bool) -> (Int, Int, Int)? {
        let parts = text.trimmed.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let (y, m, d) = yearFirst ? (parts[0], parts[1], parts[2]) : (parts[2], parts[1], parts[0])
        guard y.count == 4, m.count <= 2, d.count <= 2, let yy = Int(y), let mm = Int(m), let dd = Int(d) else { return nil }
        return (yy, mm, dd)
    }

    private func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
