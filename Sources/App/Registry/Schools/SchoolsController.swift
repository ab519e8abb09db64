import Vapor
import Fluent
import Views
import Domain

enum SchoolsController {
    static let crumbs = [Crumb("Обзор", SiteURL.home.path), Crumb("Школы", SiteURL.schools.path)]

    @Sendable static func index(req: Request) async throws -> Response {
        let p = try req.principal()
        guard Access.canListSchools(p) else { throw AppError.forbidden }
        let query = req.query(SchoolDirectory.Filter.self)
        // The list is kept per user and filter while the registry of the scope is unchanged.
        // The years of any municipality's statuses are read each time (one small query) and name the key.
        let years = try await statusYears(req, current: YearLabel.currentSchoolYear(req.now, calendar: Calendar(identifier: .gregorian)))
        let key = try req.userCacheKey("schools-index|" + years.map(String.init).joined(separator: ","), query.items)
        let parts = try await req.cached(key, dependsOnOptional: try await req.registryKeys(for: Access.schoolScope(p, .read))) {
            let municipalities = try await Municipality.query(on: req.db).within(Access.schoolScope(p, .read)).sort(\.$name).all()
            let visibleMunicipalities = municipalities.isEmpty ? try await visibleMunicipalitiesOfSchools(p, req) : municipalities
            let currentYear = YearLabel.currentSchoolYear(req.now, calendar: Calendar(identifier: .gregorian))
            var f = query
            f.year = query.year ?? currentYear
            let year = f.year!
            let rows = try await SchoolDirectory.list(f, scope: Access.schoolScope(p, .read), on: req.db)
            let paged = Paged(rows, page: f.page)
            var labelCache: [UUID: (low: String, difficult: String)] = [:]
            let book = try await SchoolDirectory.labelBook(for: visibleMunicipalities.compactMap(\.id), on: req.db)
            for m in visibleMunicipalities { if let id = m.id { labelCache[id] = book.labels(id, year) } }
            let shownFilter = f.items
            let model = SchoolIndex.Model(
                rows: paged.items.map { r in
                    SchoolIndex.Row(id: r.school.id?.uuidString ?? "", code: r.school.code, shortName: r.school.shortName, fullName: r.school.fullName,
                                    municipality: r.municipalityName, kind: r.school.kind, director: Present.orDash(r.school.directorName),
                                    fisOkoLogin: r.school.fisOkoLogin.map(FisOkoLogin.display) ?? "—", giaCode: r.school.giaCode ?? "—",
                                    badges: Present.badges(r.status, labels: labelCache[r.school.$municipality.id] ?? ("ШНОР", "ШССУ")))
                },
                total: paged.total, page: paged.page, pageCount: paged.pageCount,
                municipalities: visibleMunicipalities.map { Views.Option($0.id?.uuidString ?? "", $0.name) },
                years: years.map { Views.Option(String($0), visibleMunicipalities.count == 1 ? Present.yearLabel($0, visibleMunicipalities[0]) : "\($0) (\(YearLabel.schoolYear($0)) уч. г.)") },
                filter: shownFilter, canCreate: visibleMunicipalities.contains { Access.allows(.createSchool, p, in: $0.ref) },
                showMunicipality: visibleMunicipalities.count > 1)
            let title = visibleMunicipalities.count == 1 ? "Школы: \(visibleMunicipalities[0].name)" : "Школы"
            return RenderedParts(title: title, actions: SchoolIndex.actions(model), body: SchoolIndex.body(model))
        }
        return req.page(parts.title, section: .schools, crumbs: [Crumb("Обзор", SiteURL.home.path), Crumb("Школы")], actionsHTML: parts.actions, bodyHTML: parts.body)
    }

    /// A mentor or school administration sees municipalities only through their schools.
    static func visibleMunicipalitiesOfSchools(_ p: Principal, _ req: Request) async throws -> [Municipality] {
        let ids = Set(try await School.query(on: req.db).within(Access.schoolScope(p, .read)).all().map { $0.$municipality.id })
        guard !ids.isEmpty else { return [] }
        return try await Municipality.query(on: req.db).filter(\.$id ~~ Array(ids)).sort(\.$name).all()
    }

    static func statusYears(_ req: Request, current: Int) async throws -> [Int] {
        let years = Set(try await SchoolStatus.query(on: req.db).field(\.$year).unique().all().map(\.year)).union([current])
        return years.sorted(by: >)
    }

    /// Loads a school and checks access; 404 before 403 only for ids that don't exist.
    static func load(_ req: Request, write: Bool = false) async throws -> School {
        guard let school = try await School.query(on: req.db).filter(\.$id == req.id()).with(\.$municipality).first() else {
            throw AppError.notFound("Школа")
        }
        let p = try req.principal()
        guard write ? Access.canWrite(school: school.place, p) : Access.canRead(school: school.place, p) else { throw AppError.forbidden }
        return school
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let school = try await load(req)
        let p = try req.principal()
        let model = try await SchoolCard.model(school, principal: p, req: req)
        // Comments of the school's mentor, curator and the center on its programme (mentoring area).
        let comments = CommentViews.section("Комментарии к программе школы", comments: try await CommentsController.list(.school, school.id!, on: req.db, tz: req.timeZone),
                                            action: Access.canComment(onSchool: school.place, p) ? SiteURL.schoolComments(school.id!.uuidString).path : nil, csrf: req.csrfToken)
        return req.page(school.shortName, section: .schools, crumbs: crumbs + [Crumb(school.shortName)],
                        actions: SchoolShow.actions(model), .group(SchoolShow.body(model), comments))
    }
}
