import Fluent
import SQLKit
import Domain

/// Plans (issue 11): the editable list of plan kinds (seeded with the kinds the seeds name),
/// plans of a municipality or a school with their approval, items, executions per occurrence
/// and the read-only copies kept at each approval and each change after it.
struct M018_Plans: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.transaction { db in
            try await db.schema("plan_kinds").id()
                .field("code", .string, .required).field("title", .string, .required)
                .field("owner_level", .string, .required).field("position", .int, .required)
                .field("active", .bool, .required)
                .unique(on: "code")
                .create()
            try await db.schema("plans").id()
                .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
                .field("school_id", .uuid, .references("schools", "id"))
                .field("kind_code", .string, .required).field("year", .int, .required).field("title", .string, .required)
                .field("state", .string, .required).field("version", .int, .required)
                .field("order_number", .string, .required).field("order_date", .string)
                .field("approved_by", .string, .required)
                .field("copied_from_id", .uuid)
                .field("created_at", .datetime).field("updated_at", .datetime)
                .create()
            try await db.schema("plan_items").id()
                .field("plan_id", .uuid, .required, .references("plans", "id", onDelete: .cascade))
                .field("position", .int, .required).field("section", .string, .required)
                .field("measure", .string, .required).field("start_day", .string).field("deadline", .string, .required)
                .field("recurrence", .string, .required).field("responsible", .string, .required)
                .field("responsible_person_ids", .string, .required)
                .field("targets", .string, .required).field("addresses", .string, .required)
                .field("expected_result", .string, .required).field("report_form", .string, .required)
                .field("status", .string, .required)
                .create()
            try await db.schema("plan_executions").id()
                .field("item_id", .uuid, .required, .references("plan_items", "id", onDelete: .cascade))
                .field("due_day", .string, .required).field("done_day", .string, .required)
                .field("evidence", .string, .required).field("evidence_url", .string, .required)
                .field("event_id", .uuid)
                .field("created_at", .datetime)
                .unique(on: "item_id", "due_day")
                .create()
            try await db.schema("plan_versions").id()
                .field("plan_id", .uuid, .required, .references("plans", "id", onDelete: .cascade))
                .field("version", .int, .required).field("kind", .string, .required)
                .field("at", .datetime, .required).field("by_login", .string, .required)
                .field("reason", .string, .required).field("snapshot_json", .string, .required)
                .unique(on: "plan_id", "version")
                .create()
            if let sql = db as? any SQLDatabase {
                try await sql.raw("CREATE INDEX plans_municipality ON plans (municipality_id, year)").run()
                try await sql.raw("CREATE INDEX plan_items_plan ON plan_items (plan_id, position)").run()
            }
            for (n, k) in PlanKindCatalog.initial.enumerated() {
                let row = PlanKind()
                row.code = k.code; row.title = k.title; row.ownerLevel = k.owner.rawValue; row.position = n + 1; row.active = true
                try await row.create(on: db)
            }
        }
    }

    func revert(on db: any Database) async throws {
        for t in ["plan_versions", "plan_executions", "plan_items", "plans", "plan_kinds"] { try await db.schema(t).delete() }
    }
}
