import Vapor

/// Settings read once at start (environment variables; see README).
struct AppConfig: Sendable {
    var dataDirectory: String
    var databaseURL: String?
    /// bcrypt cost; tests lower it to keep the suite fast.
    var bcryptCost: Int
    var defaultTimeZone: TimeZone
    /// Secure cookies: on when OPORA_PUBLIC_URL starts with https.
    var secureCookies: Bool
    var sessionLifetime: TimeInterval
    var maxFailedLogins: Int
    var lockout: TimeInterval
    var autoMigrate: Bool
    /// Uploads up to this size are imported while the user waits; larger ones in the background with progress.
    var inlineImportBytes: Int = 256 * 1024

    /// The municipality's time zone (`OPORA_TIMEZONE`, Europe/Moscow by default): dates are shown in it
    /// and the days of deadlines, overdue steps and «today» are counted in it — one setting for both.
    static let processTimeZone: TimeZone = {
        let name = ProcessInfo.processInfo.environment["OPORA_TIMEZONE"] ?? "Europe/Moscow"
        return TimeZone(identifier: name) ?? TimeZone(identifier: "Europe/Moscow")!
    }()

    static func fromEnvironment() -> AppConfig {
        let env = ProcessInfo.processInfo.environment
        return AppConfig(
            dataDirectory: env["OPORA_DATA_DIR"] ?? "./data",
            databaseURL: env["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 },
            bcryptCost: Int(env["OPORA_BCRYPT_COST"] ?? "") ?? 10,
            defaultTimeZone: processTimeZone,
            secureCookies: (env["OPORA_PUBLIC_URL"] ?? "").lowercased().hasPrefix("https://"),
            sessionLifetime: 12 * 3600,
            maxFailedLogins: 5,
            lockout: 15 * 60,
            autoMigrate: (env["OPORA_AUTO_MIGRATE"] ?? "true") != "false"
        )
    }
}

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }
    var config: AppConfig {
        get { storage[ConfigKey.self] ?? .fromEnvironment() }
        set { storage[ConfigKey.self] = newValue }
    }

    private struct ClockKey: StorageKey { typealias Value = @Sendable () -> Date }
    /// The clock, replaceable in tests (lockout expiry, session expiry).
    var now: @Sendable () -> Date {
        get { storage[ClockKey.self] ?? { Date() } }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    var config: AppConfig { application.config }
    var now: Date { application.now() }
}
