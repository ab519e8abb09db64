import Foundation

/// Checks shared by the general and the fast paths.
enum ResultRules {
    /// Counts «2»…«5» must add up to the participants.
    static func countsMessage(_ counts: [Int], participants: Int) -> String? {
        let sum = counts.reduce(0, +)
        return sum == participants ? nil : ResultMessages.markSum(sum, participants)
    }

    /// Shares «2»…«5» must add up to 100 ± 0.05.
    static func sharesMessage(_ shares: [FastDecimal]) -> String? {
        let sum = shares.reduce(0.0) { $0 + $1.double }
        return abs(sum - 100) <= 0.05 + 1e-9 ? nil : ResultMessages.percentSum(DecimalText.format(sum).replacingOccurrences(of: ".", with: ","))
    }

    static func vprKey(_ school: SchoolKey, _ subject: String, _ grade: Int, _ year: Int) -> String {
        "\(school)|\(subject)|\(grade)|\(year)"
    }
    static let vprDuplicateWhat = "та же школа, предмет, класс и год"
    static let egeDuplicateWhat = "та же школа, предмет и год"

    /// A file-level error when the file has no year column and no year was chosen.
    static func requireYear(_ table: Table, _ defaultYear: Int?) throws(ImportFailure) {
        if !table.has("year") && defaultYear == nil {
            throw ImportFailure(file: "В файле нет столбца «Год». Добавьте столбец «Год» (например 2025) или выберите год при загрузке.")
        }
    }
}

/// The simple ВПР format: school, year, subject, grade, participants and the
/// counts of «2»…«5» — or their shares in %, detected from the header.
enum SimpleVPR {
    enum Variant { case counts, percentages }

    static func variant(has: (String) -> Bool) throws(ImportFailure) -> Variant {
        let counts = (2...5).filter { has("mark\($0)") }, shares = (2...5).filter { has("pct\($0)") }
        if counts.count == 4 { return .counts }
        if shares.count == 4 { return .percentages }
        let found = counts.count >= shares.count ? counts : shares
        let missing = (2...5).filter { !found.contains($0) }.map { "«\($0)»" }.joined(separator: ", ")
        throw ImportFailure(file: "Не найдены столбцы отметок \(missing). Нужны четыре столбца: количество «2», «3», «4», «5» "
            + "(заголовки «2», «3», «4», «5» или «Отметка «2»») либо их доли в процентах («% 2» или «Доля «2», %»).")
    }

    static func parse(rows: [[String]], defaultYear: Int?) throws(ImportFailure) -> ResultFile<VPRRow> {
        let table = try Table(rows: rows, columns: ResultColumns.vpr)
        try ResultRules.requireYear(table, defaultYear)
        let variant = try variant { table.has($0) }
        var out: [VPRRow] = [], errors: [ImportError] = [], seen = FirstSeen()
        for record in table.records {
            var r = RowReader(table: table, record: record)
            let school = r.school("school_code"), year = r.examYear("year", default: defaultYear)
            let subject = r.subject("subject"), grade = r.grade("grade"), participants = r.count("participants")
            var marks: VPRMarksRow?
            switch variant {
            case .counts:
                let counts = (2...5).map { r.count("mark\($0)") }
                if let participants, counts.allSatisfy({ $0 != nil }) {
                    let c = counts.map { $0! }
                    if let m = ResultRules.countsMessage(c, participants: participants) { r.fail("participants", m) } else { marks = .counts(c) }
                }
            case .percentages:
                let shares = (2...5).map { r.decimalText("pct\($0)", in: 0...100, percent: true) }
                if shares.allSatisfy({ $0 != nil }) {
                    let s = shares.map { $0! }
                    if let m = ResultRules.sharesMessage(s) { r.fail("pct2", m) } else { marks = .percentages(s.map(\.text)) }
                }
            }
            if let school, let year, let subject, let grade,
               let first = seen.earlierRow(of: ResultRules.vprKey(school, subject, grade, year), row: r.row) {
                r.fail("school_code", ResultMessages.duplicate(first, ResultRules.vprDuplicateWhat))
            }
            errors += r.errors
            if r.errors.isEmpty, let school, let year, let subject, let grade, let participants, let marks {
                out.append(VPRRow(row: r.row, school: school, year: year, subject: subject, grade: grade,
                                  participants: participants, marks: marks))
            }
        }
        let rows = try allOrNothing(out, errors)
        return ResultFile(rows: rows, notes: [ResultImport.rebuiltNote(rows)].compactMap { $0 })
    }
}

/// The simple ЕГЭ format: school, year, subject, participants, average score
/// (optional standard deviation, below minimum, high scorers).
enum SimpleEGE {
    static func parse(rows: [[String]], defaultYear: Int?) throws(ImportFailure) -> ResultFile<EGERow> {
        let table = try Table(rows: rows, columns: ResultColumns.ege)
        try ResultRules.requireYear(table, defaultYear)
        var out: [EGERow] = [], errors: [ImportError] = [], seen = FirstSeen()
        for record in table.records {
            var r = RowReader(table: table, record: record)
            let school = r.school("school_code"), year = r.examYear("year", default: defaultYear)
            let subject = r.subject("subject", exam: .ege), participants = r.count("participants")
            let average = r.decimalText("average_score", in: 0...100)
            let sd = r.decimalText("sd", in: 0...100, required: false)
            let below = r.count("below_minimum", required: false), high = r.count("high_scorers", required: false)
            if let participants {
                if let below, below > participants { r.fail("below_minimum", ResultMessages.notMore(below, participants)) }
                if let high, high > participants { r.fail("high_scorers", ResultMessages.notMore(high, participants)) }
            }
            if let school, let year, let subject,
               let first = seen.earlierRow(of: "\(school)|\(subject)|\(year)", row: r.row) {
                r.fail("school_code", ResultMessages.duplicate(first, ResultRules.egeDuplicateWhat))
            }
            errors += r.errors
            if r.errors.isEmpty, let school, let year, let subject, let participants, let average {
                out.append(EGERow(row: r.row, school: school, year: year, subject: subject, participants: participants,
                                  average: average.text, sd: sd?.text, belowMinimum: below, highScorers: high))
            }
        }
        return ResultFile(rows: try allOrNothing(out, errors))
    }
}
