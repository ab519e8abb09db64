import Vapor
import Fluent
import SQLKit
import FluentSQLiteDriver
import FluentPostgresDriver
import AsyncKit
import NIOCore
import NIOPosix

/// A failure of the database itself — not of the request: the disk is full, the file or the
/// server is read-only, the database stays locked past the busy timeout, the server is gone.
/// The user gets 503 with a Russian message that says nothing was saved and what to do;
/// the log gets one error line naming the cause (`ErrorPageMiddleware`). Classified by the
/// driver's result code (SQLite) or SQLSTATE / error code (PostgreSQL), never by English text.
enum DatabaseFault: String, Sendable, Equatable, CaseIterable {
    case diskFull = "database_disk_full"
    case readOnly = "database_read_only"
    case busy = "database_busy"
    case unavailable = "database_unavailable"
    case storage = "database_storage_error"

    static let status = HTTPStatus.serviceUnavailable

    /// What the user reads (page or the API's `error.message`).
    var message: String {
        switch self {
        case .diskFull:
            "База данных недоступна для записи: на диске нет места. Изменения не сохранены — повторите позже; обратитесь к администратору."
        case .readOnly:
            "База данных открыта только для чтения (нет прав на запись в файл или каталог данных, либо сервер базы в режиме чтения). Изменения не сохранены — повторите позже; обратитесь к администратору."
        case .busy:
            "База данных занята другой операцией (например, большой загрузкой) и не ответила вовремя. Изменения не сохранены — повторите через минуту."
        case .unavailable:
            "База данных временно недоступна: нет соединения с сервером базы данных. Изменения не сохранены — повторите позже; если ошибка повторяется, обратитесь к администратору."
        case .storage:
            "Ошибка чтения или записи файла базы данных. Изменения не сохранены — обратитесь к администратору."
        }
    }

    /// The cause for the log (English, no data of the request).
    var logCause: String {
        switch self {
        case .diskFull: "disk full"
        case .readOnly: "database is read-only"
        case .busy: "database busy/locked beyond the timeout"
        case .unavailable: "database unreachable"
        case .storage: "database I/O error or corruption"
        }
    }

    /// Seconds the client may wait before a retry.
    var retryAfter: Int {
        switch self {
        case .busy: 10
        case .unavailable: 15
        case .diskFull, .readOnly, .storage: 60
        }
    }

    /// The fault and the driver's code (`SQLITE_FULL`, `SQLSTATE 53100`, …) behind `error`, or nil
    /// for errors that are not a failure of the database (constraints, syntax, decoding, …).
    static func classify(_ error: any Error) -> (fault: DatabaseFault, code: String)? {
        switch error {
        case let e as SQLiteError:
            return classify(sqlite: e.reason).map { ($0, "SQLITE \(e.reason)") }
        case let e as PSQLError:
            if e.code == .server, let state = e.serverInfo?[.sqlState] {
                return classify(sqlState: state).map { ($0, "SQLSTATE \(state)") }
            }
            switch e.code {
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
                return (.unavailable, "PSQLError \(e.code)")
            default:
                return nil
            }
        case let e as PostgresError:
            switch e {
            case .connectionClosed: return (.unavailable, "PostgresError.connectionClosed")
            case .server(let m):
                guard let state = m.fields[.sqlState] else { return nil }
                return classify(sqlState: state).map { ($0, "SQLSTATE \(state)") }
            case .protocol: return nil
            }
        case let e as ConnectionPoolTimeoutError:
            return (.busy, "ConnectionPoolTimeoutError.\(e)")
        case is ConnectionPoolError:
            return (.unavailable, "ConnectionPoolError.shutdown")
        case let e as NIOConnectionError:
            return (.unavailable, "NIOConnectionError (\(e.host):\(e.port))")
        case let e as ChannelError:
            switch e {
            case .ioOnClosedChannel, .alreadyClosed, .eof, .connectPending, .inputClosed, .outputClosed, .connectTimeout:
                return (.unavailable, "ChannelError.\(e)")
            default:
                return nil
            }
        case let e as IOError where [ECONNREFUSED, ECONNRESET, EPIPE, ETIMEDOUT, EHOSTUNREACH, ENETUNREACH].contains(e.errnoCode):
            return (.unavailable, "IOError errno \(e.errnoCode)")
        default:
            return nil
        }
    }

    /// SQLite result codes (basic and extended), https://sqlite.org/rescode.html.
    static func classify(sqlite reason: SQLiteError.Reason) -> DatabaseFault? {
        switch reason {
        case .full: .diskFull
        case .readOnly, .readonlyInRecovery, .readonlyCantLock, .readonlyInRollback, .readonlyBackingMoved, .readonlyDirectory, .permission:
            .readOnly
        case .busy, .busyInRecovery, .busyInSnapshot, .busyTimeout, .locked, .lockedBySharedCache, .lockedVirtualTable:
            .busy
        case .cantOpen, .cantOpenDirectory, .cantOpenInvalidPath, .cantOpenCygwinPath, .cantOpenUnfollowedSymlink, .notADatabase:
            .unavailable
        case .ioError, .ioErrorFailedRead, .ioErrorIncompleteRead, .ioErrorFailedWrite, .ioErrorFailedSync, .ioErrorFailedDirSync,
             .ioErrorFailedTruncate, .ioErrorFailedStat, .ioErrorFailedUnlock, .ioErrorFailedReadLock, .ioErrorFailedDelete,
             .ioErrorFailedAccess, .ioErrorFailedLockCheck, .ioErrorFailedAdvisoryLock, .ioErrorFailedClose,
             .ioErrorFailedSharedMemOpen, .ioErrorFailedSharedMemSize, .ioErrorFailedSharedMemMap, .ioErrorFailedDeleteNonexistent,
             .ioErrorFailedMemoryMap, .ioErrorCantFindTempdir, .ioErrorCygwinPath, .ioErrorBadDataChecksum, .ioErrorCorruptedFilesystem,
             .corrupt, .corruptVirtualTable, .corruptSequenceSchema, .corruptIndex:
            .storage
        default: nil
        }
    }

    /// PostgreSQL SQLSTATE codes, https://www.postgresql.org/docs/current/errcodes-appendix.html.
    static func classify(sqlState: String) -> DatabaseFault? {
        switch sqlState {
        case "53100": .diskFull                                   // disk_full
        case "25006": .readOnly                                   // read_only_sql_transaction (a standby, or default_transaction_read_only)
        case "55P03", "40P01", "57014": .busy                     // lock_not_available, deadlock_detected, query_canceled (statement/lock timeout)
        case "53300", "57P01", "57P02", "57P03", "57P05": .unavailable  // too_many_connections, admin/crash shutdown, cannot_connect_now
        case "58030", "XX001", "XX002": .storage                   // io_error, data_corrupted, index_corrupted
        default: sqlState.hasPrefix("08") ? .unavailable : nil     // class 08: connection exception
        }
    }
}

extension DatabaseFault {
    /// SQLite's own busy handler in sqlite-nio retries for ever (a locked file would hang a request
    /// and spin a thread); a bounded wait turns a lock held too long into `SQLITE_BUSY` → 503.
    /// Each event loop has one long-lived SQLite connection, set here once. OPORA_SQLITE_BUSY_TIMEOUT_MS
    /// overrides the default (30 s, as the bulk writer's own connection waits).
    static var busyTimeoutMilliseconds: Int {
        Int(ProcessInfo.processInfo.environment["OPORA_SQLITE_BUSY_TIMEOUT_MS"] ?? "") ?? 30_000
    }

    /// Runs `sql` once on the SQLite connection of every event loop (PRAGMAs are per connection).
    static func onEverySQLiteConnection(_ app: Application, _ sql: String) async throws {
        for loop in app.eventLoopGroup.makeIterator() {
            guard let db = app.databases.database(.sqlite, logger: app.logger, on: loop) as? any SQLDatabase else { return }
            try await db.raw(SQLQueryString(sql)).run()
        }
    }

    static func setBusyTimeout(_ app: Application, milliseconds: Int = busyTimeoutMilliseconds) async throws {
        try await onEverySQLiteConnection(app, "PRAGMA busy_timeout = \(max(0, milliseconds))")
    }
}
