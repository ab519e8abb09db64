import Fluent
import SQLKit

/// A supporter's profile beside their capacity: regional-tutor training (issue 10, the pools).
struct M016_SupportProfiles: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("support_capacities").field("regional_training", .bool, .required, .sql(.default(false))).update()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("support_capacities").deleteField("regional_training").update()
    }
}
