@testable import App
import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@Suite("Sign-in, sessions, CSRF, lockout, tokens") struct AuthTests {
    func login(_ app: Application, _ login: String, _ password: String, csrf: String = "c1-0123456789abcdef") async throws -> TestingHTTPResponse {
        var out: TestingHTTPResponse!
        try await app.testing().test(.POST, "/login", headers: ["Cookie": "opora_csrf=\(csrf)", "Content-Type": "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "_csrf=\(csrf)&login=\(login)&password=\(password)&next=%2Fschools")) { out = $0 }
        return out
    }

    @Test func healthAnswers() async throws {
        try await withTestApp(demo: false) { app in
            try await app.testing().test(.GET, "/health") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("\"status\":\"ok\""))
            }
        }
    }

    @Test func loginPageSetsCSRFCookieAndAnonymousIsRedirected() async throws {
        try await withTestApp(demo: false) { app in
            try await app.testing().test(.GET, "/login") { res in
                #expect(res.status == .ok)
                let cookie = res.headers[.setCookie].joined()
                #expect(cookie.contains("opora_csrf="))
                #expect(cookie.contains("HttpOnly"))
                #expect(res.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'") == true)
                #expect(res.body.string.contains("lang=\"ru\""))
            }
            try await app.testing().test(.GET, "/schools") { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.hasPrefix("/login?next=") == true)
            }
            try await app.testing().test(.GET, "/api/v1/schools") { res in
                #expect(res.status == .unauthorized)
                #expect(res.body.string.contains("Войдите"))
            }
        }
    }

    @Test func passwordSignInStartsSessionAndLogoutEndsIt() async throws {
        try await withTestApp { app in
            let bad = try await login(app, "center", "wrong-password-1")
            #expect(bad.status == .unauthorized)
            #expect(bad.body.string.contains("Неверный логин или пароль"))
            let ok = try await login(app, "center", DemoSeeder.password)
            #expect(ok.status == .seeOther)
            #expect(ok.headers.first(name: .location) == "/schools")
            let setCookie = ok.headers[.setCookie].joined(separator: ";")
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Lax"))
            let token = try #require(ok.headers.setCookie?["opora_session"]?.string)
            #expect(try await UserSession.query(on: app.db).count() == 1)
            // The session table stores a hash, never the token itself.
            #expect(try await UserSession.query(on: app.db).first()?.tokenHash == Tokens.sha256(token))
            try await app.testing().test(.GET, "/", headers: ["Cookie": "opora_session=\(token)"]) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Специалист центра"))
            }
            try await app.testing().test(.POST, "/logout", headers: ["Cookie": "opora_session=\(token); opora_csrf=c1-0123456789abcdef", "Content-Type": "application/x-www-form-urlencoded"],
                                         body: ByteBuffer(string: "_csrf=c1-0123456789abcdef")) { res in #expect(res.status == .seeOther) }
            #expect(try await UserSession.query(on: app.db).count() == 0)
            try await app.testing().test(.GET, "/", headers: ["Cookie": "opora_session=\(token)"]) { res in #expect(res.status == .seeOther) }
            let actions = try await AuditEntry.query(on: app.db).filter(\.$userLogin == "center").all().map(\.action)
            #expect(actions.contains("login") && actions.contains("logout"))
        }
    }

    @Test func postWithoutMatchingCSRFIsRefused() async throws {
        try await withTestApp { app in
            let b = try await Browser.signIn("center", app)
            let res = try await b.post("/account/tokens", [("name", "x")], csrf: false)
            #expect(res.status == .forbidden)
            #expect(res.body.string.contains("Форма устарела"))
            #expect(try await ApiToken.query(on: app.db).count() == 0)
            let bad = try await login(app, "center", DemoSeeder.password, csrf: "") // no cookie value, no field
            #expect(bad.status == .forbidden)
        }
    }

    @Test func lockoutAfterFiveFailuresEvenForTheRightPassword() async throws {
        try await withTestApp { app in
            for _ in 0..<4 { #expect(try await login(app, "uo", "nope-12345").status == .unauthorized) }
            let fifth = try await login(app, "uo", "nope-12345")
            #expect(fifth.status == .tooManyRequests)
            #expect(fifth.body.string.contains("заблокирован"))
            let right = try await login(app, "uo", DemoSeeder.password)
            #expect(right.status == .tooManyRequests)
            // After the lockout passes, the right password works again.
            app.now = { Date().addingTimeInterval(16 * 60) }
            #expect(try await login(app, "uo", DemoSeeder.password).status == .seeOther)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "lockout").count() == 1)
        }
    }

    @Test func passwordChangeChecksCurrentAndRules() async throws {
        try await withTestApp { app in
            let b = try await Browser.signIn("teacher", app)
            let wrong = try await b.post("/account/password", [("current", "bad"), ("new", "short"), ("repeat", "other")])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("Текущий пароль введён неверно"))
            #expect(wrong.body.string.contains("не короче 8 символов"))
            #expect(wrong.body.string.contains("Пароли не совпадают"))
            let ok = try await b.post("/account/password", [("current", DemoSeeder.password), ("new", "novyj-parol-7"), ("repeat", "novyj-parol-7")])
            #expect(ok.status == .seeOther)
            #expect(try await login(app, "teacher", "novyj-parol-7").status == .seeOther)
        }
    }

    @Test func bearerTokensFromTheAPIAndInvalidTokens() async throws {
        try await withTestApp { app in
            var token = ""
            try await app.testing().test(.POST, "/api/v1/auth/token", beforeRequest: { req in
                try req.content.encode(["login": "region", "password": DemoSeeder.password])
            }, afterResponse: { res in
                #expect(res.status == .ok)
                token = try res.content.decode(TokenResponse.self).token
            })
            #expect(token.hasPrefix("opr_"))
            try await app.testing().test(.GET, "/api/v1/me", headers: ["Authorization": "Bearer \(token)"]) { res in
                #expect(res.status == .ok)
                #expect((try? res.content.decode(MeDTO.self))?.login == "region")
            }
            try await app.testing().test(.GET, "/api/v1/me", headers: ["Authorization": "Bearer opr_forged"]) { res in
                #expect(res.status == .unauthorized)
                #expect(res.body.string.contains("Токен доступа недействителен"))
            }
        }
    }
}
