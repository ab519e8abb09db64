import Vapor
import Fluent
import Views
import Domain

enum AuthController {
    @Sendable static func loginPage(req: Request) async throws -> Response {
        if req.currentUser != nil { return req.redirect(to: SiteURL.home) }
        let next = (try? req.query.get(String.self, at: "next")) ?? SiteURL.home.path
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
        case .throttled(let until):
            return fail("Слишком много неудачных попыток входа с этого адреса. Повторите после \(RuFormat.dateTime(until, timeZone: req.timeZone)).", .tooManyRequests)
        case .success(let user):
            let token = try await Authenticator.startSession(for: user, on: req)
            try await Audit.record(on: req.db, actor: user.id, actorLogin: user.login, action: .login, entity: "user", id: user.id,
                                   label: user.login, municipalityID: nil, at: req.now)
            let res = req.redirect(to: user.mustChangePassword ? SiteURL.account.path : next)
            res.cookies[AuthMiddleware.cookieName] = Authenticator.sessionCookie(token, req)
            return res
        }
    }

    /// Only local paths: an open redirect would hand users to another site.
    /// A path only: printable ASCII after one leading slash (browsers drop tabs and newlines,
    /// so "/\t/evil.example" would otherwise become "//evil.example").
    static func safeNext(_ next: String) -> String {
        let printable = next.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" }
        return printable && next.hasPrefix("/") && !next.hasPrefix("//") ? next : "/"
    }

    @Sendable static func logout(req: Request) async throws -> Response {
        if let user = req.currentUser, case .session(let sid) = user.via {
            try await UserSession.query(on: req.db).filter(\.$id == sid).delete()
            req.signInsChanged()
            try await Audit.record(req, .logout, entity: "user", id: user.id, label: user.login, municipalityID: nil)
        }
        let res = req.redirect(to: SiteURL.login())
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
            personURL: user.$person.id.map { SiteURL.person($0.uuidString).path }, errors: errors, newToken: newToken,
            tokens: tokens.map { t in
                AccountView.Token(name: t.name, created: t.createdAt.map { RuFormat.date($0, timeZone: tz) } ?? "—",
                                  expires: t.expiresAt.map { RuFormat.date($0, timeZone: tz) } ?? "—",
                                  lastUsed: t.lastUsedAt.map { RuFormat.dateTime($0, timeZone: tz) } ?? "не использовался",
                                  revokeURL: SiteURL.accountTokenRevoke(t.id!.uuidString).path)
            },
            csrf: req.csrfToken, mustChange: user.mustChangePassword)
        return req.page("Профиль", section: nil, crumbs: [Crumb("Обзор", SiteURL.home.path), Crumb("Профиль")], status: status, AccountView.body(model))
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
        let keep: UUID? = if case .session(let sid) = me.via { sid } else { nil }
        try await req.db.transaction { db in
            try await user.update(on: db)
            // A changed password ends what the old one opened: every token and every other session.
            try await Authenticator.revokeAccess(of: me.id, keepingSession: keep, on: db, app: req.application)
            try await Audit.record(req, on: db, .passwordChange, entity: "user", id: user.id, label: user.login, municipalityID: nil)
        }
        req.signInsChanged()
        return req.redirect(.account, flash: "Пароль изменён. Токены API отозваны, другие сеансы завершены.")
    }

    @Sendable static func issueToken(req: Request) async throws -> Response {
        let me = try req.requireUser()
        // A token can't mint tokens: only a signed-in person, with a password of their own.
        guard case .session = me.via, !me.mustChangePassword else { throw AppError.forbidden }
        let form = FormFields(req)
        let name = form["name"]
        var errors: [FieldError] = []
        if name.isEmpty { errors.append(.init(field: "name", message: "Укажите название токена.")) }
        let days = Int(form["days"])
        if days == nil || !(1...AccountView.maxTokenDays).contains(days!) {
            errors.append(.init(field: "days", message: "Срок — целое число дней от 1 до \(AccountView.maxTokenDays)."))
        }
        guard errors.isEmpty, let days else { return try await accountPage(req, errors: errors, newToken: nil, status: .unprocessableEntity) }
        let token = try await Authenticator.issueToken(for: me.id, name: name, days: days, on: req.db, now: req.now)
        try await Audit.record(req, .tokenIssued, entity: "user", id: me.id, label: "\(me.login): \(name)", municipalityID: nil)
        return try await accountPage(req, errors: [], newToken: token)
    }

    @Sendable static func revokeToken(req: Request) async throws -> Response {
        let me = try req.requireUser()
        guard let token = try await ApiToken.query(on: req.db).filter(\.$id == req.id()).filter(\.$user.$id == me.id).first() else {
            throw AppError.notFound("Токен")
        }
        try await req.db.transaction { db in
            try await token.delete(on: db)
            try await Audit.record(req, on: db, .tokenRevoked, entity: "user", id: me.id, label: "\(me.login): \(token.name)", municipalityID: nil)
        }
        req.signInsChanged()
        return req.redirect(.account, flash: "Токен «\(token.name)» отозван.")
    }
}
