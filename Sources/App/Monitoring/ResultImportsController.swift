import Vapor
import Fluent
import Views
import Domain
import Importing
import Plot

/// «Мониторинги → Загрузка результатов»: upload, templates, job page, matching unknown schools.
enum ResultImportsController {
    typealias C = MonitoringController
    static let prefix = "results:"

    static func kindOf(_ job: ImportJob) -> ResultFileKind? { ResultFileKind(rawValue: String(job.kind.dropFirst(prefix.count))) }

    @Sendable static func index(req: Request) async throws -> Response {
        let sel = try await C.select(req)
        return try await indexPage(req, sel, errors: [])
    }

    static func indexPage(_ req: Request, _ sel: C.Selection, errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        guard Access.allows(.importResults, try req.principal(), in: sel.municipality.ref) else { throw AppError.forbidden }
        let jobs = try await ImportJob.query(on: req.db).filter(\.$municipalityID == sel.municipality.id!).filter(\.$kind =~ prefix)
            .sort(\.$createdAt, .descending).limit(20).all()
        let templates = ResultFileKind.allCases.map { ("\($0.title) (XLSX)", SiteURL.resultImportTemplate("\($0.rawValue).xlsx").path) }
        let res = MonitoringViewsController.page(req, "Загрузка результатов: \(sel.municipality.name)", tab: .imports, sel,
            ResultImportViews.upload(kinds: ResultFileKind.allCases.map { Views.Option($0.rawValue, $0.title) },
                                     action: SiteURL.monitoring(.imports, municipality: sel.municipality.id!.uuidString, year: sel.year).path, year: sel.year,
                                     jobs: jobs.map(row), errors: errors, csrf: req.csrfToken, templates: templates))
        res.status = status
        return res
    }

    static func row(_ j: ImportJob) -> ImportsIndex.Job {
        var r = ImportsController.jobRow(j)
        r.kind = kindOf(j)?.title ?? j.kind
        if j.state == .needsMatching { r.status = "нужно сопоставить школы"; r.statusKind = .warning; r.summary = "ничего не записано" }
        return r
    }

    struct Upload: Content { var kind: String?; var year: String?; var file: File? }

    @Sendable static func upload(req: Request) async throws -> Response {
        let sel = try await C.select(req)
        let user = try req.requireUser()
        guard Access.allows(.importResults, user.principal, in: sel.municipality.ref) else { throw AppError.forbidden }
        let up = try req.content.decode(Upload.self)
        var errors: [FieldError] = []
        let kind = up.kind.flatMap(ResultFileKind.init(rawValue:))
        if kind == nil { errors.append(.init(field: "kind", message: "Выберите, что загружаем.")) }
        let year = up.year.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        if let y = year, !(2015...2100).contains(y) { errors.append(.init(field: "year", message: "Год — от 2015 до 2100.")) }
        if up.file == nil || up.file!.data.readableBytes == 0 { errors.append(.init(field: "file", message: "Выберите файл CSV или XLSX.")) }
        guard errors.isEmpty, let kind, let file = up.file else { return try await indexPage(req, sel, errors: errors, status: .unprocessableEntity) }
        let job = ImportJob()
        job.kind = prefix + kind.rawValue; job.fileName = file.filename; job.municipalityID = sel.municipality.id!; job.userID = user.id
        job.userLogin = user.login; job.state = .running; job.totalRows = 0; job.processedRows = 0; job.createdCount = 0; job.updatedCount = 0
        job.errorsJSON = "[]"
        let blob = ImportFileBlob()
        blob.data = Data(file.data.readableBytesView); blob.defaultYear = year
        try await req.db.transaction { db in
            try await job.create(on: db)
            blob.jobID = job.id!
            try await blob.create(on: db)
        }
        try await execute(job, kind: kind, blob: blob, municipality: sel.municipality, actor: .init(userID: user.id, login: user.login, principal: user.principal), db: req.db)
        return req.redirect(to: SiteURL.resultImport(job.id!.uuidString))
    }

    /// Runs (or re-runs, after matching) a stored result file and records the outcome on its job.
    static func execute(_ job: ImportJob, kind: ResultFileKind, blob: ImportFileBlob, municipality: Municipality, actor: ImportService.Actor,
                        db: any Database, skipping: Set<String> = []) async throws {
        let outcome = try await ResultImportService.run(kind, data: blob.data, fileName: job.fileName, municipality: municipality,
                                                        defaultYear: blob.defaultYear, actor: actor, importID: job.id, on: db, skipping: skipping)
        job.state = !outcome.errors.isEmpty ? .failed : (!outcome.unmatched.isEmpty ? .needsMatching : .done)
        job.createdCount = outcome.written; job.updatedCount = 0
        job.totalRows = outcome.written; job.processedRows = outcome.written
        job.errorsJSON = String(data: try JSONEncoder().encode(outcome), encoding: .utf8) ?? "{}"
        job.finishedAt = Date()
        try await job.update(on: db)
        if job.state == .done { try await ImportFileBlob.query(on: db).filter(\.$jobID == job.id!).delete() }
        try await Audit.record(on: db, actor: actor.userID, actorLogin: actor.login, action: .importFile, entity: "import", id: job.id,
                               label: "\(kind.title): \(job.fileName) — \(summary(outcome, job.state))", municipalityID: municipality.id)
    }

    static func summary(_ o: ResultImportService.Outcome, _ status: ImportStatus) -> String {
        switch status {
        case .done: "записано строк: \(o.written)" + (o.references > 0 ? ", региональных значений: \(o.references)" : "")
        case .needsMatching: "не узнано школ: \(o.unmatched.count), ничего не записано"
        case .failed, .running: "ошибок: \(o.errors.count), ничего не записано"
        }
    }

    static func load(_ req: Request) async throws -> (ImportJob, Municipality, ResultFileKind) {
        guard let job = try await ImportJob.find(req.id(), on: req.db), let kind = kindOf(job) else { throw AppError.notFound("Загрузка") }
        guard let m = try await Municipality.find(job.municipalityID, on: req.db), Access.allows(.importResults, try req.principal(), in: m.ref) else { throw AppError.forbidden }
        return (job, m, kind)
    }

    static func outcome(_ job: ImportJob) -> ResultImportService.Outcome {
        (try? JSONDecoder().decode(ResultImportService.Outcome.self, from: Data(job.errorsJSON.utf8))) ?? .init()
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let (job, m, kind) = try await load(req)
        let o = outcome(job)
        let r = row(job)
        let model = ImportJobView.Model(file: job.fileName, kind: kind.title, status: r.status, statusKind: r.statusKind, running: job.state == .running,
                                        processed: job.processedRows, total: job.totalRows, summary: summary(o, job.state),
                                        errors: o.errors.map { (row: $0.row > 0 ? String($0.row) : "—", column: $0.column.isEmpty ? "—" : $0.column, message: $0.message) })
        var matching: ResultImportViews.Matching?
        if job.state == .needsMatching {
            let schools = try await School.query(on: req.db).filter(\.$municipality.$id == m.id!).sort(\.$shortName).all()
            matching = .init(unknown: o.unmatched.enumerated().map { .init(index: $0.offset, label: $0.element.label, rows: rowsText($0.element.rows)) },
                             schools: schools.map { Views.Option($0.id!.uuidString, "\($0.shortName) (\($0.code))") },
                             action: SiteURL.resultImportMatch(job.id!.uuidString).path, csrf: req.csrfToken)
        }
        let body = ResultImportViews.job(model, notes: o.notes, matching: matching,
                                         summaryURL: job.state == .done ? SiteURL.monitoring(.summary, municipality: m.id!.uuidString).path : nil)
        return req.page("Загрузка результатов", section: .monitoring,
                        crumbs: C.crumbs + [Crumb("Загрузка результатов", SiteURL.monitoring(.imports, municipality: m.id!.uuidString).path), Crumb(job.fileName)], body)
    }

    static func rowsText(_ rows: [Int]) -> String {
        rows.count <= 6 ? rows.map(String.init).joined(separator: ", ") : rows.prefix(5).map(String.init).joined(separator: ", ") + " и ещё \(rows.count - 5)"
    }

    @Sendable static func match(req: Request) async throws -> Response {
        let (job, m, kind) = try await load(req)
        guard job.state == .needsMatching, let blob = try await ImportFileBlob.query(on: req.db).filter(\.$jobID == job.id!).first() else {
            throw AppError.conflict("Эта загрузка уже не ждёт сопоставления. Загрузите файл заново.")
        }
        let f = FormFields(req)
        let o = outcome(job)
        let schoolIDs = Set(try await School.query(on: req.db).filter(\.$municipality.$id == m.id!).all().compactMap(\.id))
        var matches: [(ResultImportService.Unmatched, UUID)] = []
        for (i, u) in o.unmatched.enumerated() {
            let v = f["match_\(i)"]
            if v == "skip" { continue }
            guard let id = UUID(uuidString: v), schoolIDs.contains(id) else {
                return req.redirect(.resultImport(job.id!.uuidString), flash: "Выберите школу или «не наша школа» для каждой строки: \(u.label).", kind: .error)
            }
            matches.append((u, id))
        }
        try await ResultImportService.remember(matches, municipalityID: m.id!, on: req.db)
        let user = try req.requireUser()
        // Keys marked «не наша школа» are left out of this run; their rows are counted as skipped.
        let skipped = o.unmatched.filter { u in !matches.contains { $0.0 == u } }.map { "\($0.kind)|\($0.value)" }
        try await execute(job, kind: kind, blob: blob, municipality: m, actor: .init(userID: user.id, login: user.login, principal: user.principal),
                          db: req.db, skipping: Set(skipped))
        return req.redirect(to: SiteURL.resultImport(job.id!.uuidString))
    }

    @Sendable static func template(req: Request) async throws -> Response {
        let file = req.parameters.get("file") ?? ""
        guard let kind = ResultFileKind(rawValue: String(file.dropLast(5))), file.hasSuffix(".xlsx") else { throw AppError.notFound("Шаблон") }
        guard !(try await C.municipalities(req)).isEmpty else { throw AppError.forbidden }
        let data = try XLSXWriter.write(ResultImport.template(kind), sheetName: "Шаблон")
        let res = Response(status: .ok, body: .init(data: data))
        res.headers.contentType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        res.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"opora-\(kind.rawValue).xlsx\"")
        return res
    }
}
