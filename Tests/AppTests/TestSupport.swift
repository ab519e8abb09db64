@testable import App
import Domain
import Fluent
import SQLKit
import Foundation
import Testing
import Vapor
import VaporTesting

/// Runs a test against a fresh database: in-memory SQLite, or — when
/// OPORA_TEST_DATABASE_URL is set (CI) — a fresh schema of that PostgreSQL server.
func withTestApp(demo: Bool = true, migrate: Bool = true, _ test: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    let pgURL = ProcessInfo.processInfo.environment["OPORA_TEST_DATABASE_URL"]
    let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
    do {
        if let pgURL {
            try await configure(app, database: .postgres(url: pgURL, searchPath: String(schema)))
            try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(ident: String(schema))").run()
        } else {
            try await configure(app, database: .sqliteMemory)
        }
        if migrate { try await app.autoMigrate() }
        if demo { try await DemoSeeder.seed(app.db, passwordHash: try Bcrypt.hash(DemoSeeder.password, cost: 4), today: CalendarDay(date: app.now(), timeZone: CuratorshipService.zone)) }
        try await test(app)
        await app.backgroundWork.drain()
    } catch {
        await app.backgroundWork.drain()
        if pgURL != nil { try? await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(ident: String(schema)) CASCADE").run() }
        try? await app.asyncShutdown()
        throw error
    }
    if pgURL != nil { try await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(ident: String(schema)) CASCADE").run() }
    try await app.asyncShutdown()
}

/// A signed-in browser for tests: a session created directly, and a CSRF cookie.
struct Browser {
    let app: Application
    let session: String
    let csrf = "test-csrf-token-0123456789"

    static func signIn(_ login: String, _ app: Application) async throws -> Browser {
        guard let user = try await User.query(on: app.db).filter(\.$login == login).first() else { throw Abort(.notFound, reason: "no user \(login)") }
        let token = Tokens.random()
        let s = UserSession()
        s.tokenHash = Tokens.sha256(token)
        s.$user.id = user.id!
        s.lastSeenAt = Date()
        s.expiresAt = Date().addingTimeInterval(3600)
        s.userAgent = "test"
        try await s.create(on: app.db)
        return Browser(app: app, session: token)
    }

    var cookies: String { "opora_session=\(session); opora_csrf=\(csrf)" }

    func get(_ path: String) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse!
        try await app.testing().test(.GET, path, headers: ["Cookie": cookies]) { res in result = res }
        return result
    }

    /// Posts an url-encoded form with the CSRF field added.
    func post(_ path: String, _ fields: [(String, String)], csrf: Bool = true) async throws -> TestingHTTPResponse {
        let all = (csrf ? [("_csrf", self.csrf)] : []) + fields
        let body = all.map { "\(enc($0.0))=\(enc($0.1))" }.joined(separator: "&")
        var result: TestingHTTPResponse!
        try await app.testing().test(.POST, path, headers: ["Cookie": cookies, "Content-Type": "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: body)) { res in result = res }
        return result
    }

    func enc(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s }
}

enum Fixture {
    static func school(_ code: String, _ app: Application) async throws -> School {
        guard let s = try await School.query(on: app.db).filter(\.$code == code).first() else { throw Abort(.notFound, reason: code) }
        return s
    }
    static func person(_ code: String, _ app: Application) async throws -> Person {
        guard let p = try await Person.query(on: app.db).filter(\.$staffCode == code).first() else { throw Abort(.notFound, reason: code) }
        return p
    }
    static func user(_ login: String, _ app: Application) async throws -> User {
        guard let u = try await User.query(on: app.db).filter(\.$login == login).first() else { throw Abort(.notFound, reason: login) }
        return u
    }
}
