import Vapor
import NIOConcurrencyHelpers

/// Signed-in users of recent requests by the hash of their cookie or token, for a few
/// seconds: a signed-in request then reads no session, grant or assignment rows. Changes
/// made on this instance (sign-out, password, grants, assignments, disabling) clear it at
/// once; another instance over the same database sees them within `lifetime`.
final class SessionCache: Sendable {
    struct Entry: Sendable { let user: CurrentUser; let until: Date }
    let lifetime: TimeInterval
    let capacity: Int
    private let entries = NIOLockedValueBox([String: Entry]())

    init(lifetime: TimeInterval = 5, capacity: Int = 10_000) { self.lifetime = lifetime; self.capacity = capacity }

    func get(_ hash: String, now: Date) -> CurrentUser? {
        entries.withLockedValue { $0[hash].flatMap { $0.until > now ? $0.user : nil } }
    }

    /// Keeps the user until `lifetime` from now, or the session's own expiry if sooner.
    func put(_ hash: String, _ user: CurrentUser, now: Date, expiresAt: Date?) {
        let until = min(now.addingTimeInterval(lifetime), expiresAt ?? .distantFuture)
        entries.withLockedValue { all in
            if all.count >= capacity { all = all.filter { $0.value.until > now } }
            if all.count < capacity { all[hash] = Entry(user: user, until: until) }
        }
    }

    func clear() { entries.withLockedValue { $0.removeAll(keepingCapacity: true) } }
}

extension Application {
    private struct SessionCacheKey: StorageKey { typealias Value = SessionCache }
    /// Set once in configure; a configuration without it simply caches nothing.
    var sessionCache: SessionCache {
        get { storage[SessionCacheKey.self] ?? SessionCache(lifetime: 0) }
        set { storage[SessionCacheKey.self] = newValue }
    }
}

extension Request {
    /// Who may sign in as whom changed (sign-out, password, grants, assignments, disabling).
    func signInsChanged() { application.sessionCache.clear() }
}
