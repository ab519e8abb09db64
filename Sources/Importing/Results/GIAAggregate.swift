import Foundation

/// Turns protocol groups into school rows and region references.
enum GIAAggregate {
    /// Minimum ЕГЭ test scores (Рособрнадзор, 2024–2026), by subject code.
    static let egeMinimum: [String: Int] = [
        "russian": 24, "math_profile": 27, "physics": 36, "chemistry": 36, "informatics": 40, "biology": 36,
        "history": 32, "geography": 37, "social_studies": 42, "literature": 32,
        "english": 22, "german": 22, "french": 22, "spanish": 22, "chinese": 17,
    ]

    static func mean(_ xs: [Int]) -> Double { xs.isEmpty ? 0 : Double(xs.reduce(0, +)) / Double(xs.count) }

    /// Sample standard deviation (n − 1); nil for fewer than 2 values.
    static func sd(_ xs: [Int]) -> Double? {
        guard xs.count > 1 else { return nil }
        let m = mean(xs)
        return (xs.reduce(0.0) { $0 + (Double($1) - m) * (Double($1) - m) } / Double(xs.count - 1)).squareRoot()
    }

    static let note = "Средние по школам рассчитаны по строкам участников протокола (стандартное отклонение — выборочное, n − 1); "
        + "школа определяется по Коду ОО вместе с Кодом МСУ; средние по файлу — по всем его участникам (региональными они "
        + "считаются, только если файл охватывает регион). ФИО участников не импортируются."

    static func ege(_ p: GIAProtocol.Parse) -> ResultFile<EGERow> {
        var rows: [EGERow] = [], refs: [RegionReference] = []
        let groups = p.groups.filter { $0.exam == .ege || $0.subject == "math_base" }
        for g in groups {
            let base = g.subject == "math_base"
            let below = base ? g.scores.filter { $0 == 2 }.count : egeMinimum[g.subject].map { m in g.scores.filter { $0 < m }.count }
            rows.append(EGERow(row: g.row, school: .gia(g.school, msu: g.msu), year: g.year, subject: g.subject, participants: g.scores.count,
                               average: DecimalText.format(mean(g.scores)), sd: sd(g.scores).map { DecimalText.format($0) },
                               belowMinimum: below, highScorers: base ? nil : g.scores.filter { $0 >= 80 }.count))
        }
        refs = references(groups, measure: "average_score", region: p.region)
        return ResultFile(rows: rows, references: refs, notes: p.notes + [note])
    }

    static func oge(_ p: GIAProtocol.Parse) -> ResultFile<OGERow> {
        var rows: [OGERow] = []
        let groups = p.groups.filter { $0.exam == .oge && $0.subject != "math_base" }
        for g in groups {
            rows.append(OGERow(row: g.row, school: .gia(g.school, msu: g.msu), year: g.year, subject: g.subject, participants: g.scores.count,
                               averageMark: DecimalText.format(mean(g.scores)),
                               averageScore: g.primary.isEmpty ? nil : DecimalText.format(mean(g.primary)),
                               belowThreshold: g.scores.filter { $0 == 2 }.count))
        }
        return ResultFile(rows: rows, references: references(groups, measure: "average_mark", region: p.region), notes: p.notes + [note])
    }

    /// The average and the participants of every subject over the whole file, with the
    /// municipalities (Код МСУ) of its participants: a protocol of one municipality is not
    /// the region, and the app saves such a value as the region's only when it covers it.
    static func references(_ groups: [GIAProtocol.Group], measure: String, region: String?) -> [RegionReference] {
        var order: [String] = [], all: [String: (year: Int, scores: [Int], msu: [String])] = [:]
        for g in groups {
            let key = "\(g.subject)|\(g.year)"
            if all[key] == nil { order.append(key); all[key] = (g.year, [], []) }
            all[key]!.scores += g.scores
            if let m = g.msu, !all[key]!.msu.contains(m) { all[key]!.msu.append(m) }
        }
        return order.flatMap { key -> [RegionReference] in
            let v = all[key]!, subject = String(key.split(separator: "|")[0]), municipalities = v.msu
            return [
                RegionReference(subject: subject, grade: nil, year: v.year, value: DecimalText.format(mean(v.scores)),
                                measure: measure, scope: .region, label: region ?? "", municipalities: municipalities),
                RegionReference(subject: subject, grade: nil, year: v.year, value: String(v.scores.count),
                                measure: "participants", scope: .region, label: region ?? "", municipalities: municipalities),
            ]
        }
    }
}
