import Vapor

/// Double-submit CSRF protection for every form post: an HttpOnly, SameSite=Strict
/// cookie holds a random token that the server also renders into each form as
/// `_csrf`; a POST whose field does not match is refused. API calls with a bearer
/// token carry no cookies and are exempt; API calls riding a session are not.
struct CSRFMiddleware: AsyncMiddleware {
    static let cookieName = "opora_csrf"
    static let fieldName = "_csrf"
    static let refused = Abort(.forbidden, reason: "Форма устарела или открыта в другом окне. Обновите страницу и отправьте её ещё раз — введённые данные сохранятся, если вернуться назад.")

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let existing = req.cookies[Self.cookieName].map(\.string).flatMap { $0.count >= 16 ? $0 : nil }
        let token = existing ?? Tokens.random()
        req.csrfToken = token
        // API calls without a session cookie (bearer tokens, the token endpoint) can't be forged by a browser.
        let apiWithoutSession = req.isAPI && req.cookies[AuthMiddleware.cookieName] == nil
        if req.method != .GET && req.method != .HEAD && req.headers.bearerAuthorization == nil && !apiWithoutSession {
            // Decide before reading the body: without the cookie no body can carry a valid token,
            // so an anonymous post is refused without buffering up to the upload limit.
            guard let existing else { throw Self.refused }
            var sent = req.headers.first(name: "X-CSRF-Token")
            if sent == nil {
                let limit = RoutePermissions.isUpload(req.route) ? RoutePermissions.uploadBodyLimit : RoutePermissions.formBodyLimit
                if req.body.data == nil { _ = try await req.body.collect(max: limit).get() }
                sent = try? req.content.get(String.self, at: Self.fieldName)
            }
            guard let sent, Self.equal(existing, sent) else { throw Self.refused }
        }
        let response = try await next.respond(to: req)
        if existing == nil {
            response.cookies[Self.cookieName] = HTTPCookies.Value(string: token, path: "/", isSecure: req.config.secureCookies, isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }

    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Request {
    private struct CSRFKey: StorageKey { typealias Value = String }
    var csrfToken: String {
        get { storage[CSRFKey.self] ?? "" }
        set { storage[CSRFKey.self] = newValue }
    }
}
