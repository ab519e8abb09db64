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
        let (data, fileName) = LegacyExcel.convertIfNeeded(data, fileName: fileName)
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

    static func audit(_ actor: Actor, _ action: AuditAction, entity: String, id: UUID?, label: String, municipalityID: UUID?,
                      before: (any Encodable)?, after: (any Encodable)?, on db: any Database) async throws {
        // Row by row inside the import's transaction: the data version moves once, at its end.
        try await Audit.record(on: db, actor: actor.userID, actorLogin: actor.login, action: action, entity: entity, id: id, label: label,
                               municipalityID: municipalityID, before: before, after: after, bumpVersion: false)
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
