import Foundation
import Domain

/// Per-school ЕГЭ summaries (inferred layout): a merged header with
/// municipality, school, then per subject «приняли участие», «не преодолели
/// минимальный порог», «высокобалльники 80–99», «100 баллов», «средний балл».
/// Merged municipality/school cells are filled down; «всего»/«итого» rows are totals.
enum GIASummary {
    static func metric(_ n: String) -> String? {
        if n.contains("приняли участие") || n.contains("участвовал") { return "participants" }
        if n.contains("не преодолел") { return "below" }
        if n.contains("100 балл") { return "high100" }
        if n.contains("высокобалл") || n.contains("80") { return "high" }
        if n.contains("средний") { return "average" }
        return nil
    }

    static func isSummary(_ rows: [[String]]) -> Bool { subheader(rows) != nil }

    static func subheader(_ rows: [[String]]) -> Int? {
        rows.prefix(30).firstIndex { $0.filter { FisOko.norm($0).contains("приняли участие") }.count >= 1 }
    }

    static func parse(_ rows: [[String]], defaultYear: Int?) -> SheetParse<EGERow> {
        var out = SheetParse<EGERow>()
        guard let s = subheader(rows) else { return out }
        // Subject of every column: the subject names above the subheader, carried right over merged cells.
        var subjectOf: [Int: String] = [:]
        for r in stride(from: s - 1, through: max(0, s - 3), by: -1) {
            var current: String?
            for c in 0..<max(rows[r].count, rows[s].count) {
                let t = FisOko.cell(rows[r], c)
                if !t.isEmpty { current = Subjects.canonical(t, exam: .ege) }
                if let current, subjectOf[c] == nil { subjectOf[c] = current }
            }
        }
        var columns: [String: [String: Int]] = [:]   // subject → metric → column
        for (c, text) in rows[s].enumerated() {
            guard let subject = subjectOf[c], let m = metric(FisOko.norm(text)), columns[subject]?[m] == nil else { continue }
            columns[subject, default: [:]][m] = c
        }
        let head = rows.prefix(s + 1)
        func column(_ test: (String) -> Bool) -> Int? {
            for cells in head.suffix(4) { if let c = cells.firstIndex(where: { test(FisOko.norm($0)) }) { return c } }
            return nil
        }
        let muniCol = column { $0.hasPrefix("муниципал") || $0 == "мо" || $0 == "ато" || $0.hasPrefix("район") }
        let schoolCol = column { $0 == "оо" || $0.hasPrefix("наименование") || $0.hasPrefix("образовательн") || $0.contains("школ") }
        guard let schoolCol, !columns.isEmpty else {
            out.errors.append(.file("В сводной таблице не найдены столбец с названием школы и столбцы предметов с «приняли участие». Проверьте шапку таблицы."))
            return out
        }
        // «Результаты ЕГЭ-2025…» or «2024-2025 учебный год»: the session (2025), not the start of the school year.
        let year = head.flatMap { $0 }.lazy.compactMap(ResultValues.sessionYear(in:)).first ?? defaultYear
        guard let year else { out.errors.append(.file(ResultMessages.yearMissing)); return out }
        var muni = "", school = "", index: [String: Int] = [:], sums: [(n: Int, avg: Double)] = []
        for i in (s + 1)..<rows.count {
            let cells = rows[i]
            if let m = muniCol, !FisOko.cell(cells, m).isEmpty { muni = FisOko.cell(cells, m); school = "" }
            if !FisOko.cell(cells, schoolCol).isEmpty { school = FisOko.cell(cells, schoolCol) }
            let isTotal = [muni, school].contains { let n = FisOko.norm($0); return n.hasPrefix("всего") || n.hasPrefix("итого") || n.contains(" всего") }
            for (subject, cols) in columns.sorted(by: { $0.key < $1.key }) {
                let p = FisOko.cell(cells, cols["participants"])
                guard !p.isEmpty, !isTotal, !school.isEmpty else { continue }
                func int(_ m: String) -> Int? {
                    let t = FisOko.cell(cells, cols[m])
                    if t.isEmpty { return nil }
                    if let v = try? CellParser.integer(t), v >= 0 { return v }
                    out.errors.append(ImportError(row: i + 1, column: FisOko.cell(rows[s], cols[m]), message: "Значение «\(t)» — не число участников (целое 0 или больше)."))
                    return nil
                }
                guard let n = int("participants"), n > 0 else { continue }
                let avgText = FisOko.cell(cells, cols["average"])
                guard case .success(let avg?) = DecimalText.read(avgText), (0...100).contains(avg.double) else {
                    out.errors.append(ImportError(row: i + 1, column: FisOko.cell(rows[s], cols["average"]),
                                                  message: "Средний балл «\(avgText)» не распознан: нужно число от 0 до 100."))
                    continue
                }
                let high = [int("high"), int("high100")].compactMap { $0 }
                let key: SchoolKey = FisOkoLogin.find(in: school).map { .login($0) } ?? .label(school)
                let k = "\(key)|\(subject)"
                if let j = index[k] {   // another profile row of the same school: merge
                    var r = out.rows[j]
                    let total = sums[j].n + n, avgAll = (sums[j].avg * Double(sums[j].n) + avg.double * Double(n)) / Double(total)
                    sums[j] = (total, avgAll)
                    r.participants = total
                    r.average = DecimalText.format(avgAll)
                    r.belowMinimum = (r.belowMinimum ?? 0) + (int("below") ?? 0)
                    r.highScorers = (r.highScorers ?? 0) + high.reduce(0, +)
                    out.rows[j] = r
                } else {
                    index[k] = out.rows.count
                    sums.append((n, avg.double))
                    out.rows.append(EGERow(row: i + 1, school: key, year: year, subject: subject, participants: n, average: avg.text,
                                           belowMinimum: int("below"), highScorers: high.isEmpty ? nil : high.reduce(0, +)))
                }
            }
        }
        if out.rows.contains(where: { if case .label = $0.school { return true } else { return false } }) {
            out.notes.append("Школы в сводной таблице указаны названиями — их нужно будет один раз сопоставить со школами системы.")
        }
        return out
    }
}
