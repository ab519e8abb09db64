import Foundation

/// РИС ГИА participant protocols: one sheet with several exam blocks, each
/// «Протокол проверки результатов» / «20 - Чеченская Республика» /
/// «12 - Обществознание 2026.07.03» / header / participants / «Средние».
/// Participants are aggregated per school — Код ОО together with Код МСУ, both without
/// leading zeros (a Код ОО may repeat in another municipality) — and subject; names are not read.
enum GIAProtocol {
    enum Exam: Equatable { case ege, oge }

    /// Participants of one school in one exam block.
    struct Group {
        var exam: Exam, subject: String, year: Int, school: String, row: Int
        /// Код МСУ of the school's municipality; nil when the protocol has no such column.
        var msu: String? = nil
        var scores: [Int] = []      // ЕГЭ test scores, or ОГЭ / базовая математика marks
        var primary: [Int] = []
        var marks: [Int] = []
    }

    struct Parse {
        var groups: [Group] = []
        var region: String?
        var errors: [ImportError] = []
        var notes: [String] = []
    }

    /// Whether the sheet looks like a protocol (a header with Код ОО and Первичный балл).
    static func isProtocol(_ rows: [[String]]) -> Exam? {
        for cells in rows.prefix(80) {
            let n = Set(cells.map(FisOko.norm))
            guard n.contains("код оо"), n.contains("первичный балл") else { continue }
            return n.contains("тестовый балл") ? .ege : .oge
        }
        return nil
    }

    /// «12 - Обществознание 2026.07.03» → ("Обществознание", 2026); «20 - Чеченская Республика» → (name, nil).
    static func blockLine(_ text: String) -> (name: String, year: Int?)? {
        guard let dash = text.firstIndex(where: { $0 == "-" || $0 == "–" }),
              !text[..<dash].trimmingCharacters(in: .whitespaces).isEmpty,
              text[..<dash].trimmingCharacters(in: .whitespaces).allSatisfy(\.isNumber) else { return nil }
        var words = text[text.index(after: dash)...].split(separator: " ").map(String.init)
        var year: Int?
        if let last = words.last, last.contains(where: { $0 == "." || $0 == "-" }), let y = FisOko.dateYear(last) {
            year = y
            words.removeLast()
        }
        return (words.joined(separator: " "), year)
    }

    static func parse(_ rows: [[String]], defaultYear: Int?) -> Parse {
        var out = Parse()
        var blockName: String?, blockYear: Int?, blockRow = 0
        var cols: (exam: Exam, number: Int?, code: Int, msu: Int?, test: Int?, mark: Int?, primary: Int?, subject: String?)?
        var index: [String: Int] = [:]
        var absent = 0
        for (i, cells) in rows.enumerated() {
            let first = cells.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.trimmingCharacters(in: .whitespaces) ?? ""
            let norms = cells.map(FisOko.norm)
            if let line = blockLine(first), cells.filter({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }).count == 1 {
                if line.year == nil && Subjects.canonical(line.name) == nil { out.region = line.name; continue }
                blockName = line.name; blockYear = line.year ?? defaultYear; blockRow = i + 1; cols = nil
                continue
            }
            if norms.contains("код оо") && norms.contains("первичный балл") {
                let exam: Exam = norms.contains("тестовый балл") ? .ege : .oge
                var subject: String?
                if let name = blockName {
                    subject = Subjects.canonical(name, exam: exam == .ege ? .ege : .oge)
                    if subject == nil { out.errors.append(ImportError(row: blockRow, column: "", message: Subjects.unknownMessage(name))) }
                } else {
                    out.errors.append(ImportError(row: i + 1, column: "", message: "Над таблицей нет строки с предметом (например «12 - Обществознание 2026.07.03»). Загрузите протокол целиком, как его выгрузила РИС ГИА."))
                }
                if blockYear == nil { out.errors.append(ImportError(row: blockRow, column: "", message: ResultMessages.yearMissing)) }
                cols = (exam, norms.firstIndex(of: "№"), norms.firstIndex(of: "код оо")!, norms.firstIndex(of: "код мсу"),
                        norms.firstIndex(of: "тестовый балл"),
                        norms.firstIndex(of: "оценка"), norms.firstIndex(of: "первичный балл"), subject)
                continue
            }
            guard let c = cols, let subject = c.subject, let year = blockYear else { continue }
            if let n = c.number, Int(FisOko.cell(cells, n).replacingOccurrences(of: ".0", with: "")) == nil { continue }
            let code = GIACode.normalized(FisOko.cell(cells, c.code))
            if code.isEmpty || norms.contains(where: { $0.hasPrefix("средн") }) { continue }
            let msu = c.msu.map { GIACode.normalized(FisOko.cell(cells, $0)) }.flatMap { $0.isEmpty ? nil : $0 }
            func value(_ col: Int?, _ range: ClosedRange<Int>, _ title: String) -> Int?? {
                guard let col else { return .some(nil) }
                let t = FisOko.cell(cells, col)
                if t.isEmpty { return .some(nil) }
                if let v = try? CellParser.integer(t), range.contains(v) { return .some(v) }
                out.errors.append(ImportError(row: i + 1, column: title, message: "Значение «\(t)» не подходит: ожидается целое число от \(range.lowerBound) до \(range.upperBound)."))
                return nil
            }
            guard let test = value(c.test, 0...100, "Тестовый балл"), let mark = value(c.mark, 2...5, "Оценка"),
                  let primary = value(c.primary, 0...200, "Первичный балл") else { continue }
            let score = c.exam == .ege && subject != "math_base" ? test : mark
            guard let score else { absent += 1; continue }
            let key = "\(c.exam)|\(subject)|\(year)|\(msu ?? "")|\(code)"
            if index[key] == nil {
                index[key] = out.groups.count
                out.groups.append(Group(exam: c.exam, subject: subject, year: year, school: code, row: i + 1, msu: msu))
            }
            out.groups[index[key]!].scores.append(score)
            if let primary { out.groups[index[key]!].primary.append(primary) }
            if let mark { out.groups[index[key]!].marks.append(mark) }
        }
        if absent > 0 { out.notes.append("Пропущено строк без результата (нет балла или оценки) — \(absent).") }
        return out
    }
}
