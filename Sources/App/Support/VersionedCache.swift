import Vapor
import Fluent
import SQLKit
import NIOConcurrencyHelpers

/// The database's change counter (M008): every audited change increments it in the
/// same transaction as the change, so a value cached under version v is stale exactly
/// when the counter has moved on.
enum DataVersion {
    static let name = "data"

    static func current(on db: any Database) async throws -> Int64 {
        guard let sql = db as? any SQLDatabase else { return -1 }
        let row = try await sql.select().column("value").from("data_versions").where("name", .equal, SQLBind(name)).first()
        return try row?.decode(column: "value", as: Int64.self) ?? -1
    }

    static func bump(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("UPDATE data_versions SET value = value + 1 WHERE name = \(bind: name)").run()
    }
}

/// Values computed from the database, kept per process and keyed by the data version:
/// a new version makes every older entry unreachable (and they are dropped). Nothing
/// here is needed for correctness — a fresh instance simply computes again.
final class VersionedCache: Sendable {
    private struct State { var version: Int64 = .min; var values: [String: any Sendable] = [:] }
    private let state = NIOLockedValueBox(State())
    let capacity: Int

    init(capacity: Int = 128) { self.capacity = capacity }

    func value<T: Sendable>(_ key: String, version: Int64, _ make: () async throws -> T) async throws -> T {
        if version >= 0, let hit = state.withLockedValue({ $0.version == version ? $0.values[key] as? T : nil }) { return hit }
        let made = try await make()
        guard version >= 0 else { return made }
        state.withLockedValue { s in
            if s.version < version { s = State(version: version) }
            guard s.version == version else { return }
            if s.values.count >= capacity { s.values.removeAll(keepingCapacity: true) }
            s.values[key] = made
        }
        return made
    }

    func clear() { state.withLockedValue { $0 = State() } }
}

extension Application {
    struct VersionedCacheKey: StorageKey { typealias Value = VersionedCache }
    /// Set up once in `configure` (storage is not written from requests).
    var versionedCache: VersionedCache {
        guard let c = storage[VersionedCacheKey.self] else { fatalError("configure() sets up the versioned cache") }
        return c
    }
}

extension Request {
    /// A value computed from the database, reused while nothing audited has changed.
    func cached<T: Sendable>(_ key: String, _ make: () async throws -> T) async throws -> T {
        // The version is read before the data, so whatever is stored under it is at least that fresh.
        let version = try await DataVersion.current(on: db)
        return try await application.versionedCache.value(key, version: version, make)
    }
}
