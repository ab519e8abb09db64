import Fluent
import SQLKit

struct M005_CreateAuditAndImports: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("audit_entries").id()
            .field("at", .datetime, .required).field("user_id", .uuid).field("user_login", .string, .required)
            .field("action", .string, .required).field("entity", .string, .required).field("entity_id", .uuid)
            .field("entity_label", .string, .required).field("municipality_id", .uuid)
            .field("before_json", .string).field("after_json", .string)
            .create()
        try await db.schema("import_jobs").id()
            .field("kind", .string, .required).field("file_name", .string, .required)
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("user_id", .uuid).field("user_login", .string, .required)
            .field("status", .string, .required).field("total_rows", .int, .required).field("processed_rows", .int, .required)
            .field("created_count", .int, .required).field("updated_count", .int, .required)
            .field("errors_json", .string, .required).field("created_at", .datetime).field("finished_at", .datetime)
            .create()
        if let sql = db as? any SQLDatabase {
            try await sql.create(index: "audit_at_idx").on("audit_entries").column("at").run()
            try await sql.create(index: "audit_municipality_idx").on("audit_entries").column("municipality_id").run()
        }
    }
    func revert(on db: any Database) async throws {
        for t in ["import_jobs", "audit_entries"] { try await db.schema(t).delete() }
    }
}
