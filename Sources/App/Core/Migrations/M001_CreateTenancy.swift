import Fluent

struct M001_CreateTenancy: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("regions").id()
            .field("code", .string, .required).field("name", .string, .required)
            .unique(on: "code").create()
        try await db.schema("municipalities").id()
            .field("region_id", .uuid, .required, .references("regions", "id"))
            .field("code", .string, .required).field("name", .string, .required)
            .field("fis_oko_code", .string, .required).field("center_name", .string, .required)
            .field("planning_period", .string, .required).field("time_zone", .string, .required)
            .field("settings_json", .string, .required)
            .unique(on: "code").create()
        try await db.schema("status_labels").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id", onDelete: .cascade))
            .field("from_year", .int, .required).field("low_results", .string, .required).field("difficult", .string, .required)
            .unique(on: "municipality_id", "from_year").create()
    }
    func revert(on db: any Database) async throws {
        for t in ["status_labels", "municipalities", "regions"] { try await db.schema(t).delete() }
    }
}
