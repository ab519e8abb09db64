import Vapor
import Fluent
import FluentSQLiteDriver
import FluentPostgresDriver
import SQLKit

public enum DatabaseChoice: Sendable {
    case fromConfig
    case sqliteMemory
    /// An SQLite file (tests of the bulk paths, which open the same file directly).
    case sqliteFile(String)
    case postgres(url: String, searchPath: String?)
}

/// Configures the application: database (SQLite by default, PostgreSQL when
/// DATABASE_URL is set), migrations, middleware and routes.
public func configure(_ app: Application, database: DatabaseChoice = .fromConfig) async throws {
    var config = AppConfig.fromEnvironment()
    if app.environment == .testing { config.bcryptCost = 4; app.logger.logLevel = .warning }
    app.config = config
    app.storage[Application.VersionedCacheKey.self] = VersionedCache()
    // Data versions re-read at most every 0.2 s on SQLite (one process writes; its own writes forget
    // them at once); on PostgreSQL on every request, so that a change made through one instance is
    // seen through every other in the very next request. Tests: every time. OPORA_VERSION_FRESHNESS_MS overrides.
    let freshnessMS = Double(ProcessInfo.processInfo.environment["OPORA_VERSION_FRESHNESS_MS"] ?? "") ?? (config.databaseURL == nil ? 200 : 0)
    app.versionBoard = VersionBoard(freshness: app.environment == .testing ? 0 : freshnessMS / 1000)
    app.loginThrottle = LoginThrottle()
    // Tests change grants and sessions behind the app's back; they opt in to the cache where they test it.
    app.backgroundWork = BackgroundWork()
    app.lifecycle.use(BackgroundWork.Lifecycle())
    app.sessionCache = SessionCache(lifetime: app.environment == .testing ? 0 : 5)

    var sqliteFile = false
    switch database {
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case .sqliteFile(let path):
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
        sqliteFile = true
    case .postgres(let url, let searchPath):
        var pg = try SQLPostgresConfiguration(url: url)
        if let searchPath { pg.searchPath = [searchPath] }
        app.databases.use(.postgres(configuration: pg), as: .psql)
    case .fromConfig:
        if let url = config.databaseURL {
            app.databases.use(.postgres(configuration: try SQLPostgresConfiguration(url: url)), as: .psql)
        } else {
            try FileManager.default.createDirectory(atPath: config.dataDirectory, withIntermediateDirectories: true)
            app.databases.use(.sqlite(.file(config.dataDirectory + "/opora.sqlite")), as: .sqlite)
            sqliteFile = true
        }
    }
    if sqliteFile {
        // Write-ahead log: readers no longer wait for a writer (the file keeps this mode).
        try await (app.db as? any SQLDatabase)?.raw("PRAGMA journal_mode=WAL").run()
        // A bounded wait for a lock instead of sqlite-nio's endless retry: a lock held too long is a 503.
        try await DatabaseFault.setBusyTimeout(app)
    }
    app.migrations.add(Migrations.all)
    app.databases.middleware.use(SchoolNumbering())

    app.routes.defaultMaxBodySize = "25mb"
    app.middleware = Middlewares()
    app.middleware.use(RouteLoggingMiddleware(logLevel: app.environment == .testing ? .debug : .info))
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ErrorPageMiddleware())
    app.middleware.use(VersionBoard.Middleware())
    app.middleware.use(FlashMiddleware())
    app.middleware.use(AuthMiddleware())
    app.middleware.use(PermissionMiddleware())
    app.middleware.use(CSRFMiddleware())
    app.middleware.use(NotificationCountMiddleware())
    try routes(app)
    // Commands of the areas (Entrypoint registers the platform's own).
    app.asyncCommands.use(PlansCommand(), as: "plans")
    app.asyncCommands.use(EventsCommand.command, as: "events")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")
}
