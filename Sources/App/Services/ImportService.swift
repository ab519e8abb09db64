import Vapor
import Fluent
import Domain
import Importing

/// The one importer of the app: parse (Importing, pure) → check against the database
/// → write everything in one transaction, or nothing. Pages, the API and the CLI call it.
enum ImportService {
    enum Kind: String, CaseIterable, Sendable {
        case schools, staff
        var title: String { self == .schools ? "Школы" : "Кадры" }
    }

    struct Actor: Sendable { let userID: UUID?; let login: String; let principal: Principal? }
    struct Outcome: Sendable { var created = 0; var updated = 0; var errors: [ImportError] = [] }
    typealias Progress = @Sendable (_ done: Int, _ total: Int) async -> Void

    static func run(_ kind: Kind, data: Data, fileName: String, municipality: Municipality, actor: Actor,
                    on db: any Database, progress: @escaping Progress = { _, _ in }) async throws -> Outcome {
        let (data, fileName) = await LegacyExcel.convertIfNeeded(data, fileName: fileName)
        do {
            switch kind {
            case .schools:
                let rows = try SchoolImport.read(data: data, fileName: fileName)
                return try await SchoolsImporter(municipality: municipality, actor: actor, db: db, progress: progress).run(rows)
            case .staff:
                let rows = try StaffImport.read(data: data, fileName: fileName)
                return try await StaffImporter(municipality: municipality, actor: actor, db: db, progress: progress).run(rows)
            }
        } catch let failure as ImportFailure {
            return Outcome(errors: failure.errors)
        }
    }

    /// Files up to this many rows keep an audit entry per row with before/after; larger ones
    /// are audited as one import of the file by the caller (ImportsController, ImportCommand):
    /// a row entry costs a JSON snapshot and an insert, which was most of a big import's time.
    static let perRowAuditLimit = 1000

    /// The per-row entries of one import, written together (multi-row inserts) in its
    /// transaction; the data version moves once, at the import's end, not per entry.
    final class RowAudit {
        let actor: Actor
        let enabled: Bool
        private var entries: [AuditEntry] = []
        init(_ actor: Actor, rows: Int) { self.actor = actor; enabled = rows <= ImportService.perRowAuditLimit }

        func add(_ action: AuditAction, entity: String, id: UUID?, label: String, municipalityID: UUID?,
                 before: (any Encodable)?, after: (any Encodable)?) {
            guard enabled else { return }
            let e = AuditEntry()
            e.at = Date(); e.userID = actor.userID; e.userLogin = actor.login; e.action = action.rawValue; e.entity = entity
            e.entityID = id; e.entityLabel = String(label.prefix(300)); e.municipalityID = municipalityID
            e.beforeJSON = before.flatMap(Audit.json); e.afterJSON = after.flatMap(Audit.json)
            entries.append(e)
        }

        func write(on db: any Database) async throws {
            try await ImportService.createInBatches(entries, on: db)
            entries.removeAll()
        }
    }

    /// Batch inserts of at most `size` models each (binds stay below SQLite's limit of 32,766).
    static func createInBatches<M: Model>(_ models: [M], size: Int = 500, on db: any Database) async throws {
        var start = 0
        while start < models.count {
            try await Array(models[start..<min(models.count, start + size)]).create(on: db)
            start += size
        }
    }
}

/// In-memory progress of running imports on this instance (the job row has the rest).
actor ImportProgress {
    static let shared = ImportProgress()
    private var values: [UUID: (Int, Int)] = [:]
    func set(_ id: UUID, _ done: Int, _ total: Int) { values[id] = (done, total) }
    func get(_ id: UUID) -> (Int, Int)? { values[id] }
    func clear(_ id: UUID) { values[id] = nil }
}
