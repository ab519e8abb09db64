import Fluent
import SQLKit

/// Control (issue 11): school documents under review with their versions (each version's file is
/// an attachment, owner kind `school_document_version`; its review comment is kept on the version),
/// the register of decisions and recommendations with their execution, and in-app notifications.
/// New tables only.
struct M020_Control: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.transaction { db in
            try await db.schema("school_documents").id()
                .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
                .field("school_id", .uuid, .required, .references("schools", "id"))
                .field("kind", .string, .required).field("risk", .string, .required)
                .field("due_day", .string, .required).field("state", .string, .required)
                .field("version", .int, .required)
                .field("created_at", .datetime).field("updated_at", .datetime)
                .create()
            try await db.schema("school_document_versions").id()
                .field("document_id", .uuid, .required, .references("school_documents", "id", onDelete: .cascade))
                .field("version", .int, .required)
                .field("plan_id", .uuid, .references("plans", "id"))
                .field("note", .string, .required)
                .field("submitted_at", .datetime, .required).field("submitted_by", .string, .required)
                .field("outcome", .string, .required).field("comment", .string, .required)
                .field("reviewed_at", .datetime).field("reviewed_by", .string, .required)
                .unique(on: "document_id", "version")
                .create()
            try await db.schema("decisions").id()
                .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
                .field("type", .string, .required).field("addressee", .string, .required)
                .field("school_id", .uuid, .references("schools", "id"))
                .field("horizon", .string, .required).field("form", .string, .required).field("number", .string, .required)
                .field("content", .string, .required).field("deadline", .string, .required)
                .field("responsible", .string, .required).field("report_form", .string, .required)
                .field("source", .string, .required)
                .field("issuer", .string, .required).field("issued_by", .string, .required).field("issued_on", .string, .required)
                .field("state", .string, .required)
                .field("report", .string, .required).field("report_day", .string).field("reported_by", .string, .required)
                .field("control_comment", .string, .required).field("controlled_on", .string).field("controlled_by", .string, .required)
                .field("created_at", .datetime).field("updated_at", .datetime)
                .create()
            try await db.schema("notifications").id()
                .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
                .field("kind", .string, .required).field("text", .string, .required).field("url", .string, .required)
                .field("created_at", .datetime, .required).field("read_at", .datetime)
                .create()
            if let sql = db as? any SQLDatabase {
                try await sql.raw("CREATE INDEX school_documents_municipality ON school_documents (municipality_id, school_id)").run()
                try await sql.raw("CREATE INDEX decisions_municipality ON decisions (municipality_id, state)").run()
                try await sql.raw("CREATE INDEX notifications_user ON notifications (user_id, read_at)").run()
            }
        }
    }

    func revert(on db: any Database) async throws {
        for t in ["notifications", "decisions", "school_document_versions", "school_documents"] { try await db.schema(t).delete() }
    }
}
