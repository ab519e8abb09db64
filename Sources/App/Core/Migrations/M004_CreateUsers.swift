import Fluent

struct M004_CreateUsers: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("users").id()
            .field("login", .string, .required).field("password_hash", .string, .required)
            .field("display_name", .string, .required)
            .field("person_id", .uuid, .references("people", "id", onDelete: .setNull))
            .field("is_active", .bool, .required).field("must_change_password", .bool, .required)
            .field("failed_attempts", .int, .required).field("locked_until", .datetime).field("last_login_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "login").create()
        try await db.schema("role_grants").id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("region_id", .uuid, .references("regions", "id"))
            .field("municipality_id", .uuid, .references("municipalities", "id"))
            .field("school_id", .uuid, .references("schools", "id", onDelete: .cascade))
            .create()
        try await db.schema("user_sessions").id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("expires_at", .datetime, .required).field("last_seen_at", .datetime, .required)
            .field("user_agent", .string, .required).field("created_at", .datetime)
            .unique(on: "token_hash").create()
        try await db.schema("api_tokens").id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("name", .string, .required).field("expires_at", .datetime).field("last_used_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash").create()
    }
    func revert(on db: any Database) async throws {
        for t in ["api_tokens", "user_sessions", "role_grants", "users"] { try await db.schema(t).delete() }
    }
}
