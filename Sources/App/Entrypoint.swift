import Vapor
import Fluent
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Starts the `opora` executable: `serve [--demo]`, `migrate`, `user …`, `demo`,
/// `municipality create …`, `import …` (README lists them).
public enum Entrypoint {
    /// `commands`: more commands of another executable over the same app (`opora-bench`).
    public static func run(commands: [String: any AsyncCommand] = [:]) async {
        limitMallocArenas()
        do {
            var args = CommandLine.arguments
            let demo = args.count > 1 && args[1] == "serve" && args.contains("--demo")
            args.removeAll { $0 == "--demo" }
            if args.count == 1 { args.append("serve") }
            var env = try Environment.detect(arguments: args)
            try LoggingSystem.bootstrap(from: &env)
            let app = try await Application.make(env)
            do {
                try await configure(app)
                app.asyncCommands.use(UserCommand(), as: "user")
                app.asyncCommands.use(DemoCommand(), as: "demo")
                app.asyncCommands.use(MunicipalityCommand(), as: "municipality")
                app.asyncCommands.use(ImportCommand(), as: "import")
                app.asyncCommands.use(MonitoringCommand(), as: "monitoring")
                app.asyncCommands.use(CuratorshipCommand.command, as: "curatorship")
                for (name, command) in commands { app.asyncCommands.use(command, as: name) }
                app.asyncCommands.use(MigrateCommand(), as: "migrate")
                app.asyncCommands.use(RoutesMatrixCommand(), as: "routes")
                if args[1] == "serve" {
                    try await Bootstrap.prepare(app, demo: demo, address: ServeAddress(arguments: args))
                }
                try await app.execute()
            } catch {
                app.logger.report(error: error)
                try? await app.asyncShutdown()
                exit(1)
            }
            try await app.asyncShutdown()
        } catch {
            print("Ошибка запуска: \(error)")
            exit(1)
        }
    }

    /// glibc gives every thread that allocates an arena of its own (up to eight per core), and
    /// memory freed in one is not reused by another: an import that reads on one thread and
    /// writes on another held some 25 MB more than it used. One arena per core keeps the
    /// process near what it uses; `MALLOC_ARENA_MAX` in the environment still wins.
    static func limitMallocArenas() {
        #if canImport(Glibc)
        guard ProcessInfo.processInfo.environment["MALLOC_ARENA_MAX"] == nil else { return }
        // mallopt(M_ARENA_MAX = -8, n): malloc.h is not part of the Glibc module, so it is looked up.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        _ = unsafeBitCast(symbol, to: Mallopt.self)(-8, Int32(max(2, ProcessInfo.processInfo.activeProcessorCount)))
        #endif
    }
}
