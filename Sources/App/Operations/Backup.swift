import Vapor
import Fluent
import SQLKit
import FluentSQLiteDriver

/// Backups and restores of the whole database, for cron and systemd (no questions asked, exit 0/1).
/// SQLite: `VACUUM INTO` — a consistent copy taken while the server runs and writes (WAL), as one
/// compact file. PostgreSQL: `pg_dump --format=custom` / `pg_restore --clean --if-exists`.
enum Backup {
    struct Failure: Error, CustomStringConvertible { let description: String; init(_ d: String) { description = d } }

    static func fileName(_ now: Date, ext: String) -> String {
        let f = DateFormatter(); f.locale = Locale(identifier: "en_US_POSIX"); f.timeZone = TimeZone(identifier: "UTC"); f.dateFormat = "yyyy-MM-dd'T'HHmmss'Z'"
        return "opora-\(f.string(from: now)).\(ext)"
    }

    /// A consistent copy of a live SQLite database into `file` (which must not exist).
    static func sqlite(_ db: any Database, to file: String) async throws {
        guard let sql = db as? any SQLDatabase else { throw Failure("База данных не SQLite.") }
        guard !FileManager.default.fileExists(atPath: file) else { throw Failure("Файл \(file) уже есть: копия не перезаписывает файлы.") }
        try await sql.raw("VACUUM INTO \(bind: file)").run()
    }

    /// Every table of a SQLite file with its rows, in a stable order (rowid): what a restore must reproduce.
    static func tables(of file: String, on app: Application) async throws -> [String: [String]] {
        let conn = try await SQLiteConnection.open(storage: .file(path: file), threadPool: app.threadPool, logger: app.logger, on: app.eventLoopGroup.any()).get()
        defer { _ = conn.close() }
        var out: [String: [String]] = [:]
        let names = try await conn.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").get()
            .compactMap { $0.column("name")?.string }
        for name in names {
            let rows = try await conn.query("SELECT * FROM \"\(name.replacingOccurrences(of: "\"", with: "\"\""))\" ORDER BY rowid").get()
            out[name] = rows.map { row in row.columns.map { "\($0.name)=\($0.data)" }.joined(separator: "\u{1F}") }
        }
        return out
    }

    /// Checks that `file` is an intact Opora database: SQLite's integrity check and the migrations table.
    static func verify(_ file: String, on app: Application) async throws -> (tables: Int, rows: Int) {
        guard FileManager.default.fileExists(atPath: file) else { throw Failure("Файла \(file) нет.") }
        let header = (try? FileHandle(forReadingFrom: URL(fileURLWithPath: file)).readData(ofLength: 16)) ?? Data()
        guard header == Data("SQLite format 3\u{0}".utf8) else { throw Failure("\(file) — не файл базы данных SQLite: копию восстановить нельзя.") }
        return try await withSQLite(file, app) { sql in
            let check = try await sql.raw("PRAGMA integrity_check").all().compactMap { try? $0.decode(column: "integrity_check", as: String.self) }
            guard check == ["ok"] else { throw Failure("Файл \(file) повреждён (integrity_check: \(check.prefix(3).joined(separator: "; "))).") }
            let names = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
                .map { try $0.decode(column: "name", as: String.self) }
            guard names.contains("_fluent_migrations") else { throw Failure("\(file) — не база данных «Опоры» (нет таблицы миграций).") }
            var rows = 0
            for n in names { rows += try await sql.raw("SELECT count(*) AS n FROM \(ident: n)").first().map { try $0.decode(column: "n", as: Int.self) } ?? 0 }
            return (names.count, rows)
        }
    }

    /// Replaces the database file of `dataDirectory` with the verified copy: written beside it, then
    /// renamed over it (atomic); the previous file is kept as `opora.sqlite.before-restore`.
    static func restoreSQLite(from file: String, dataDirectory: String, force: Bool, on app: Application) async throws -> (tables: Int, rows: Int) {
        let counts = try await verify(file, on: app)
        let fm = FileManager.default
        try fm.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        let target = dataDirectory + "/opora.sqlite"
        if fm.fileExists(atPath: target), !force, try await holdsData(target, app) {
            throw Failure("В \(dataDirectory) уже есть база данных. Остановите сервер и повторите с --force: текущая база будет сохранена как opora.sqlite.before-restore.")
        }
        let temp = target + ".restoring"
        try? fm.removeItem(atPath: temp)
        try fm.copyItem(atPath: file, toPath: temp)
        // On disk before the rename makes it the database (a power cut must not leave half a file).
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: temp))
        try handle.synchronize(); try handle.close()
        if fm.fileExists(atPath: target) {
            // The previous database is kept whole: what is still in its write-ahead log goes into the
            // file first. A checkpoint that cannot finish means a server still has it open.
            let busy = try await withSQLite(target, app) { sql in
                try await sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").first().map { try $0.decode(column: "busy", as: Int.self) } ?? 0
            }
            guard busy == 0 else {
                try? fm.removeItem(atPath: temp)
                throw Failure("База данных в \(dataDirectory) занята: остановите сервер и повторите восстановление.")
            }
            try? fm.removeItem(atPath: target + ".before-restore")
            try fm.copyItem(atPath: target, toPath: target + ".before-restore")
        }
        for ext in ["-wal", "-shm"] { try? fm.removeItem(atPath: target + ext) }
        guard rename(temp, target) == 0 else { throw Failure("Не удалось заменить \(target): \(String(cString: strerror(errno))).") }
        return counts
    }

    /// Whether a database file holds anything worth keeping: users, schools, people or audit
    /// entries. A fresh file made at start, or one only migrated (migrations seed reference lists), holds none.
    static func holdsData(_ file: String, _ app: Application) async throws -> Bool {
        try await withSQLite(file, app) { sql in
            let tables = Set(try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all().map { try $0.decode(column: "name", as: String.self) })
            for n in [User.schema, School.schema, Person.schema, AuditEntry.schema] where tables.contains(n) {
                if try await sql.raw("SELECT 1 AS x FROM \(ident: n) LIMIT 1").first() != nil { return true }
            }
            return false
        }
    }

    static func withSQLite<T: Sendable>(_ file: String, _ app: Application, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let conn = try await SQLiteConnection.open(storage: .file(path: file), threadPool: app.threadPool, logger: app.logger, on: app.eventLoopGroup.any()).get()
        do {
            let result = try await body(conn.sql())
            try await conn.close().get()
            return result
        } catch {
            try? await conn.close().get()
            throw error
        }
    }

    // MARK: PostgreSQL

    /// pg_dump / pg_restore arguments and environment from DATABASE_URL (the password in PGPASSWORD, never in argv).
    static func postgresEnvironment(_ url: String) throws -> [String: String] {
        guard let u = URLComponents(string: url), let host = u.host else { throw Failure("DATABASE_URL не читается.") }
        var env = ProcessInfo.processInfo.environment
        env["PGHOST"] = host; env["PGPORT"] = String(u.port ?? 5432)
        env["PGUSER"] = u.user ?? "postgres"; env["PGDATABASE"] = String(u.path.dropFirst())
        if let p = u.password { env["PGPASSWORD"] = p.removingPercentEncoding ?? p }
        if let mode = u.queryItems?.first(where: { $0.name == "sslmode" })?.value { env["PGSSLMODE"] = mode }
        return env
    }

    static func run(_ tool: String, _ args: [String], env: [String: String]) throws {
        guard let path = ["/usr/bin/", "/usr/local/bin/", "/usr/lib/postgresql/17/bin/", "/usr/lib/postgresql/16/bin/", "/usr/lib/postgresql/15/bin/"]
            .map({ $0 + tool }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Failure("Не найдена программа \(tool): установите клиент PostgreSQL (apt-get install postgresql-client).")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path); p.arguments = args; p.environment = env
        let err = Pipe(); p.standardError = err
        try p.run(); p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            let text = String(data: err.fileHandleForReading.readDataToEndOfFile(), encoding: .utf8) ?? ""
            throw Failure("\(tool) завершился с кодом \(p.terminationStatus): \(text.prefix(500))")
        }
    }
}

/// `opora backup --to DIR [--keep N]`
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "to", help: "Каталог для копий (создаётся при необходимости)") var to: String?
        @Option(name: "keep", help: "Сколько последних копий оставить в каталоге (старые удаляются)") var keep: Int?
    }
    let help = "Резервная копия всей базы данных (SQLite: VACUUM INTO, PostgreSQL: pg_dump) без вопросов; код выхода 0/1."

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let dir = signature.to ?? (app.config.dataDirectory + "/backups")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let file: String
        if let url = app.config.databaseURL {
            file = dir + "/" + Backup.fileName(Date(), ext: "pgdump")
            try Backup.run("pg_dump", ["--format=custom", "--no-owner", "--file=" + file], env: try Backup.postgresEnvironment(url))
        } else {
            file = dir + "/" + Backup.fileName(Date(), ext: "sqlite")
            try await Backup.sqlite(app.db, to: file)
            let c = try await Backup.verify(file, on: app)
            context.console.print("Проверено: таблиц \(c.tables), строк \(c.rows), integrity_check: ok.")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        context.console.print("Копия: \(file) (\(size / 1024) КБ)")
        if let keep = signature.keep, keep > 0 {
            let ours = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("opora-") && ($0.hasSuffix(".sqlite") || $0.hasSuffix(".pgdump")) }.sorted()
            for old in ours.dropLast(keep) {
                try FileManager.default.removeItem(atPath: dir + "/" + old)
                context.console.print("Удалена старая копия: \(old)")
            }
        }
    }
}

/// `opora restore --from FILE [--force]`
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "from", help: "Файл копии (opora-….sqlite или opora-….pgdump)") var from: String?
        @Flag(name: "force", help: "Заменить существующую базу (сервер должен быть остановлен)") var force: Bool
    }
    let help = "Восстанавливает базу данных из резервной копии без вопросов; существующую заменяет только с --force."

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let from = signature.from else { throw Backup.Failure("Укажите файл копии: opora restore --from ФАЙЛ [--force].") }
        if let url = app.config.databaseURL {
            let users = try? await User.query(on: app.db).count()
            if (users ?? 0) > 0 && !signature.force {
                throw Backup.Failure("В базе PostgreSQL уже есть данные. Остановите серверы и повторите с --force: таблицы будут заменены содержимым копии.")
            }
            try Backup.run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--dbname=" + (try Backup.postgresEnvironment(url)["PGDATABASE"] ?? ""), from],
                           env: try Backup.postgresEnvironment(url))
            context.console.print("Восстановлено из \(from) в PostgreSQL.")
        } else {
            let c = try await Backup.restoreSQLite(from: from, dataDirectory: app.config.dataDirectory, force: signature.force, on: app)
            context.console.print("Восстановлено из \(from): таблиц \(c.tables), строк \(c.rows). Запустите сервер; при необходимости `opora migrate`.")
        }
    }
}
