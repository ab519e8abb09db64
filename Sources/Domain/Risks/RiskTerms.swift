import Foundation

/// The risk register of a school (issue 11, «Risks (опережающее управление)»; Concept §7.3–7.5;
/// DOMAIN §6): manageability, level, the two deadlines of a cyclic risk, the June advice.

/// DOMAIN §6: managed at all levels / weakly managed (by region and municipality) / unmanaged (region, or noted only).
public enum RiskManageability: String, CaseIterable, Sendable {
    case managed, weak, unmanaged
    public var title: String {
        switch self {
        case .managed: "управляемый (на всех уровнях)"
        case .weak: "слабоуправляемый (регион, муниципалитет)"
        case .unmanaged: "неуправляемый (учитывается, регион)"
        }
    }
}

public enum RiskLevel: String, CaseIterable, Sendable, Comparable {
    case low, medium, high
    public var title: String {
        switch self {
        case .low: "низкий"
        case .medium: "средний"
        case .high: "высокий"
        }
    }
    var rank: Int { self == .low ? 0 : self == .medium ? 1 : 2 }
    public static func < (a: RiskLevel, b: RiskLevel) -> Bool { a.rank < b.rank }
}

public enum RiskDeadlines {
    /// DOMAIN §6, Concept §7.4: a decision on a cyclic risk is taken at once (due on the day it is
    /// registered) and carried out before its next possible occurrence (due the day before it).
    /// A non-cyclic risk has no deadline of its own: its decision falls under the June advice.
    public static func due(registered: CalendarDay, cyclic: Bool, nextOccurrence: CalendarDay?) -> (decision: CalendarDay?, measures: CalendarDay?) {
        guard cyclic else { return (nil, nil) }
        return (registered, nextOccurrence?.adding(days: -1))
    }

    /// DOMAIN §6 and §3: decisions on next year's risks no later than June — the 30 June on or after `today`.
    public static func nextYearDecisionsBy(_ today: CalendarDay) -> CalendarDay {
        let june = CalendarDay(year: today.year, month: 6, day: 30)!
        return today <= june ? june : CalendarDay(year: today.year + 1, month: 6, day: 30)!
    }

    /// The decision is overdue: due, not taken, and the day has passed.
    public static func decisionOverdue(due: CalendarDay?, decided: CalendarDay?, today: CalendarDay) -> Bool {
        guard let due, decided == nil else { return false }
        return due < today
    }
}

/// The municipal matrix: schools × risk kinds, the highest level registered in each cell.
public enum RiskMatrix {
    public struct Entry: Sendable, Equatable {
        public var school: UUID, kind: String, level: RiskLevel
        public init(school: UUID, kind: String, level: RiskLevel) { self.school = school; self.kind = kind; self.level = level }
    }

    public static func cells(_ entries: [Entry]) -> [UUID: [String: RiskLevel]] {
        var out: [UUID: [String: RiskLevel]] = [:]
        for e in entries { out[e.school, default: [:]][e.kind] = max(out[e.school]?[e.kind] ?? e.level, e.level) }
        return out
    }
}
