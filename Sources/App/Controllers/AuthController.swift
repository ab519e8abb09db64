import Vapor
import Fluent
import Views
import Domain

enum AuthController {
    @Sendable static func loginPage(req: Request) async throws -> Response {
        if req.currentUser != nil { return req.redirect(to: "/") }
        let next = (try? req.query.get(String.self, at: "next")) ?? "/"
        return req.page("Вход в систему «Опора»", section: nil, LoginView.body(login: "", next: next, error: nil, csrf: req.csrfToken))
    }

    @Sendable static func login(req: Request) async throws -> Response {
        let form = FormFields(req)
        let login = form["login"], next = safeNext(form["next"])
        func fail(_ message: String, _ status: HTTPStatus) -> Response {
            req.page("Вход в систему «Опора»", section: nil, status: status,
                     LoginView.body(login: login, next: next, error: message, csrf: req.csrfToken))
        }
        switch try await Authenticator.verify(login: login, password: form.values["password"]?.first ?? "", on: req) {
        case .invalid: return fail("Неверный логин или пароль. Проверьте раскладку клавиатуры и Caps Lock.", .unauthorized)
        case .inactive: return fail("Учётная запись отключена. Обратитесь к администратору.", .forbidden)
        case .locked(let until):
            return fail("Слишком много неудачных попыток входа. Вход заблокирован до \(RuFormat.dateTime(until, timeZone: req.timeZone)); затем попробуйте снова или попросите администратора сбросить пароль.", .tooManyRequests)
        case .success(let user):
            let token = try await Authenticator.startSession(for: user, on: req)
            try await Audit.record(on: req.db, actor: user.id, actorLogin: user.login, action: .login, entity: "user", id: user.id,
                                   label: user.login, municipalityID: nil, at: req.now)
            let res = req.redirect(to: user.mustChangePassword ? "/account" : next)
            res.cookies[AuthMiddleware.cookieName] = Authenticator.sessionCookie(token, req)
            return res
        }
    }

    /// Only local paths: an open redirect would hand users to another site.
    static func safeNext(_ next: String) -> String {
        next.hasPrefix("/") && !next.hasPrefix("//") && !next.contains("\\") ? next : "/"
    }

    @Sendable static func logout(req: Request) async throws -> Response {
        if let user = req.currentUser, case .session(let sid) = user.via {
            try await UserSession.query(on: req.db).filter(\.$id == sid).delete()
            try await Audit.record(req, .logout, entity: "user", id: user.id, label: user.login, municipalityID: nil)
        }
        let res = req.redirect(to: "/login")
        res.cookies[AuthMiddleware.cookieName] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", isHTTPOnly: true)
        return res
    }

    @Sendable static func account(req: Request) async throws -> Response {
        try await accountPage(req, errors: [], newToken: nil)
    }

    static func accountPage(_ req: Request, errors: [FieldError], newToken: String?, status: HTTPStatus = .ok) async throws -> Response {
        let me = try req.requireUser()
        guard let user = try await User.find(me.id, on: req.db) else { throw Abort(.unauthorized) }
        let tokens = try await ApiToken.query(on: req.db).filter(\.$user.$id == me.id).sort(\.$createdAt, .descending).all()
        let tz = req.timeZone
        let model = AccountView.Model(
            details: [("Логин", user.login), ("Имя", user.displayName), ("Роли", Navigation.roleTitle(me.principal)),
                      ("Последний вход", user.lastLoginAt.map { RuFormat.dateTime($0, timeZone: tz) } ?? "—")],
            personURL: user.$person.id.map { "/people/\($0)" }, errors: errors, newToken: newToken,
            tokens: tokens.map { (name: $0.name, created: $0.createdAt.map { RuFormat.date($0, timeZone: tz) } ?? "—",
                                  expires: $0.expiresAt.map { RuFormat.date($0, timeZone: tz) } ?? "бессрочно") },
            csrf: req.csrfToken, mustChange: user.mustChangePassword)
        return req.page("Профиль", section: nil, crumbs: [Crumb("Обзор", "/"), Crumb("Профиль")], status: status, AccountView.body(model))
    }

    @Sendable static func changePassword(req: Request) async throws -> Response {
        let me = try req.requireUser()
        let form = FormFields(req)
        guard let user = try await User.find(me.id, on: req.db) else { throw Abort(.unauthorized) }
        let current = form.values["current"]?.first ?? "", new = form.values["new"]?.first ?? "", repeated = form.values["repeat"]?.first ?? ""
        var errors: [FieldError] = []
        if !(try await Authenticator.hashCheck(current, user.passwordHash, req)) {
            errors.append(.init(field: "current", message: "Текущий пароль введён неверно."))
        }
        if let problem = Authenticator.passwordProblem(new) { errors.append(.init(field: "new", message: problem)) }
        if new != repeated { errors.append(.init(field: "repeat", message: "Пароли не совпадают: введите новый пароль дважды одинаково.")) }
        if !errors.isEmpty { return try await accountPage(req, errors: errors, newToken: nil, status: .unprocessableEntity) }
        user.passwordHash = try await Authenticator.hash(new, app: req.application)
        user.mustChangePassword = false
        try await user.update(on: req.db)
        try await Audit.record(req, .passwordChange, entity: "user", id: user.id, label: user.login, municipalityID: nil)
        return req.redirect("/account", flash: "Пароль изменён.")
    }

    @Sendable static func issueToken(req: Request) async throws -> Response {
        let me = try req.requireUser()
        let form = FormFields(req)
        let name = form["name"]
        guard !name.isEmpty else {
            return try await accountPage(req, errors: [.init(field: "name", message: "Укажите название токена.")], newToken: nil, status: .unprocessableEntity)
        }
        let days = Int(form["days"]).map { max(1, min($0, 3650)) }
        let token = try await Authenticator.issueToken(for: me.id, name: name, days: days, on: req.db, now: req.now)
        try await Audit.record(req, .tokenIssued, entity: "user", id: me.id, label: "\(me.login): \(name)", municipalityID: nil)
        return try await accountPage(req, errors: [], newToken: token)
    }
}
