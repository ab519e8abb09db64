import Vapor
import Fluent
import Domain
import Importing
import FastStore

/// `opora bench [--schools 40000] [--years 10]` on an empty SQLite data directory:
/// generates deterministic national-scale result files, imports them through the
/// bulk path, computes the monitoring of every municipality and renders the summary
/// page of a 300-school municipality. Prints rows/s, seconds and peak memory.
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "schools") var schools: Int?
        @Option(name: "years") var years: Int?
        @Option(name: "renders") var renders: Int?
        @Flag(name: "monitoring-only", help: "Только расчёт по стране: на базе, уже заполненной предыдущим запуском замера") var monitoringOnly: Bool
        @Flag(name: "page-only", help: "Только страница: на базе, уже заполненной предыдущим запуском замера") var pageOnly: Bool
    }
    var help: String { "Нагрузочный замер: импорт, расчёт мониторинга по стране, страница сводной таблицы (пустая база SQLite)" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let app = context.application
        guard app.config.databaseURL == nil else { throw Abort(.badRequest, reason: "Замер работает на SQLite: уберите DATABASE_URL и задайте пустой OPORA_DATA_DIR.") }
        try await app.autoMigrate()
        let plan = BenchData(schools: s.schools ?? 40_000, years: s.years ?? 10)
        let dir = app.config.dataDirectory
        let path = dir + "/opora.sqlite"
        let say = { (t: String) in context.console.print(t) }
        if s.pageOnly { return try await Self.page(app, plan, renders: s.renders ?? 30, say: say) }
        if s.monitoringOnly { return try Self.country(path: path, year: plan.lastYear, runs: s.renders ?? 7, say: say) }
        guard try await School.query(on: app.db).count() == 0 else { throw Abort(.badRequest, reason: "База не пуста: задайте пустой OPORA_DATA_DIR.") }

        var t = Date()
        let files = try plan.writeFiles(to: dir)
        say("Файлы: ВПР \(files.vprRows) строк, ЕГЭ \(files.egeRows) строк — \(Bench.seconds(since: t)) с (генерация, не входит в замер)")

        let store = try FastSQLite(path: path)
        try store.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL")
        let ids = try plan.insertSchools(store)
        say("Школ: \(plan.schools), муниципалитетов: \(plan.municipalityCount)")

        t = Date()
        let loader = BulkResultLoader(store: store, schoolIDs: ids)
        let vpr = try loader.importVPR(URL(fileURLWithPath: files.vpr))
        let vprTime = Date().timeIntervalSince(t)
        say("Импорт ВПР: \(vpr) строк за \(Bench.fmt(vprTime)) с — \(Int(Double(vpr) / vprTime)) строк/с; пик памяти \(Bench.peakMB()) МБ")
        t = Date()
        let ege = try loader.importEGE(URL(fileURLWithPath: files.ege))
        let egeTime = Date().timeIntervalSince(t)
        say("Импорт ЕГЭ: \(ege) строк за \(Bench.fmt(egeTime)) с — \(Int(Double(ege) / egeTime)) строк/с; пик памяти \(Bench.peakMB()) МБ")
        say("Импорт всего: \(vpr + ege) строк за \(Bench.fmt(vprTime + egeTime)) с — \(Int(Double(vpr + ege) / (vprTime + egeTime))) строк/с")

        let year = plan.lastYear
        try Self.country(path: path, year: year, runs: 7, say: say)

        try await Self.page(app, plan, renders: s.renders ?? 30, say: say)
        say("Пик памяти процесса: \(Bench.peakMB()) МБ")
    }
}

extension BenchCommand {
    /// The summary page of the largest municipality through the app's responder.
    static func page(_ app: Application, _ plan: BenchData, renders: Int, say: (String) -> Void) async throws {
        let page = try await PageBench.run(app: app, municipalityCode: plan.municipalityCode(0), year: plan.lastYear, renders: renders)
        say("Страница сводной таблицы (\(plan.schoolsIn(0)) школ): медиана \(Bench.fmt(page.median * 1000)) мс, минимум \(Bench.fmt(page.min * 1000)) мс, \(page.count) запросов, ответ \(page.bytes) байт; первый запрос (расчёт и HTML заново) \(Bench.fmt(page.first * 1000)) мс")
    }

    /// The whole country's monitoring of one year, read from SQLite and computed, best of `runs`.
    static func country(path: String, year: Int, runs: Int, say: (String) -> Void) throws {
        let runs = max(1, runs)
        var times: [Double] = []
        for _ in 0..<runs {
            let cpu = Bench.cpuSeconds()
            let o = try CountryMonitoring.run(path: path, year: year)
            times.append(o.readSeconds + o.computeSeconds)
            say("Мониторинг \(year) по всей стране: чтение \(Bench.fmt(o.readSeconds)) с + расчёт \(Bench.fmt(o.computeSeconds)) с = \(Bench.fmt(o.readSeconds + o.computeSeconds)) с, процессорное время \(Bench.fmt(Bench.cpuSeconds() - cpu)) с (\(o.parts.count) части по муниципалитетам на двух ядрах); в сводной таблице \(o.summaryCount) школ")
        }
        let sorted = times.sorted()
        say("Мониторинг по стране, запусков: \(runs); лучший \(Bench.fmt(sorted[0])) с, медиана \(Bench.fmt(sorted[sorted.count / 2])) с")
    }
}

enum Bench {
    static func seconds(since d: Date) -> String { fmt(Date().timeIntervalSince(d)) }
    static func fmt(_ x: Double) -> String { String(format: "%.3f", x) }
    /// User and system CPU time of the process so far, both cores together.
    static func cpuSeconds() -> Double {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
    }
    /// Peak resident memory of the process (getrusage ru_maxrss, kilobytes on Linux).
    static func peakMB() -> Int {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Int(u.ru_maxrss) / 1024
    }
}
