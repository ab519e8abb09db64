import Vapor
import Fluent
import Views
import Domain

enum PersonEditController {
    static func draft(_ f: FormFields) -> PersonDraft {
        typealias F = PersonDraft.Field
        return PersonDraft(staffCode: f[F.staffCode], lastName: f[F.lastName], firstName: f[F.firstName], middleName: f[F.middleName],
                           position: f[F.position], functions: Set(f.all(F.functions).compactMap(PersonFunction.init(rawValue:))),
                           subjects: PersonDraft.parseSubjects(f[F.subjects]), category: QualificationCategory(rawValue: f[F.category]) ?? .none,
                           advancedLevel: f.bool(F.advancedLevel), email: f[F.email], phone: f[F.phone])
    }

    /// Organisations the user may place people in: writable schools and, for the center, the center itself.
    static func organisations(_ req: Request) async throws -> [(Views.Option, PersonRegistry.Organisation)] {
        let p = try req.principal()
        let scope = Access.personScope(p, .write)
        var out: [(Views.Option, PersonRegistry.Organisation)] = []
        for m in try await Municipality.query(on: req.db).sort(\.$name).all() where scope.all || scope.municipalityIDs.contains(m.id!) {
            out.append((Views.Option("center:\(m.id!)", "\(m.centerName.isEmpty ? "Методический центр" : m.centerName) (\(m.name))"), .init(municipality: m, school: nil)))
        }
        for s in try await School.query(on: req.db).within(scope).with(\.$municipality).sort(\.$shortName).all() {
            out.append((Views.Option(s.id!.uuidString, "\(s.shortName) (\(s.municipality.name))"), .init(municipality: s.municipality, school: s)))
        }
        return out
    }

    static func page(_ req: Request, title: String, action: String, cancel: String, draft: PersonDraft, org: String, errors: [FieldError], status: HTTPStatus) async throws -> Response {
        let orgs = try await organisations(req)
        guard !orgs.isEmpty else { throw AppError.forbidden }
        let model = PersonForm.Model(action: action, cancelURL: cancel, draft: draft, organisation: org, organisations: orgs.map(\.0), errors: errors, csrf: req.csrfToken)
        return req.page(title, section: .people, crumbs: PeopleController.crumbs + [Crumb(title)], status: status, PersonForm.body(model))
    }

    @Sendable static func new(req: Request) async throws -> Response {
        let school = (try? req.query.get(String.self, at: "school")) ?? ""
        return try await page(req, title: "Новый человек", action: SiteURL.people.path, cancel: SiteURL.people.path, draft: PersonDraft(functions: [.teacher]), org: school, errors: [], status: .ok)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try await save(req, existing: nil)
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        let person = try await PeopleController.load(req, write: true)
        let org = person.$school.id?.uuidString ?? "center:\(person.$municipality.id)"
        return try await page(req, title: "Редактирование: \(person.fullName)", action: SiteURL.person(person.id!.uuidString).path, cancel: SiteURL.person(person.id!.uuidString).path,
                              draft: person.draft, org: org, errors: [], status: .ok)
    }

    @Sendable static func update(req: Request) async throws -> Response {
        try await save(req, existing: try await PeopleController.load(req, write: true))
    }

    static func save(_ req: Request, existing: Person?) async throws -> Response {
        let f = FormFields(req)
        let d = draft(f)
        let orgKey = f[PersonDraft.Field.organisation]
        let orgs = try await organisations(req)
        do {
            guard let org = orgs.first(where: { $0.0.value == orgKey })?.1 else {
                throw AppError.validation(d.normalized().validate() + [.init(field: PersonDraft.Field.organisation, message: "Выберите место работы из списка.")])
            }
            let person = try await PersonRegistry.save(d, at: org, existing: existing, req: req)
            return req.redirect(.person(person.id!.uuidString), flash: existing == nil ? "Человек добавлен." : "Изменения сохранены.")
        } catch AppError.validation(let errors) {
            let title = existing.map { "Редактирование: \($0.fullName)" } ?? "Новый человек"
            let action = (existing.map { SiteURL.person($0.id!.uuidString) } ?? .people).path
            return try await page(req, title: title, action: action, cancel: action,
                                  draft: d, org: orgKey, errors: errors, status: .unprocessableEntity)
        }
    }
}
