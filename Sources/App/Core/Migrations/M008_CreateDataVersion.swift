import Fluent
import SQLKit

/// One counter that every audited change increments (Audit.record): caches of computed
/// pages key on it, so all app instances over one database see a change at once.
struct M008_CreateDataVersion: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("data_versions").field("name", .string, .identifier(auto: false)).field("value", .int64, .required).create()
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.insert(into: "data_versions").columns("name", "value").values(SQLBind(DataVersion.name), SQLBind(Int64(0))).run()
    }
    func revert(on db: any Database) async throws { try await db.schema("data_versions").delete() }
}
