import Vapor
import Fluent
import SQLKit
import Domain

/// What a cached computation can depend on: an area of data, per municipality (or region).
/// A tutor's daily work log must not empty the results monitoring's cache, so each area
/// has its own counter and each computation names the counters it reads.
enum DataArea: String, Sendable, CaseIterable {
    /// The list of regions and municipalities, their settings and labels.
    case tenancy
    /// Schools, statuses, contexts, people, assignments of a municipality.
    case registry
    /// Result files and what is decided on them (exclusions, campaigns) of a municipality.
    case results
    /// A region's reference values (regional means).
    case references
    /// The mentoring area of a municipality: interactions, requests, deficits, routes, capacities.
    case support
    /// Plans of a municipality and of its schools: items, executions, approvals, versions.
    case plans
    /// School documents under review, decisions and recommendations of a municipality (issue 11, control).
    case control
    /// Events of a municipality: catalog, applications, programmes, registrations, attendance, feeds.
    case events
    /// The risk register of a municipality's schools (issue 11, risks).
    case risks
    /// One user's notifications (new ones, read ones): the unread count in every page's header.
    case notifications
}

/// One counter row of `data_versions` (M008): `results:<municipality>`, `tenancy`…
struct DataKey: Hashable, Sendable, CustomStringConvertible {
    let area: DataArea
    let scope: UUID?

    static let tenancy = DataKey(area: .tenancy, scope: nil)
    static func registry(_ municipality: UUID) -> DataKey { DataKey(area: .registry, scope: municipality) }
    static func results(_ municipality: UUID) -> DataKey { DataKey(area: .results, scope: municipality) }
    static func references(_ region: UUID) -> DataKey { DataKey(area: .references, scope: region) }
    static func support(_ municipality: UUID) -> DataKey { DataKey(area: .support, scope: municipality) }
    static func plans(_ municipality: UUID) -> DataKey { DataKey(area: .plans, scope: municipality) }
    static func events(_ municipality: UUID) -> DataKey { DataKey(area: .events, scope: municipality) }
    static func control(_ municipality: UUID) -> DataKey { DataKey(area: .control, scope: municipality) }
    static func risks(_ municipality: UUID) -> DataKey { DataKey(area: .risks, scope: municipality) }
    static func notifications(_ user: UUID) -> DataKey { DataKey(area: .notifications, scope: user) }

    /// What «Мои задачи» of a municipality's people read: every area that gives a task.
    static func tasks(municipality m: UUID) -> [DataKey] { [.registry(m), .support(m), .plans(m), .events(m), .control(m), .risks(m)] }

    var name: String { scope.map { "\(area.rawValue):\($0.uuidString.lowercased())" } ?? area.rawValue }
    var description: String { name }

    /// What the results monitoring of one municipality reads.
    static func monitoring(municipality: UUID, region: UUID) -> [DataKey] {
        [.results(municipality), .registry(municipality), .references(region), .tenancy]
    }
}

/// The counters themselves. A writer bumps the keys of what it changed in the same
/// transaction as the change (through `Audit.record`, or `changing` for bulk writers),
/// so a value cached under the old counters is stale exactly when one has moved on —
/// on every app instance over the same database.
enum DataVersion {
    /// The single counter of M008, read by nothing since the per-area keys (M008 still creates it).
    static let name = "data"

    /// Current values of the keys, in order, in one query; a key never bumped reads 0.
    static func current(_ keys: [DataKey], on db: any Database) async throws -> [Int64] {
        guard let sql = db as? any SQLDatabase, !keys.isEmpty else { return keys.map { _ in -1 } }
        let rows = try await sql.select().column("name").column("value").from("data_versions")
            .where("name", .in, keys.map(\.name)).all()
        var byName: [String: Int64] = [:]
        for r in rows { byName[try r.decode(column: "name", as: String.self)] = try r.decode(column: "value", as: Int64.self) }
        return keys.map { byName[$0.name] ?? 0 }
    }

    /// Moves each key on by one (creating its row on first use).
    static func bump(_ keys: some Sequence<DataKey>, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for key in Set(keys).sorted(by: { $0.name < $1.name }) { // one order: no lock cycles between writers
            try await sql.raw("""
                INSERT INTO data_versions (name, value) VALUES (\(bind: key.name), 1)
                ON CONFLICT (name) DO UPDATE SET value = data_versions.value + 1
                """).run()
        }
    }

    /// The same bump as plain SQL statements, for the bulk writer's own SQLite connection
    /// (key names are area names and UUIDs: nothing to escape).
    static func bumpStatements(_ keys: some Sequence<DataKey>) -> [String] {
        Set(keys).sorted { $0.name < $1.name }.map {
            "INSERT INTO data_versions (name, value) VALUES ('\($0.name)', 1) ON CONFLICT (name) DO UPDATE SET value = data_versions.value + 1"
        }
    }

    /// Runs a bulk write in one transaction and bumps the keys as its last statement (the
    /// counter rows stay locked only for the commit on PostgreSQL).
    static func changing<T: Sendable>(_ keys: [DataKey], on db: any Database,
                                      _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await db.transaction { tx in
            let value = try await body(tx)
            try await bump(keys, on: tx)
            return value
        }
    }
}

extension Request {
    /// A municipality as the selectors and scopes need it: a value, never a model a handler could change.
    struct MunicipalityEntry: Sendable { let id: UUID; let name: String; let regionID: UUID }

    /// Every municipality by name, kept while the tenancy is unchanged.
    func municipalityDirectory() async throws -> [MunicipalityEntry] {
        try await cached("municipality-directory", dependsOn: [.tenancy]) {
            try await Municipality.query(on: db).sort(\.$name).all().map { MunicipalityEntry(id: $0.id!, name: $0.name, regionID: $0.$region.id) }
        }
    }

    /// A cache key of this user's view of a page: its name, the user with their grants and
    /// assignments (a changed role shows other buttons at once), and the query values.
    func userCacheKey(_ page: String, _ values: [String: String] = [:]) throws -> String {
        let u = try requireUser(), p = u.principal
        let grants = p.grants.map { "\($0.role.rawValue):\($0.regionID?.uuidString ?? "")\($0.municipalityID?.uuidString ?? "")\($0.schoolID?.uuidString ?? "")" }
            .sorted().joined(separator: ",")
        let assigned = (p.assignedSchoolIDs.map(\.uuidString) + p.tutorantIDs.map(\.uuidString) + p.expertOnlySchoolIDs.map { "e" + $0.uuidString })
            .sorted().joined(separator: ",")
        return "\(page)|\(u.id)|\(grants)|\(assigned.hashValue)|" + values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
    }

    /// The registry keys behind a scope of whole municipalities or regions; nil when the scope
    /// names single schools or people (those pages are computed each time).
    func registryKeys(for scope: Domain.Scope, extraIDs: Set<UUID> = []) async throws -> [DataKey]? {
        guard scope.schoolIDs.isEmpty, extraIDs.isEmpty, !scope.isEmpty else { return nil }
        let ms = try await municipalityDirectory().filter { scope.all || scope.regionIDs.contains($0.regionID) || scope.municipalityIDs.contains($0.id) }
        return [.tenancy] + ms.map { .registry($0.id) }
    }

    /// `make` cached under the keys when there are keys, computed each time otherwise.
    func cached<T: Sendable>(_ key: String, dependsOnOptional keys: [DataKey]?, _ make: () async throws -> T) async throws -> T {
        guard let keys else { return try await make() }
        return try await cached(key, dependsOn: keys, make)
    }
}
