import Vapor
import Fluent
import Domain

/// /api/v1: the same resources and the same Access decisions as the pages.
enum APIController {
    @Sendable static func token(req: Request) async throws -> TokenResponse {
        // A bearer token can't be exchanged for another one (tokens don't extend themselves).
        if req.headers.bearerAuthorization != nil { throw Abort(.forbidden, reason: "Новый токен выдаётся только по логину и паролю, без заголовка Authorization.") }
        let body = try req.content.decode(TokenRequest.self)
        switch try await Authenticator.verify(login: body.login, password: body.password, on: req) {
        case .success(let user):
            if user.mustChangePassword { throw Abort(.forbidden, reason: "Сначала смените одноразовый пароль в профиле (/account), затем выпустите токен.") }
            let t = try await Authenticator.issueToken(for: user.id!, name: body.name ?? "API", days: 30, on: req.db, now: req.now)
            try await Audit.record(on: req.db, actor: user.id, actorLogin: user.login, action: .tokenIssued, entity: "user", id: user.id,
                                   label: user.login, municipalityID: nil, at: req.now)
            return TokenResponse(token: t, expiresInDays: 30)
        case .locked: throw Abort(.tooManyRequests, reason: "Слишком много неудачных попыток входа; вход временно заблокирован.")
        case .inactive: throw Abort(.forbidden, reason: "Учётная запись отключена.")
        case .invalid: throw Abort(.unauthorized, reason: "Неверный логин или пароль.")
        case .throttled: throw Abort(.tooManyRequests, reason: "Слишком много неудачных попыток входа с этого адреса; повторите позже.")
        }
    }

    @Sendable static func me(req: Request) async throws -> MeDTO {
        let u = try req.requireUser()
        return MeDTO(id: u.id, login: u.login, displayName: u.displayName, grants: u.principal.grants, personID: u.principal.personID)
    }

    @Sendable static func municipalities(req: Request) async throws -> [MunicipalityDTO] {
        let p = try req.principal()
        let scope = Access.schoolScope(p, .read)
        return try await Municipality.query(on: req.db).within(scope).sort(\.$name).all().map(MunicipalityDTO.init)
    }

    @Sendable static func schools(req: Request) async throws -> [SchoolDTO] {
        let p = try req.principal()
        guard Access.canListSchools(p) else { throw AppError.forbidden }
        let f = req.query(SchoolDirectory.Filter.self)
        let scope = Access.schoolScope(p, .read)
        let key = try req.userCacheKey("api-schools", f.items)
        return try await req.cached(key, dependsOnOptional: try await req.registryKeys(for: scope)) {
            try await SchoolDirectory.list(f, scope: scope, on: req.db).map { SchoolDTO($0.school) }
        }
    }

    @Sendable static func school(req: Request) async throws -> SchoolDTO {
        let s = try await SchoolsController.load(req)
        let statuses = try await SchoolStatus.query(on: req.db).filter(\.$school.$id == s.id!).sort(\.$year).all()
        return SchoolDTO(s, statuses: statuses)
    }

    @Sendable static func createSchool(req: Request) async throws -> Response {
        let input = try req.content.decode(SchoolInput.self)
        guard let mid = input.municipalityID, let m = try await Municipality.find(mid, on: req.db) else {
            throw AppError.validation([.init(field: "municipalityID", message: "Укажите municipalityID существующего муниципалитета.")])
        }
        guard Access.canCreateSchool(in: mid, regionID: m.$region.id, try req.principal()) else { throw AppError.forbidden }
        let s = try await SchoolRegistry.create(input.draft, municipality: m, isLeader: input.isLeader ?? false, req: req)
        let res = Response(status: .created)
        try res.content.encode(SchoolDTO(s))
        return res
    }

    @Sendable static func updateSchool(req: Request) async throws -> SchoolDTO {
        let s = try await SchoolsController.load(req, write: true)
        let input = try req.content.decode(SchoolInput.self)
        try await SchoolRegistry.update(s, with: input.draft, isLeader: input.isLeader ?? s.isLeader, req: req)
        return SchoolDTO(s)
    }

    @Sendable static func people(req: Request) async throws -> [PersonDTO] {
        let p = try req.principal()
        guard Access.canListPeople(p) else { throw AppError.forbidden }
        var q = Person.query(on: req.db).readable(by: p)
        if let s = req.query(PeopleQuery.self).school { q = q.filter(\.$school.$id == s) }
        return try await q.sort(\.$lastName).all().map(PersonDTO.init)
    }

    @Sendable static func person(req: Request) async throws -> PersonDTO { PersonDTO(try await PeopleController.load(req)) }

    static func organisation(_ input: PersonInput, _ req: Request) async throws -> PersonRegistry.Organisation {
        let p = try req.principal()
        if let sid = input.schoolID {
            guard let s = try await School.query(on: req.db).filter(\.$id == sid).with(\.$municipality).first() else {
                throw AppError.validation([.init(field: "schoolID", message: "Школа не найдена.")])
            }
            guard Access.personScope(p, .write).contains(s.place) else { throw AppError.forbidden }
            return .init(municipality: s.municipality, school: s)
        }
        guard let mid = input.municipalityID, let m = try await Municipality.find(mid, on: req.db) else {
            throw AppError.validation([.init(field: "municipalityID", message: "Укажите schoolID или municipalityID (для сотрудника центра).")])
        }
        let scope = Access.personScope(p, .write)
        guard scope.all || scope.municipalityIDs.contains(mid) else { throw AppError.forbidden }
        return .init(municipality: m, school: nil)
    }

    @Sendable static func createPerson(req: Request) async throws -> Response {
        let input = try req.content.decode(PersonInput.self)
        let person = try await PersonRegistry.save(input.draft, at: try await organisation(input, req), existing: nil, req: req)
        let res = Response(status: .created)
        try res.content.encode(PersonDTO(person))
        return res
    }

    @Sendable static func updatePerson(req: Request) async throws -> PersonDTO {
        let existing = try await PeopleController.load(req, write: true)
        let input = try req.content.decode(PersonInput.self)
        let org: PersonRegistry.Organisation = input.schoolID == nil && input.municipalityID == nil
            ? .init(municipality: existing.municipality, school: existing.school) : try await organisation(input, req)
        return PersonDTO(try await PersonRegistry.save(input.draft, at: org, existing: existing, req: req))
    }

    @Sendable static func audit(req: Request) async throws -> [AuditDTO] {
        let scope = Access.auditScope(try req.principal())
        guard !scope.isEmpty else { throw AppError.forbidden }
        var q = AuditEntry.query(on: req.db)
        if !scope.all { q = q.filter(\.$municipalityID ~~ Array(scope.municipalityIDs)) }
        return try await q.sort(\.$at, .descending).limit(200).all().map(AuditDTO.init)
    }
}

/// `GET /api/v1/people?school=`.
struct PeopleQuery: PageQuery {
    var school: UUID?
    static let keys = ["school"]
    init(_ q: QueryValues) { school = q.uuid("school") }
    var items: [String: String] { .query([("school", school?.uuidString)]) }
}
