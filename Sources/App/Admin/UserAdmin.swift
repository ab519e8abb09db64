import Vapor
import Fluent
import Domain

/// Users, their role grants and passwords: shared by the admin pages, the API and the CLI.
enum UserAdmin {
    static func validateLogin(_ login: String) -> String? {
        let ok = (3...40).contains(login.count) && login.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "." || $0 == "-" || $0 == "_" }
        return ok ? nil : "Логин — от 3 до 40 символов: латинские буквы, цифры, точка, дефис, подчёркивание."
    }

    /// Checks that a grant carries the scope its role needs, and the person roles a person card.
    static func validate(_ g: Grant, personID: UUID?) -> [FieldError] {
        switch g.role.scopeKind {
        case .region where g.regionID == nil: [.init(field: "region_id", message: "Для роли «\(g.role.title)» выберите регион.")]
        case .municipality where g.municipalityID == nil: [.init(field: "municipality_id", message: "Для роли «\(g.role.title)» выберите муниципалитет.")]
        case .school where g.schoolID == nil: [.init(field: "school_id", message: "Для роли «\(g.role.title)» выберите школу.")]
        case .person where personID == nil: [.init(field: "person_id", message: "Роль «\(g.role.title)» видит то, что закреплено за человеком: выберите карточку человека.")]
        default: []
        }
    }

    /// The checks that need the database: the scope exists (a stale or forged id is a field
    /// error, not a foreign-key failure), the person exists, and the user doesn't hold it already.
    static func validateInDatabase(_ g: Grant, personID: UUID?, userID: UUID?, on db: any Database) async throws -> [FieldError] {
        let g = normalized(g)
        var errors: [FieldError] = []
        if let id = g.regionID, try await Region.find(id, on: db) == nil {
            errors.append(.init(field: "region_id", message: "Регион не найден: выберите его из списка."))
        }
        if let id = g.municipalityID, try await Municipality.find(id, on: db) == nil {
            errors.append(.init(field: "municipality_id", message: "Муниципалитет не найден: выберите его из списка."))
        }
        if let id = g.schoolID, try await School.find(id, on: db) == nil {
            errors.append(.init(field: "school_id", message: "Школа не найдена: выберите её из списка."))
        }
        if let personID, try await Person.find(personID, on: db) == nil {
            errors.append(.init(field: "person_id", message: "Карточка человека не найдена: выберите её из списка."))
        }
        if let userID, errors.isEmpty {
            let held = try await RoleGrant.query(on: db).filter(\.$user.$id == userID).all().compactMap(\.grant)
            if held.contains(g) { errors.append(.init(field: "role", message: "Эта роль с этой областью у пользователя уже есть.")) }
        }
        return errors
    }

    /// Keeps only the id the role's scope uses, so a grant can't silently widen.
    static func normalized(_ g: Grant) -> Grant {
        switch g.role.scopeKind {
        case .none, .person: Grant(role: g.role)
        case .region: Grant(role: g.role, regionID: g.regionID)
        case .municipality: Grant(role: g.role, municipalityID: g.municipalityID)
        case .school: Grant(role: g.role, schoolID: g.schoolID)
        }
    }

    static func create(login: String, displayName: String, personID: UUID?, grants: [Grant], password: String,
                       mustChange: Bool, app: Application, on db: any Database) async throws -> User {
        let user = User(login: login.lowercased(), passwordHash: try await Authenticator.hash(password, app: app), displayName: displayName,
                        personID: personID, mustChangePassword: mustChange)
        try await user.create(on: db)
        for g in grants { try await RoleGrant(userID: user.id!, grant: normalized(g)).create(on: db) }
        return user
    }

    static func grantTitle(_ g: RoleGrant, names: [UUID: String]) -> String {
        let role = Role(rawValue: g.role)?.title ?? g.role
        let scope = [g.regionID, g.municipalityID, g.schoolID].compactMap { $0.flatMap { names[$0] } }.first
        return scope.map { "\(role) — \($0)" } ?? role
    }
}
