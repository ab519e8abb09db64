import Fluent
import SQLKit

/// The mentoring center's (МНЦ) and the tutor point's (МТКП) plan modules of a year, work
/// linked to a module (so reports count work per module), and each pair's plan of
/// interaction («план взаимодействия», Concept §4) with items the supporter marks done.
struct M014_PlansOfInteraction: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.transaction { db in
            try await db.schema("plan_modules").id()
                .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
                .field("plan", .string, .required).field("year", .int, .required)
                .field("position", .int, .required).field("title", .string, .required)
                .create()
            try await db.schema("interactions").field("module_id", .uuid).update()
            try await db.schema("pair_plan_items").id()
                .field("assignment_id", .uuid, .required, .references("assignments", "id", onDelete: .cascade))
                .field("title", .string, .required).field("due", .string)
                .field("done_day", .string)
                .field("created_at", .datetime)
                .create()
        }
    }

    func revert(on db: any Database) async throws {
        try await db.schema("pair_plan_items").delete()
        try await db.schema("interactions").deleteField("module_id").update()
        try await db.schema("plan_modules").delete()
    }
}
