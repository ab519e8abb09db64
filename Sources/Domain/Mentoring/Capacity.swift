/// The days an assignment (DOMAIN §2 «закрепление») is in force, both ends included.
/// A nil start means "since always", a nil end "open".
public struct AssignmentSpan: Sendable, Hashable, Codable {
    public var from: CalendarDay?
    public var to: CalendarDay?

    public init(from: CalendarDay? = nil, to: CalendarDay? = nil) {
        self.from = from; self.to = to
    }

    /// An end before the start: the span holds no day.
    public var isEmpty: Bool {
        guard let from, let to else { return false }
        return to < from
    }

    public func isActive(on day: CalendarDay) -> Bool {
        (from.map { $0 <= day } ?? true) && (to.map { day <= $0 } ?? true)
    }

    public func contains(_ day: CalendarDay) -> Bool { isActive(on: day) }

    /// True when some day is in both spans.
    public func overlaps(_ other: AssignmentSpan) -> Bool {
        guard !isEmpty, !other.isEmpty else { return false }
        let startsBeforeOtherEnds = from.flatMap { f in other.to.map { f <= $0 } } ?? true
        let otherStartsBeforeEnd = other.from.flatMap { f in to.map { f <= $0 } } ?? true
        return startsBeforeOtherEnds && otherStartsBeforeEnd
    }
}

/// How many assignments a mentor or tutor carries against how many they may.
public enum Capacity {
    /// The person's own setting when there is one, else the municipality's default.
    public static func effective(personal: Int?, municipalDefault: Int) -> Int {
        personal ?? municipalDefault
    }

    /// The number of the person's assignments in force on `day`.
    public static func load(assignments: [AssignmentSpan], at day: CalendarDay) -> Int {
        assignments.count(where: { $0.isActive(on: day) })
    }

    /// Over capacity: more assignments than allowed (exactly at capacity is not over).
    public static func isOver(load: Int, capacity: Int) -> Bool { load > capacity }

    /// Whether one more assignment would put the person over capacity.
    public static func wouldExceed(currentLoad: Int, capacity: Int) -> Bool {
        isOver(load: currentLoad + 1, capacity: capacity)
    }
}

/// Whether a supporter–supported pair has gone quiet: assigned, but no contact for long.
public enum PairHealth {
    /// The default threshold: four weeks.
    public static let defaultThresholdDays = 28

    /// The latest of `contacts` on or before `day`.
    public static func lastContact(in contacts: [CalendarDay], onOrBefore day: CalendarDay) -> CalendarDay? {
        contacts.filter { $0 <= day }.max()
    }

    /// A pair is quiet on `to` when its assignment is in force that day and the reference
    /// day is MORE than `n` days before `to` (exactly `n` days is not quiet, `n + 1` is).
    /// The reference day is the last contact, or the assignment's start when there has
    /// been none. With neither (an assignment "since always" and never a contact) the
    /// pair is quiet: nothing shows it works, and it is safer to show it to the center.
    /// An assignment no longer (or not yet) in force is never quiet.
    ///
    /// `lastContact` must be on or before `to` (see `lastContact(in:onOrBefore:)`); a
    /// later day is ignored, as if there had been no contact.
    public static func isQuiet(span: AssignmentSpan, lastContact: CalendarDay?, at to: CalendarDay,
                               thresholdDays n: Int = defaultThresholdDays) -> Bool {
        guard span.isActive(on: to) else { return false }
        guard let reference = lastContact.flatMap({ $0 <= to ? $0 : nil }) ?? span.from else { return true }
        return CalendarDay.days(from: reference, to: to) > n
    }
}
