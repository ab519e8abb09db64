import Foundation

/// The days of the calendar pages: weeks run Monday to Sunday.
public enum EventCalendar {
    /// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    public static func weekday(_ d: CalendarDay) -> Int { ((d.dayNumber + 3) % 7 + 7) % 7 }

    public static func week(containing d: CalendarDay) -> [CalendarDay] {
        let monday = d.adding(days: -weekday(d))
        return (0..<7).map { monday.adding(days: $0) }
    }

    /// The weeks that cover the month of `d`, each of seven days (edges from the neighbouring months).
    public static func monthGrid(containing d: CalendarDay) -> [[CalendarDay]] {
        let first = CalendarDay(year: d.year, month: d.month, day: 1)!
        var weeks: [[CalendarDay]] = []
        var monday = first.adding(days: -weekday(first))
        while weeks.isEmpty || monday.month == d.month && monday.year == d.year {
            weeks.append((0..<7).map { monday.adding(days: $0) })
            monday = monday.adding(days: 7)
        }
        return weeks
    }

    public static func addingMonths(_ d: CalendarDay, _ n: Int) -> CalendarDay {
        let index = d.year * 12 + (d.month - 1) + n
        return CalendarDay(year: index / 12, month: index % 12 + 1, day: 1)!
    }

    public static let weekdayNames = ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"]
    public static let monthNames = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"]
}
