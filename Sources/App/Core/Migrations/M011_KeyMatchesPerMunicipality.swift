import Fluent
import SQLKit

/// A file's school label matched by a center is that municipality's own: `school_key_mappings`
/// (M006) was one table per region, so one municipality's match replaced another's and
/// steered rows of other municipalities' files. The new table is keyed by municipality;
/// existing matches move to the municipality of the school they point to. The old table
/// stays, unused (landed migrations are never edited).
struct M011_KeyMatchesPerMunicipality: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.transaction { db in
            try await db.schema("school_key_matches").id()
                .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
                .field("key_kind", .string, .required).field("key_value", .string, .required)
                .field("school_id", .uuid, .required, .references("schools", "id", onDelete: .cascade))
                .unique(on: "municipality_id", "key_kind", "key_value").create()
            guard let sql = db as? any SQLDatabase else { return }
            try await sql.raw("""
                INSERT INTO school_key_matches (id, municipality_id, key_kind, key_value, school_id)
                SELECT k.id, s.municipality_id, k.key_kind, k.key_value, k.school_id
                FROM school_key_mappings k JOIN schools s ON s.id = k.school_id
                """).run()
        }
    }
    func revert(on db: any Database) async throws { try await db.schema("school_key_matches").delete() }
}
