import Vapor
import Fluent
import Views
import Domain
import Importing

/// «Загрузка школ и кадров»: upload, templates, job page with progress.
enum ImportsController {
    static let crumbs = [Crumb("Обзор", SiteURL.home.path), Crumb("Администрирование", SiteURL.admin.path), Crumb("Загрузка", SiteURL.adminImports.path)]

    static func municipalities(_ req: Request) async throws -> [Municipality] {
        let p = try req.principal()
        let ms = try await Municipality.query(on: req.db).sort(\.$name).all().filter { Access.allows(.importRegistry, p, in: $0.ref) }
        guard !ms.isEmpty else { throw AppError.forbidden }
        return ms
    }

    @Sendable static func index(req: Request) async throws -> Response {
        try await indexPage(req, errors: [])
    }

    static func indexPage(_ req: Request, errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let ms = try await municipalities(req)
        let ids = ms.compactMap(\.id)
        let jobs = try await ImportJob.query(on: req.db).filter(\.$municipalityID ~~ ids).sort(\.$createdAt, .descending).limit(20).all()
        return req.page("Загрузка школ и кадров", section: .admin, crumbs: Array(crumbs.prefix(2)) + [Crumb("Загрузка")], status: status,
                        ImportsIndex.body(municipalities: ms.map { Views.Option($0.id!.uuidString, $0.name) }, selected: ms[0].id!.uuidString,
                                          jobs: jobs.map(jobRow), errors: errors, csrf: req.csrfToken))
    }

    static func jobRow(_ j: ImportJob) -> ImportsIndex.Job {
        let (status, kind) = statusText(j.state)
        return .init(id: j.id!.uuidString, when: j.createdAt.map { RuFormat.dateTime($0, timeZone: TimeZone(identifier: "Europe/Moscow")!) } ?? "",
                     kind: ImportService.Kind(rawValue: j.kind)?.title ?? j.kind, file: j.fileName, user: j.userLogin, status: status, statusKind: kind,
                     summary: summary(j))
    }

    static func statusText(_ s: ImportStatus) -> (String, Components.BadgeKind) {
        switch s {
        case .done: ("загружено", .success)
        case .failed: ("ошибки, ничего не записано", .danger)
        case .needsMatching: ("нужно сопоставить школы", .warning)
        case .running: ("идёт загрузка", .warning)
        }
    }

    static func summary(_ j: ImportJob) -> String {
        switch j.state {
        case .done: "Создано: \(j.createdCount), обновлено: \(j.updatedCount)"
        case .failed: "Ошибок: \((try? JSONDecoder().decode([ImportError].self, from: Data(j.errorsJSON.utf8)).count) ?? 0)"
        case .running, .needsMatching: "Обработано \(j.processedRows) из \(j.totalRows)"
        }
    }

    struct Upload: Content { var kind: String?; var municipality_id: String?; var file: File? }

    @Sendable static func upload(req: Request) async throws -> Response {
        let ms = try await municipalities(req)
        let up = try req.content.decode(Upload.self)
        var errors: [FieldError] = []
        let kind = up.kind.flatMap(ImportService.Kind.init(rawValue:))
        if kind == nil { errors.append(.init(field: "kind", message: "Выберите, что загружаем: школы или кадры.")) }
        let m = ms.first { $0.id?.uuidString == up.municipality_id }
        if m == nil { errors.append(.init(field: "municipality_id", message: "Выберите муниципалитет.")) }
        guard let file = up.file, file.data.readableBytes > 0 else {
            errors.append(.init(field: "file", message: "Выберите файл CSV или XLSX."))
            return try await indexPage(req, errors: errors, status: .unprocessableEntity)
        }
        guard errors.isEmpty, let kind, let m else { return try await indexPage(req, errors: errors, status: .unprocessableEntity) }
        let data = Data(file.data.readableBytesView)
        let user = try req.requireUser()
        let job = ImportJob()
        job.kind = kind.rawValue; job.fileName = file.filename; job.municipalityID = m.id!; job.userID = user.id; job.userLogin = user.login
        job.state = .running; job.totalRows = 0; job.processedRows = 0; job.createdCount = 0; job.updatedCount = 0; job.errorsJSON = "[]"
        try await job.create(on: req.db)
        let actor = ImportService.Actor(userID: user.id, login: user.login, principal: user.principal)
        let app = req.application
        let work: @Sendable () async -> Void = { await execute(job: job, kind: kind, data: data, municipality: m, actor: actor, app: app) }
        if data.count <= req.config.inlineImportBytes { await work() } else { Task { await work() } }
        return req.redirect(to: SiteURL.adminImport(job.id!.uuidString))
    }

    static func execute(job: ImportJob, kind: ImportService.Kind, data: Data, municipality: Municipality, actor: ImportService.Actor, app: Application) async {
        let id = job.id!
        do {
            let outcome = try await ImportService.run(kind, data: data, fileName: job.fileName, municipality: municipality, actor: actor, on: app.db) { done, total in
                await ImportProgress.shared.set(id, done, total)
            }
            job.state = outcome.errors.isEmpty ? .done : .failed
            job.createdCount = outcome.created; job.updatedCount = outcome.updated
            job.totalRows = outcome.created + outcome.updated; job.processedRows = job.totalRows
            job.errorsJSON = String(data: (try? JSONEncoder().encode(outcome.errors)) ?? Data("[]".utf8), encoding: .utf8) ?? "[]"
            job.finishedAt = Date()
            try await job.update(on: app.db)
            try await Audit.record(on: app.db, actor: actor.userID, actorLogin: actor.login, action: .importFile, entity: "import", id: id,
                                   label: "\(kind.title): \(job.fileName) — \(summary(job))", municipalityID: municipality.id)
        } catch {
            app.logger.report(error: error)
            job.state = .failed
            job.errorsJSON = String(data: (try? JSONEncoder().encode([ImportError.file("Внутренняя ошибка при записи: ничего не записано. Повторите загрузку или сообщите администратору.")])) ?? Data(), encoding: .utf8) ?? "[]"
            try? await job.update(on: app.db)
        }
        await ImportProgress.shared.clear(id)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        guard let job = try await ImportJob.find(req.id(), on: req.db) else { throw AppError.notFound("Загрузка") }
        guard let m = try await Municipality.find(job.municipalityID, on: req.db), Access.allows(.importRegistry, try req.principal(), in: m.ref) else {
            throw AppError.forbidden
        }
        let running = job.state == .running
        let live = await ImportProgress.shared.get(job.id!)
        let errors = (try? JSONDecoder().decode([ImportError].self, from: Data(job.errorsJSON.utf8))) ?? []
        let (status, kind) = statusText(job.state)
        let model = ImportJobView.Model(file: job.fileName, kind: ImportService.Kind(rawValue: job.kind)?.title ?? job.kind, status: status, statusKind: kind,
                                        running: running, processed: live?.0 ?? job.processedRows, total: live?.1 ?? job.totalRows, summary: summary(job),
                                        errors: errors.map { (row: $0.row > 0 ? String($0.row) : "—", column: $0.column.isEmpty ? "—" : $0.column, message: $0.message) })
        let res = req.page("Загрузка файла", section: .admin, crumbs: crumbs + [Crumb(job.fileName)], ImportJobView.body(model))
        if running { res.headers.replaceOrAdd(name: "Refresh", value: "2") }
        return res
    }

    @Sendable static func template(req: Request) async throws -> Response {
        _ = try await municipalities(req)
        let file = req.parameters.get("file") ?? ""
        let rows: [[String]]
        switch file {
        case "schools.csv", "schools.xlsx": rows = SchoolImport.template()
        case "staff.csv", "staff.xlsx": rows = StaffImport.template()
        default: throw AppError.notFound("Шаблон")
        }
        let isXLSX = file.hasSuffix(".xlsx")
        let data = isXLSX ? try XLSXWriter.write(rows, sheetName: file.hasPrefix("schools") ? "Школы" : "Кадры") : CSVWriter.write(rows)
        let res = Response(status: .ok, body: .init(data: data))
        res.headers.contentType = isXLSX ? HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                                         : HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        res.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"opora-\(file)\"")
        return res
    }
}
