import Foundation
import Domain

/// ФИС ОКО «Индивидуальные результаты»: one row per participant with task scores.
/// The primary score is recomputed from the task cells (X, x and Cyrillic Х
/// count as 0); absent participants («отсутствовал») and group rows
/// («Кол-во участников: 89») are skipped; names are never read.
enum FisOkoIndividual {
    struct Layout {
        var header: Int
        var login: Int?, name: Int?, code: Int, className: Int?, variant: Int?
        var tasks: [(col: Int, max: Int)]
        var total: Int?, mark: Int?, journal: Int?
    }

    static func layout(_ rows: [[String]]) -> Layout? {
        guard let h = FisOko.headerRow(rows, ["код участника"]) else { return nil }
        let n = rows[h].map(FisOko.norm)
        guard let code = n.firstIndex(of: "код участника") else { return nil }
        var l = Layout(header: h, login: n.firstIndex(of: "оо"), name: n.firstIndex(of: "название оо"), code: code,
                       className: n.firstIndex(of: "класс"), variant: n.firstIndex(of: "вариант"), tasks: [],
                       total: n.firstIndex { $0 == "первичный балл" || $0 == "итого баллов" },
                       mark: n.firstIndex(of: "отметка"), journal: n.firstIndex(of: "отметка по журналу"))
        for (c, text) in n.enumerated() where c > code {
            if let m = taskMax(text) { l.tasks.append((c, m)) }
        }
        guard l.login != nil || l.name != nil, !(l.tasks.isEmpty && l.total == nil) else { return nil }
        return l
    }

    /// «9.1 (1б)», «5(1) (1б)», «4К1 (3б)» → 1, 1, 3.
    static func taskMax(_ header: String) -> Int? {
        guard header.hasSuffix("б)"), let open = header.lastIndex(of: "(") else { return nil }
        return Int(header[header.index(after: open)..<header.index(header.endIndex, offsetBy: -2)])
    }

    static func parse(name: String, rows: [[String]], defaultYear: Int?) -> SheetParse<VPRParticipantRow> {
        var out = SheetParse<VPRParticipantRow>()
        guard let l = layout(rows) else { return out }
        let info = FisOko.info(rows, header: l.header, sheetName: name, defaultYear: defaultYear)
        out.errors = FisOko.missingInfo(info, sheet: name)
        guard out.errors.isEmpty, let subject = info.subject, let grade = info.grade, let year = info.year else { return out }
        let headers = rows[l.header]
        func err(_ row: Int, _ col: Int?, _ message: String) {
            out.errors.append(ImportError(row: row + 1, column: FisOko.cell(headers, col), message: message))
        }
        var absent = 0, totalMismatch = 0, seen = FirstSeen()
        for i in (l.header + 1)..<rows.count {
            let cells = rows[i]
            let code = FisOko.cell(cells, l.code)
            if code.isEmpty || FisOko.norm(code).hasPrefix("кол-во") { continue }
            if cells.contains(where: { FisOko.norm($0).hasPrefix("отсутств") }) { absent += 1; continue }
            let loginText = FisOko.cell(cells, l.login), nameText = FisOko.cell(cells, l.name)
            let school: SchoolKey
            if let d = FisOkoLogin.digits(loginText) ?? FisOkoLogin.find(in: nameText) { school = .login(d) }
            else if !nameText.isEmpty { school = .label(nameText) }
            else { err(i, l.login ?? l.name ?? l.code, "Не указана школа (логин ФИС ОКО, например edu203389)."); continue }
            let before = out.errors.count
            var sum = 0
            for task in l.tasks {
                let t = FisOko.cell(cells, task.col)
                if t.isEmpty || ["x", "х"].contains(t.lowercased()) { continue }
                do {
                    let v = try CellParser.integer(t) ?? 0
                    if v < 0 || v > task.max { err(i, task.col, "Балл \(v) за задание вне диапазона 0–\(task.max).") } else { sum += v }
                } catch { err(i, task.col, error.message) }
            }
            var mark: Int?, journal: Int?
            for (col, target) in [(l.mark, 0), (l.journal, 1)] {
                let t = FisOko.cell(cells, col)
                if t.isEmpty || FisOko.norm(t).hasPrefix("нет") { continue }
                if let m = Int(t.hasSuffix(".0") ? String(t.dropLast(2)) : t), (2...5).contains(m) {
                    if target == 0 { mark = m } else { journal = m }
                } else { err(i, col, "Отметка «\(t)» не подходит: нужна отметка от 2 до 5 или «нет отметки».") }
            }
            if let first = seen.earlierRow(of: "\(school)|\(code)", row: i + 1) {
                err(i, l.code, ResultMessages.duplicate(first, "та же школа и код участника"))
            }
            guard out.errors.count == before else { continue }
            let primary: Int? = l.tasks.isEmpty ? (try? CellParser.integer(FisOko.cell(cells, l.total))) : sum
            if !l.tasks.isEmpty, let fileTotal = try? CellParser.integer(FisOko.cell(cells, l.total)), fileTotal != sum { totalMismatch += 1 }
            out.rows.append(VPRParticipantRow(row: i + 1, school: school, year: year, subject: subject, grade: grade,
                className: FisOko.cell(cells, l.className), participant: code, primaryScore: primary, mark: mark, journalMark: journal))
        }
        if absent > 0 { out.notes.append("Лист «\(name)»: пропущено участников с пометкой «отсутствовал» — \(absent).") }
        if totalMismatch > 0 {
            out.notes.append("Лист «\(name)»: первичный балл пересчитан по баллам за задания (X = 0); в \(totalMismatch) "
                + ResultImport.plural(totalMismatch, "строке", "строках", "строках") + " он не совпал с баллом в файле.")
        }
        return out
    }
}
