import Vapor
import Fluent
import Domain

/// What `serve` does before listening: migrate, make sure an admin exists,
/// optionally load the demo data, and print how to sign in.
enum Bootstrap {
    static func prepare(_ app: Application, demo: Bool, address: ServeAddress = ServeAddress(arguments: [])) async throws {
        if app.config.autoMigrate { try await app.autoMigrate() }
        try? await ImportPipeline.closeInterrupted(on: app.db)
        var lines: [String] = []
        if demo {
            if try await School.query(on: app.db).count() == 0 {
                try await DemoSeeder.seed(app)
            }
            lines += DemoSeeder.loginLines()
        }
        let adminPassword = try await ensureAdmin(app)
        let host = address.hostname ?? app.http.server.configuration.hostname
        let port = address.port ?? app.http.server.configuration.port
        var banner = ["", "Опора запущена: http://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(port)"]
        if let adminPassword {
            banner.append("Создан администратор: логин admin, одноразовый пароль \(adminPassword) (сменить при первом входе)")
        }
        banner += lines
        print(banner.joined(separator: "\n") + "\n")
    }

    /// First start with no users: creates `admin` with OPORA_ADMIN_PASSWORD or a random
    /// one-time password, which is returned to be printed.
    static func ensureAdmin(_ app: Application) async throws -> String? {
        guard try await User.query(on: app.db).count() == 0 else { return nil }
        let fromEnv = Environment.get("OPORA_ADMIN_PASSWORD").flatMap { $0.isEmpty ? nil : $0 }
        let password = fromEnv ?? Tokens.password()
        let user = try await UserAdmin.create(login: "admin", displayName: "Администратор", personID: nil, grants: [Grant(role: .admin)],
                                              password: password, mustChange: fromEnv == nil, app: app, on: app.db)
        try await Audit.record(on: app.db, actor: nil, actorLogin: "система", action: .create, entity: "user", id: user.id,
                               label: "admin", municipalityID: nil, after: ["login": "admin", "role": "admin"])
        return fromEnv == nil ? password : "из OPORA_ADMIN_PASSWORD"
    }
}

/// The address `serve` will listen on, read from its arguments the way Vapor's serve
/// command reads them (`--hostname/-H`, `--port/-p`, `--bind/-b host:port`), so the
/// banner prints the address actually used.
struct ServeAddress: Equatable {
    var hostname: String?
    var port: Int?

    init(hostname: String?, port: Int?) { self.hostname = hostname; self.port = port }

    init(arguments: [String]) {
        func value(_ names: [String]) -> String? {
            for (i, a) in arguments.enumerated() {
                for n in names {
                    if a == n, i + 1 < arguments.count { return arguments[i + 1] }
                    if a.hasPrefix(n + "=") { return String(a.dropFirst(n.count + 1)) }
                }
            }
            return nil
        }
        hostname = value(["--hostname", "-H"])
        port = value(["--port", "-p"]).flatMap { Int($0) }
        if let bind = value(["--bind", "-b"]), let colon = bind.lastIndex(of: ":") {
            hostname = String(bind[..<colon])
            port = Int(bind[bind.index(after: colon)...])
        }
    }
}
