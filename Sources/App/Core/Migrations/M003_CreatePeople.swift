import Fluent
import SQLKit

struct M003_CreatePeople: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("people").id()
            .field("region_id", .uuid, .required, .references("regions", "id"))
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("school_id", .uuid, .references("schools", "id"))
            .field("staff_code", .string, .required)
            .field("last_name", .string, .required).field("first_name", .string, .required).field("middle_name", .string, .required)
            .field("position", .string, .required).field("functions", .string, .required).field("subjects", .string, .required)
            .field("category", .string, .required).field("advanced_level", .bool, .required)
            .field("email", .string, .required).field("phone", .string, .required)
            .field("created_at", .datetime).field("updated_at", .datetime)
            .unique(on: "staff_code").create()
        try await db.schema("person_functions").id()
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("function", .string, .required)
            .unique(on: "person_id", "function").create()
        try await db.schema("assignments").id()
            .field("kind", .string, .required)
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("person_id", .uuid, .references("people", "id", onDelete: .cascade))
            .field("school_id", .uuid, .references("schools", "id", onDelete: .cascade))
            .field("leader_school_id", .uuid, .references("schools", "id", onDelete: .cascade))
            .field("teacher_id", .uuid, .references("people", "id", onDelete: .cascade))
            .field("order_number", .string, .required).field("order_date", .datetime)
            .field("starts_on", .datetime).field("ends_on", .datetime).field("created_at", .datetime)
            .create()
        if let sql = db as? any SQLDatabase {
            try await sql.create(index: "people_school_idx").on("people").column("school_id").run()
            try await sql.create(index: "people_municipality_idx").on("people").column("municipality_id").run()
            try await sql.create(index: "person_functions_function_idx").on("person_functions").column("function").run()
            try await sql.create(index: "assignments_person_idx").on("assignments").column("person_id").run()
            try await sql.create(index: "assignments_school_idx").on("assignments").column("school_id").run()
        }
    }
    func revert(on db: any Database) async throws {
        for t in ["assignments", "person_functions", "people"] { try await db.schema(t).delete() }
    }
}
