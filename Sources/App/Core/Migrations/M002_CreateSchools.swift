import Fluent
import SQLKit

struct M002_CreateSchools: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("schools").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("region_id", .uuid, .required, .references("regions", "id"))
            .field("code", .string, .required).field("full_name", .string, .required).field("short_name", .string, .required)
            .field("kind", .string, .required).field("legal_form", .string, .required).field("director_name", .string, .required)
            .field("address", .string, .required).field("phone", .string, .required).field("email", .string, .required)
            .field("fis_oko_login", .string).field("gia_code", .string).field("is_leader", .bool, .required)
            .field("created_at", .datetime).field("updated_at", .datetime)
            .unique(on: "code").unique(on: "fis_oko_login").create()
        try await db.schema("school_statuses").id()
            .field("school_id", .uuid, .required, .references("schools", "id", onDelete: .cascade))
            .field("year", .int, .required)
            .field("low_results", .bool, .required).field("difficult_conditions", .bool, .required)
            .field("program_500", .bool, .required).field("objectivity_risk", .bool, .required)
            .field("order_number", .string, .required).field("order_date", .datetime).field("note", .string, .required)
            .unique(on: "school_id", "year").create()
        try await db.schema("school_contexts").id()
            .field("school_id", .uuid, .required, .references("schools", "id", onDelete: .cascade))
            .field("year", .int, .required)
            .field("students_count", .int).field("teachers_count", .int)
            .field("low_income_share", .double).field("disabled_share", .double).field("non_native_share", .double)
            .field("risk_families_share", .double).field("social_wellbeing_index", .double)
            .field("self_examination", .string, .required).field("qualified_teachers_share", .double)
            .unique(on: "school_id", "year").create()
        if let sql = db as? any SQLDatabase {
            try await sql.create(index: "schools_municipality_idx").on("schools").column("municipality_id").run()
            try await sql.create(index: "schools_region_idx").on("schools").column("region_id").run()
            try await sql.create(index: "school_statuses_year_idx").on("school_statuses").column("year").run()
        }
    }
    func revert(on db: any Database) async throws {
        for t in ["school_contexts", "school_statuses", "schools"] { try await db.schema(t).delete() }
    }
}
