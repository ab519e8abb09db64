import Foundation

/// A column key and its index in the file (nil when the file lacks it).
struct FastField {
    let key: String
    let col: Int?
}

/// Reads typed cells of `FastCSVRow`s the way `RowReader` reads text cells, with
/// the same Russian messages: plain numbers are parsed from bytes; anything else
/// falls back to the general parsers on the cell's text.
final class FastCells {
    let specs: [ColumnSpec]
    let match: HeaderFinder.Match
    var errors: [ImportError] = []
    /// Stops after this many errors.
    static let limit = 1000
    /// Subject cells seen so far: bytes → canonical code and its index in `Subjects.codes`.
    private var subjects: [UInt64: [([UInt8], String?, Int)]] = [:]

    /// The mapped columns, to skip records blank in all of them.
    let mapped: [Int]

    init(specs: [ColumnSpec], match: HeaderFinder.Match) {
        self.specs = specs
        self.match = match
        mapped = match.columns.values.sorted()
    }

    /// A column resolved once, so records are read without looking keys up.
    func field(_ key: String) -> FastField { FastField(key: key, col: match.columns[key]) }
    func title(_ key: String) -> String { match.headers[key] ?? specs.first { $0.key == key }?.title ?? key }
    func blank(_ r: FastCSVRow, _ c: Int?) -> Bool { c.map(r.isBlank) ?? true }

    func fail<T>(_ r: FastCSVRow, _ key: String, _ message: String) -> T? {
        errors.append(ImportError(row: r.row, column: title(key), message: message))
        return nil
    }

    /// Whether every mapped column of the record is blank (such rows are skipped).
    func isEmpty(_ r: FastCSVRow) -> Bool {
        for c in mapped where !r.isBlank(c) { return false }
        return true
    }

    func report(_ r: FastCSVRow, _ key: String, _ message: String) {
        errors.append(ImportError(row: r.row, column: title(key), message: message))
    }

    func count(_ r: FastCSVRow, _ f: FastField, required: Bool = true) -> Int? {
        let c = f.col, key = f.key
        if blank(r, c) { return required ? fail(r, key, ResultMessages.required(title(key))) : nil }
        var n = r.int(c!)
        if n == nil {
            do { n = try CellParser.integer(r.string(c!)) } catch { return fail(r, key, error.message) }
        }
        guard let n else { return nil }
        return n < 0 ? fail(r, key, ResultMessages.negative(n)) : n
    }

    func grade(_ r: FastCSVRow, _ f: FastField) -> Int? {
        let c = f.col, key = f.key
        if blank(r, c) { return fail(r, key, ResultMessages.required(title(key))) }
        var g = r.int(c!)
        if g == nil {
            do { g = try CellParser.integer(r.string(c!)) } catch { return fail(r, key, error.message) }
        }
        guard let g else { return nil }
        return ResultMessages.grades.contains(g) ? g : fail(r, key, ResultMessages.gradeRange(g))
    }

    func year(_ r: FastCSVRow, _ f: FastField, default defaultYear: Int?) -> Int? {
        let c = f.col, key = f.key
        if blank(r, c) { return defaultYear ?? fail(r, key, ResultMessages.yearMissing) }
        if let y = r.int(c!), (1000...9999).contains(y), r.bytes(c!).first != 0x2B {
            return ResultMessages.years.contains(y) ? y : fail(r, key, ResultMessages.yearRange(y))
        }
        switch ResultValues.examYear(r.string(c!)) {
        case .success(let y): return y
        case .failure(let e): return fail(r, key, e.message)
        }
    }

    func decimal(_ r: FastCSVRow, _ f: FastField, in range: ClosedRange<Double>, required: Bool = true,
                          percent: Bool = false) -> FastDecimal? {
        let c = f.col, key = f.key
        if blank(r, c) { return required ? fail(r, key, ResultMessages.required(title(key))) : nil }
        var d = r.decimal(c!)
        if d == nil {
            switch DecimalText.read(r.string(c!), percent: percent) {
            case .failure(let e): return fail(r, key, e.message)
            case .success(let v): d = v
            }
        }
        guard let d else { return nil }
        guard range.contains(d.double) else {
            let t = r.string(c!)
            return fail(r, key, percent ? ResultMessages.percentRange(t)
                : "Значение «\(t)» вне допустимого диапазона \(DecimalText.format(range.lowerBound))–\(DecimalText.format(range.upperBound)).")
        }
        return d
    }

    /// The canonical subject and its index in `Subjects.codes`, cached by the cell's bytes.
    func subject(_ r: FastCSVRow, _ f: FastField, exam: ResultFileKind?) -> (code: String, id: Int)? {
        let c = f.col, key = f.key
        if blank(r, c) { return fail(r, key, ResultMessages.required(title(key))) }
        let b = r.bytes(c!)
        let h = FastHash.bytes(b, seed: 0x5b)
        if let hit = subjects[h]?.first(where: { $0.0.elementsEqual(b) }) {
            guard let code = hit.1 else { return fail(r, key, Subjects.unknownMessage(r.string(c!))) }
            return (code, hit.2)
        }
        let code = Subjects.canonical(r.string(c!), exam: exam)
        let id = code.flatMap { Subjects.codes.firstIndex(of: $0) } ?? -1
        subjects[h, default: []].append((Array(b), code, id))
        guard let code else { return fail(r, key, Subjects.unknownMessage(r.string(c!))) }
        return (code, id)
    }

    /// The school of the record and a hash of its identity (the same for
    /// `edu203389` and `sch203389`; codes compared ignoring case).
    func school(_ r: FastCSVRow, _ f: FastField) -> (FastSchool, UInt64)? {
        let c = f.col, key = f.key
        if blank(r, c) { return fail(r, key, ResultMessages.required(title(key)) + " " + ResultMessages.schoolHint) }
        let b = FastSchool.trim(r.bytes(c!))
        if let digits = FastSchool.login(b) {
            let d = UnsafeRawBufferPointer(rebasing: b[digits...])
            return (.login(d), FastHash.bytes(d, seed: 0x4C))
        }
        if FastSchool.plainCode(b) { return (.code(b), FastHash.bytes(b, seed: 0x43, lowercase: true)) }
        guard let school = ResultValues.school(r.string(c!)) else { return nil }
        switch school {
        case .login(let d): return (.key(school), FastHash.string(d, seed: 0x4C))
        case .code(let t), .gia(let t, _), .label(let t): return (.key(school), FastHash.string(t.lowercased(), seed: 0x43))
        }
    }
}
