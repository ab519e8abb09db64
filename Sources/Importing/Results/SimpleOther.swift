import Foundation

/// The Rosobrnadzor list of schools with signs of biased results.
enum SimpleObjectivity {
    static func parse(rows: [[String]], defaultYear: Int?) throws(ImportFailure) -> ResultFile<ObjectivityFlagRow> {
        let table = try Table(rows: rows, columns: ResultColumns.objectivity)
        try ResultRules.requireYear(table, defaultYear)
        var out: [ObjectivityFlagRow] = [], errors: [ImportError] = [], seen = FirstSeen()
        for record in table.records {
            var r = RowReader(table: table, record: record)
            let school = r.school("school_code"), year = r.examYear("year", default: defaultYear)
            let procedure: String? = r.optionalText("procedure") ?? r.failed("procedure", ResultMessages.required(table.title("procedure")) + " Например: ВПР.")
            if let school, let year, let procedure, let first = seen.earlierRow(of: "\(school)|\(year)|\(procedure)", row: r.row) {
                r.fail("school_code", ResultMessages.duplicate(first, "та же школа, год и процедура"))
            }
            errors += r.errors
            if r.errors.isEmpty, let school, let year, let procedure {
                out.append(ObjectivityFlagRow(row: r.row, school: school, year: year, procedure: procedure))
            }
        }
        return ResultFile(rows: try allOrNothing(out, errors))
    }
}

/// Participant-level ВПР in the simple format.
enum SimpleVPRParticipants {
    static func parse(rows: [[String]], defaultYear: Int?) throws(ImportFailure) -> ResultFile<VPRParticipantRow> {
        let table = try Table(rows: rows, columns: ResultColumns.vprParticipants)
        try ResultRules.requireYear(table, defaultYear)
        var out: [VPRParticipantRow] = [], errors: [ImportError] = [], seen = FirstSeen()
        for record in table.records {
            var r = RowReader(table: table, record: record)
            let school = r.school("school_code"), year = r.examYear("year", default: defaultYear)
            let subject = r.subject("subject"), grade = r.grade("grade")
            let className: String? = r.optionalText("class") ?? r.failed("class", ResultMessages.required(table.title("class")))
            let participant: String? = r.optionalText("participant") ?? r.failed("participant", ResultMessages.required(table.title("participant")))
            let score = r.count("primary_score", required: false)
            let mark = r.mark("mark"), journal = r.mark("journal_mark")
            if let school, let year, let subject, let grade, let participant,
               let first = seen.earlierRow(of: "\(school)|\(year)|\(subject)|\(grade)|\(participant)", row: r.row) {
                r.fail("participant", ResultMessages.duplicate(first, "та же школа, работа и код участника"))
            }
            errors += r.errors
            if r.errors.isEmpty, let school, let year, let subject, let grade, let className, let participant {
                out.append(VPRParticipantRow(row: r.row, school: school, year: year, subject: subject, grade: grade, className: className,
                                             participant: participant, primaryScore: score, mark: mark, journalMark: journal))
            }
        }
        return ResultFile(rows: try allOrNothing(out, errors))
    }
}

/// Contextual data of schools per year (the figures of the school card).
enum SimpleContext {
    static func parse(rows: [[String]], defaultYear: Int?) throws(ImportFailure) -> ResultFile<ContextRow> {
        let table = try Table(rows: rows, columns: ResultColumns.context)
        try ResultRules.requireYear(table, defaultYear)
        let present = ResultColumns.contextKeys.filter { table.has($0.key) }
        guard !present.isEmpty else {
            throw ImportFailure(file: "Не найдено ни одного столбца с показателями. Нужны, например: "
                + ResultColumns.contextKeys.prefix(3).map { "«\($0.title)»" }.joined(separator: ", ") + " (см. шаблон).")
        }
        var out: [ContextRow] = [], errors: [ImportError] = [], seen = FirstSeen()
        for record in table.records {
            var r = RowReader(table: table, record: record)
            let school = r.school("school_code"), year = r.examYear("year", default: defaultYear)
            var values: [String: String] = [:]
            for f in present where !r.text(f.key).isEmpty {
                if f.count { if let n = r.count(f.key) { values[f.key] = String(n) } }
                else if let d = r.decimalText(f.key, in: f.share ? 0...100 : -1_000_000...1_000_000, percent: f.share) { values[f.key] = d.text }
            }
            if values.isEmpty && r.errors.isEmpty { r.fail(present[0].key, "В строке нет ни одного показателя. Заполните показатели или удалите строку.") }
            if let school, let year, let first = seen.earlierRow(of: "\(school)|\(year)", row: r.row) {
                r.fail("school_code", ResultMessages.duplicate(first, "та же школа и год"))
            }
            errors += r.errors
            if r.errors.isEmpty, let school, let year { out.append(ContextRow(row: r.row, school: school, year: year, values: values)) }
        }
        return ResultFile(rows: try allOrNothing(out, errors))
    }
}

/// Journal comparison in the simple format (counts only).
enum SimpleJournal {
    static func parse(rows: [[String]], defaultYear: Int?) throws(ImportFailure) -> ResultFile<JournalComparisonRow> {
        let table = try Table(rows: rows, columns: ResultColumns.columns(.journalComparison))
        try ResultRules.requireYear(table, defaultYear)
        var out: [JournalComparisonRow] = [], errors: [ImportError] = [], seen = FirstSeen()
        for record in table.records {
            var r = RowReader(table: table, record: record)
            let school = r.school("school_code"), year = r.examYear("year", default: defaultYear)
            let subject = r.subject("subject"), grade = r.grade("grade"), participants = r.count("participants")
            let counts = ["lowered", "confirmed", "raised"].map { r.count($0) }
            if let participants, counts.allSatisfy({ $0 != nil }) {
                let sum = counts.reduce(0) { $0 + $1! }
                if sum != participants {
                    r.fail("participants", "Понизили + подтвердили + повысили = \(sum), а участников \(participants). Проверьте числа.")
                }
            }
            if let school, let year, let subject, let grade,
               let first = seen.earlierRow(of: ResultRules.vprKey(school, subject, grade, year), row: r.row) {
                r.fail("school_code", ResultMessages.duplicate(first, ResultRules.vprDuplicateWhat))
            }
            errors += r.errors
            if r.errors.isEmpty, let school, let year, let subject, let grade, let participants {
                out.append(JournalComparisonRow(row: r.row, school: school, year: year, subject: subject, grade: grade,
                    participants: participants, lowered: counts[0]!, confirmed: counts[1]!, raised: counts[2]!))
            }
        }
        return ResultFile(rows: try allOrNothing(out, errors))
    }
}
