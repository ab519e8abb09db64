import Foundation
import Domain

extension ResultImport {
    /// Rebuilds counts of marks from their shares in percent, as ФИС ОКО gives only
    /// shares: the one rule of `Domain.MarkCounts.rebuilt` (round(shareᵢ × participants / 100),
    /// halves away from zero, exact; a sum that misses `participants` is corrected by the
    /// largest-remainder rule, ties to the lower mark). `adjusted` tells whether such a
    /// correction was needed. Unreadable shares count as 0.
    public static func rebuildCounts(percentages: [String], participants: Int) -> (counts: [Int], adjusted: Bool) {
        let shares = percentages.map { Rational(decimal: $0) ?? .zero }
        guard let r = Domain.MarkCounts.rebuilt(percentages: shares, participants: participants) else {
            return (shares.map { _ in 0 }, false)
        }
        return (Array(r.counts), r.adjusted)
    }

    /// The note about rebuilt counts for `rows` ВПР rows given as shares.
    static func rebuiltNote(_ rows: [VPRRow]) -> String? {
        var total = 0, adjusted = 0
        for row in rows {
            guard case .percentages(let p) = row.marks else { continue }
            total += 1
            if rebuildCounts(percentages: p, participants: row.participants).adjusted { adjusted += 1 }
        }
        guard total > 0 else { return nil }
        var note = "В файле доли отметок в процентах, а не количества. Количество отметок восстанавливается как "
            + "round(доля × участники / 100), и показатель 2 считается по восстановленным количествам"
        note += adjusted == 0 ? "; во всех строках сумма сошлась с числом участников."
            : "; в \(adjusted) \(plural(adjusted, "строке", "строках", "строках")) сумма не сошлась с числом участников — "
            + "скорректирована по наибольшим остаткам."
        return note
    }

    /// Russian plural form for `n`: (1) строке, (2–4) строках, (5+) строках.
    static func plural(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        let m10 = n % 10, m100 = n % 100
        if m10 == 1 && m100 != 11 { return one }
        if (2...4).contains(m10) && !(12...14).contains(m100) { return few }
        return many
    }
}
