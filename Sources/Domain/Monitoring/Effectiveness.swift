import Foundation

/// One year of the effectiveness analysis (Concept §7.5: «ключевым показателем
/// эффективности мер … являются снижение количества общеобразовательных организаций,
/// имеющих данный статус»).
public struct EffectivenessYear: Sendable, Hashable {
    public var year: Int
    public var count: Int
    /// The year compared with: the nearest earlier year in the data (nil for the first).
    public var previousYear: Int?
    /// Schools with the status this year but not in `previousYear`, sorted by code.
    public var entered: [String]
    /// Schools with the status in `previousYear` but not this year, sorted by code.
    public var left: [String]
    /// count − count(previousYear); negative is the improvement the Concept looks for.
    public var change: Int?
}

public enum Effectiveness {
    /// `statuses`: year → codes of schools having the status that year. Years are
    /// compared with the nearest earlier year present (consecutive in the data).
    public static func analyze(_ statuses: [Int: Set<String>]) -> [EffectivenessYear] {
        var out: [EffectivenessYear] = []
        var previous: (year: Int, schools: Set<String>)?
        for year in statuses.keys.sorted() {
            let now = statuses[year]!
            var row = EffectivenessYear(year: year, count: now.count, previousYear: nil, entered: [], left: [], change: nil)
            if let previous {
                row.previousYear = previous.year
                row.entered = now.subtracting(previous.schools).sorted()
                row.left = previous.schools.subtracting(now).sorted()
                row.change = now.count - previous.schools.count
            }
            out.append(row)
            previous = (year, now)
        }
        return out
    }
}
