import Vapor
import Fluent
import Domain
import Importing
import SQLKit

/// The row-level helpers every importer shares: per-row audit, batched inserts.
enum ImportRows {
    /// Files up to this many rows keep an audit entry per row with before/after; larger ones
    /// are audited as one import of the file by `ImportPipeline`:
    /// a row entry costs a JSON snapshot and an insert, which was most of a big import's time.
    static let perRowAuditLimit = 1000

    /// The per-row entries of one import, written together (multi-row inserts) in its
    /// transaction; the data version moves once, at the import's end, not per entry.
    final class RowAudit {
        let actor: ImportActor
        let enabled: Bool
        private var entries: [AuditEntry] = []
        init(_ actor: ImportActor, rows: Int) { self.actor = actor; enabled = rows <= ImportRows.perRowAuditLimit }

        func add(_ action: AuditAction, entity: String, id: UUID?, label: String, municipalityID: UUID?,
                 before: (any Encodable)?, after: (any Encodable)?) {
            guard enabled else { return }
            let e = AuditEntry()
            e.id = UUID(); e.at = Date(); e.userID = actor.userID; e.userLogin = actor.login; e.action = action.rawValue; e.entity = entity
            e.entityID = id; e.entityLabel = String(label.prefix(300)); e.municipalityID = municipalityID
            e.beforeJSON = before.flatMap(Audit.json); e.afterJSON = after.flatMap(Audit.json)
            entries.append(e)
        }

        func write(on db: any Database) async throws {
            try await RegistryRows.insert(into: AuditEntry.schema, RegistryRows.auditColumns, entries.map(RegistryRows.values), on: db)
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

/// New registry rows as multi-row INSERTs through SQLKit. Fluent's batch `create` reflects
/// over every model's properties for its input and timestamps — ≈ 0.1 ms a school, most of
/// the time of a 40,000-school file (BENCHMARKS.md) — so the importers list the columns here;
/// `registryColumnsAreEveryFieldOfTheModels` checks each list against the model's fields.
/// The values are bound as Fluent binds them (same encoders), ids and timestamps set here.
enum RegistryRows {
    typealias Values = [any Encodable & Sendable]

    static func insert(into table: String, _ columns: [String], _ rows: [Values], on db: any Database) async throws {
        guard !rows.isEmpty else { return }
        guard let sql = db as? any SQLDatabase else { throw AppError.conflict("База данных не поддерживает пакетную запись.") }
        let perStatement = max(1, 30_000 / columns.count)   // binds stay below SQLite's limit of 32,766
        var start = 0
        while start < rows.count {
            let insert = sql.insert(into: table).columns(columns)
            for r in rows[start..<min(rows.count, start + perStatement)] { insert.values(r) }
            try await insert.run()
            start += perStatement
        }
    }

    static let schoolColumns = ["id", "municipality_id", "region_id", "code", "full_name", "short_name", "kind", "legal_form", "director_name",
                                "address", "phone", "email", "fis_oko_login", "gia_code", "is_leader", "no", "created_at", "updated_at"]
    static func values(_ s: School, at now: Date) -> Values {
        [s.id!, s.$municipality.id, s.regionID, s.code, s.fullName, s.shortName, s.kind, s.legalForm, s.directorName,
         s.address, s.phone, s.email, s.fisOkoLogin, s.giaCode, s.isLeader, s.no, now, now]
    }

    /// A new school's row from its draft, as `School.apply` and `values(_:at:)` would write it.
    static func newSchool(id: UUID, municipalityID: UUID, regionID: UUID, no: Int, _ d: SchoolDraft, at now: Date) -> Values {
        let s = School.stored(d)
        return [id, municipalityID, regionID, s.code, s.fullName, s.shortName, s.kind, s.legalForm, s.directorName,
                s.address, s.phone, s.email, FisOkoLogin.digits(d.fisOkoLogin), d.giaCode.isEmpty ? nil : d.giaCode, false, no, now, now]
    }

    static let statusColumns = ["id", "school_id", "year", "low_results", "difficult_conditions", "program_500", "objectivity_risk",
                                "order_number", "order_date", "note"]
    static func values(_ s: SchoolStatus) -> Values {
        [s.id!, s.$school.id, s.year, s.lowResults, s.difficultConditions, s.program500, s.objectivityRisk, s.orderNumber, s.orderDate, s.note]
    }

    static let personColumns = ["id", "region_id", "municipality_id", "school_id", "staff_code", "last_name", "first_name", "middle_name",
                                "position", "functions", "subjects", "category", "advanced_level", "email", "phone", "created_at", "updated_at"]
    static func values(_ p: Person, at now: Date) -> Values {
        [p.id!, p.regionID, p.$municipality.id, p.$school.id, p.staffCode, p.lastName, p.firstName, p.middleName,
         p.position, p.functions, p.subjects, p.category, p.advancedLevel, p.email, p.phone, now, now]
    }

    static let functionColumns = ["id", "person_id", "function"]
    static func values(_ f: PersonFunctionRow) -> Values { [f.id ?? UUID(), f.$person.id, f.function] }

    static let auditColumns = ["id", "at", "user_id", "user_login", "action", "entity", "entity_id", "entity_label", "municipality_id",
                               "before_json", "after_json"]
    static func values(_ e: AuditEntry) -> Values {
        [e.id!, e.at, e.userID, e.userLogin, e.action, e.entity, e.entityID, e.entityLabel, e.municipalityID, e.beforeJSON, e.afterJSON]
    }
}
