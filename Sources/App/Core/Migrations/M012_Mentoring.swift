import Fluent
import SQLKit

/// The mentoring center and tutor point (issue 10): interactions (the work log), requests of
/// tutorants, professional deficits, individual routes and their steps, capacities and the
/// municipal settings of the area; assignments get an over-capacity flag. Calendar dates are
/// ISO text (`2026-09-01`): a day, not an instant, the same on every server.
struct M012_Mentoring: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.transaction { db in
            try await db.schema("interactions").id()
                .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
                .field("author_id", .uuid, .required, .references("people", "id"))
                .field("school_id", .uuid, .references("schools", "id"))
                .field("teacher_id", .uuid, .references("people", "id"))
                .field("day", .string, .required)
                .field("form", .string, .required).field("format", .string, .required)
                .field("topic", .string, .required).field("duration_min", .int, .required)
                .field("participants", .int)
                .field("outcome", .string, .required).field("next_step", .string, .required)
                .field("request_id", .uuid)
                .field("created_by", .string, .required)
                .field("created_at", .datetime)
                .create()
            try await db.schema("support_requests").id()
                .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
                .field("from_person_id", .uuid, .required, .references("people", "id"))
                .field("to_person_id", .uuid, .required, .references("people", "id"))
                .field("text", .string, .required)
                .field("answered_by_interaction_id", .uuid)
                .field("created_at", .datetime)
                .create()
            try await db.schema("deficits").id()
                .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
                .field("teacher_id", .uuid, .required, .references("people", "id"))
                .field("school_id", .uuid, .references("schools", "id"))
                .field("year", .int, .required)
                .field("area", .string, .required).field("source", .string, .required)
                .field("score", .double).field("level", .string, .required)
                .field("day", .string)
                .field("has_deficit", .bool, .required)
                .field("created_at", .datetime)
                .create()
            try await db.schema("routes").id()
                .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
                .field("teacher_id", .uuid, .required, .references("people", "id"))
                .field("year", .int, .required)
                .field("state", .string, .required)
                .field("agreed_by", .string).field("agreed_day", .string)
                .field("review_note", .string, .required)
                .unique(on: "teacher_id", "year")
                .create()
            try await db.schema("route_steps").id()
                .field("route_id", .uuid, .required, .references("routes", "id", onDelete: .cascade))
                .field("deficit_area", .string)
                .field("title", .string, .required).field("kind", .string, .required)
                .field("due", .string).field("status", .string, .required)
                .field("done_day", .string)
                .field("evidence", .string, .required).field("cancel_reason", .string, .required)
                .field("updated_at", .datetime)
                .create()
            try await db.schema("support_capacities").id()
                .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
                .field("capacity", .int, .required)
                .unique(on: "person_id")
                .create()
            try await db.schema("mentoring_settings").id()
                .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
                .field("mentor_capacity", .int, .required).field("tutor_capacity", .int, .required)
                .field("quiet_days", .int, .required)
                .unique(on: "municipality_id")
                .create()
            try await db.schema("assignments").field("over_capacity", .bool, .required, .sql(.default(false))).update()
        }
    }

    func revert(on db: any Database) async throws {
        for t in ["mentoring_settings", "support_capacities", "route_steps", "routes", "deficits", "support_requests", "interactions"] {
            try await db.schema(t).delete()
        }
        try await db.schema("assignments").deleteField("over_capacity").update()
    }
}
