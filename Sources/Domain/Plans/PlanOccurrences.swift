import Foundation

/// The occurrences of a plan item (issue 11, «Execution figures»): an item without recurrence
/// has one, due at its deadline; a recurring item over [start, deadline] has one per calendar
/// month / quarter / half-year whose last day falls within [start, deadline], due on that last day.
public enum PlanOccurrences {
    /// The due days of the occurrences, in order. A recurring item without a start has none
    /// (forms and imports ask for a start first).
    public static func dueDays(start: CalendarDay?, deadline: CalendarDay, recurrence: PlanRecurrence) -> [CalendarDay] {
        guard let months = recurrence.months else { return [deadline] }
        guard let start, start <= deadline else { return [] }
        var out: [CalendarDay] = []
        // The first period end on or after the start: periods are aligned to the calendar year
        // (quarters end in March, June, September, December; half-years in June and December).
        var month = ((start.month - 1) / months + 1) * months
        var year = start.year
        while true {
            guard let end = CalendarDay(year: year, month: month, day: CalendarDay.daysInMonth(year, month)) else { break }
            if end > deadline { break }
            if end >= start { out.append(end) }
            month += months
            if month > 12 { month -= 12; year += 1 }
        }
        return out
    }

    /// The same day a year later (29 February becomes 28 February): copying a plan to the next year.
    public static func nextYear(_ d: CalendarDay) -> CalendarDay {
        CalendarDay(year: d.year + 1, month: d.month, day: d.day) ?? CalendarDay(year: d.year + 1, month: d.month, day: 28)!
    }
}
