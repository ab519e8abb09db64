import Fluent

/// Keeps an uploaded result file until its import is done, so that a file waiting for
/// the user to match unknown schools can be re-run without uploading it again.
struct M007_CreateImportFiles: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("import_files").id()
            .field("job_id", .uuid, .required, .references("import_jobs", "id", onDelete: .cascade))
            .field("data", .data, .required)
            .field("default_year", .int)
            .unique(on: "job_id").create()
    }
    func revert(on db: any Database) async throws { try await db.schema("import_files").delete() }
}
