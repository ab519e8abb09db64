import Fluent
import SQLKit

/// Events and the «постоянно действующий семинар» (issue 11): the center's catalog with the plan
/// occurrence an event executes, schools' applications by line (event × teacher), the personalised
/// programme per school and half-year, registrations with attendance, and the secret calendar feeds.
struct M019_Events: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.transaction { db in
            try await db.schema("events").id()
                .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
                .field("half_year", .string, .required)
                .field("title", .string, .required).field("kind", .string, .required).field("format", .string, .required)
                .field("module", .string, .required).field("project", .string, .required)
                .field("day", .string, .required).field("start_time", .string, .required).field("end_time", .string, .required)
                .field("place", .string, .required).field("link", .string, .required)
                .field("organiser", .string, .required).field("speakers", .string, .required)
                .field("audience", .string, .required).field("capacity", .int, .required)
                .field("plan_item_id", .uuid, .references("plan_items", "id", onDelete: .setNull)).field("plan_due_day", .string)
                .field("state", .string, .required)
                .field("published_at", .datetime).field("signed_off_at", .datetime).field("signed_off_by", .string)
                .field("created_at", .datetime).field("updated_at", .datetime)
                .create()
            try await db.schema("event_applications").id()
                .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
                .field("school_id", .uuid, .required, .references("schools", "id"))
                .field("half_year", .string, .required)
                .field("submitted_at", .datetime, .required).field("submitted_by", .string, .required).field("note", .string, .required)
                .unique(on: "school_id", "half_year")
                .create()
            try await db.schema("event_application_lines").id()
                .field("application_id", .uuid, .required, .references("event_applications", "id", onDelete: .cascade))
                .field("event_id", .uuid, .required, .references("events", "id", onDelete: .cascade))
                .field("person_id", .uuid, .required, .references("people", "id"))
                .field("status", .string, .required).field("decided_by", .string, .required)
                .unique(on: "application_id", "event_id", "person_id")
                .create()
            try await db.schema("event_programmes").id()
                .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
                .field("school_id", .uuid, .required, .references("schools", "id"))
                .field("half_year", .string, .required)
                .field("built_at", .datetime, .required).field("built_by", .string, .required)
                .field("seen_at", .datetime)
                .unique(on: "school_id", "half_year")
                .create()
            try await db.schema("event_registrations").id()
                .field("event_id", .uuid, .required, .references("events", "id", onDelete: .cascade))
                .field("person_id", .uuid, .required, .references("people", "id"))
                .field("source", .string, .required).field("attended", .bool, .required)
                .field("route_step_id", .uuid, .references("route_steps", "id", onDelete: .setNull))
                .field("created_at", .datetime)
                .unique(on: "event_id", "person_id")
                .create()
            try await db.schema("event_feeds").id()
                .field("owner_kind", .string, .required).field("owner_id", .uuid, .required)
                .field("token_hash", .string, .required).field("created_at", .datetime)
                .unique(on: "owner_kind", "owner_id").unique(on: "token_hash")
                .create()
            if let sql = db as? any SQLDatabase {
                try await sql.raw("CREATE INDEX events_municipality_day ON events (municipality_id, day)").run()
                try await sql.raw("CREATE INDEX event_registrations_person ON event_registrations (person_id)").run()
                try await sql.raw("CREATE INDEX event_application_lines_event ON event_application_lines (event_id)").run()
            }
        }
    }

    func revert(on db: any Database) async throws {
        for t in ["event_feeds", "event_registrations", "event_programmes", "event_application_lines", "event_applications", "events"] { try await db.schema(t).delete() }
    }
}
