import Vapor
import Fluent
import Views
import Domain
import Importing

/// «Загрузка школ и кадров»: the upload form; jobs, their pages and templates are `ImportJobsController`'s.
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
        let jobs = try await ImportJobsController.recent(.registry, municipalities: ids, on: req.db)
        return req.page("Загрузка школ и кадров", section: .admin, crumbs: Array(crumbs.prefix(2)) + [Crumb("Загрузка")], status: status,
                        ImportsIndex.body(municipalities: ms.map { Views.Option($0.id!.uuidString, $0.name) }, selected: ms[0].id!.uuidString,
                                          jobs: jobs, errors: errors, csrf: req.csrfToken))
    }

    struct Upload: Content { var kind: String?; var municipality_id: String?; var file: File? }

    @Sendable static func upload(req: Request) async throws -> Response {
        let ms = try await municipalities(req)
        let up = try req.content.decode(Upload.self)
        var errors: [FieldError] = []
        let kind = up.kind.flatMap(ImportKind.init(name:)).flatMap { $0.area == .registry ? $0 : nil }
        if kind == nil { errors.append(.init(field: "kind", message: "Выберите, что загружаем: школы или кадры.")) }
        let m = ms.first { $0.id?.uuidString == up.municipality_id }
        if m == nil { errors.append(.init(field: "municipality_id", message: "Выберите муниципалитет.")) }
        guard let file = up.file, file.data.readableBytes > 0 else {
            errors.append(.init(field: "file", message: "Выберите файл CSV или XLSX."))
            return try await indexPage(req, errors: errors, status: .unprocessableEntity)
        }
        guard errors.isEmpty, let kind, let m else { return try await indexPage(req, errors: errors, status: .unprocessableEntity) }
        let user = try req.requireUser()
        let job = try await ImportPipeline.start(kind, data: Data(file.data.readableBytesView), fileName: file.filename, municipality: m, defaultYear: nil,
                                                 actor: ImportActor(user),
                                                 app: req.application, inlineBytes: req.config.inlineImportBytes)
        return req.redirect(to: SiteURL.adminImport(job.id!.uuidString))
    }
}
