import Foundation

/// How a municipality plans its work: by calendar year (Armavir, seed 000) or by
/// school year (Leningradsky and Kavkazsky districts, seeds 001 and 004).
public enum PlanningPeriod: String, CaseIterable, Codable, Sendable {
    case calendarYear = "calendar_year"
    case schoolYear = "school_year"

    public var title: String {
        switch self {
        case .calendarYear: "Календарный год"
        case .schoolYear: "Учебный год"
        }
    }
}

/// A year key as stored: for school years the year the school year starts in
/// (2024 = 2024/2025); for calendar years the year itself.
public struct YearLabel {
    public static func schoolYear(_ start: Int) -> String { "\(start)/\(start + 1)" }

    public static func label(_ year: Int, period: PlanningPeriod) -> String {
        switch period {
        case .calendarYear: "\(year)"
        case .schoolYear: schoolYear(year)
        }
    }

    /// Accepts `2024`, `2024/2025`, `2024-2025`, `2024/25`; returns the start year.
    public static func parse(_ text: String) -> Int? {
        let t = text.trimmed
        let parts = t.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "–" }).map(String.init)
        guard let first = parts.first, first.count == 4, let y = Int(first), (1990...2100).contains(y) else { return nil }
        if parts.count == 1 { return y }
        guard parts.count == 2, let second = Int(parts[1]) else { return nil }
        let ok = second == y + 1 || (parts[1].count == 2 && second == (y + 1) % 100)
        return ok ? y : nil
    }

    /// The school year a date falls in (September starts a new one).
    public static func currentSchoolYear(_ date: Date, calendar: Calendar) -> Int {
        let c = calendar.dateComponents([.year, .month], from: date)
        return (c.month ?? 1) >= 9 ? (c.year ?? 2000) : (c.year ?? 2000) - 1
    }
}
