import Fluent

/// The five subject-competence indicators of a teacher per year (Concept §5.1), and the
/// quarterly reviews of a route (seed 001: "each quarter the IOM is reviewed and corrected").
struct M015_CompetenceAndReviews: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.transaction { db in
            try await db.schema("competence_records").id()
                .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
                .field("teacher_id", .uuid, .required, .references("people", "id"))
                .field("year", .int, .required).field("indicator", .string, .required).field("value", .string, .required)
                .unique(on: "teacher_id", "year", "indicator")
                .create()
            try await db.schema("route_reviews").id()
                .field("route_id", .uuid, .required, .references("routes", "id", onDelete: .cascade))
                .field("day", .string, .required).field("author_name", .string, .required)
                .field("corrected", .string, .required)
                .field("created_at", .datetime)
                .create()
        }
    }
    func revert(on db: any Database) async throws {
        try await db.schema("route_reviews").delete()
        try await db.schema("competence_records").delete()
    }
}
