import Fluent
import SQLKit

/// The mentoring area's resources (issue 10): comments of mentors and tutors on a route or a
/// school's programme, the bank of methodological materials (searchable text kept lowercase
/// beside the fields, so search is the same on SQLite and PostgreSQL), materials attached to
/// route steps, the municipal register of the management personnel reserve, and the school
/// methodological associations (ШМО) with their August review.
struct M013_MentoringResources: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.transaction { db in
            try await db.schema("support_comments").id()
                .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
                .field("target_kind", .string, .required).field("target_id", .uuid, .required)
                .field("author_id", .uuid, .references("people", "id")).field("author_name", .string, .required)
                .field("strength", .string, .required).field("improve", .string, .required).field("next_step", .string, .required)
                .field("created_at", .datetime)
                .create()
            try await db.schema("materials").id()
                .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
                .field("kind", .string, .required).field("title", .string, .required)
                .field("subject", .string, .required).field("deficit_area", .string)
                .field("author", .string, .required).field("link", .string, .required).field("description", .string, .required)
                .field("search_text", .string, .required)
                .field("public", .bool, .required)
                .field("created_by", .string, .required).field("created_at", .datetime)
                .create()
            try await db.schema("route_steps").field("material_id", .uuid).update()
            try await db.schema("reserve_candidates").id()
                .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
                .field("person_id", .uuid, .references("people", "id"))
                .field("full_name", .string, .required)
                .field("current_post", .string, .required).field("target_post", .string, .required)
                .field("sessions_attended", .int, .required).field("readiness", .string, .required)
                .field("notes", .string, .required).field("created_at", .datetime)
                .create()
            try await db.schema("shmo_groups").id()
                .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
                .field("school_id", .uuid, .required, .references("schools", "id"))
                .field("name", .string, .required).field("head_id", .uuid, .references("people", "id"))
                .field("members", .string, .required)
                .create()
            try await db.schema("shmo_reviews").id()
                .field("group_id", .uuid, .required, .references("shmo_groups", "id", onDelete: .cascade))
                .field("year", .int, .required)
                .field("has_plan", .bool, .required).field("meetings", .int, .required).field("open_lessons", .int, .required)
                .field("topics", .string, .required).field("deficits_addressed", .string, .required)
                .field("status", .string, .required).field("reviewer_note", .string, .required)
                .field("updated_at", .datetime)
                .unique(on: "group_id", "year")
                .create()
        }
    }

    func revert(on db: any Database) async throws {
        for t in ["shmo_reviews", "shmo_groups", "reserve_candidates", "materials", "support_comments"] { try await db.schema(t).delete() }
        try await db.schema("route_steps").deleteField("material_id").update()
    }
}
