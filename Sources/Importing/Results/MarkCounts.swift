import Foundation

extension ResultImport {
    /// Rebuilds counts of marks from their shares in percent, as ФИС ОКО gives
    /// only shares: countᵢ = round(shareᵢ × participants / 100) (halves away from
    /// zero). When the rounded counts do not add up to `participants`, the
    /// difference is spread by the largest-remainder rule: missing participants go
    /// one by one to the marks with the largest remainder (shareᵢ × participants /
    /// 100 − countᵢ), surplus ones are taken from the marks with the smallest
    /// remainder (and a count above 0); ties go to the lower mark first.
    /// `adjusted` tells whether such a correction was needed. Unreadable shares count as 0.
    public static func rebuildCounts(percentages: [String], participants: Int) -> (counts: [Int], adjusted: Bool) {
        let raw = percentages.map { (FastDecimal.parse($0)?.double ?? 0) * Double(participants) / 100 }
        var counts = raw.map { Int($0.rounded(.toNearestOrAwayFromZero)) }
        var diff = participants - counts.reduce(0, +)
        let adjusted = diff != 0 && !counts.isEmpty
        guard adjusted else { return (counts, false) }
        while diff != 0 {
            let order = counts.indices.sorted { a, b in
                let ra = raw[a] - Double(counts[a]), rb = raw[b] - Double(counts[b])
                if abs(ra - rb) > 1e-9 { return diff > 0 ? ra > rb : ra < rb }
                return a < b
            }
            if diff > 0 {
                counts[order[0]] += 1
                diff -= 1
            } else {
                guard let i = order.first(where: { counts[$0] > 0 }) else { break }
                counts[i] -= 1
                diff += 1
            }
        }
        return (counts, true)
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
            + "round(доля × участники / 100)"
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
