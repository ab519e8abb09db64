import Vapor
import Fluent
import Views
import Domain

/// Create and edit school cards.
enum SchoolEditController {
    static func draft(_ f: FormFields) -> SchoolDraft {
        typealias F = SchoolDraft.Field
        return SchoolDraft(code: f[F.code], fullName: f[F.fullName], shortName: f[F.shortName], kind: f[F.kind], legalForm: f[F.legalForm],
                           directorName: f[F.directorName], address: f[F.address], phone: f[F.phone], email: f[F.email],
                           fisOkoLogin: f[F.fisOkoLogin], giaCode: f[F.giaCode])
    }

    static func writableMunicipalities(_ req: Request) async throws -> [Municipality] {
        let p = try req.principal()
        return try await Municipality.query(on: req.db).sort(\.$name).all().filter { Access.canCreateSchool(in: $0.id!, regionID: $0.$region.id, p) }
    }

    static func formPage(_ req: Request, title: String, model: SchoolForm.Model, crumbs: [Crumb], status: HTTPStatus = .ok) -> Response {
        req.page(title, section: .schools, crumbs: crumbs, status: status, SchoolForm.body(model))
    }

    @Sendable static func new(req: Request) async throws -> Response {
        let ms = try await writableMunicipalities(req)
        guard !ms.isEmpty else { throw AppError.forbidden }
        let model = SchoolForm.Model(action: SiteURL.schools.path, cancelURL: SiteURL.schools.path, draft: SchoolDraft(), municipalityID: ms[0].id!.uuidString,
                                     municipalities: ms.map { Views.Option($0.id!.uuidString, $0.name) }, isLeader: false, errors: [], csrf: req.csrfToken)
        return formPage(req, title: "Новая школа", model: model, crumbs: SchoolsController.crumbs + [Crumb("Новая школа")])
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let f = FormFields(req)
        let ms = try await writableMunicipalities(req)
        guard !ms.isEmpty else { throw AppError.forbidden }
        let d = draft(f)
        do {
            guard let m = ms.first(where: { $0.id == f.uuid("municipality_id") }) else {
                throw AppError.validation([.init(field: "municipality_id", message: "Выберите муниципалитет из списка.")])
            }
            let school = try await SchoolRegistry.create(d, municipality: m, isLeader: f.bool("is_leader"), req: req)
            return req.redirect(.school(school.id!.uuidString), flash: "Школа «\(school.shortName)» добавлена.")
        } catch AppError.validation(let errors) {
            let model = SchoolForm.Model(action: SiteURL.schools.path, cancelURL: SiteURL.schools.path, draft: d, municipalityID: f["municipality_id"],
                                         municipalities: ms.map { Views.Option($0.id!.uuidString, $0.name) }, isLeader: f.bool("is_leader"),
                                         errors: errors, csrf: req.csrfToken)
            return formPage(req, title: "Новая школа", model: model, crumbs: SchoolsController.crumbs + [Crumb("Новая школа")], status: .unprocessableEntity)
        }
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        let school = try await SchoolsController.load(req, write: true)
        let model = SchoolForm.Model(action: SiteURL.school(school.id!.uuidString).path, cancelURL: SiteURL.school(school.id!.uuidString).path, draft: school.draft,
                                     municipalityID: school.$municipality.id.uuidString, municipalities: [], isLeader: school.isLeader,
                                     errors: [], csrf: req.csrfToken, identifiersLocked: !SchoolRegistry.mayEditIdentifiers(school, req))
        return formPage(req, title: "Редактирование: \(school.shortName)", model: model,
                        crumbs: SchoolsController.crumbs + [Crumb(school.shortName, SiteURL.school(school.id!.uuidString).path), Crumb("Редактирование")])
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let school = try await SchoolsController.load(req, write: true)
        let f = FormFields(req)
        let d = draft(f)
        let name = school.shortName
        do {
            try await SchoolRegistry.update(school, with: d, isLeader: f.bool("is_leader"), req: req)
            return req.redirect(.school(school.id!.uuidString), flash: "Изменения сохранены.")
        } catch AppError.validation(let errors) {
            let model = SchoolForm.Model(action: SiteURL.school(school.id!.uuidString).path, cancelURL: SiteURL.school(school.id!.uuidString).path, draft: d,
                                         municipalityID: school.$municipality.id.uuidString, municipalities: [],
                                         isLeader: SchoolRegistry.mayEditIdentifiers(school, req) ? f.bool("is_leader") : school.isLeader,
                                         errors: errors, csrf: req.csrfToken, identifiersLocked: !SchoolRegistry.mayEditIdentifiers(school, req))
            return formPage(req, title: "Редактирование: \(name)", model: model,
                            crumbs: SchoolsController.crumbs + [Crumb(name, SiteURL.school(school.id!.uuidString).path), Crumb("Редактирование")], status: .unprocessableEntity)
        }
    }
}
