import Foundation

/// A prepared statement the file sinks bind and run: on `AppSQLite` (the product's writer)
/// or on FastStore (the bare loader of the benchmark target, `BulkResultLoader`).
protocol BulkStatement: AnyObject {
    func bind(_ i: Int32, _ v: Int?)
    func bind(_ i: Int32, _ v: String?)
    func bind(_ i: Int32, static text: UnsafeBufferPointer<UInt8>)
    func bind(_ i: Int32, _ v: Double?)
    func run() throws
}

typealias PrepareStatement = (String) throws -> any BulkStatement

/// The writing side of `ResultBulkWriter` on an SQLite file: prepared statements on one
/// connection of its own, inside the transaction its caller holds. Rows with counts go 32
/// to a statement (fewer statement runs); published percentages and the remainder one by
/// one; rows keep the file's order, so a later row replaces an earlier one of the same key.
/// `INSERT OR REPLACE` gives a replaced row a new id, as the SQLKit writer does.
protocol ResultFileSink<Row>: AnyObject {
    associatedtype Row: BulkResultRow
    func add(_ row: Row) throws
    /// Writes what is still pending.
    func finish() throws
}

final class VPRFileSink: ResultFileSink {
    static let group = 32
    private let many: any BulkStatement, one: any BulkStatement, shares: any BulkStatement
    private let texts: InternedTexts
    private let importID: Int?
    private var pending: [VPRBulkRow] = []

    init(_ prepare: PrepareStatement, importID: UUID?) throws {
        let columns = "INSERT OR REPLACE INTO vpr_results (school_no, year, subject, grade, participants, m2, m3, m4, m5, source"
            + (importID == nil ? ") VALUES " : ", import_id) VALUES ")
        let counts = "(?,?,?,?,?,?,?,?,?,'counts'" + (importID == nil ? ")" : ",?)")
        many = try prepare(columns + Array(repeating: counts, count: Self.group).joined(separator: ","))
        one = try prepare(columns + counts)
        shares = try prepare("INSERT OR REPLACE INTO vpr_results (school_no, year, subject, grade, participants, p2, p3, p4, p5, source"
                                   + (importID == nil ? ") VALUES (?,?,?,?,?,?,?,?,?,'percentages')" : ", import_id) VALUES (?,?,?,?,?,?,?,?,?,'percentages',?)"))
        let texts = InternedTexts()
        self.texts = texts
        self.importID = importID.map { texts.index($0.uuidString) }
        pending.reserveCapacity(Self.group)
    }

    func add(_ r: VPRBulkRow) throws {
        guard case .shares(let p) = r.marks else {
            pending.append(r)
            guard pending.count == Self.group else { return }
            let width: Int32 = importID == nil ? 9 : 10
            for (k, item) in pending.enumerated() { bindCounts(many, item, at: Int32(k) * width) }
            try many.run()
            pending.removeAll(keepingCapacity: true)
            return
        }
        try finish()
        shares.bind(1, r.school); shares.bind(2, r.year); texts.bind(shares, 3, texts.index(r.subject)); shares.bind(4, r.grade)
        shares.bind(5, r.participants)
        for (k, x) in p.enumerated() { shares.bind(6 + Int32(k), x) }
        if let importID { texts.bind(shares, 10, importID) }
        try shares.run()
    }

    func finish() throws {
        for r in pending { bindCounts(one, r, at: 0); try one.run() }
        pending.removeAll(keepingCapacity: true)
    }

    private func bindCounts(_ st: any BulkStatement, _ r: VPRBulkRow, at base: Int32) {
        guard case .counts(let m2, let m3, let m4, let m5) = r.marks else { return }
        st.bind(base + 1, r.school); st.bind(base + 2, r.year); texts.bind(st, base + 3, texts.index(r.subject)); st.bind(base + 4, r.grade)
        st.bind(base + 5, r.participants); st.bind(base + 6, m2); st.bind(base + 7, m3); st.bind(base + 8, m4); st.bind(base + 9, m5)
        if let importID { texts.bind(st, base + 10, importID) }
    }
}

final class EGEFileSink: ResultFileSink {
    static let group = 32
    private let many: any BulkStatement, one: any BulkStatement
    private let texts: InternedTexts
    private let importID: Int?
    private var pending: [EGEBulkRow] = []

    init(_ prepare: PrepareStatement, importID: UUID?) throws {
        let columns = "INSERT OR REPLACE INTO ege_results (school_no, year, subject, participants, average, sd, below_minimum, high_scorers"
            + (importID == nil ? ") VALUES " : ", import_id) VALUES ")
        let row = importID == nil ? "(?,?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?,?,?)"
        many = try prepare(columns + Array(repeating: row, count: Self.group).joined(separator: ","))
        one = try prepare(columns + row)
        let texts = InternedTexts()
        self.texts = texts
        self.importID = importID.map { texts.index($0.uuidString) }
        pending.reserveCapacity(Self.group)
    }

    func add(_ r: EGEBulkRow) throws {
        pending.append(r)
        guard pending.count == Self.group else { return }
        let width: Int32 = importID == nil ? 8 : 9
        for (k, item) in pending.enumerated() { bind(many, item, at: Int32(k) * width) }
        try many.run()
        pending.removeAll(keepingCapacity: true)
    }

    func finish() throws {
        for r in pending { bind(one, r, at: 0); try one.run() }
        pending.removeAll(keepingCapacity: true)
    }

    private func bind(_ st: any BulkStatement, _ r: EGEBulkRow, at base: Int32) {
        st.bind(base + 1, r.school); st.bind(base + 2, r.year); texts.bind(st, base + 3, texts.index(r.subject)); st.bind(base + 4, r.participants)
        st.bind(base + 5, r.average); st.bind(base + 6, r.sd); st.bind(base + 7, r.belowMinimum); st.bind(base + 8, r.highScorers)
        if let importID { texts.bind(st, base + 9, importID) }
    }
}

/// Texts that repeat on every row (subject codes, the import's id) kept as stable bytes
/// and bound without copying; the statements hold pointers into them until they finish,
/// so the sinks that own both keep them alive together.
final class InternedTexts {
    private var codes: [String] = [], buffers: [UnsafeMutableBufferPointer<UInt8>] = []

    func index(_ s: String) -> Int {
        if let i = codes.lastIndex(of: s) { return i }
        let b = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, s.utf8.count))
        _ = b.initialize(from: s.utf8)
        codes.append(s); buffers.append(b)
        return codes.count - 1
    }

    func bind(_ st: any BulkStatement, _ i: Int32, _ index: Int) {
        st.bind(i, static: UnsafeBufferPointer(rebasing: buffers[index][0..<codes[index].utf8.count]))
    }

    deinit { buffers.forEach { $0.deallocate() } }
}
