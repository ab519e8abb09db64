import Foundation

/// One year of the effectiveness analysis (Concept §7.5: «ключевым показателем
/// эффективности мер … являются снижение количества общеобразовательных организаций,
/// имеющих данный статус»).
public struct EffectivenessYear: Sendable, Hashable {
    public var year: Int
    public var count: Int
    /// The year compared with: the nearest earlier year in the data (nil for the first).
    public var previousYear: Int?
    /// Labels of the schools with the status this year but not in `previousYear`, sorted.
    public var entered: [String]
    /// Labels of the schools with the status in `previousYear` but not this year, sorted.
    public var left: [String]
    /// count − count(previousYear); negative is the improvement the Concept looks for.
    public var change: Int?
    /// The same schools by key (school id or number), sorted.
    public var enteredKeys: [String] = []
    public var leftKeys: [String] = []
}

public enum Effectiveness {
    /// `statuses`: year → the schools having the status that year, key → label. Schools are
    /// told apart by the key (the school's id or number), never by the label: two schools of
    /// one name stay two, and a school renamed between years neither leaves nor enters.
    /// Years are compared with the nearest earlier year present (consecutive in the data).
    public static func analyze(schools statuses: [Int: [String: String]]) -> [EffectivenessYear] {
        var out: [EffectivenessYear] = []
        var previous: (year: Int, schools: [String: String])?
        for year in statuses.keys.sorted() {
            let now = statuses[year]!
            var row = EffectivenessYear(year: year, count: now.count, previousYear: nil, entered: [], left: [], change: nil)
            if let previous {
                let keys = Set(now.keys), before = Set(previous.schools.keys)
                row.previousYear = previous.year
                row.enteredKeys = keys.subtracting(before).sorted()
                row.leftKeys = before.subtracting(keys).sorted()
                row.entered = row.enteredKeys.map { now[$0]! }.sorted()
                row.left = row.leftKeys.map { previous.schools[$0]! }.sorted()
                row.change = now.count - previous.schools.count
            }
            out.append(row)
            previous = (year, now)
        }
        return out
    }

    /// The same for sets of keys that are their own labels (school codes).
    public static func analyze(_ statuses: [Int: Set<String>]) -> [EffectivenessYear] {
        analyze(schools: statuses.mapValues { Dictionary(uniqueKeysWithValues: $0.map { ($0, $0) }) })
    }
}
