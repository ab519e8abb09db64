import Vapor
import Fluent
import Domain
import Importing
import FastStore
@testable import App

/// `opora bench [--schools 40000] [--years 10]` on an empty database: generates deterministic
/// national-scale files, imports them through the product's own import functions — the ones
/// `opora import schools|vpr|ege` and the web upload call — computes the monitoring of every
/// municipality and renders the summary page of a 300-school municipality. Prints rows/s,
/// seconds and peak memory, beside `sqlite3 .import` of the same ВПР file.
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "schools") var schools: Int?
        @Option(name: "years") var years: Int?
        @Option(name: "renders") var renders: Int?
        @Flag(name: "monitoring-only", help: "Только расчёт по стране: на базе, уже заполненной предыдущим запуском замера") var monitoringOnly: Bool
        @Flag(name: "page-only", help: "Только страница: на базе, уже заполненной предыдущим запуском замера") var pageOnly: Bool
        @Flag(name: "prepare-only", help: "Только файлы, регион и муниципалитеты: для замера `opora import` из оболочки") var prepareOnly: Bool
        @Flag(name: "import-only", help: "Только загрузка файлов (работает и на PostgreSQL)") var importOnly: Bool
    }
    var help: String { "Нагрузочный замер: загрузка файлов, расчёт мониторинга по стране, страница сводной таблицы (пустая база)" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let app = context.application
        let sqlite = app.config.databaseURL == nil
        guard sqlite || s.importOnly || s.prepareOnly else {
            throw Abort(.badRequest, reason: "Расчёт по стране и страница замеряются на SQLite: уберите DATABASE_URL (или задайте --import-only).")
        }
        try await app.autoMigrate()
        let plan = BenchData(schools: s.schools ?? 40_000, years: s.years ?? 10)
        let dir = app.config.dataDirectory
        let path = dir + "/opora.sqlite"
        let say = { (t: String) in context.console.print(t) }
        if s.pageOnly { return try await Self.page(app, plan, renders: s.renders ?? 30, say: say) }
        if s.monitoringOnly { return try Self.country(path: path, year: plan.lastYear, runs: s.renders ?? 7, say: say) }
        guard try await School.query(on: app.db).count() == 0 else { throw Abort(.badRequest, reason: "База не пуста: задайте пустой OPORA_DATA_DIR.") }

        let t = Date()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let files = try plan.writeFiles(to: dir)
        let schoolsFile = try plan.writeSchoolsFile(to: dir)
        say("Файлы: школ \(plan.schools), ВПР \(files.vprRows) строк, ЕГЭ \(files.egeRows) строк — \(Bench.seconds(since: t)) с (генерация, не входит в замер)")
        let (region, first) = try await Self.createPlaces(plan, on: app.db)
        say("Регион «\(region.code)», муниципалитетов: \(plan.municipalityCount)")
        if s.prepareOnly {
            say("Файлы в \(dir): \((schoolsFile as NSString).lastPathComponent), bench-vpr.csv, bench-ege.csv. Загрузка: "
                + "opora import schools \(schoolsFile) --municipality \(first.code); opora import vpr \(files.vpr); opora import ege \(files.ege)")
            return
        }
        try await Self.imports(app, plan: plan, files: files, schoolsFile: schoolsFile, region: region, first: first, sqlite: sqlite, say: say)
        if s.importOnly { return }

        try Self.country(path: path, year: plan.lastYear, runs: 7, say: say)
        try await Self.page(app, plan, renders: s.renders ?? 30, say: say)
        say("Пик памяти процесса: \(Bench.peakMB()) МБ")
    }
}

extension BenchCommand {
    /// Schools, ВПР and ЕГЭ through the call of `opora import` (`ImportPipeline.importFile`),
    /// then the national ВПР file through the web upload's call (`ImportPipeline.start` over
    /// the bytes, for the 300-school municipality) — jobs and audit entries included.
    static func imports(_ app: Application, plan: BenchData, files: BenchData.Files, schoolsFile: String, region: Region, first: Municipality,
                        sqlite: Bool, say: (String) -> Void) async throws {
        let actor = ImportActor(userID: nil, login: "замер", principal: nil)
        Bench.resetPeak()
        var t = Date()
        let schools = try await ImportPipeline.importFile(.schools, at: URL(fileURLWithPath: schoolsFile), scope: .municipality(first),
                                                          defaultYear: nil, actor: actor, app: app).outcome
        guard schools.errors.isEmpty else { throw Abort(.internalServerError, reason: "школы: \(schools.errors.prefix(3).map(\.text))") }
        say(Bench.rate("Импорт школ (opora import schools)", schools.created, since: t))

        let reference = sqlite ? Bench.sqlite3Import(files.vpr) : nil
        if let reference { say("sqlite3 .import того же файла ВПР в голую таблицу: \(Bench.fmt(reference)) с — \(Int(Double(files.vprRows) / reference)) строк/с") }
        for (kind, file, rows) in [(ResultFileKind.vpr, files.vpr, files.vprRows), (.ege, files.ege, files.egeRows)] {
            Bench.resetPeak()
            t = Date()
            let o = try await ImportPipeline.importFile(.results(kind), at: URL(fileURLWithPath: file), scope: .region(region.id!), defaultYear: nil,
                                                        actor: actor, app: app).outcome
            let seconds = Date().timeIntervalSince(t)
            guard o.errors.isEmpty, o.unmatched.isEmpty, o.written == rows else { throw Abort(.internalServerError, reason: "\(kind): \(o.errors.prefix(3).map(\.text)) \(o.written)") }
            let ratio = kind == .vpr ? reference.map { " — \(Bench.fmt($0 / seconds)) от sqlite3 .import" } ?? "" : ""
            say(Bench.rate("Импорт \(kind.title) (opora import \(kind.rawValue))", o.written, since: t) + ratio)
        }
        Bench.resetPeak()
        t = Date()
        let data = try Data(contentsOf: URL(fileURLWithPath: files.vpr))
        let job = try await ImportPipeline.start(.results(.vpr), data: data, fileName: "bench-vpr.csv", municipality: first, defaultYear: nil,
                                                 actor: actor, app: app, inlineBytes: .max)
        guard let finished = try await ImportJob.find(job.id, on: app.db) else { throw Abort(.internalServerError, reason: "web: нет задания") }
        let web = ImportPipeline.outcome(finished)
        guard web.errors.isEmpty, web.unmatched.isEmpty else { throw Abort(.internalServerError, reason: "web: \(web.errors.prefix(3).map(\.text))") }
        say(Bench.rate("Загрузка через веб-путь (файл ВПР в памяти, муниципалитет \(first.code))", files.vprRows, since: t)
            + " строк файла; записано \(web.written), пропущено строк других муниципалитетов \(web.skippedOtherMunicipality)")
    }

    /// The region, its municipalities and regional ЕГЭ averages (set-up, not measured).
    static func createPlaces(_ plan: BenchData, on db: any Database) async throws -> (Region, Municipality) {
        let region = Region(code: "bench", name: "Регион замера")
        try await region.create(on: db)
        let ms = (0..<plan.municipalityCount).map { Municipality(regionID: region.id!, code: plan.municipalityCode($0), name: "Муниципалитет \($0)") }
        try await ImportRows.createInBatches(ms, on: db)
        var refs: [ReferenceValue] = []
        for y in plan.firstYear...plan.lastYear {
            for (subject, value) in [("russian", "73.9"), ("math_profile", "59.9")] {
                let r = ReferenceValue()
                r.regionID = region.id!; r.exam = "ege"; r.subject = subject; r.grade = 0; r.year = y; r.value = value; r.source = "замер"
                refs.append(r)
            }
        }
        try await ImportRows.createInBatches(refs, on: db)
        return (region, ms[0])
    }

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
