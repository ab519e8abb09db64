import Vapor
import Fluent
import SQLKit

/// Password sign-in with lockout after repeated failures, and the session / token
/// issuing that follows. Used by the login page, the API token endpoint and the CLI.
enum Authenticator {
    enum Outcome {
        case success(User)
        case invalid
        case locked(until: Date)
        case inactive
        /// Too many failures from this address: refused before any password is checked.
        case throttled(until: Date)
    }

    static func verify(login: String, password: String, on req: Request) async throws -> Outcome {
        let login = login.trimmingCharacters(in: .whitespaces).lowercased()
        let address = req.clientAddress
        let now = req.now
        // The per-address limiter runs before bcrypt, so guessing across many logins costs no CPU.
        if let until = req.application.loginThrottle.blockedUntil(address, now: now) {
            logFailure(req, login: login, reason: "throttled")
            return .throttled(until: until)
        }
        guard let user = try await User.query(on: req.db).filter(\.$login == login).first() else {
            // Spend the same time as a real check so logins can't be probed by timing.
            _ = try? await hashCheck(password, "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.3FEoUJ0E4iPtX7HtrsJ7QY8BQzCq", req)
            req.application.loginThrottle.failed(address, now: now)
            logFailure(req, login: login, reason: "unknown login")
            return .invalid
        }
        if let until = user.lockedUntil, until > now { return .locked(until: until) }
        guard user.isActive else { return .inactive }
        if try await hashCheck(password, user.passwordHash, req) {
            user.failedAttempts = 0
            user.lockedUntil = nil
            user.lastLoginAt = now
            try await user.update(on: req.db)
            return .success(user)
        }
        req.application.loginThrottle.failed(address, now: now)
        logFailure(req, login: login, reason: "wrong password")
        // One atomic increment: parallel attempts can't lose each other's count.
        let attempts = try await incrementFailures(try user.requireID(), on: req.db)
        if attempts >= req.config.maxFailedLogins {
            let until = now.addingTimeInterval(req.config.lockout)
            try await User.query(on: req.db).filter(\.$id == user.requireID())
                .set(\.$failedAttempts, to: 0).set(\.$lockedUntil, to: until).update()
            try await Audit.record(on: req.db, actor: nil, actorLogin: user.login, action: .lockout, entity: "user",
                                   id: user.id, label: user.login, municipalityID: nil)
            return .locked(until: until)
        }
        return .invalid
    }

    /// `failed_attempts + 1` in the database, returning the new count.
    static func incrementFailures(_ id: UUID, on db: any Database) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError) }
        let row = try await sql.raw("UPDATE users SET failed_attempts = failed_attempts + 1 WHERE id = \(bind: id) RETURNING failed_attempts")
            .first()
        return try row?.decode(column: "failed_attempts", as: Int.self) ?? 0
    }

    static func logFailure(_ req: Request, login: String, reason: String) {
        let agent = String((req.headers.first(name: .userAgent) ?? "").prefix(200))
        req.logger.warning("sign-in failed", metadata: ["login": .string(String(login.prefix(100))), "reason": .string(reason),
                                                         "address": .string(req.clientAddress), "user_agent": .string(agent)])
    }

    static func hashCheck(_ password: String, _ hash: String, _ req: Request) async throws -> Bool {
        try await req.application.threadPool.runIfActive { try Bcrypt.verify(password, created: hash) }
    }

    static func hash(_ password: String, app: Application) async throws -> String {
        let cost = app.config.bcryptCost
        return try await app.threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    /// Starts a browser session: a fresh random token each sign-in (no fixation).
    static func startSession(for user: User, on req: Request) async throws -> String {
        let token = Tokens.random()
        let s = UserSession()
        s.tokenHash = Tokens.sha256(token)
        s.$user.id = try user.requireID()
        s.lastSeenAt = req.now
        s.expiresAt = req.now.addingTimeInterval(req.config.sessionLifetime)
        s.userAgent = String((req.headers.first(name: .userAgent) ?? "").prefix(200))
        try await s.create(on: req.db)
        return token
    }

    static func sessionCookie(_ token: String, _ req: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, maxAge: Int(req.config.sessionLifetime), path: "/", isSecure: req.config.secureCookies,
                          isHTTPOnly: true, sameSite: .lax)
    }

    /// Ends every API token and every session of the user but `keepingSession` (password change, reset).
    static func revokeAccess(of userID: UUID, keepingSession keep: UUID?, on db: any Database, app: Application) async throws {
        defer { app.sessionCache.clear() }
        try await ApiToken.query(on: db).filter(\.$user.$id == userID).delete()
        var sessions = UserSession.query(on: db).filter(\.$user.$id == userID)
        if let keep { sessions = sessions.filter(\.$id != keep) }
        try await sessions.delete()
    }

    static func issueToken(for userID: UUID, name: String, days: Int, on db: any Database, now: Date) async throws -> String {
        let token = "opr_" + Tokens.random()
        let t = ApiToken()
        t.tokenHash = Tokens.sha256(token)
        t.$user.id = userID
        t.name = name
        t.expiresAt = now.addingTimeInterval(Double(days) * 86400)
        try await t.create(on: db)
        return token
    }

    /// Password rules: at least 8 characters with a letter and a digit.
    static func passwordProblem(_ p: String) -> String? {
        if p.count < 8 { return "Пароль должен быть не короче 8 символов." }
        if !p.contains(where: \.isLetter) || !p.contains(where: \.isNumber) { return "Пароль должен содержать буквы и цифры." }
        return nil
    }
}
