import Vapor
import Fluent
import SQLKit
import NIOConcurrencyHelpers

/// Values computed from the database, kept per process with the data versions they were
/// made at: a value is used only while those versions still stand. Nothing here is needed
/// for correctness — a fresh instance simply computes again.
final class VersionedCache: Sendable {
    private struct Entry: @unchecked Sendable { let versions: [Int64]; let value: any Sendable }
    private let entries = NIOLockedValueBox([String: Entry]())
    let capacity: Int

    init(capacity: Int = 256) { self.capacity = capacity }

    /// One computation in progress and the requests waiting for it: after a write, the readers
    /// that arrive while the new value is being made get the previous value, or wait for the new
    /// one when there is none, instead of each making their own.
    private final class Flight: @unchecked Sendable {
        var waiters: [CheckedContinuation<any Sendable, any Error>] = []
    }
    private let flights = NIOLockedValueBox([String: Flight]())
    /// What a waiter is handed when the leader failed: it computes the value itself.
    private struct NoValue: Sendable {}

    /// The value kept under `key` when it was made at exactly these `versions`, else a new one.
    func value<T: Sendable>(_ key: String, versions: [Int64], _ make: () async throws -> T) async throws -> T {
        let usable = !versions.contains { $0 < 0 }
        guard usable else { return try await make() }
        if let hit = entries.withLockedValue({ e in e[key].flatMap { $0.versions == versions ? $0.value as? T : nil } }) { return hit }
        let flightKey = key + "|" + versions.map(String.init).joined(separator: ",")
        let leads: Bool = flights.withLockedValue { f in
            if f[flightKey] == nil { f[flightKey] = Flight(); return true }
            return false
        }
        if !leads {
            // While the new value is being made, the readers that come meanwhile get the previous one
            // (older by at most that computation, a fraction of a second) rather than queueing behind
            // it; the request that makes it, and every later one, sees the new data.
            if let previous = entries.withLockedValue({ $0[key]?.value as? T }) { return previous }
            let waited: any Sendable = try await withCheckedThrowingContinuation { (c: CheckedContinuation<any Sendable, any Error>) in
                let joined = flights.withLockedValue { f -> Bool in
                    guard let flight = f[flightKey] else { return false }
                    flight.waiters.append(c); return true
                }
                // The leader finished between the two looks: its value is kept (or it failed: compute here).
                if !joined { c.resume(returning: entries.withLockedValue { e in e[key].flatMap { $0.versions == versions ? $0.value : nil } } ?? NoValue()) }
            }
            if !(waited is NoValue), let value = waited as? T { return value }
            return try await make()
        }
        let result: Result<T, any Error>
        do { result = .success(try await make()) } catch { result = .failure(error) }
        let waiters = entries.withLockedValue { e -> [CheckedContinuation<any Sendable, any Error>] in
            if case .success(let made) = result {
                if e.count >= capacity && e[key] == nil { e.removeAll(keepingCapacity: true) }
                // Never replace a newer value with an older one (a slow request finishing late).
                if let old = e[key], zip(old.versions, versions).contains(where: { $0 > $1 }) {} else { e[key] = Entry(versions: versions, value: made) }
            }
            return flights.withLockedValue { f in f.removeValue(forKey: flightKey)?.waiters ?? [] }
        }
        for w in waiters {
            switch result {
            case .success(let v): w.resume(returning: v)
            case .failure: w.resume(returning: NoValue())   // each waiter tries itself
            }
        }
        return try result.get()
    }

    func clear() { entries.withLockedValue { $0.removeAll() } }
}

extension Application {
    struct VersionedCacheKey: StorageKey { typealias Value = VersionedCache }
    /// Set up once in `configure` (storage is not written from requests).
    var versionedCache: VersionedCache {
        guard let c = storage[VersionedCacheKey.self] else { fatalError("configure() sets up the versioned cache") }
        return c
    }
}

/// The data versions this process read last, reused for a fraction of a second: a busy
/// server reads each counter a few times a second instead of on every request. A change made
/// through this process is seen at once — every request that may write (any method but GET
/// and HEAD) and every background import forgets what was read when it ends, after its
/// transaction — and a change made by another process (another instance over the same
/// PostgreSQL, `opora import` beside the server) within `freshness`.
final class VersionBoard: Sendable {
    private struct Read { let value: Int64; let at: UInt64 }
    private struct State { var reads: [String: Read] = [:]; var epoch: UInt64 = 0 }
    private let state = NIOLockedValueBox(State())
    /// Nanoseconds; 0 reads the database every time (tests).
    let freshness: UInt64

    init(freshness seconds: Double) { freshness = UInt64(max(0, seconds) * 1e9) }

    static func clock() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// The values of all `keys` when each was read less than `freshness` ago, and the epoch
    /// to hand back to `store`.
    func known(_ keys: [DataKey]) -> (values: [Int64]?, epoch: UInt64) {
        let now = Self.clock()
        return state.withLockedValue { s in
            guard freshness > 0 else { return (nil, s.epoch) }
            var values: [Int64] = []
            values.reserveCapacity(keys.count)
            for k in keys {
                guard let r = s.reads[k.name], now &- r.at < freshness else { return (nil, s.epoch) }
                values.append(r.value)
            }
            return (values, s.epoch)
        }
    }

    /// Keeps values read at `at`, unless a write ended since the read began (`epoch`).
    func store(_ keys: [DataKey], _ values: [Int64], at: UInt64, epoch: UInt64) {
        guard freshness > 0 else { return }
        state.withLockedValue { s in
            guard s.epoch == epoch else { return }
            if s.reads.count > 4096 { s.reads.removeAll(keepingCapacity: true) }
            for (k, v) in zip(keys, values) { s.reads[k.name] = Read(value: v, at: at) }
        }
    }

    /// After a write of this process: the next request reads the counters again.
    func forget() { state.withLockedValue { s in s.reads.removeAll(keepingCapacity: true); s.epoch &+= 1 } }

    /// Forgets after every request that may have written (its transaction is over by then).
    struct Middleware: AsyncMiddleware {
        func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            guard req.method != .GET, req.method != .HEAD else { return try await next.respond(to: req) }
            defer { req.application.versionBoard.forget() }
            return try await next.respond(to: req)
        }
    }
}

extension Application {
    private struct VersionBoardKey: StorageKey { typealias Value = VersionBoard }
    /// Set up once in `configure`; without it every request reads the counters.
    var versionBoard: VersionBoard {
        get { storage[VersionBoardKey.self] ?? VersionBoard(freshness: 0) }
        set { storage[VersionBoardKey.self] = newValue }
    }
}

extension Request {
    /// A value computed from the database, reused while none of the data it depends on has
    /// changed (`DataKey`s: area × municipality).
    func cached<T: Sendable>(_ key: String, dependsOn keys: [DataKey], _ make: () async throws -> T) async throws -> T {
        // The versions are read before the data, so whatever is stored under them is at least that fresh.
        let versions = try await dataVersions(keys)
        return try await application.versionedCache.value(key + "|" + keys.map(\.name).joined(separator: ","), versions: versions, make)
    }

    /// The current versions of `keys`: from the board while fresh, else from the database.
    func dataVersions(_ keys: [DataKey]) async throws -> [Int64] {
        let board = application.versionBoard
        let (known, epoch) = board.known(keys)
        if let known { return known }
        let at = VersionBoard.clock()
        let values = try await DataVersion.current(keys, on: db)
        board.store(keys, values, at: at, epoch: epoch)
        return values
    }
}
