import Foundation
import Domain
import Importing
import FastStore

/// The bulk path of the results importer on SQLite: the streaming scanner of
/// Importing reads the file once, rows go into the app's tables through one prepared
/// statement in one transaction, and any error in the file (all of them are listed)
/// rolls the whole transaction back: all or nothing.
struct BulkResultLoader {
    let store: FastSQLite
    /// School numbers (`schools.no`) by login − 100000 (the benchmark's logins); other keys go through `byKey`.
    let schoolIDs: ContiguousArray<Int>
    var byKey: [SchoolKey: Int] = [:]

    init(store: FastSQLite, schoolIDs: ContiguousArray<Int>) { self.store = store; self.schoolIDs = schoolIDs }

    func school(_ s: FastSchool) -> Int? {
        if case .login(let b) = s, b.count == 6 || b.count == 9 {
            var n = 0
            for i in (b.count - 6)..<b.count { n = n * 10 + Int(b[i] &- 0x30) }
            let idx = n - 100_000
            if idx >= 0 && idx < schoolIDs.count { return schoolIDs[idx] }
        }
        return byKey[s.key]
    }

    /// Schools of the file that are not in the registry, each with its first row, collected
    /// from every checked row (also after other errors). After the first one nothing more is
    /// written (the import fails anyway); the file is still read to the end, so that these
    /// and every other error are listed together.
    final class UnknownSchools {
        private var firstRow: [SchoolKey: Int] = [:]
        var isEmpty: Bool { firstRow.isEmpty }
        func note(_ key: SchoolKey, row: Int) { if firstRow[key] == nil { firstRow[key] = row } }
        var errors: [ImportError] {
            firstRow.map { ImportError(row: $0.value, column: "Код школы", message: "Школа не найдена: \(SchoolResolver.describe($0.key)). "
                                       + "Добавьте её в реестр или исправьте код.") }
        }
        /// Runs the scan; its own errors and the unknown schools fail the import as one list, by row.
        func failing<T>(_ scan: () throws -> T) throws -> T {
            let value: T
            do { value = try scan() } catch let f as ImportFailure {
                throw ImportFailure((f.errors + errors).sorted { ($0.row, $0.column) < ($1.row, $1.column) })
            }
            guard isEmpty else { throw ImportFailure(errors.sorted { $0.row < $1.row }) }
            return value
        }
    }

    /// The reading side of both imports: rows of `scan` go on as items with their school
    /// numbers; schools not in the registry are collected from every checked row, stop the
    /// writing and fail the import together with the file's other errors.
    func resolved<Row: ScannedRow, Item>(_ emit: (Item) throws -> Void,
                                         scan: (_ onChecked: @escaping (Row) -> Void, _ onRow: (Row) throws -> Void) throws -> FastScanSummary,
                                         item: @escaping (Row, Int) -> Item) throws -> Int {
        let unknown = UnknownSchools()
        // `emit` is called only while `scan` runs.
        return try withoutActuallyEscaping(emit) { emit in
            try unknown.failing {
                try scan({ r in if school(r.school) == nil { unknown.note(r.school.key, row: r.row) } }) { r in
                    guard unknown.isEmpty, let no = school(r.school) else { return }
                    try emit(item(r, no))
                }.rows
            }
        }
    }

    /// A checked row with its school resolved, owned (the scanner's buffers are reused).
    struct VPRItem: Sendable {
        var school: Int, year: Int, subject: String, grade: Int, participants: Int
        var counts: (Int, Int, Int, Int)?, shares: (FastDecimal, FastDecimal, FastDecimal, FastDecimal)?
    }
    struct EGEItem: Sendable {
        var school: Int, year: Int, subject: String, participants: Int, average: FastDecimal, sd: FastDecimal?, belowMinimum: Int?, highScorers: Int?
    }

    /// Reading and checking on one core, writing on the other (Pipeline); one transaction.
    /// Rows with counts go 32 to a statement (fewer statement runs); published percentages
    /// and the remainder one by one.
    func importVPR(_ url: URL) throws -> Int {
        let columns = "INSERT OR REPLACE INTO vpr_results (school_no, year, subject, grade, participants, m2, m3, m4, m5, source) VALUES "
        let group = 32
        let many = try store.prepare(columns + Array(repeating: "(?,?,?,?,?,?,?,?,?,'counts')", count: group).joined(separator: ","))
        let one = try store.prepare(columns + "(?,?,?,?,?,?,?,?,?,'counts')")
        let shares = try store.prepare("INSERT OR REPLACE INTO vpr_results (school_no, year, subject, grade, participants, p2, p3, p4, p5, source) VALUES (?,?,?,?,?,?,?,?,?,'percentages')")
        let subjects = SubjectTexts()
        var pending: [VPRItem] = []
        pending.reserveCapacity(group)
        func bindCounts(_ st: FastSQLite.Statement, _ r: VPRItem, at base: Int32) {
            let c = r.counts!
            st.bind(base + 1, r.school); st.bind(base + 2, r.year); subjects.bind(st, base + 3, subjects.index(r.subject)); st.bind(base + 4, r.grade)
            st.bind(base + 5, r.participants); st.bind(base + 6, c.0); st.bind(base + 7, c.1); st.bind(base + 8, c.2); st.bind(base + 9, c.3)
        }
        // Rows keep their file order: a later row replaces an earlier one with the same key.
        func flush() throws {
            for r in pending { bindCounts(one, r, at: 0); try one.run() }
            pending.removeAll(keepingCapacity: true)
        }
        // The statements hold pointers into `subjects` (bound without copies) until they finish.
        return try withExtendedLifetime(subjects) { try store.transaction {
            let rows = try Pipeline.run(produce: { emit in
                try resolved(emit, scan: { try ResultImport.scanVPR(fileURL: url, singlePass: true, onChecked: $0, onRow: $1) }) { r, no in
                    VPRItem(school: no, year: r.year, subject: r.subject, grade: r.grade, participants: r.participants, counts: r.counts, shares: r.shares)
                }
            }, consume: { (r: VPRItem) in
                guard r.counts != nil else {
                    try flush()
                    let p = r.shares!
                    shares.bind(1, r.school); shares.bind(2, r.year); subjects.bind(shares, 3, subjects.index(r.subject)); shares.bind(4, r.grade)
                    shares.bind(5, r.participants); shares.bind(6, p.0.text); shares.bind(7, p.1.text); shares.bind(8, p.2.text); shares.bind(9, p.3.text)
                    try shares.run()
                    return
                }
                pending.append(r)
                guard pending.count == group else { return }
                for (k, item) in pending.enumerated() { bindCounts(many, item, at: Int32(k * 9)) }
                try many.run()
                pending.removeAll(keepingCapacity: true)
            })
            try flush()
            return rows
        } }
    }

    /// Subject codes kept as stable bytes, bound without copying.
    final class SubjectTexts {
        private var codes: [String] = [], buffers: [UnsafeMutableBufferPointer<UInt8>] = []
        func index(_ s: String) -> Int {
            if let i = codes.lastIndex(of: s) { return i }
            let b = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, s.utf8.count))
            _ = b.initialize(from: s.utf8)
            codes.append(s); buffers.append(b)
            return codes.count - 1
        }
        func bind(_ st: FastSQLite.Statement, _ i: Int32, _ index: Int) {
            st.bind(i, static: UnsafeBufferPointer(rebasing: buffers[index][0..<codes[index].utf8.count]))
        }
        deinit { buffers.forEach { $0.deallocate() } }
    }

    func importEGE(_ url: URL) throws -> Int {
        let columns = "INSERT OR REPLACE INTO ege_results (school_no, year, subject, participants, average, sd, below_minimum, high_scorers) VALUES "
        let group = 32
        let many = try store.prepare(columns + Array(repeating: "(?,?,?,?,?,?,?,?)", count: group).joined(separator: ","))
        let one = try store.prepare(columns + "(?,?,?,?,?,?,?,?)")
        let subjects = SubjectTexts()
        var pending: [EGEItem] = []
        pending.reserveCapacity(group)
        func bind(_ st: FastSQLite.Statement, _ r: EGEItem, at base: Int32) {
            st.bind(base + 1, r.school); st.bind(base + 2, r.year); subjects.bind(st, base + 3, subjects.index(r.subject)); st.bind(base + 4, r.participants)
            st.bind(base + 5, r.average.text); st.bind(base + 6, r.sd?.double); st.bind(base + 7, r.belowMinimum); st.bind(base + 8, r.highScorers)
        }
        return try withExtendedLifetime(subjects) { try store.transaction {
            let rows = try Pipeline.run(produce: { emit in
                try resolved(emit, scan: { try ResultImport.scanEGE(fileURL: url, singlePass: true, onChecked: $0, onRow: $1) }) { r, no in
                    EGEItem(school: no, year: r.year, subject: r.subject, participants: r.participants,
                            average: r.average, sd: r.sd, belowMinimum: r.belowMinimum, highScorers: r.highScorers)
                }
            }, consume: { (r: EGEItem) in
                pending.append(r)
                guard pending.count == group else { return }
                for (k, item) in pending.enumerated() { bind(many, item, at: Int32(k * 8)) }
                try many.run()
                pending.removeAll(keepingCapacity: true)
            })
            for r in pending { bind(one, r, at: 0); try one.run() }
            return rows
        } }
    }
}

/// What `BulkResultLoader.resolved` needs of a scanned row: its line and its school.
protocol ScannedRow { var row: Int { get }; var school: FastSchool { get } }
extension VPRFastRow: ScannedRow {}
extension EGEFastRow: ScannedRow {}
