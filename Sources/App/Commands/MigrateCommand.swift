import Vapor
import Fluent

/// `opora migrate`: applies pending migrations without asking (systemd, cron and
/// deployment scripts have no terminal), says what it did, exits 0 or 1.
/// Replaces Fluent's own command, which asks "y/n" and crashes without a terminal.
struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    let help = "Применяет недостающие миграции базы данных без вопросов и печатает, какие применены."

    func run(using context: CommandContext, signature: Signature) async throws {
        let migrator = context.application.migrator
        try await migrator.setupIfNeeded().get()
        let pending = try await migrator.previewPrepareBatch().get()
        guard !pending.isEmpty else {
            context.console.print("Миграции: база данных уже в актуальном состоянии, применять нечего.")
            return
        }
        context.console.print("Применяю миграции (\(pending.count)):")
        for (migration, _) in pending { context.console.print("  - \(migration.name)") }
        try await migrator.prepareBatch().get()
        context.console.print("Готово: применено миграций — \(pending.count).")
    }
}
