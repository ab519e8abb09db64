import Vapor
import Fluent
import Views
import Domain
import Importing
import Plot

/// «Мониторинги → Загрузка результатов»: the upload form and the matching of unknown schools;
/// jobs, their pages and templates are `ImportJobsController`'s.
enum ResultImportsController {
    typealias C = MonitoringController

    @Sendable static func index(req: Request) async throws -> Response {
        let sel = try await C.select(req)
        return try await indexPage(req, sel, errors: [])
    }

    static func indexPage(_ req: Request, _ sel: C.Selection, errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        guard Access.allows(.importResults, try req.principal(), in: sel.municipality.ref) else { throw AppError.forbidden }
        let jobs = try await ImportJobsController.recent(.results, municipalities: [sel.municipality.id!], on: req.db)
        let templates = ResultFileKind.allCases.map { ("\($0.title) (XLSX)", SiteURL.resultImportTemplate("\($0.rawValue).xlsx").path) }
        let res = MonitoringViewsController.page(req, "Загрузка результатов: \(sel.municipality.name)", tab: .imports, sel,
            ResultImportViews.upload(kinds: ResultFileKind.allCases.map { Views.Option($0.rawValue, $0.title) },
                                     action: SiteURL.monitoring(.imports, municipality: sel.municipality.id!.uuidString, year: sel.year).path, year: sel.year,
                                     jobs: jobs, errors: errors, csrf: req.csrfToken, templates: templates))
        res.status = status
        return res
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
        let job = try await ImportPipeline.start(.results(kind), data: Data(file.data.readableBytesView), fileName: file.filename,
                                                 municipality: sel.municipality, defaultYear: year, actor: ImportActor(user),
                                                 app: req.application, inlineBytes: req.config.inlineImportBytes)
        return req.redirect(to: SiteURL.resultImport(job.id!.uuidString))
    }

    @Sendable static func match(req: Request) async throws -> Response {
        let (job, kind, m) = try await ImportJobsController.load(req, .results)
        guard job.state == .needsMatching else { throw AppError.conflict("Эта загрузка уже не ждёт сопоставления. Загрузите файл заново.") }
        let f = FormFields(req)
        let o = ImportPipeline.outcome(job)
        let schoolIDs = Set(try await School.query(on: req.db).filter(\.$municipality.$id == m.id!).all().compactMap(\.id))
        var matches: [(UnmatchedSchool, UUID)] = []
        for (i, u) in o.unmatched.enumerated() {
            let v = f["match_\(i)"]
            if v == "skip" { continue }
            guard let id = UUID(uuidString: v), schoolIDs.contains(id) else {
                return req.redirect(.resultImport(job.id!.uuidString), flash: "Выберите школу или «не наша школа» для каждой строки: \(u.label).", kind: .error)
            }
            matches.append((u, id))
        }
        try await ResultImportService.remember(matches, municipalityID: m.id!, on: req.db)
        // Keys marked «не наша школа» are left out of this run; their rows are counted as skipped.
        let skipped = o.unmatched.filter { u in !matches.contains { $0.0 == u } }.map { "\($0.kind)|\($0.value)" }
        _ = try await ImportPipeline.resume(job, kind, municipality: m, actor: ImportActor(try req.requireUser()), skipping: Set(skipped), app: req.application)
        return req.redirect(to: SiteURL.resultImport(job.id!.uuidString))
    }
}
