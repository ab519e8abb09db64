internal import CSQLite3
import Foundation

/// A thin wrapper over the system SQLite C API for reading result rows back for the
/// country-wide benchmark, and for tests of the bulk writing side on bare tables.
///
/// Not for writing beside the app: the system SQLite is a second SQLite library in the
/// process next to the one of the app's Fluent connections (sqlite-nio's), and SQLite keeps
/// the locks of one process in each library's own tables — two libraries on one file do not
/// exclude each other's writers, and closing one library's connection drops the other's
/// POSIX locks and may checkpoint and remove the write-ahead log under it (measured: stale
/// reads, then "database disk image is malformed"). The app's bulk writer uses `AppSQLite`
/// (App/Monitoring), over the app's own SQLite library.
public final class FastSQLite {
    public struct Failure: Error, CustomStringConvertible { public let description: String }
    private var db: OpaquePointer?

    /// `create`: make the file when it does not exist (otherwise a mistyped path fails here).
    public init(path: String, readOnly: Bool = false, create: Bool = false) throws {
        let mode = readOnly ? SQLITE_OPEN_READONLY : (create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READWRITE)
        guard sqlite3_open_v2(path, &db, mode | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK else {
            throw Failure(description: "не удалось открыть базу \(path)")
        }
        sqlite3_busy_timeout(db, 10_000)
    }

    deinit { sqlite3_close_v2(db) }

    public func exec(_ sql: String) throws {
        var err: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(db, sql, nil, nil, &err) != SQLITE_OK {
            let message = err.map { String(cString: $0) } ?? "?"
            sqlite3_free(err)
            throw Failure(description: message)
        }
    }

    public func prepare(_ sql: String) throws -> Statement {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK, let stmt else {
            throw Failure(description: String(cString: sqlite3_errmsg(db)))
        }
        return Statement(stmt: stmt, db: db)
    }

    /// Runs `body` inside one transaction; rolls back on any error.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try exec("BEGIN IMMEDIATE")
        do {
            let value = try body()
            try exec("COMMIT")
            return value
        } catch {
            try? exec("ROLLBACK")
            throw error
        }
    }

    public final class Statement {
        private let stmt: OpaquePointer
        private let db: OpaquePointer?
        fileprivate init(stmt: OpaquePointer, db: OpaquePointer?) { self.stmt = stmt; self.db = db }
        deinit { sqlite3_finalize(stmt) }

        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        public func bind(_ i: Int32, _ v: Int?) {
            if let v { sqlite3_bind_int64(stmt, i, sqlite3_int64(v)) } else { sqlite3_bind_null(stmt, i) }
        }
        public func bind(_ i: Int32, _ v: String?) {
            guard let v else { sqlite3_bind_null(stmt, i); return }
            var copy = v
            copy.withUTF8 { buf in
                _ = sqlite3_bind_text(stmt, i, UnsafeRawPointer(buf.baseAddress)?.assumingMemoryBound(to: CChar.self), Int32(buf.count), Self.transient)
            }
        }
        /// Text that stays valid and unchanged until the statement's next bind of `i`
        /// (e.g. an interned subject code): bound without a copy.
        public func bind(_ i: Int32, static text: UnsafeBufferPointer<UInt8>) {
            _ = sqlite3_bind_text(stmt, i, UnsafeRawPointer(text.baseAddress)?.assumingMemoryBound(to: CChar.self), Int32(text.count), nil)
        }
        public func bind(_ i: Int32, _ v: Double?) {
            if let v { sqlite3_bind_double(stmt, i, v) } else { sqlite3_bind_null(stmt, i) }
        }

        /// Steps a statement that returns no rows (insert/update) and resets it for reuse.
        public func run() throws {
            let rc = sqlite3_step(stmt)
            sqlite3_reset(stmt)
            guard rc == SQLITE_DONE else { throw Failure(description: String(cString: sqlite3_errmsg(db))) }
        }

        /// Iterates result rows; the row view is valid only inside the closure.
        public func forEach(_ body: (Row) throws -> Void) throws {
            defer { sqlite3_reset(stmt) }
            while true {
                let rc = sqlite3_step(stmt)
                if rc == SQLITE_DONE { return }
                guard rc == SQLITE_ROW else { throw Failure(description: String(cString: sqlite3_errmsg(db))) }
                try body(Row(stmt: stmt))
            }
        }
    }

    public struct Row {
        let stmt: OpaquePointer
        public func int(_ i: Int32) -> Int? { sqlite3_column_type(stmt, i) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(stmt, i)) }
        public func text(_ i: Int32) -> String? {
            guard let p = sqlite3_column_text(stmt, i) else { return nil }
            return String(cString: p)
        }
        public func double(_ i: Int32) -> Double? { sqlite3_column_type(stmt, i) == SQLITE_NULL ? nil : sqlite3_column_double(stmt, i) }
        public func isNull(_ i: Int32) -> Bool { sqlite3_column_type(stmt, i) == SQLITE_NULL }
        /// An integer column known not to be NULL (0 when it is).
        public func int64(_ i: Int32) -> Int { Int(sqlite3_column_int64(stmt, i)) }
        /// The column's text as bytes, valid only inside `body` (no String is made).
        public func withBytes<T>(_ i: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
            let p = sqlite3_column_text(stmt, i)
            let n = Int(sqlite3_column_bytes(stmt, i))
            return try body(UnsafeRawBufferPointer(start: p.map { UnsafeRawPointer($0) }, count: p == nil ? 0 : n))
        }
    }
}
