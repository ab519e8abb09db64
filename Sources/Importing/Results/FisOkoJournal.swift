import Foundation

/// ФИС ОКО «Сравнение отметок с отметками по журналу»: per row the share and the
/// count of participants who got a lower («Понизили»), equal or higher mark than
/// in the journal. Headers may be one row («Понизили (…) %», «Понизили (…) Кол-во
/// участников») or two (group over «%» | «Кол-во участников»).
enum FisOkoJournal {
    static let groups = ["понизили", "подтвердили", "повысили"]

    struct Layout {
        var header: Int, dataStart: Int, label: Int, participants: Int
        /// (share column, count column) for each group.
        var columns: [(share: Int, count: Int)]
        var titles: [Int: String]
    }

    static func layout(_ rows: [[String]]) -> Layout? {
        guard let h = FisOko.headerRow(rows, ["группы участников"]) else { return nil }
        let top = rows[h]
        let sub = h + 1 < rows.count ? rows[h + 1] : []
        let subIsHeader = FisOko.cell(sub, 0).isEmpty && sub.contains { let n = FisOko.norm($0); return n == "%" || n.hasPrefix("кол-во") }
        var titles: [Int: String] = [:]
        var carried = ""
        for c in 0..<max(top.count, subIsHeader ? sub.count : 0) {
            let t = FisOko.cell(top, c)
            if !t.isEmpty { carried = t }
            let s = subIsHeader ? FisOko.cell(sub, c) : ""
            titles[c] = s.isEmpty ? t : (t.isEmpty ? carried : t) + " " + s
        }
        let norms = titles.mapValues(FisOko.norm)
        guard let label = norms.first(where: { $0.value.hasPrefix("группы участников") })?.key,
              let participants = norms.filter({ $0.value.hasPrefix("кол-во участников") || $0.value.hasPrefix("количество участников") })
                .filter({ v in !groups.contains { v.value.contains($0) } }).map(\.key).min() else { return nil }
        var columns: [(Int, Int)] = []
        for g in groups {
            let cols = norms.filter { $0.value.hasPrefix(g) }.map(\.key).sorted()
            guard cols.count >= 2 else { return nil }
            let share = cols.first { norms[$0]!.hasSuffix("%") } ?? cols[0]
            let count = cols.first { $0 != share && norms[$0]!.contains("кол-во") } ?? cols.first { $0 != share }!
            columns.append((share, count))
        }
        return Layout(header: h, dataStart: subIsHeader ? h + 2 : h + 1, label: label, participants: participants,
                      columns: columns, titles: titles)
    }

    static func parse(name: String, rows: [[String]], defaultYear: Int?) -> SheetParse<JournalComparisonRow> {
        var out = SheetParse<JournalComparisonRow>()
        guard let l = layout(rows) else { return FisOkoJournalVertical.parse(name: name, rows: rows, defaultYear: defaultYear) }
        let info = FisOko.info(rows, header: l.header, sheetName: name, defaultYear: defaultYear)
        out.errors = FisOko.missingInfo(info, sheet: name)
        guard out.errors.isEmpty, let subject = info.subject, let grade = info.grade, let year = info.year else { return out }
        var seenDetail = false
        func err(_ row: Int, _ col: Int, _ message: String) {
            out.errors.append(ImportError(row: row + 1, column: l.titles[col] ?? "", message: message))
        }
        for i in l.dataStart..<rows.count {
            let cells = rows[i]
            let label = FisOko.cell(cells, l.label), pText = FisOko.cell(cells, l.participants)
            if label.isEmpty && pText.isEmpty { continue }
            let kind = FisOko.classify(label, seenDetail: seenDetail)
            if case .municipality = kind { seenDetail = true; continue }
            if case .total = kind { continue }
            if case .school = kind { seenDetail = true }
            var participants: Int?
            do { participants = try CellParser.integer(pText) ?? 0 } catch { err(i, l.participants, error.message) }
            var counts: [Int] = [], shares: [FastDecimal] = []
            for cols in l.columns {
                do { if let n = try CellParser.integer(FisOko.cell(cells, cols.count)) { counts.append(n) } else { counts.append(0) } }
                catch { err(i, cols.count, error.message) }
                switch DecimalText.read(FisOko.cell(cells, cols.share).isEmpty ? "0" : FisOko.cell(cells, cols.share), percent: true) {
                case .success(let d): shares.append(d ?? FastDecimal(mantissa: 0, scale: 0))
                case .failure(let e): err(i, cols.share, e.message)
                }
            }
            guard let participants, counts.count == 3, shares.count == 3 else { continue }
            let sum = counts.reduce(0, +)
            if sum != participants {
                err(i, l.participants, "Понизили + подтвердили + повысили = \(sum), а участников \(participants). Проверьте строку отчёта.")
                continue
            }
            var consistent = true
            for k in 0..<3 {
                let expected = shares[k].double * Double(participants) / 100
                if abs(expected - Double(counts[k])) > 1 + 1e-9 {
                    consistent = false
                    err(i, l.columns[k].count, "Доля \(shares[k].text) % от \(participants) участников — это около \(Int(expected.rounded())) чел., "
                        + "а в файле \(counts[k]). Доля и количество не согласуются: скачайте отчёт заново.")
                }
            }
            guard consistent else { continue }
            switch kind {
            case .wholeSample, .region:
                let scope: RegionReference.Scope = kind == .wholeSample ? .wholeSample : .region
                for (k, m) in ["lowered", "confirmed", "raised"].enumerated() {
                    out.references.append(RegionReference(subject: subject, grade: grade, year: year, value: shares[k].text,
                                                          measure: m, scope: scope, label: label))
                }
            case .school(let key):
                out.rows.append(JournalComparisonRow(row: i + 1, school: key, year: year, subject: subject, grade: grade,
                    participants: participants, lowered: counts[0], confirmed: counts[1], raised: counts[2]))
            default: break
            }
        }
        return out
    }
}
