import Fluent

/// Results of independent quality assessment (НОКО) as contextual figures of a school's
/// year (DOMAIN §4: the summary table's "additional indicators" include НОКО results):
/// the average completion of the work and the share of participants below the base level.
struct M010_NOKOContext: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // One column per statement (SQLite adds one at a time), both in one transaction.
        try await db.transaction { db in
            try await db.schema(SchoolContext.schema).field("noko_completion", .double).update()
            try await db.schema(SchoolContext.schema).field("noko_below_base_share", .double).update()
        }
    }

    func revert(on db: any Database) async throws {
        try await db.schema(SchoolContext.schema).deleteField("noko_below_base_share").update()
        try await db.schema(SchoolContext.schema).deleteField("noko_completion").update()
    }
}
