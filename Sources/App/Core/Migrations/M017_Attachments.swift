import Fluent

/// Files attached to an interaction, a route step (evidence) or a material of the bank: kept in
/// the database beside their owner, so a backup of the database is a backup of the files.
struct M017_Attachments: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("attachments").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("owner_kind", .string, .required).field("owner_id", .uuid, .required)
            .field("file_name", .string, .required).field("content_type", .string, .required)
            .field("size", .int, .required).field("data", .data, .required)
            .field("created_by", .string, .required).field("created_at", .datetime)
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("attachments").delete() }
}
