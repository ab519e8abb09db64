import Foundation
import VaporCSQLite

/// A connection of its own to the app's SQLite file for `ResultBulkWriter`, through the very
/// SQLite library the app's Fluent connections use (sqlite-nio's). One library in the process
/// matters: SQLite coordinates the connections of one process through its own lock tables
/// (POSIX locks do not separate them), so a second SQLite library beside the app's — FastStore
/// over the system SQLite — neither excludes the app's writers nor sees its readers, and was
/// measured to leave other connections stale and the file damaged. Here the statements are
/// prepared once and stepped many times, on the calling thread, as FastStore does.
final class AppSQLite {
    struct Failure: Error, CustomStringConvertible { let description: String }
    private var db: OpaquePointer?
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(path: String) throws {
        guard sqlite_nio_sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, nil) == SQLITE_OK else {
            sqlite_nio_sqlite3_close_v2(db)
            throw Failure(description: "не удалось открыть базу \(path)")
        }
        sqlite_nio_sqlite3_busy_timeout(db, 30_000)
    }

    deinit { sqlite_nio_sqlite3_close_v2(db) }

    func exec(_ sql: String) throws {
        var err: UnsafeMutablePointer<CChar>?
        if sqlite_nio_sqlite3_exec(db, sql, nil, nil, &err) != SQLITE_OK {
            let message = err.map { String(cString: $0) } ?? "?"
            sqlite_nio_sqlite3_free(err)
            throw Failure(description: message)
        }
    }

    /// The value of a one-row, one-column query (e.g. `PRAGMA journal_mode`).
    func text(_ sql: String) throws -> String? {
        let st = try prepare(sql)
        return try st.firstText()
    }

    func prepare(_ sql: String) throws -> Statement {
        var stmt: OpaquePointer?
        guard sqlite_nio_sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK, let stmt else {
            throw Failure(description: String(cString: sqlite_nio_sqlite3_errmsg(db)))
        }
        return Statement(stmt: stmt, db: db)
    }

    /// Runs `body` inside one write transaction (taken at once: `BEGIN IMMEDIATE`); rolls back on any error.
    func transaction<T>(_ body: () throws -> T) throws -> T {
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

    final class Statement: BulkStatement {
        private let stmt: OpaquePointer
        private let db: OpaquePointer?
        fileprivate init(stmt: OpaquePointer, db: OpaquePointer?) { self.stmt = stmt; self.db = db }
        deinit { sqlite_nio_sqlite3_finalize(stmt) }

        func bind(_ i: Int32, _ v: Int?) {
            if let v { sqlite_nio_sqlite3_bind_int64(stmt, i, sqlite3_int64(v)) } else { sqlite_nio_sqlite3_bind_null(stmt, i) }
        }
        func bind(_ i: Int32, _ v: String?) {
            guard var copy = v else { sqlite_nio_sqlite3_bind_null(stmt, i); return }
            copy.withUTF8 { buf in
                _ = sqlite_nio_sqlite3_bind_text(stmt, i, UnsafeRawPointer(buf.baseAddress)?.assumingMemoryBound(to: CChar.self), Int32(buf.count), AppSQLite.transient)
            }
        }
        func bind(_ i: Int32, static text: UnsafeBufferPointer<UInt8>) {
            _ = sqlite_nio_sqlite3_bind_text(stmt, i, UnsafeRawPointer(text.baseAddress)?.assumingMemoryBound(to: CChar.self), Int32(text.count), nil)
        }
        func bind(_ i: Int32, _ v: Double?) {
            if let v { sqlite_nio_sqlite3_bind_double(stmt, i, v) } else { sqlite_nio_sqlite3_bind_null(stmt, i) }
        }
        func run() throws {
            let rc = sqlite_nio_sqlite3_step(stmt)
            sqlite_nio_sqlite3_reset(stmt)
            guard rc == SQLITE_DONE else { throw Failure(description: String(cString: sqlite_nio_sqlite3_errmsg(db))) }
        }
        fileprivate func firstText() throws -> String? {
            defer { sqlite_nio_sqlite3_reset(stmt) }
            let rc = sqlite_nio_sqlite3_step(stmt)
            guard rc == SQLITE_ROW else { return nil }
            return sqlite_nio_sqlite3_column_text(stmt, 0).map { String(cString: $0) }
        }
    }
}
