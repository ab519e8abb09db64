import Vapor
import Fluent
import Views
import Domain
import Importing

/// What every upload page shares, whatever the area: the list of recent jobs, the job page
/// (progress, errors with row and column, notes, matching), the templates. An area's own
/// controller keeps only its upload form (ImportsController, ResultImportsController,
/// MentoringImportsController).
enum ImportJobsController {
    /// The chrome of an area's pages: section, breadcrumbs, links.
    struct Chrome {
        let section: NavSection
        let crumbs: [Crumb]
        let job: (String) -> SiteURL
        let index: (UUID) -> SiteURL
        let done: ((ImportKind, UUID) -> (label: String, url: String)?)

        static func of(_ area: ImportArea) -> Chrome {
            switch area {
            case .registry:
                Chrome(section: .admin, crumbs: ImportsController.crumbs, job: SiteURL.adminImport, index: { _ in .adminImports },
                       done: { kind, _ in kind == .schools ? ("Открыть реестр школ", SiteURL.schools.path) : ("Открыть кадры", SiteURL.people.path) })
            case .results:
                Chrome(section: .monitoring, crumbs: MonitoringController.crumbs, job: SiteURL.resultImport,
                       index: { SiteURL.monitoring(.imports, municipality: $0.uuidString) },
                       done: { _, m in ("Открыть сводную таблицу", SiteURL.monitoring(.summary, municipality: m.uuidString).path) })
            case .mentoring:
                Chrome(section: .support, crumbs: SupportController.crumbs, job: SiteURL.supportImport, index: { _ in .supportImports },
                       done: { _, m in ("Открыть «Сопровождение»", SiteURL.support(municipality: m.uuidString).path) })
            case .plans:
                Chrome(section: .plans, crumbs: PlansController.crumbs, job: { _ in .plans() }, index: { SiteURL.plans(municipality: $0.uuidString) },
                       done: { _, m in ("Открыть планы", SiteURL.plans(municipality: m.uuidString).path) })
            }
        }
    }

    /// The latest jobs of these municipalities in one area.
    static func recent(_ area: ImportArea, municipalities ids: [UUID], on db: any Database) async throws -> [ImportsIndex.Job] {
        try await ImportPipeline.closeInterrupted(on: db)
        return try await ImportJob.query(on: db).filter(\.$municipalityID ~~ ids).filter(\.$kind ~~ area.kinds.map(\.raw))
            .sort(\.$createdAt, .descending).limit(20).all().map(row)
    }

    static func row(_ j: ImportJob) -> ImportsIndex.Job {
        let (status, badge) = statusText(j.state)
        let kind = ImportKind(raw: j.kind)
        let summary: String = switch j.state {
        case .running: "обработано \(j.processedRows) из \(j.totalRows)"
        default: kind.map { ImportPipeline.outcome(j).summary($0) } ?? ""
        }
        return .init(id: j.id!.uuidString, when: j.createdAt.map { RuFormat.dateTime($0, timeZone: AppConfig.processTimeZone) } ?? "",
                     kind: kind?.title ?? j.kind, file: j.fileName, user: j.userLogin, status: status, statusKind: badge, summary: summary)
    }

    static func statusText(_ s: ImportStatus) -> (String, Components.BadgeKind) {
        switch s {
        case .done: ("загружено", .success)
        case .failed: ("ошибки, ничего не записано", .danger)
        case .needsMatching: ("нужно сопоставить школы", .warning)
        case .running: ("идёт загрузка", .warning)
        }
    }

    /// The job of the route's id in this area, if the user may import there (404 / 403 before anything is shown).
    static func load(_ req: Request, _ area: ImportArea) async throws -> (ImportJob, ImportKind, Municipality) {
        guard let job = try await ImportJob.find(req.id(), on: req.db), let kind = ImportKind(raw: job.kind), kind.area == area else {
            throw AppError.notFound("Загрузка")
        }
        guard let m = try await Municipality.find(job.municipalityID, on: req.db), Access.allows(area.permission, try req.principal(), in: m.ref) else {
            throw AppError.forbidden
        }
        return (job, kind, m)
    }

    static func show(_ area: ImportArea) -> @Sendable (Request) async throws -> Response {
        { req in
            let (job, kind, m) = try await load(req, area)
            let chrome = Chrome.of(area)
            let o = ImportPipeline.outcome(job)
            let (status, badge) = statusText(job.state)
            let running = job.state == .running
            let live = running ? await ImportProgress.shared.get(job.id!) : nil
            let model = ImportJobView.Model(file: job.fileName, kind: kind.title, status: status, statusKind: badge, running: running,
                                            processed: live?.0 ?? job.processedRows, total: live?.1 ?? job.totalRows,
                                            summary: running ? "идёт загрузка" : o.summary(kind),
                                            errors: o.errors.map { (row: $0.row > 0 ? String($0.row) : "—", column: $0.column.isEmpty ? "—" : $0.column, message: $0.message) })
            var matching: ImportJobView.Matching?
            if job.state == .needsMatching {
                let schools = try await School.query(on: req.db).filter(\.$municipality.$id == m.id!).sort(\.$shortName).all()
                matching = .init(unknown: o.unmatched.enumerated().map { .init(index: $0.offset, label: $0.element.label, rows: rowsText($0.element.rows)) },
                                 schools: schools.map { Views.Option($0.id!.uuidString, "\($0.shortName) (\($0.code))") },
                                 action: SiteURL.resultImportMatch(job.id!.uuidString).path, csrf: req.csrfToken)
            }
            let crumbs = chrome.crumbs + [Crumb(area == .results ? "Загрузка результатов" : "Загрузка", chrome.index(m.id!).path), Crumb(job.fileName)]
            let res = req.page(area == .results ? "Загрузка результатов" : "Загрузка файла", section: chrome.section, crumbs: crumbs,
                               ImportJobView.page(model, notes: o.notes, matching: matching, next: job.state == .done ? chrome.done(kind, m.id!) : nil))
            if running { res.headers.replaceOrAdd(name: "Refresh", value: "2") }
            return res
        }
    }

    /// The job's page (the command line names it for matching).
    static func path(_ job: ImportJob) -> String? {
        guard let id = job.id, let kind = ImportKind(raw: job.kind) else { return nil }
        return Chrome.of(kind.area).job(id.uuidString).path
    }

    static func rowsText(_ rows: [Int]) -> String {
        rows.count <= 6 ? rows.map(String.init).joined(separator: ", ") : rows.prefix(5).map(String.init).joined(separator: ", ") + " и ещё \(rows.count - 5)"
    }

    /// `…/templates/<kind>.xlsx|csv` of the area's kinds.
    static func template(_ area: ImportArea) -> @Sendable (Request) async throws -> Response {
        { req in
            let file = req.parameters.get("file") ?? ""
            let xlsx = file.hasSuffix(".xlsx")
            guard xlsx || file.hasSuffix(".csv"), let kind = ImportKind(name: String(file.dropLast(xlsx ? 5 : 4))), kind.area == area else {
                throw AppError.notFound("Шаблон")
            }
            let (data, name) = try kind.template(xlsx: xlsx)
            let res = Response(status: .ok, body: .init(data: data))
            res.headers.contentType = xlsx ? HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                                           : HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
            res.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
            return res
        }
    }
}
