import Foundation

/// ФИС ОКО «Статистика по отметкам»: shares of «2»…«5» per row, from the whole
/// sample down to schools. Also the older header «Кол-во уч.» with a merged
/// two-row header «Распределение групп баллов в %» (inferred layout).
enum FisOkoMarks {
    struct Layout {
        var header: Int, dataStart: Int, label: Int, participants: Int
        var marks: [Int]
        var headers: [Int: String]
    }

    static func layout(_ rows: [[String]]) -> Layout? {
        guard let h = FisOko.headerRow(rows, ["группы участников"]) else { return nil }
        let top = rows[h].map(FisOko.norm)
        guard let label = top.firstIndex(where: { $0.hasPrefix("группы участников") }),
              let participants = top.firstIndex(where: { ["кол-во участников", "кол-во уч", "количество участников", "число участников"]
                .contains(where: $0.hasPrefix) }) else { return nil }
        for r in [h, h + 1] where r < rows.count {
            let cells = rows[r].map { FisOko.norm($0).filter { !"«»\"".contains($0) } }
            let marks = (2...5).compactMap { m in cells.firstIndex(of: "\(m)") }
            if marks.count == 4 {
                var headers: [Int: String] = [label: rows[h][label], participants: rows[h][participants]]
                for (i, c) in marks.enumerated() { headers[c] = "«\(i + 2)»" }
                return Layout(header: h, dataStart: r + 1, label: label, participants: participants, marks: marks, headers: headers)
            }
        }
        return nil
    }

    static func parse(name: String, rows: [[String]], defaultYear: Int?) -> SheetParse<VPRRow> {
        var out = SheetParse<VPRRow>()
        guard let l = layout(rows) else { return out }
        let info = FisOko.info(rows, header: l.header, sheetName: name, defaultYear: defaultYear)
        out.errors = FisOko.missingInfo(info, sheet: name)
        guard out.errors.isEmpty, let subject = info.subject, let grade = info.grade, let year = info.year else { return out }
        var seenDetail = false, skippedEmpty = 0
        func err(_ row: Int, _ col: Int, _ message: String) {
            out.errors.append(ImportError(row: row + 1, column: l.headers[col] ?? "", message: message))
        }
        for i in l.dataStart..<rows.count {
            let cells = rows[i]
            let label = FisOko.cell(cells, l.label)
            let pText = FisOko.cell(cells, l.participants)
            let shareTexts = l.marks.map { FisOko.cell(cells, $0) }
            if label.isEmpty && pText.isEmpty && shareTexts.allSatisfy(\.isEmpty) { continue }
            let kind = FisOko.classify(label, seenDetail: seenDetail)
            if case .municipality = kind { seenDetail = true; continue }
            if case .total = kind { continue }
            if case .school = kind { seenDetail = true }
            if label.isEmpty { err(i, l.label, "Нет названия группы участников (школы с логином в скобках, например «…(edu203389)»)."); continue }
            if shareTexts.allSatisfy(\.isEmpty) { skippedEmpty += 1; continue }
            var participants: Int?
            do { participants = try CellParser.integer(pText) } catch { err(i, l.participants, error.message) }
            if pText.isEmpty { err(i, l.participants, ResultMessages.required("Кол-во участников")) }
            var shares: [FastDecimal] = []
            for (k, t) in shareTexts.enumerated() {
                switch DecimalText.read(t.isEmpty ? "0" : t, percent: true) {
                case .success(let d?) where (0...100).contains(d.double): shares.append(d)
                case .success: err(i, l.marks[k], ResultMessages.percentRange(t))
                case .failure(let e): err(i, l.marks[k], e.message)
                }
            }
            guard let participants, shares.count == 4 else { continue }
            if participants < 0 { err(i, l.participants, ResultMessages.negative(participants)); continue }
            if let m = ResultRules.sharesMessage(shares) { err(i, l.marks[0], m); continue }
            let texts = shares.map(\.text)
            switch kind {
            case .wholeSample, .region:
                let scope: RegionReference.Scope = kind == .wholeSample ? .wholeSample : .region
                out.references.append(RegionReference(subject: subject, grade: grade, year: year, value: String(participants),
                                                      measure: "participants", scope: scope, label: label))
                for (k, t) in texts.enumerated() {
                    out.references.append(RegionReference(subject: subject, grade: grade, year: year, value: t,
                                                          measure: "mark\(k + 2)", scope: scope, label: label))
                }
            case .school(let key):
                out.rows.append(VPRRow(row: i + 1, school: key, year: year, subject: subject, grade: grade,
                                       participants: participants, marks: .percentages(texts)))
            default: break
            }
        }
        if skippedEmpty > 0 {
            out.notes.append("Лист «\(name)»: пропущено строк без долей отметок (нет участников) — \(skippedEmpty).")
        }
        let labels = out.rows.filter { if case .label = $0.school { return true } else { return false } }.count
        if labels > 0 {
            out.notes.append("Лист «\(name)»: у \(labels) строк нет логина ФИС ОКО в скобках — их нужно будет один раз сопоставить со школами.")
        }
        return out
    }
}
