import Vapor
import Fluent
import Views
import Domain

enum AdminUsersController {
    static let crumbs = [Crumb("Обзор", SiteURL.home.path), Crumb("Администрирование", SiteURL.admin.path), Crumb("Пользователи", SiteURL.adminUsers.path)]

    static func requireAdmin(_ req: Request) throws {
        guard Access.canManageUsers(try req.principal()) else { throw AppError.forbidden }
    }

    static func scopeNames(_ req: Request) async throws -> [UUID: String] {
        var names: [UUID: String] = [:]
        for r in try await Region.query(on: req.db).all() { names[r.id!] = r.name }
        for m in try await Municipality.query(on: req.db).all() { names[m.id!] = m.name }
        for s in try await School.query(on: req.db).all() { names[s.id!] = s.shortName }
        return names
    }

    static func options(_ req: Request) async throws -> GrantFields.Options {
        GrantFields.Options(
            regions: try await Region.query(on: req.db).sort(\.$name).all().map { Views.Option($0.id!.uuidString, $0.name) },
            municipalities: try await Municipality.query(on: req.db).sort(\.$name).all().map { Views.Option($0.id!.uuidString, $0.name) },
            schools: try await School.query(on: req.db).with(\.$municipality).sort(\.$shortName).all().map { Views.Option($0.id!.uuidString, "\($0.shortName) (\($0.municipality.name))") },
            people: try await Person.query(on: req.db).with(\.$municipality).sort(\.$lastName).all().map { Views.Option($0.id!.uuidString, "\($0.fullName) (\($0.municipality.name))") })
    }

    @Sendable static func index(req: Request) async throws -> Response {
        try requireAdmin(req)
        let users = try await User.query(on: req.db).with(\.$grants).sort(\.$login).all()
        let names = try await scopeNames(req)
        let rows = users.map { u in
            UsersIndex.Row(id: u.id!.uuidString, login: u.login, name: u.displayName,
                           roles: u.grants.map { UserAdmin.grantTitle($0, names: names) }.joined(separator: "; "), active: u.isActive,
                           lastLogin: u.lastLoginAt.map { RuFormat.dateTime($0, timeZone: req.timeZone) } ?? "—")
        }
        return req.page("Пользователи", section: .admin, crumbs: Array(crumbs.prefix(2)) + [Crumb("Пользователи")],
                        actions: Components.buttonLink("Создать пользователя", SiteURL.adminUserNew.path, primary: true), UsersIndex.body(rows))
    }

    @Sendable static func new(req: Request) async throws -> Response {
        try requireAdmin(req)
        return req.page("Новый пользователь", section: .admin, crumbs: crumbs + [Crumb("Новый")],
                        UserNewView.body(options: try await options(req), values: [:], errors: [], csrf: req.csrfToken))
    }

    static func grant(_ f: FormFields) -> Grant? {
        Role(rawValue: f["role"]).map { Grant(role: $0, regionID: f.uuid("region_id"), municipalityID: f.uuid("municipality_id"), schoolID: f.uuid("school_id")) }
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try requireAdmin(req)
        let f = FormFields(req)
        let login = f["login"].lowercased()
        var errors: [FieldError] = []
        if let problem = UserAdmin.validateLogin(login) { errors.append(.init(field: "login", message: problem)) }
        else if try await User.query(on: req.db).filter(\.$login == login).first() != nil {
            errors.append(.init(field: "login", message: "Логин «\(login)» уже занят."))
        }
        if f["display_name"].isEmpty { errors.append(.init(field: "display_name", message: "Укажите имя для показа, например «Иванова А. П.».")) }
        let g = grant(f)
        if let g {
            errors += UserAdmin.validate(g, personID: f.uuid("person_id"))
            if errors.isEmpty { errors += try await UserAdmin.validateInDatabase(g, personID: f.uuid("person_id"), userID: nil, on: req.db) }
        } else { errors.append(.init(field: "role", message: "Выберите роль.")) }
        guard errors.isEmpty, let g else {
            return req.page("Новый пользователь", section: .admin, crumbs: crumbs + [Crumb("Новый")], status: .unprocessableEntity,
                            UserNewView.body(options: try await options(req), values: f.flat, errors: errors, csrf: req.csrfToken))
        }
        let password = Tokens.password()
        let user = try await req.db.transaction { db in
            let u = try await UserAdmin.create(login: login, displayName: f["display_name"], personID: f.uuid("person_id"), grants: [g],
                                               password: password, mustChange: true, app: req.application, on: db)
            try await Audit.record(req, on: db, .create, entity: "user", id: u.id, label: u.login, municipalityID: g.municipalityID,
                                   after: ["login": u.login, "role": g.role.rawValue])
            return u
        }
        return try await showPage(req, user: user, newPassword: password, errors: [])
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try requireAdmin(req)
        guard let user = try await User.find(req.id(), on: req.db) else { throw AppError.notFound("Пользователь") }
        return try await showPage(req, user: user, newPassword: nil, errors: [])
    }

    static func showPage(_ req: Request, user: User, newPassword: String?, errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let grants = try await RoleGrant.query(on: req.db).filter(\.$user.$id == user.id!).all()
        let names = try await scopeNames(req)
        let person = try await user.$person.get(on: req.db)
        let model = UserShowView.Model(
            id: user.id!.uuidString,
            details: [("Логин", user.login), ("Имя", user.displayName), ("Карточка человека", person?.fullName ?? "—"),
                      ("Состояние", user.isActive ? "активен" : "отключён"),
                      ("Блокировка входа", user.lockedUntil.map { $0 > req.now ? "до " + RuFormat.dateTime($0, timeZone: req.timeZone) : "нет" } ?? "нет"),
                      ("Последний вход", user.lastLoginAt.map { RuFormat.dateTime($0, timeZone: req.timeZone) } ?? "—")],
            grants: grants.map { (title: UserAdmin.grantTitle($0, names: names), deleteURL: SiteURL.adminUserGrantDelete(user.id!.uuidString, $0.id!.uuidString).path) },
            active: user.isActive, newPassword: newPassword, options: try await options(req), errors: errors, csrf: req.csrfToken)
        return req.page("Пользователь \(user.login)", section: .admin, crumbs: crumbs + [Crumb(user.login)], status: status, UserShowView.body(model))
    }

    @Sendable static func addGrant(req: Request) async throws -> Response {
        try requireAdmin(req)
        guard let user = try await User.find(req.id(), on: req.db) else { throw AppError.notFound("Пользователь") }
        let f = FormFields(req)
        guard let g = grant(f) else { return try await showPage(req, user: user, newPassword: nil, errors: [.init(field: "role", message: "Выберите роль.")], status: .unprocessableEntity) }
        var errors = UserAdmin.validate(g, personID: user.$person.id)
        if errors.isEmpty { errors += try await UserAdmin.validateInDatabase(g, personID: nil, userID: user.id, on: req.db) }
        guard errors.isEmpty else { return try await showPage(req, user: user, newPassword: nil, errors: errors, status: .unprocessableEntity) }
        let row = RoleGrant(userID: user.id!, grant: UserAdmin.normalized(g))
        try await req.db.transaction { db in
            try await row.create(on: db)
            try await Audit.record(req, on: db, .update, entity: "user", id: user.id, label: user.login, municipalityID: g.municipalityID,
                                   after: ["grant_added": g.role.rawValue])
        }
        req.signInsChanged()
        return req.redirect(.adminUser(user.id!.uuidString), flash: "Роль добавлена.")
    }

    @Sendable static func deleteGrant(req: Request) async throws -> Response {
        try requireAdmin(req)
        guard let row = try await RoleGrant.query(on: req.db).filter(\.$id == req.id("gid")).filter(\.$user.$id == req.id()).first() else {
            throw AppError.notFound("Роль")
        }
        if row.role == Role.admin.rawValue {
            // Nobody locks the system out of its own administration.
            if row.$user.id == req.currentUser?.id {
                throw AppError.badRequest("Нельзя отозвать роль администратора у собственной учётной записи: попросите другого администратора.")
            }
            if try await RoleGrant.query(on: req.db).filter(\.$role == Role.admin.rawValue).count() <= 1 {
                throw AppError.badRequest("Это последняя роль администратора в системе: сначала выдайте её другому пользователю.")
            }
        }
        try await req.db.transaction { db in
            try await row.delete(on: db)
            try await Audit.record(req, on: db, .update, entity: "user", id: row.$user.id, label: "роль отозвана", municipalityID: row.municipalityID,
                                   before: ["grant": row.role])
        }
        req.signInsChanged()
        return req.redirect(.adminUser(row.$user.id.uuidString), flash: "Роль отозвана.")
    }

    @Sendable static func resetPassword(req: Request) async throws -> Response {
        try requireAdmin(req)
        guard let user = try await User.find(req.id(), on: req.db) else { throw AppError.notFound("Пользователь") }
        let password = Tokens.password()
        user.passwordHash = try await Authenticator.hash(password, app: req.application)
        user.mustChangePassword = true
        user.failedAttempts = 0
        user.lockedUntil = nil
        try await req.db.transaction { db in
            try await user.update(on: db)
            try await Authenticator.revokeAccess(of: user.id!, keepingSession: nil, on: db, app: req.application)
            try await Audit.record(req, on: db, .passwordReset, entity: "user", id: user.id, label: user.login, municipalityID: nil)
        }
        req.signInsChanged()
        return try await showPage(req, user: user, newPassword: password, errors: [])
    }

    @Sendable static func toggle(req: Request) async throws -> Response {
        try requireAdmin(req)
        guard let user = try await User.find(req.id(), on: req.db) else { throw AppError.notFound("Пользователь") }
        guard user.id != req.currentUser?.id else { throw AppError.badRequest("Нельзя отключить собственную учётную запись.") }
        user.isActive.toggle()
        try await req.db.transaction { db in
            try await user.update(on: db)
            if !user.isActive { try await UserSession.query(on: db).filter(\.$user.$id == user.id!).delete() }
            try await Audit.record(req, on: db, .update, entity: "user", id: user.id, label: user.login, municipalityID: nil,
                                   after: ["is_active": user.isActive])
        }
        req.signInsChanged()
        return req.redirect(.adminUser(user.id!.uuidString), flash: user.isActive ? "Пользователь включён." : "Пользователь отключён.")
    }
}
