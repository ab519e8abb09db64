import Vapor
import Fluent
import Views
import Domain
import Importing

/// «Сопровождение → Загрузка»: the upload form of the mentoring files (`ImportArea.mentoring`);
/// jobs, their pages and templates are `ImportJobsController`'s, the writing `MentoringImporter`'s.
enum MentoringImportsController {
    static let crumbs = SupportController.crumbs + [Crumb("Загрузка", SiteURL.supportImports.path)]

    /// The municipalities the user may import into (403 when none).
    static func municipalities(_ req: Request) async throws -> [Municipality] {
        let p = try req.principal()
        let ms = try await Municipality.query(on: req.db).sort(\.$name).all().filter { Access.allows(.importMentoring, p, in: $0.ref) }
        guard !ms.isEmpty else { throw AppError.forbidden }
        return ms
    }

    @Sendable static func index(req: Request) async throws -> Response {
        try await indexPage(req, errors: [])
    }

    static func indexPage(_ req: Request, errors: [FieldError], kind: String? = nil, municipalityID: String? = nil,
                          status: HTTPStatus = .ok) async throws -> Response {
        let ms = try await municipalities(req)
        let jobs = try await ImportJobsController.recent(.mentoring, municipalities: ms.compactMap(\.id), on: req.db)
        let selected = ms.first { $0.id?.uuidString == municipalityID } ?? ms[0]
        let kinds = ImportArea.mentoring.kinds
        let model = SupportImportViews.Model(
            kinds: kinds.map { Views.Option($0.name, $0.title) }, kind: kind ?? kinds[0].name,
            municipalities: ms.map { Views.Option($0.id!.uuidString, $0.name) }, municipalityID: selected.id!.uuidString,
            templates: kinds.map { .init(title: $0.title, xlsx: SiteURL.supportImportTemplate("\($0.name).xlsx").path,
                                         csv: SiteURL.supportImportTemplate("\($0.name).csv").path) },
            jobs: jobs, errors: errors, csrf: req.csrfToken)
        return req.page("Загрузка данных сопровождения", section: .support, crumbs: Array(crumbs.prefix(2)) + [Crumb("Загрузка")], status: status,
                        SupportImportViews.body(model))
    }

    struct Upload: Content { var kind: String?; var municipality_id: String?; var file: File? }

    @Sendable static func upload(req: Request) async throws -> Response {
        let ms = try await municipalities(req)
        let up = try req.content.decode(Upload.self)
        var errors: [FieldError] = []
        let kind = up.kind.flatMap(ImportKind.init(name:)).flatMap { $0.area == .mentoring ? $0 : nil }
        if kind == nil { errors.append(.init(field: "kind", message: "Выберите, что загружаем: закрепления, взаимодействия, дефициты или шаги ИОМ.")) }
        let m = ms.count == 1 && (up.municipality_id ?? "").isEmpty ? ms[0] : ms.first { $0.id?.uuidString == up.municipality_id }
        if m == nil { errors.append(.init(field: "municipality_id", message: "Выберите муниципалитет.")) }
        if up.file == nil || up.file!.data.readableBytes == 0 { errors.append(.init(field: "file", message: "Выберите файл CSV или XLSX.")) }
        guard errors.isEmpty, let kind, let m, let file = up.file else {
            return try await indexPage(req, errors: errors, kind: up.kind, municipalityID: up.municipality_id, status: .unprocessableEntity)
        }
        let job = try await ImportPipeline.start(kind, data: Data(file.data.readableBytesView), fileName: file.filename, municipality: m, defaultYear: nil,
                                                 actor: ImportActor(try req.requireUser()),
                                                 app: req.application, inlineBytes: req.config.inlineImportBytes)
        return req.redirect(to: SiteURL.supportImport(job.id!.uuidString))
    }

    @Sendable static func show(req: Request) async throws -> Response { try await ImportJobsController.show(.mentoring)(req) }

    @Sendable static func template(req: Request) async throws -> Response { try await ImportJobsController.template(.mentoring)(req) }
}
