import Foundation
import Domain

/// The older vertical «Сравнение отметок с отметками по журналу» (inferred
/// layout): rows «Понизили» / «Подтвердили» / «Повысили» / «Всего» with columns
/// Группы участников | Кол-во участников | %. The school is the label row above
/// the group rows, or the login in the sheet's header block.
enum FisOkoJournalVertical {
    static func parse(name: String, rows: [[String]], defaultYear: Int?) -> SheetParse<JournalComparisonRow> {
        var out = SheetParse<JournalComparisonRow>()
        guard let h = FisOko.headerRow(rows, ["группы участников"]) else { return out }
        let head = rows[h].map(FisOko.norm)
        guard let label = head.firstIndex(where: { $0.hasPrefix("группы участников") }),
              let countCol = head.firstIndex(where: { $0.hasPrefix("кол-во участников") || $0.hasPrefix("количество участников") }),
              isVertical(rows, from: h + 1, label: label) else { return out }
        let info = FisOko.info(rows, header: h, sheetName: name, defaultYear: defaultYear)
        out.errors = FisOko.missingInfo(info, sheet: name)
        guard out.errors.isEmpty, let subject = info.subject, let grade = info.grade, let year = info.year else { return out }
        let headerLogin = rows.prefix(h).lazy.flatMap { $0 }.compactMap { FisOkoLogin.find(in: $0) }.first
        var entity: (kind: FisOko.RowKind, row: Int)? = headerLogin.map { (.school(.login($0)), h + 1) }
        var counts: [String: Int] = [:]
        func flush() {
            defer { counts = [:] }
            guard let e = entity, case .school(let key) = e.kind, let lo = counts["понизили"], let co = counts["подтвердили"],
                  let ra = counts["повысили"] else { return }
            let total = counts["всего"] ?? lo + co + ra
            if total != lo + co + ra {
                out.errors.append(ImportError(row: e.row, column: rows[h][countCol],
                    message: "Понизили + подтвердили + повысили = \(lo + co + ra), а «Всего» \(total). Проверьте отчёт."))
                return
            }
            out.rows.append(JournalComparisonRow(row: e.row, school: key, year: year, subject: subject, grade: grade,
                                                 participants: total, lowered: lo, confirmed: co, raised: ra))
        }
        var seenDetail = headerLogin != nil
        for i in (h + 1)..<rows.count {
            let text = FisOko.cell(rows[i], label)
            let n = FisOko.norm(text)
            if text.isEmpty { continue }
            if let g = (FisOkoJournal.groups + ["всего"]).first(where: { n.hasPrefix($0) }) {
                do { counts[g] = try CellParser.integer(FisOko.cell(rows[i], countCol)) ?? 0 }
                catch { out.errors.append(ImportError(row: i + 1, column: rows[h][countCol], message: error.message)) }
                if g == "всего" { flush() }
                continue
            }
            flush()
            let kind = FisOko.classify(text, seenDetail: seenDetail)
            if case .school = kind { seenDetail = true }
            if case .municipality = kind { seenDetail = true }
            entity = (kind, i + 1)
        }
        flush()
        return out
    }

    /// Whether group words appear in the label column under the header.
    static func isVertical(_ rows: [[String]], from start: Int, label: Int) -> Bool {
        rows.dropFirst(start).prefix(20).contains { FisOko.norm(FisOko.cell($0, label)).hasPrefix("понизили") }
    }
}
