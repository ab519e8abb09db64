import Foundation
import SQLKit
import FluentSQLiteDriver
import Importing

/// A checked ВПР or ЕГЭ row with its school's number (`schools.no`), ready to write.
/// Both writers of `ResultBulkWriter` take these: multi-row statements through SQLKit
/// (PostgreSQL, in-memory SQLite) and prepared statements on an SQLite file (FastStore).
protocol BulkResultRow: Sendable {
    associatedtype Key: Hashable
    static var table: String { get }
    /// Every column but `import_id`, in the order `values` writes them.
    static var columns: [String] { get }
    /// The unique key of the table (M009): a row replaces the row of the same key.
    static var key: [String] { get }
    var key: Key { get }
    /// The row's values for `columns`: integers as literals (no bind to encode per cell),
    /// texts and decimals bound, missing values as NULL.
    func values(to s: inout SQLSerializer)
    /// The same values as SQLite binds (the SQLite writer skips SQLKit's serializer).
    func values(to binds: inout [SQLiteData])
}

struct VPRBulkRow: BulkResultRow {
    enum Marks: Sendable { case counts(Int, Int, Int, Int), shares([String]) }
    var school: Int, year: Int, subject: String, grade: Int, participants: Int, marks: Marks

    static let table = "vpr_results"
    static let columns = ["school_no", "year", "subject", "grade", "participants", "m2", "m3", "m4", "m5", "p2", "p3", "p4", "p5", "source"]
    static let key = ["school_no", "year", "subject", "grade"]
    struct Key: Hashable { let school: Int, year: Int, subject: String, grade: Int }
    var key: Key { Key(school: school, year: year, subject: subject, grade: grade) }

    func values(to s: inout SQLSerializer) {
        s.write("\(school),\(year),"); s.write(bind: subject); s.write(",\(grade),\(participants),")
        switch marks {
        case .counts(let m2, let m3, let m4, let m5): s.write("\(m2),\(m3),\(m4),\(m5),NULL,NULL,NULL,NULL,'counts'")
        case .shares(let p):
            s.write("NULL,NULL,NULL,NULL")
            for x in p { s.write(","); s.write(bind: x) }
            s.write(",'percentages'")
        }
    }
}

extension VPRBulkRow {
    func values(to b: inout [SQLiteData]) {
        b.append(.integer(school)); b.append(.integer(year)); b.append(.text(subject)); b.append(.integer(grade)); b.append(.integer(participants))
        switch marks {
        case .counts(let m2, let m3, let m4, let m5):
            b.append(.integer(m2)); b.append(.integer(m3)); b.append(.integer(m4)); b.append(.integer(m5))
            b.append(.null); b.append(.null); b.append(.null); b.append(.null); b.append(.text("counts"))
        case .shares(let p):
            b.append(.null); b.append(.null); b.append(.null); b.append(.null)
            for x in p { b.append(.text(x)) }
            b.append(.text("percentages"))
        }
    }

    init(_ r: VPRFastRow, school: Int) {
        let marks: Marks
        if let c = r.counts { marks = .counts(c.0, c.1, c.2, c.3) }
        else { let p = r.shares!; marks = .shares([p.0.text, p.1.text, p.2.text, p.3.text]) }
        self.init(school: school, year: r.year, subject: r.subject, grade: r.grade, participants: r.participants, marks: marks)
    }

    init(_ r: VPRRow, school: Int) {
        let marks: Marks
        switch r.marks {
        case .counts(let k): marks = .counts(k[0], k[1], k[2], k[3])
        case .percentages(let p): marks = .shares(p)
        }
        self.init(school: school, year: r.year, subject: r.subject, grade: r.grade, participants: r.participants, marks: marks)
    }
}

struct EGEBulkRow: BulkResultRow {
    var school: Int, year: Int, subject: String, participants: Int, average: String, sd: Double?, belowMinimum: Int?, highScorers: Int?

    static let table = "ege_results"
    static let columns = ["school_no", "year", "subject", "participants", "average", "sd", "below_minimum", "high_scorers"]
    static let key = ["school_no", "year", "subject"]
    struct Key: Hashable { let school: Int, year: Int, subject: String }
    var key: Key { Key(school: school, year: year, subject: subject) }

    func values(to s: inout SQLSerializer) {
        s.write("\(school),\(year),"); s.write(bind: subject); s.write(",\(participants),"); s.write(bind: average); s.write(",")
        if let sd { s.write(bind: sd) } else { s.write("NULL") }
        s.write(belowMinimum.map { ",\($0)" } ?? ",NULL"); s.write(highScorers.map { ",\($0)" } ?? ",NULL")
    }
}

extension EGEBulkRow {
    func values(to b: inout [SQLiteData]) {
        b.append(.integer(school)); b.append(.integer(year)); b.append(.text(subject)); b.append(.integer(participants)); b.append(.text(average))
        b.append(sd.map { .float($0) } ?? .null); b.append(belowMinimum.map { .integer($0) } ?? .null); b.append(highScorers.map { .integer($0) } ?? .null)
    }

    init(_ r: EGEFastRow, school: Int) {
        self.init(school: school, year: r.year, subject: r.subject, participants: r.participants, average: r.average.text,
                  sd: r.sd?.double, belowMinimum: r.belowMinimum, highScorers: r.highScorers)
    }

    init(_ r: EGERow, school: Int) {
        self.init(school: school, year: r.year, subject: r.subject, participants: r.participants, average: r.average,
                  sd: r.sd.flatMap { Double($0) }, belowMinimum: r.belowMinimum, highScorers: r.highScorers)
    }
}

/// Rows replacing the rows of the same key in one statement. SQLite: `INSERT OR REPLACE`.
/// PostgreSQL: `ON CONFLICT (key) DO UPDATE` with `id = DEFAULT`, so that a replaced row gets
/// a new id, as with the former delete and insert (an exclusion confirmed for the old figures,
/// "vpr:<id>", does not carry over to new ones).
struct ReplaceResultRows<Row: BulkResultRow>: SQLExpression {
    let rows: [Row]
    let importID: UUID?

    func serialize(to s: inout SQLSerializer) {
        let postgres = s.dialect.name == "postgresql"
        s.write(postgres ? "INSERT INTO " : "INSERT OR REPLACE INTO ")
        s.write(Row.table + " (" + Row.columns.joined(separator: ", ") + ", import_id) VALUES ")
        for (i, r) in rows.enumerated() {
            s.write(i == 0 ? "(" : ",(")
            r.values(to: &s)
            if let importID { s.write(","); s.write(bind: importID) } else { s.write(",NULL") }
            s.write(")")
        }
        guard postgres else { return }
        s.write(" ON CONFLICT (" + Row.key.joined(separator: ", ") + ") DO UPDATE SET id = DEFAULT")
        for c in Row.columns + ["import_id"] where !Row.key.contains(c) { s.write(", \(c) = EXCLUDED.\(c)") }
    }
}

enum SQLResultRows {
    /// Rows per statement: 15 values a row stay far below the bind limits (SQLite 32,766; PostgreSQL 65,535).
    static let batch = 1000

    /// Writes `rows` in statements of `batch` rows, in order: a later row of the same key
    /// replaces an earlier one (within a statement too — PostgreSQL refuses to touch a row
    /// twice in one statement, so only the last of such rows goes into it).
    static func write<Row: BulkResultRow>(_ rows: [Row], importID: UUID?, on sql: any SQLDatabase) async throws {
        var start = 0
        while start < rows.count {
            let part = Array(rows[start..<min(rows.count, start + batch)])
            if let lite = sql as? any SQLiteDatabase {
                try await writeSQLite(part, importID: importID, on: lite)
            } else {
                try await sql.execute(sql: ReplaceResultRows(rows: lastOfEachKey(part), importID: importID)) { _ in }
            }
            start += batch
        }
    }

    /// On SQLite the statement goes to SQLiteNIO as it is: one text, the values bound as
    /// `SQLiteData` (SQLKit's serializer and encoder cost more than SQLite's own insert).
    /// `INSERT OR REPLACE` keeps the file's order within the statement: the last row of a key wins.
    static func writeSQLite<Row: BulkResultRow>(_ rows: [Row], importID: UUID?, on db: any SQLiteDatabase) async throws {
        let width = Row.columns.count + 1
        var binds: [SQLiteData] = []
        binds.reserveCapacity(rows.count * width)
        let id: SQLiteData = importID.map { .text($0.uuidString) } ?? .null
        for r in rows { r.values(to: &binds); binds.append(id) }
        let one = "(" + Array(repeating: "?", count: width).joined(separator: ",") + ")"
        let sql = "INSERT OR REPLACE INTO \(Row.table) (" + Row.columns.joined(separator: ", ") + ", import_id) VALUES "
            + Array(repeating: one, count: rows.count).joined(separator: ",")
        try await db.query(sql, binds) { _ in }
    }

    static func lastOfEachKey<Row: BulkResultRow>(_ rows: [Row]) -> [Row] {
        var last: [Row.Key: Int] = [:]
        last.reserveCapacity(rows.count)
        for (i, r) in rows.enumerated() { last[r.key] = i }
        guard last.count < rows.count else { return rows }
        return rows.enumerated().filter { last[$0.element.key] == $0.offset }.map(\.element)
    }
}
