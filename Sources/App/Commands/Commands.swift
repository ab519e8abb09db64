import Vapor
import Fluent
import Domain
import Importing

/// `opora user create --login L --role R [--name N] [--password P] [--municipality CODE] [--school CODE] [--region CODE]`
/// `opora user reset-password --login L [--password P]`
struct UserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action") var action: String
        @Option(name: "login") var login: String?
        @Option(name: "role") var role: String?
        @Option(name: "name") var name: String?
        @Option(name: "password") var password: String?
        @Option(name: "municipality") var municipality: String?
        @Option(name: "school") var school: String?
        @Option(name: "region") var region: String?
    }
    var help: String { "Создание пользователей и сброс паролей: user create | user reset-password" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        guard let login = s.login?.lowercased() else { throw Abort(.badRequest, reason: "Укажите --login") }
        let password = s.password ?? Tokens.password()
        if let problem = Authenticator.passwordProblem(password) { throw Abort(.badRequest, reason: problem) }
        switch s.action {
        case "create":
            if let problem = UserAdmin.validateLogin(login) { throw Abort(.badRequest, reason: problem) }
            guard let role = s.role.flatMap(Role.init(rawValue:)) else {
                throw Abort(.badRequest, reason: "Укажите --role: " + Role.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let m = try await s.municipality.asyncMap { code in try await Municipality.query(on: app.db).filter(\.$code == code).first() } ?? nil
            let sc = try await s.school.asyncMap { code in try await School.query(on: app.db).filter(\.$code == code).first() } ?? nil
            let r = try await s.region.asyncMap { code in try await Region.query(on: app.db).filter(\.$code == code).first() } ?? nil
            let grant = Grant(role: role, regionID: r?.id, municipalityID: m?.id, schoolID: sc?.id)
            if let e = UserAdmin.validate(grant, personID: role.scopeKind == .person ? UUID() : nil).first {
                throw Abort(.badRequest, reason: e.message + " (--region / --municipality / --school с кодом)")
            }
            let u = try await UserAdmin.create(login: login, displayName: s.name ?? login, personID: nil, grants: [grant], password: password,
                                               mustChange: s.password == nil, app: app, on: app.db)
            try await Audit.record(on: app.db, actor: nil, actorLogin: "командная строка", action: .create, entity: "user", id: u.id, label: login, municipalityID: m?.id)
            context.console.print("Пользователь \(login) создан. Пароль: \(password)")
        case "reset-password":
            guard let u = try await User.query(on: app.db).filter(\.$login == login).first() else { throw Abort(.notFound, reason: "Пользователь \(login) не найден") }
            u.passwordHash = try await Authenticator.hash(password, app: app)
            u.mustChangePassword = s.password == nil
            u.failedAttempts = 0; u.lockedUntil = nil
            try await u.update(on: app.db)
            try await Audit.record(on: app.db, actor: nil, actorLogin: "командная строка", action: .passwordReset, entity: "user", id: u.id, label: login, municipalityID: nil)
            context.console.print("Пароль пользователя \(login): \(password)")
        default:
            throw Abort(.badRequest, reason: "Действие: create или reset-password")
        }
    }
}

extension Optional {
    func asyncMap<T>(_ f: (Wrapped) async throws -> T) async rethrows -> T? {
        switch self { case .some(let w): try await f(w); case .none: nil }
    }
}

/// `opora demo`: loads the demo municipalities into an empty database.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Загрузить демонстрационные данные в пустую базу" }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        guard try await School.query(on: app.db).count() == 0 else {
            context.console.print("В базе уже есть школы: демонстрационные данные не загружены.")
            return
        }
        try await DemoSeeder.seed(app)
        DemoSeeder.loginLines().forEach { context.console.print($0) }
    }
}

/// `opora municipality create --code C --name N [--region-code 23 --region-name "…"] [--period school_year|calendar_year]`
struct MunicipalityCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action") var action: String
        @Option(name: "code") var code: String?
        @Option(name: "name") var name: String?
        @Option(name: "region-code") var regionCode: String?
        @Option(name: "region-name") var regionName: String?
        @Option(name: "period") var period: String?
    }
    var help: String { "Создать муниципалитет: municipality create --code C --name N" }
    func run(using context: CommandContext, signature s: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        guard s.action == "create", let code = s.code?.lowercased(), let name = s.name else {
            throw Abort(.badRequest, reason: "Использование: municipality create --code C --name N")
        }
        if try await Municipality.query(on: app.db).filter(\.$code == code).first() != nil {
            throw Abort(.conflict, reason: "Муниципалитет с кодом \(code) уже есть")
        }
        let rcode = s.regionCode ?? "23"
        let region = try await Region.query(on: app.db).filter(\.$code == rcode).first() ?? Region(code: rcode, name: s.regionName ?? "Краснодарский край")
        if region.id == nil { try await region.create(on: app.db) }
        let m = Municipality(regionID: region.id!, code: code, name: name, planningPeriod: PlanningPeriod(rawValue: s.period ?? "") ?? .schoolYear)
        try await m.create(on: app.db)
        try await Audit.record(on: app.db, actor: nil, actorLogin: "командная строка", action: .create, entity: "municipality", id: m.id, label: name, municipalityID: m.id)
        context.console.print("Муниципалитет \(name) (\(code)) создан.")
    }
}

/// `opora import schools|staff|ege|vpr|…|assignments|interactions|deficits|route_steps FILE --municipality CODE [--year Y]`: the pipeline of the web pages.
/// ВПР and ЕГЭ may go without `--municipality`: the whole region (`--region CODE`, or the only
/// one), each row to its school's municipality — a national file in one run.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "kind") var kind: String
        @Argument(name: "file") var file: String
        @Option(name: "municipality") var municipality: String?
        @Option(name: "region") var region: String?
        @Option(name: "year") var year: Int?
        // `import plan`: the plan the file fills (issue 11).
        @Option(name: "owner") var owner: String?
        @Option(name: "kind") var planKind: String?
        @Option(name: "title") var title: String?
    }
    var help: String { "Загрузить файл: import " + ImportKind.all.map(\.name).joined(separator: "|") + " FILE --municipality CODE [--year Y]; ВПР и ЕГЭ — также по всему региону: без --municipality, с --region CODE" }
    func run(using context: CommandContext, signature s: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        guard var kind = ImportKind(name: s.kind) else {
            throw Abort(.badRequest, reason: "Вид загрузки: " + ImportKind.all.map(\.name).joined(separator: ", "))
        }
        if case .plan = kind {
            kind = .plan(PlanImportTarget(owner: s.owner ?? "", kindCode: s.planKind ?? "", year: s.year, title: s.title ?? ""))
        }
        let scope: ImportScope
        if s.municipality != nil || !kind.mayCoverRegion {
            scope = .municipality(try await Municipality.required(code: s.municipality, on: app.db))
        } else {
            scope = .region(try await Region.required(code: s.region, on: app.db).requireID())
        }
        let url = URL(fileURLWithPath: s.file)
        guard FileManager.default.isReadableFile(atPath: url.path) else { throw Abort(.badRequest, reason: "Файл \(s.file) не найден или не читается") }
        let (job, o) = try await ImportPipeline.importFile(kind, at: url, scope: scope, defaultYear: s.year, actor: .commandLine, app: app)
        o.errors.forEach { context.console.error($0.text) }
        let page = job.flatMap(ImportJobsController.path).map { " на странице " + $0 } ?? " в веб-интерфейсе"
        o.unmatched.forEach {
            context.console.error("Школа не найдена: \($0.label) (строки \(ImportJobsController.rowsText($0.rows))) — сопоставьте её\(page) или укажите логин ФИС ОКО / Код ОО в карточке школы.")
        }
        guard o.status == .done else { throw Abort(.unprocessableEntity, reason: "Файл не загружен; ничего не записано.") }
        o.notes.forEach { context.console.print($0) }
        context.console.print("Загружено: \(o.summary(kind)).")
    }
}

/// `opora monitoring results --municipality CODE --year Y --format csv|json`: the computed indicators in long form.
struct MonitoringCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what") var what: String
        @Option(name: "municipality") var municipality: String?
        @Option(name: "year") var year: Int?
        @Option(name: "format") var format: String?
    }
    var help: String { "Показатели мониторинга: monitoring results --municipality CODE --year Y --format csv|json" }
    func run(using context: CommandContext, signature s: Signature) async throws {
        let app = context.application
        guard s.what == "results" else { throw Abort(.badRequest, reason: "Использование: monitoring results --municipality CODE --year Y --format csv|json") }
        let m = try await Municipality.required(code: s.municipality, on: app.db)
        guard let year = s.year else { throw Abort(.badRequest, reason: "Укажите --year, например 2025") }
        let computed = try await MonitoringService.compute([m], year: year, on: app.db)
        context.console.output(ConsoleText(stringLiteral: try MonitoringCommand.render(computed.result, format: s.format ?? "csv")), newLine: false)
    }

    static func render(_ r: MonitoringResult, format: String) throws -> String {
        switch format {
        case "json":
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys]
            return String(data: try enc.encode(r.rows()), encoding: .utf8)! + "\n"
        case "csv": return r.toCSV()
        default: throw Abort(.badRequest, reason: "Формат: csv или json")
        }
    }
}

extension Region {
    /// The region named by `--region CODE`, or the only region of the database.
    static func required(code: String?, on db: any Database) async throws -> Region {
        if let code, let r = try await Region.query(on: db).filter(\.$code == code).first() { return r }
        let all = try await Region.query(on: db).limit(2).all()
        guard code == nil, all.count == 1 else {
            throw Abort(.badRequest, reason: "Укажите --municipality с кодом муниципалитета или --region с кодом региона (в базе регионов: несколько или ни одного)")
        }
        return all[0]
    }
}

extension Municipality {
    /// The municipality named by a command's `--municipality CODE`, or a Russian error saying what to pass.
    static func required(code: String?, on db: any Database) async throws -> Municipality {
        guard let code, let m = try await Municipality.query(on: db).filter(\.$code == code.lowercased()).first() else {
            throw Abort(.badRequest, reason: "Укажите --municipality с кодом существующего муниципалитета (список: страница «Администрирование → Муниципалитеты»)")
        }
        return m
    }
}
