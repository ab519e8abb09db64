import Foundation

/// The execution figures of a plan, or of every plan of a school, at a date (issue 11,
/// «Execution figures»; the numbers the monitoring of methodological assistance asks for,
/// Concept §6.4). One implementation for the pages and `opora plans figures`; the
/// definitions are `methodText`.
public enum PlanFigures {
    /// An item as the figures need it.
    public struct Item: Sendable, Hashable, Codable {
        public var start: CalendarDay?
        public var deadline: CalendarDay
        public var recurrence: PlanRecurrence
        public var status: PlanItemStatus
        public var targets: Set<PlanTargetGroup>
        /// The deficits and risks the item addresses (адресность): non-empty = targeted.
        public var addresses: String
        /// Occurrence (its due day) → the day it was executed.
        public var executed: [CalendarDay: CalendarDay]

        public init(start: CalendarDay? = nil, deadline: CalendarDay, recurrence: PlanRecurrence = .none, status: PlanItemStatus = .planned,
                    targets: Set<PlanTargetGroup> = [], addresses: String = "", executed: [CalendarDay: CalendarDay] = [:]) {
            self.start = start; self.deadline = deadline; self.recurrence = recurrence; self.status = status
            self.targets = targets; self.addresses = addresses; self.executed = executed
        }

        public var occurrences: [CalendarDay] { PlanOccurrences.dueDays(start: start, deadline: deadline, recurrence: recurrence) }
        public var isTargeted: Bool { !addresses.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    /// The figures of a set of items at a date.
    public struct Result: Sendable, Hashable {
        public var asOf: CalendarDay
        public var items = 0
        public var targeted = 0
        public var due = 0
        public var done = 0
        public var onTime = 0
        public var cyclic = false
        public var groups: Set<PlanTargetGroup> = []

        /// done / due; nil when nothing is due.
        public var completeness: Rational? { due == 0 ? nil : Rational(Int128(done), Int128(due)) }
        /// on_time / due; nil when nothing is due.
        public var timeliness: Rational? { due == 0 ? nil : Rational(Int128(onTime), Int128(due)) }
        /// targeted items / items; nil without items.
        public var targetedShare: Rational? { items == 0 ? nil : Rational(Int128(targeted), Int128(items)) }
        public var groupsCovered: Int { groups.count }
    }

    public static func compute(_ items: [Item], asOf: CalendarDay) -> Result {
        var r = Result(asOf: asOf)
        for item in items where item.status != .cancelled {
            r.items += 1
            if item.isTargeted { r.targeted += 1 }
            if item.recurrence != .none { r.cyclic = true }
            r.groups.formUnion(item.targets)
            for due in item.occurrences where due <= asOf {
                r.due += 1
                guard let executed = item.executed[due] else { continue }
                if executed <= asOf { r.done += 1 }
                if executed <= due { r.onTime += 1 }
            }
        }
        return r
    }

    /// The figures in the order of the CLI and the pages.
    public static let figures = ["items", "due", "done", "on_time", "completeness", "timeliness", "targeted_share", "cyclic", "groups_covered"]

    /// One figure as the CLI prints it and the page carries it: integers, decimals with a point
    /// (at most four places, half away from zero, no trailing zeros), `true`/`false`, or "" (empty).
    public struct Value: Sendable, Hashable {
        public var figure: String
        /// Machine text: "3", "0.75", "true", "".
        public var value: String
        /// Russian presentation: "3", "0,75", "да", "—".
        public var ru: String
        /// The formula with its inputs: «выполнено / к сроку = 3 / 4».
        public var formula: String
    }

    public static func values(_ r: Result) -> [Value] {
        func int(_ f: String, _ n: Int, _ formula: String) -> Value { Value(figure: f, value: String(n), ru: String(n), formula: formula) }
        func frac(_ f: String, _ x: Rational?, _ num: Int, _ den: Int, _ words: String) -> Value {
            Value(figure: f, value: x.map { decimal($0) } ?? "", ru: x.map { decimal($0).replacingOccurrences(of: ".", with: ",") } ?? "—",
                  formula: "\(words) = \(num) / \(den)" + (x == nil ? " — не определена (знаменатель 0)" : ""))
        }
        let groups = PlanTargetGroup.allCases.filter { r.groups.contains($0) }.map(\.title)
        return [
            int("items", r.items, "пункты плана, кроме отменённых"),
            int("due", r.due, "наступления со сроком не позже \(r.asOf.ru)"),
            int("done", r.done, "из них исполнены не позже \(r.asOf.ru)"),
            int("on_time", r.onTime, "из них исполнены не позже своего срока"),
            frac("completeness", r.completeness, r.done, r.due, "выполнено / к сроку"),
            frac("timeliness", r.timeliness, r.onTime, r.due, "в срок / к сроку"),
            frac("targeted_share", r.targetedShare, r.targeted, r.items, "адресные пункты / пункты"),
            Value(figure: "cyclic", value: r.cyclic ? "true" : "false", ru: r.cyclic ? "да" : "нет",
                  formula: r.cyclic ? "есть повторяющиеся пункты" : "повторяющихся пунктов нет"),
            Value(figure: "groups_covered", value: String(r.groupsCovered), ru: String(r.groupsCovered),
                  formula: groups.isEmpty ? "целевые группы не указаны" : groups.joined(separator: ", ")),
        ]
    }

    /// A decimal with a point to at most four places: "0.5", "0.6667", "1".
    public static func decimal(_ x: Rational) -> String {
        var s = x.rounded(4)
        guard s.contains(".") else { return s }
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
