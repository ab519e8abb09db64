import Vapor
import Fluent

/// Resolves the user of every request from the session cookie or a bearer token.
/// It never rejects: routes decide through `requireUser()` and `Access`.
struct AuthMiddleware: AsyncMiddleware {
    static let cookieName = "opora_session"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = req.headers.bearerAuthorization {
            req.currentUser = try await Self.fromToken(bearer.token, req)
            if req.currentUser == nil {
                throw Abort(.unauthorized, reason: "Токен доступа недействителен или истёк. Выпустите новый в профиле.")
            }
        } else if let token = req.cookies[Self.cookieName]?.string {
            req.currentUser = try await Self.fromSession(token, req)
        }
        return try await next.respond(to: req)
    }

    static func fromSession(_ token: String, _ req: Request) async throws -> CurrentUser? {
        let hash = Tokens.sha256(token)
        let now = req.now
        if let hit = req.application.sessionCache.get(hash, now: now) { return hit }
        guard let session = try await UserSession.query(on: req.db)
            .filter(\.$tokenHash == hash).with(\.$user).first() else { return nil }
        guard session.expiresAt > now, session.user.isActive else { return nil }
        // Sliding expiry, written at most once a minute to keep reads cheap.
        if now.timeIntervalSince(session.lastSeenAt) > 60 {
            session.lastSeenAt = now
            session.expiresAt = now.addingTimeInterval(req.config.sessionLifetime)
            try await session.update(on: req.db)
        }
        let principal = try await PrincipalLoader.load(session.user, on: req.db, now: req.now)
        let user = CurrentUser(id: try session.user.requireID(), login: session.user.login, displayName: session.user.displayName,
                               mustChangePassword: session.user.mustChangePassword, principal: principal, via: .session(try session.requireID()))
        req.application.sessionCache.put(hash, user, now: now, expiresAt: session.expiresAt)
        return user
    }

    static func fromToken(_ token: String, _ req: Request) async throws -> CurrentUser? {
        let hash = Tokens.sha256(token)
        if let hit = req.application.sessionCache.get(hash, now: req.now) { return hit }
        guard let row = try await ApiToken.query(on: req.db)
            .filter(\.$tokenHash == hash).with(\.$user).first() else { return nil }
        if let exp = row.expiresAt, exp <= req.now { return nil }
        guard row.user.isActive else { return nil }
        // "Last used" for the profile, written at most once an hour.
        if row.lastUsedAt.map({ req.now.timeIntervalSince($0) > 3600 }) ?? true {
            row.lastUsedAt = req.now
            try await row.update(on: req.db)
        }
        let principal = try await PrincipalLoader.load(row.user, on: req.db, now: req.now)
        let user = CurrentUser(id: try row.user.requireID(), login: row.user.login, displayName: row.user.displayName,
                               mustChangePassword: row.user.mustChangePassword, principal: principal, via: .token)
        req.application.sessionCache.put(hash, user, now: req.now, expiresAt: row.expiresAt)
        return user
    }
}
