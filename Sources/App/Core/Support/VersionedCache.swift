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

    /// The value kept under `key` when it was made at exactly these `versions`, else a new one.
    func value<T: Sendable>(_ key: String, versions: [Int64], _ make: () async throws -> T) async throws -> T {
        let usable = !versions.contains { $0 < 0 }
        if usable, let hit = entries.withLockedValue({ e in e[key].flatMap { $0.versions == versions ? $0.value as? T : nil } }) { return hit }
        let made = try await make()
        guard usable else { return made }
        entries.withLockedValue { e in
            if e.count >= capacity && e[key] == nil { e.removeAll(keepingCapacity: true) }
            // Never replace a newer value with an older one (a slow request finishing late).
            if let old = e[key], zip(old.versions, versions).contains(where: { $0 > $1 }) { return }
            e[key] = Entry(versions: versions, value: made)
        }
        return made
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

extension Request {
    /// A value computed from the database, reused while none of the data it depends on has
    /// changed (`DataKey`s: area × municipality).
    func cached<T: Sendable>(_ key: String, dependsOn keys: [DataKey], _ make: () async throws -> T) async throws -> T {
        // The versions are read before the data, so whatever is stored under them is at least that fresh.
        let versions = try await DataVersion.current(keys, on: db)
        return try await application.versionedCache.value(key + "|" + keys.map(\.name).joined(separator: ","), versions: versions, make)
    }
}
