@testable import App
import Domain
import Fluent
import FluentSQLiteDriver
import FluentPostgresDriver
import AsyncKit
import SQLKit
import Foundation
import Testing
import Vapor
import VaporTesting

/// Database faults (issue 12, «Сбои — ничего не теряется»): a failure of the database is a 503
/// with a Russian message, nothing half-written, and the same request succeeds once the database is back.
@Suite("Database faults")
struct FaultTests {
    static let onSQLite = ProcessInfo.processInfo.environment["OPORA_TEST_DATABASE_URL"] == nil

    // MARK: classification (both databases)

    @Test func classifiesByCodeNotByText() async throws {
        #expect(DatabaseFault.classify(sqlite: .full) == .diskFull)
        #expect(DatabaseFault.classify(sqlite: .readOnly) == .readOnly)
        #expect(DatabaseFault.classify(sqlite: .readonlyDirectory) == .readOnly)
        #expect(DatabaseFault.classify(sqlite: .busy) == .busy)
        #expect(DatabaseFault.classify(sqlite: .busyTimeout) == .busy)
        #expect(DatabaseFault.classify(sqlite: .cantOpen) == .unavailable)
        #expect(DatabaseFault.classify(sqlite: .ioErrorFailedWrite) == .storage)
        #expect(DatabaseFault.classify(sqlite: .constraintUniqueFailed) == nil, "a constraint is the request's fault, not the database's")
        #expect(DatabaseFault.classify(sqlite: .error) == nil)
        #expect(DatabaseFault.classify(sqlState: "53100") == .diskFull)
        #expect(DatabaseFault.classify(sqlState: "25006") == .readOnly)
        #expect(DatabaseFault.classify(sqlState: "55P03") == .busy)
        #expect(DatabaseFault.classify(sqlState: "57P01") == .unavailable)
        #expect(DatabaseFault.classify(sqlState: "08006") == .unavailable)
        #expect(DatabaseFault.classify(sqlState: "23505") == nil)
        #expect(DatabaseFault.classify(PostgresError.connectionClosed)?.fault == .unavailable)
        #expect(DatabaseFault.classify(ConnectionPoolTimeoutError.connectionRequestTimeout)?.fault == .busy)
        #expect(DatabaseFault.classify(Abort(.badRequest)) == nil)
        let (status, message, _) = ErrorPageMiddleware.describe(ConnectionPoolTimeoutError.connectionRequestTimeout)
        #expect(status == .serviceUnavailable && message.contains("Изменения не сохранены"))
    }

    /// A real PostgreSQL client error: a connection to a port where no server listens.
    @Test func postgresConnectionRefusedIsUnavailable() async throws {
        let config = PostgresConnection.Configuration(host: "127.0.0.1", port: 1, username: "x", password: nil, database: nil, tls: .disable)
        do {
            let c = try await PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(), configuration: config, id: 1,
                                                         logger: Logger(label: "fault-test"))
            try await c.close()
            Issue.record("nothing should listen on 127.0.0.1:1")
        } catch {
            let c = try #require(DatabaseFault.classify(error), "\(String(reflecting: error))")
            #expect(c.fault == .unavailable)
            #expect(ErrorPageMiddleware.describe(error).0 == .serviceUnavailable)
        }
    }

    /// A real SQLITE_FULL: a file whose page count may not grow (`PRAGMA max_page_count`).
    @Test(.enabled(if: FaultTests.onSQLite, "SQLITE_FULL is provoked through an SQLite PRAGMA; PostgreSQL's 53100 is covered by the classification test"))
    func sqliteFullIsDiskFull() async throws {
        try await withFileApp { app, _ in
            let mentor = try await Browser.signIn("tutor", app)
            let target = try await Self.target(mentor)
            let before = try await Interaction.query(on: app.db).count()
            try await Self.pinPageCount(app)
            let res = try await mentor.post("/support/log", Self.fields(target, topic: "Полный диск", outcome: String(repeating: "д", count: 200_000)))
            #expect(res.status == .serviceUnavailable)
            #expect(res.body.string.contains("на диске нет места") && res.body.string.contains("Изменения не сохранены"))
            #expect(res.headers.first(name: .retryAfter) != nil)
            #expect(try await Interaction.query(on: app.db).count() == before)
            // Space again: the same post goes through, without a restart.
            try await DatabaseFault.onEverySQLiteConnection(app, "PRAGMA max_page_count = 1073741823")
            let ok = try await mentor.post("/support/log", Self.fields(target, topic: "Полный диск", outcome: String(repeating: "д", count: 200_000)))
            #expect(ok.status == .seeOther)
            #expect(try await Interaction.query(on: app.db).count() == before + 1)
        }
    }

    // MARK: SQLite file faults through the app

    @Test(.enabled(if: FaultTests.onSQLite, "SQLite file faults (read-only file, file lock); PostgreSQL runs the classification tests"))
    func readOnlyDatabaseRefusesWritesWith503() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fault-ro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("opora.sqlite").path
        var session = "", target = ""
        try await withFileApp(path: path) { app, _ in
            let mentor = try await Browser.signIn("tutor", app)
            session = mentor.session
            target = try await Self.target(mentor)
        }
        // The same file opened read-only (as when the data directory is not writable for the server).
        let app = try await Application.make(.testing)
        do {
            try await configure(app, database: .sqliteFile("file:\(path)?mode=ro"))
            let before = try await Interaction.query(on: app.db).count()
            let browser = Browser(app: app, session: session)
            let res = try await browser.post("/support/log", Self.fields(target, topic: "Только чтение"))
            #expect(res.status == .serviceUnavailable)
            #expect(res.body.string.contains("только для чтения") && res.body.string.contains("Изменения не сохранены"))
            #expect(try await Interaction.query(on: app.db).count() == before)
            // The API answers in its JSON shape with the fault's code.
            var api: TestingHTTPResponse!
            try await app.testing().test(.POST, "/api/people", headers: ["Cookie": browser.cookies, "X-CSRF-Token": browser.csrf, "Content-Type": "application/json"],
                                         body: ByteBuffer(string: "{}")) { api = $0 }
            if api.status == .serviceUnavailable {
                let body = try api.content.decode(ErrorPageMiddleware.APIError.self)
                #expect(body.error.code == DatabaseFault.readOnly.rawValue && body.error.status == 503)
            }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    @Test(.enabled(if: FaultTests.onSQLite, "SQLite file faults (read-only file, file lock); PostgreSQL runs the classification tests"))
    func lockedDatabaseIs503ThenTheSamePostSucceeds() async throws {
        try await withFileApp { app, path in
            let mentor = try await Browser.signIn("tutor", app)
            let target = try await Self.target(mentor)
            try await DatabaseFault.setBusyTimeout(app, milliseconds: 200)
            let before = try await Interaction.query(on: app.db).count()
            // A second connection holds the write lock beyond the busy timeout.
            let other = try AppSQLite(path: path)
            try other.exec("BEGIN IMMEDIATE")
            let res = try await mentor.post("/support/log", Self.fields(target, topic: "Занятая база"))
            #expect(res.status == .serviceUnavailable)
            #expect(res.body.string.contains("База данных занята") && res.body.string.contains("Изменения не сохранены"))
            try other.exec("ROLLBACK")
            #expect(try await Interaction.query(on: app.db).count() == before)
            let ok = try await mentor.post("/support/log", Self.fields(target, topic: "Занятая база"))
            #expect(ok.status == .seeOther)
            #expect(try await Interaction.query(on: app.db).filter(\.$topic == "Занятая база").count() == 1)
        }
    }

    // MARK: helpers

    static func fields(_ target: String, topic: String, outcome: String = "") -> [(String, String)] {
        [("target", target), ("day", CalendarDay(date: Date(), timeZone: CuratorshipService.zone).iso), ("duration_min", "30"),
         ("form", "consultation"), ("format", "remote"), ("topic", topic), ("outcome", outcome)]
    }

    /// A pair of the signed-in supporter, as the work-log form offers it.
    static func target(_ b: Browser) async throws -> String {
        let html = try await b.get("/support/log").body.string
        let match = try #require(html.firstMatch(of: /value="((?:teacher|school):[0-9A-Fa-f-]{36})"/))
        return String(match.1)
    }

    /// No page beyond the ones the file has (SQLITE_FULL on growth), after a checkpoint and VACUUM.
    static func pinPageCount(_ app: Application) async throws {
        let sql = app.db as! any SQLDatabase
        try await sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
        try await sql.raw("VACUUM").run()
        struct Count: Decodable { let page_count: Int }
        let pages = try await sql.raw("PRAGMA page_count").first(decoding: Count.self)?.page_count ?? 0
        try await DatabaseFault.onEverySQLiteConnection(app, "PRAGMA max_page_count = \(pages)")
    }

    /// The demo on an SQLite file (the faults are of files); on PostgreSQL the shared test app.
    func withFileApp(path given: String? = nil, _ test: (Application, String) async throws -> Void) async throws {
        guard Self.onSQLite else {
            try await withTestApp { app in try await test(app, "") }
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fault-\(UUID().uuidString)")
        if given == nil { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
        defer { if given == nil { try? FileManager.default.removeItem(at: dir) } }
        let path = given ?? dir.appendingPathComponent("opora.sqlite").path
        let app = try await Application.make(.testing)
        do {
            try await configure(app, database: .sqliteFile(path))
            try await app.autoMigrate()
            try await DemoSeeder.seed(app.db, passwordHash: try Bcrypt.hash(DemoSeeder.password, cost: 4), today: CalendarDay(date: app.now(), timeZone: CuratorshipService.zone))
            try await test(app, path)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
