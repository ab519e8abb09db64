import Foundation

/// School periods: «1 четверть», «I полугодие», «Год» → q1…q4, h1, h2, year.
public enum TermPeriods {
    public static let codes = ["q1", "q2", "q3", "q4", "h1", "h2", "year"]

    public static func code(_ text: String) -> String? {
        let lower = text.lowercased().replacingOccurrences(of: "ё", with: "е")
        if codes.contains(lower.trimmingCharacters(in: .whitespaces)) { return lower.trimmingCharacters(in: .whitespaces) }
        let kept: [Character] = lower.map { c -> Character in c.isLetter || c.isNumber ? c : " " }
        let tokens = String(kept).split(separator: " ").map(String.init)
        let roman = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4]
        let number = tokens.compactMap { roman[$0] }.first
        let words = tokens.joined(separator: " ")
        if words.contains("четверт") || tokens.contains("ч") { return number.map { "q\($0)" } }
        if words.contains("полугод") { return number.flatMap { $0 <= 2 ? "h\($0)" : nil } }
        if words.contains("год") || words.contains("итог") { return "year" }
        return nil
    }

    static let hint = "Укажите, например: «1 четверть», «II четверть», «1 полугодие», «Год»."
}

/// The simple ОГЭ format.
enum SimpleOGE {
    static func parse(rows: [[String]], defaultYear: Int?) throws(ImportFailure) -> ResultFile<OGERow> {
        let table = try Table(rows: rows, columns: ResultColumns.oge)
        try ResultRules.requireYear(table, defaultYear)
        var out: [OGERow] = [], errors: [ImportError] = [], seen = FirstSeen()
        for record in table.records {
            var r = RowReader(table: table, record: record)
            let school = r.school("school_code"), year = r.examYear("year", default: defaultYear)
            let subject = r.subject("subject"), participants = r.count("participants")
            let mark = r.decimalText("average_mark", in: 2...5, required: false)
            let score = r.decimalText("average_score", in: 0...100, required: false)
            let below = r.count("below_threshold", required: false)
            let share = r.decimalText("below_threshold_share", in: 0...100, required: false, percent: true)
            if mark == nil && score == nil && r.text("average_mark").isEmpty && r.text("average_score").isEmpty {
                r.fail(table.has("average_mark") ? "average_mark" : "average_score",
                       "Укажите среднюю отметку (от 2 до 5) или средний первичный балл — хотя бы одно из двух.")
            }
            if let participants, let below, below > participants { r.fail("below_threshold", ResultMessages.notMore(below, participants)) }
            if let school, let year, let subject, let first = seen.earlierRow(of: "\(school)|\(subject)|\(year)", row: r.row) {
                r.fail("school_code", ResultMessages.duplicate(first, ResultRules.egeDuplicateWhat))
            }
            errors += r.errors
            if r.errors.isEmpty, let school, let year, let subject, let participants {
                out.append(OGERow(row: r.row, school: school, year: year, subject: subject, participants: participants,
                                  averageMark: mark?.text, averageScore: score?.text, belowThreshold: below, belowThresholdShare: share?.text))
            }
        }
        return ResultFile(rows: try allOrNothing(out, errors))
    }
}

/// Term results: period, grade or class, subject, participants, успеваемость and качество знаний.
enum SimpleTerm {
    static func parse(rows: [[String]], defaultYear: Int?) throws(ImportFailure) -> ResultFile<TermRow> {
        let table = try Table(rows: rows, columns: ResultColumns.term)
        try ResultRules.requireYear(table, defaultYear)
        var out: [TermRow] = [], errors: [ImportError] = [], seen = FirstSeen()
        for record in table.records {
            var r = RowReader(table: table, record: record)
            let school = r.school("school_code")
            var year: Int? = defaultYear
            if !r.text("year").isEmpty {
                switch ResultValues.schoolYear(r.text("year")) {
                case .success(let y): year = y
                case .failure(let e): year = r.failed("year", e.message)
                }
            } else if year == nil { r.fail("year", ResultMessages.yearMissing) }
            let period: String? = r.text("period").isEmpty ? r.failed("period", ResultMessages.required(table.title("period")) + " " + TermPeriods.hint)
                : TermPeriods.code(r.text("period")) ?? r.failed("period", "Период «\(r.text("period"))» не распознан. " + TermPeriods.hint)
            let className = r.optionalText("class")
            var grade = r.text("grade").isEmpty ? nil : r.integer("grade")
            if grade == nil, let className { grade = Int(className.prefix { $0.isNumber }) }
            if let g = grade, !(1...11).contains(g) { r.fail(table.has("grade") ? "grade" : "class", "Параллель \(g) не подходит: укажите от 1 до 11.") }
            let subject = r.subject("subject"), participants = r.count("participants")
            let success = r.decimalText("success_rate", in: 0...100, percent: true)
            let quality = r.decimalText("quality_rate", in: 0...100, percent: true)
            if let s = success, let q = quality, q.double > s.double + 1e-9 {
                r.fail("quality_rate", "Качество знаний \(q.text) % больше успеваемости \(s.text) %: «4» и «5» — часть успевающих. Проверьте значения.")
            }
            if let school, let year, let period, let subject,
               let first = seen.earlierRow(of: "\(school)|\(year)|\(period)|\(grade ?? 0)|\(className ?? "")|\(subject)", row: r.row) {
                r.fail("school_code", ResultMessages.duplicate(first, "та же школа, год, период, класс и предмет"))
            }
            errors += r.errors
            if r.errors.isEmpty, let school, let year, let period, let subject, let participants, let success, let quality {
                out.append(TermRow(row: r.row, school: school, year: year, period: period, grade: grade, className: className,
                                   subject: subject, participants: participants, successRate: success.text, qualityRate: quality.text))
            }
        }
        return ResultFile(rows: try allOrNothing(out, errors))
    }
}
