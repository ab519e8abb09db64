import Foundation

/// One validated row of a fast-scanned simple ЕГЭ file (use inside the callback).
public struct EGEFastRow {
    public var row: Int
    public var school: FastSchool
    public var year: Int
    public var subject: String
    public var participants: Int
    public var average: FastDecimal
    public var sd: FastDecimal?
    public var belowMinimum: Int?
    public var highScorers: Int?

    public var egeRow: EGERow {
        EGERow(row: row, school: school.key, year: year, subject: subject, participants: participants, average: average.text,
               sd: sd?.text, belowMinimum: belowMinimum, highScorers: highScorers)
    }
}

/// Validation of simple ЕГЭ records, mirroring `SimpleEGE.parse`.
final class FastEGECheck {
    let defaultYear: Int?
    var checkDuplicates = true
    var seen: FastSeenTable
    let school, year, subject, participants, average, sd, below, high: FastField

    init(_ c: FastCells, defaultYear: Int?, mostRecords: Int? = nil) {
        self.defaultYear = defaultYear
        seen = FastSeenTable(atMost: mostRecords)
        school = c.field("school_code"); year = c.field("year"); subject = c.field("subject"); participants = c.field("participants")
        average = c.field("average_score"); sd = c.field("sd"); below = c.field("below_minimum"); high = c.field("high_scorers")
    }

    func check(_ c: FastCells, _ r: FastCSVRow) -> EGEFastRow? {
        let before = c.errors.count
        let school = c.school(r, self.school), year = c.year(r, self.year, default: defaultYear)
        let subject = c.subject(r, self.subject, exam: .ege), participants = c.count(r, self.participants)
        let average = c.decimal(r, self.average, in: 0...100)
        let sd = c.decimal(r, self.sd, in: 0...100, required: false)
        let below = c.count(r, self.below, required: false), high = c.count(r, self.high, required: false)
        if let participants {
            if let below, below > participants { c.report(r, "below_minimum", ResultMessages.notMore(below, participants)) }
            if let high, high > participants { c.report(r, "high_scorers", ResultMessages.notMore(high, participants)) }
        }
        if checkDuplicates, let school, let year, let subject {
            let key = FastHash.combine(FastHash.combine(school.1, subject.id), year)
            if let first = seen.firstRow(key, row: r.row) { c.report(r, "school_code", ResultMessages.duplicate(first, ResultRules.egeDuplicateWhat)) }
        }
        guard c.errors.count == before, let school, let year, let subject, let participants, let average else { return nil }
        return EGEFastRow(row: r.row, school: school.0, year: year, subject: subject.code, participants: participants, average: average,
                          sd: sd, belowMinimum: below, highScorers: high)
    }
}

extension ResultImport {
    /// Streams a big simple ЕГЭ CSV file; the same contract as `scanVPR`.
    @discardableResult
    /// `singlePass` as in `scanVPR`: the caller writes inside a transaction and rolls it back on failure.
    public static func scanEGE(fileURL: URL, defaultYear: Int? = nil, singlePass: Bool = false, onChecked: ((EGEFastRow) -> Void)? = nil,
                               onRow: (EGEFastRow) throws -> Void) throws(ImportFailure) -> FastScanSummary {
        var rows = 0
        for emit in singlePass ? [true] : [false, true] {
            var check: FastEGECheck?, failure: ImportFailure?
            let outcome = try FastDriver.run(.file(fileURL), specs: ResultColumns.ege, strict: true, hasDefaultYear: defaultYear != nil,
                                             accept: { ResultLayouts.detect($0) == .simple(.ege) }) { (c, r) throws(ImportFailure) in
                if check == nil { check = FastEGECheck(c, defaultYear: defaultYear); check!.checkDuplicates = singlePass || !emit }
                guard let row = check!.check(c, r) else { return }
                if singlePass || !emit { onChecked?(row) }
                guard emit, c.errors.isEmpty else { return }
                do { try onRow(row) } catch { failure = FastDriver.wrap(error); throw failure! }
                rows += 1
            }
            guard case .done = outcome else { throw ImportFailure(file: notSimpleMessage(.ege)) }
            if let failure { throw failure }
        }
        return FastScanSummary(rows: rows, notes: [])
    }
}

/// The fast path of `readVPR` / `readEGE` for in-memory simple CSV files; nil
/// when the file is not such a file (the general path takes it).
enum FastResultScan {
    static func vpr(data: Data, defaultYear: Int?) throws(ImportFailure) -> ResultFile<VPRRow>? {
        guard FastDriver.isPlainText(data) else { return nil }
        var check: FastVPRCheck?, rows: [VPRRow] = []
        let outcome = try FastDriver.run(.data(data), specs: ResultColumns.vpr, strict: false, hasDefaultYear: defaultYear != nil, accept: FastVPRCheck.accept) { (c, r) throws(ImportFailure) in
            if check == nil { check = try FastVPRCheck(c, defaultYear: defaultYear) }
            if let row = check!.check(c, r) { rows.append(row.vprRow) }
        }
        guard case .done = outcome else { return nil }
        return ResultFile(rows: rows, notes: [ResultImport.rebuiltNote(rows)].compactMap { $0 })
    }

    static func ege(data: Data, defaultYear: Int?) throws(ImportFailure) -> ResultFile<EGERow>? {
        guard FastDriver.isPlainText(data) else { return nil }
        var check: FastEGECheck?, rows: [EGERow] = []
        let outcome = try FastDriver.run(.data(data), specs: ResultColumns.ege, strict: false, hasDefaultYear: defaultYear != nil,
                                         accept: { ResultLayouts.detect($0) == .simple(.ege) }) { (c, r) throws(ImportFailure) in
            if check == nil { check = FastEGECheck(c, defaultYear: defaultYear) }
            if let row = check!.check(c, r) { rows.append(row.egeRow) }
        }
        guard case .done = outcome else { return nil }
        return ResultFile(rows: rows)
    }
}
