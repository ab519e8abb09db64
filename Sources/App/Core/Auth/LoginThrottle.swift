import Vapor
import NIOConcurrencyHelpers

/// Failed sign-ins per client address in a sliding window, kept in the process.
/// With several instances behind a balancer each keeps its own window (the per-login
/// lockout in the database still holds across all of them).
final class LoginThrottle: Sendable {
    struct Window: Sendable { var start: Date; var failures: Int }
    let limit: Int
    let window: TimeInterval
    private let state = NIOLockedValueBox([String: Window]())

    init(limit: Int = 20, window: TimeInterval = 10 * 60) { self.limit = limit; self.window = window }

    /// When the address may try again, or nil when it may now.
    func blockedUntil(_ address: String, now: Date) -> Date? {
        state.withLockedValue { all in
            guard let w = all[address], now.timeIntervalSince(w.start) < window else { return nil }
            return w.failures >= limit ? w.start.addingTimeInterval(window) : nil
        }
    }

    func failed(_ address: String, now: Date) {
        state.withLockedValue { all in
            if all.count > 50_000 { all = all.filter { now.timeIntervalSince($0.value.start) < window } }
            if var w = all[address], now.timeIntervalSince(w.start) < window {
                w.failures += 1
                all[address] = w
            } else {
                all[address] = Window(start: now, failures: 1)
            }
        }
    }
}

extension Application {
    private struct LoginThrottleKey: StorageKey { typealias Value = LoginThrottle }
    var loginThrottle: LoginThrottle {
        // Set once in configure, before the server starts (storage is not for concurrent writes).
        get { storage[LoginThrottleKey.self] ?? LoginThrottle() }
        set { storage[LoginThrottleKey.self] = newValue }
    }
}

extension Request {
    /// The client's address: behind a reverse proxy on the same machine (the direct peer is
    /// loopback), the last X-Forwarded-For hop — the one that proxy appended; earlier hops are
    /// whatever the client sent and would let it pick a fresh throttle window each time.
    var clientAddress: String {
        let peer = remoteAddress?.ipAddress ?? "unknown"
        if peer == "127.0.0.1" || peer == "::1", let forwarded = headers.first(name: "X-Forwarded-For")?
            .split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !forwarded.isEmpty {
            return String(forwarded.prefix(64))
        }
        return peer
    }
}
