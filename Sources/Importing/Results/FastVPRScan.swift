import Foundation

/// One validated row of a fast-scanned simple ВПР file. `school` refers to the
/// scanner's buffer: use it (or `vprRow`) inside the callback only.
public struct VPRFastRow {
    public var row: Int
    public var school: FastSchool
    public var year: Int
    public var subject: String
    public var grade: Int
    public var participants: Int
    /// Counts of «2», «3», «4», «5» (nil in the percentages variant).
    public var counts: (Int, Int, Int, Int)?
    /// Shares of «2»…«5» in % (nil in the counts variant).
    public var shares: (FastDecimal, FastDecimal, FastDecimal, FastDecimal)?

    /// The row as the general path gives it.
    public var vprRow: VPRRow {
        let marks: VPRMarksRow
        if let c = counts { marks = .counts([c.0, c.1, c.2, c.3]) }
        else { let s = shares!; marks = .percentages([s.0.text, s.1.text, s.2.text, s.3.text]) }
        return VPRRow(row: row, school: school.key, year: year, subject: subject, grade: grade, participants: participants, marks: marks)
    }
}

/// What a fast scan did: the number of rows passed on and Russian notes.
public struct FastScanSummary: Sendable, Equatable {
    public var rows: Int
    public var notes: [String]
}

/// Validation of simple ВПР records, mirroring `SimpleVPR.parse` message for message.
final class FastVPRCheck {
    let variant: SimpleVPR.Variant
    let defaultYear: Int?
    /// Off in the second pass of a streaming scan (the first one found no duplicates).
    var checkDuplicates = true
    var seen: FastSeenTable
    var adjusted = 0
    let school, year, subject, grade, participants: FastField
    let marks: [FastField]

    init(_ c: FastCells, defaultYear: Int?, mostRecords: Int? = nil) throws(ImportFailure) {
        seen = FastSeenTable(atMost: mostRecords)
        let variant = try FastVPRCheck.variant(c.match)
        self.variant = variant
        self.defaultYear = defaultYear
        school = c.field("school_code"); year = c.field("year"); subject = c.field("subject")
        grade = c.field("grade"); participants = c.field("participants")
        marks = (2...5).map { c.field((variant == .counts ? "mark" : "pct") + "\($0)") }
    }

    func check(_ c: FastCells, _ r: FastCSVRow) -> VPRFastRow? {
        let before = c.errors.count
        let school = c.school(r, self.school), year = c.year(r, self.year, default: defaultYear)
        let subject = c.subject(r, self.subject, exam: nil), grade = c.grade(r, self.grade), participants = c.count(r, self.participants)
        var counts: (Int, Int, Int, Int)?, shares: (FastDecimal, FastDecimal, FastDecimal, FastDecimal)?
        switch variant {
        case .counts:
            let m2 = c.count(r, marks[0]), m3 = c.count(r, marks[1]), m4 = c.count(r, marks[2]), m5 = c.count(r, marks[3])
            if let participants, let m2, let m3, let m4, let m5 {
                let sum = m2 + m3 + m4 + m5
                if sum != participants { c.report(r, "participants", ResultMessages.markSum(sum, participants)) } else { counts = (m2, m3, m4, m5) }
            }
        case .percentages:
            let p2 = c.decimal(r, marks[0], in: 0...100, percent: true), p3 = c.decimal(r, marks[1], in: 0...100, percent: true)
            let p4 = c.decimal(r, marks[2], in: 0...100, percent: true), p5 = c.decimal(r, marks[3], in: 0...100, percent: true)
            if let p2, let p3, let p4, let p5 {
                if let m = ResultRules.sharesMessage([p2, p3, p4, p5]) { c.report(r, "pct2", m) } else { shares = (p2, p3, p4, p5) }
            }
        }
        if checkDuplicates, let school, let year, let subject, let grade {
            let key = FastHash.combine(FastHash.combine(FastHash.combine(school.1, subject.id), grade), year)
            if let first = seen.firstRow(key, row: r.row) { c.report(r, "school_code", ResultMessages.duplicate(first, ResultRules.vprDuplicateWhat)) }
        }
        guard c.errors.count == before, let school, let year, let subject, let grade, let participants else { return nil }
        return VPRFastRow(row: r.row, school: school.0, year: year, subject: subject.code, grade: grade, participants: participants,
                          counts: counts, shares: shares)
    }

    /// The simple-ВПР test on the rows up to the header.
    static func accept(_ rows: [[String]]) -> Bool { ResultLayouts.detect(rows) == .simple(.vpr) }

    static func variant(_ match: HeaderFinder.Match) throws(ImportFailure) -> SimpleVPR.Variant {
        try SimpleVPR.variant { match.columns[$0] != nil }
    }
}

extension ResultImport {
    /// Streams a big simple ВПР CSV file (UTF-8, ASCII or Windows-1251; `;`, tab or `,`)
    /// with bounded memory: the file is read in 4 MB chunks and nothing per row is
    /// kept but an 8-byte hash for duplicate detection. All-or-nothing: a first pass
    /// validates the whole file (errors with rows and columns, at most 1000), and only
    /// when it is clean a second pass calls `onRow` for every row.
    @discardableResult
    /// `singlePass`: rows are handed over while the file is read, as long as no error has
    /// been found; the first error stops the handing over, the rest of the file is still
    /// checked (every error is listed) and the failure is thrown at the end — so the caller
    /// must write inside a transaction it rolls back on that failure. Without it, the file
    /// is read twice: checked first, then handed over only when it has no errors.
    /// `onChecked` sees every row that passed its own checks, once, even after an error
    /// elsewhere in the file (e.g. to collect schools missing from the registry).
    public static func scanVPR(fileURL: URL, defaultYear: Int? = nil, singlePass: Bool = false, onChecked: ((VPRFastRow) -> Void)? = nil,
                               onRow: (VPRFastRow) throws -> Void) throws(ImportFailure) -> FastScanSummary {
        var rows = 0, notes: [String] = []
        for emit in singlePass ? [true] : [false, true] {
            let checking = singlePass || !emit
            var check: FastVPRCheck?
            var failure: ImportFailure?
            let outcome = try FastDriver.run(.file(fileURL), specs: ResultColumns.vpr, strict: true, hasDefaultYear: defaultYear != nil, accept: FastVPRCheck.accept) { (c, r) throws(ImportFailure) in
                if check == nil { check = try FastVPRCheck(c, defaultYear: defaultYear); check!.checkDuplicates = checking }
                guard let row = check!.check(c, r) else { return }
                if let s = row.shares, checking, rebuildCounts(percentages: [s.0.text, s.1.text, s.2.text, s.3.text], participants: row.participants).adjusted {
                    check!.adjusted += 1
                }
                if checking { onChecked?(row) }
                guard emit, c.errors.isEmpty else { return }
                do { try onRow(row) } catch { failure = FastDriver.wrap(error); throw failure! }
                rows += 1
            }
            guard case .done = outcome else { throw ImportFailure(file: notSimpleMessage(.vpr)) }
            if let failure { throw failure }
            if checking, let check, check.variant == .percentages {
                notes.append("В файле доли отметок в процентах. Количество отметок восстанавливается как round(доля × участники / 100); "
                    + "строк, где сумма не сошлась и скорректирована по наибольшим остаткам, — \(check.adjusted).")
            }
        }
        return FastScanSummary(rows: rows, notes: notes)
    }

    static func notSimpleMessage(_ kind: ResultFileKind) -> String {
        "Быстрая загрузка принимает только таблицу «\(kind.title)» по образцу в формате CSV. Загрузите этот файл обычным способом."
    }
}
