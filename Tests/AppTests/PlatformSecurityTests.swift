@testable import App
import Domain
import DemoData
import Fluent
import Foundation
import Importing
import Testing
import Vapor
import VaporTesting

/// The defects of issue 9 found when the system was tried as an attacker would; each test
/// failed before its fix.
@Suite("Platform: permissions and security defects") struct PlatformSecurityTests {
    func center(_ app: Application) async throws -> (Municipality, ImportActor) {
        let user = try await Fixture.user("center", app)
        let principal = try await PrincipalLoader.load(user, on: app.db)
        let m = try #require(try await Municipality.query(on: app.db).filter(\.$code == DemoCatalog.municipalities[0].code).first())
        return (m, ImportActor(userID: user.id, login: user.login, principal: principal))
    }

    /// Every registered route declares a permission; a route added without one is found.
    @Test func everyRouteDeclaresAPermission() async throws {
        try await withTestApp(demo: false) { app in
            #expect(RoutePermissions.undeclared(in: app.routes).isEmpty, "\(RoutePermissions.undeclared(in: app.routes))")
            #expect(app.routes.all.count > 80)
            // A route registered the plain Vapor way is reported and refused (fail closed).
            app.get("forgotten") { _ in "secret" }
            #expect(RoutePermissions.undeclared(in: app.routes) == ["GET /forgotten"])
        }
    }

    /// The role × route matrix comes from the same table the server enforces.
    @Test func routeMatrixIsGeneratedFromTheTable() async throws {
        try await withTestApp(demo: false) { app in
            let rows = RouteMatrix.rows(app.routes)
            let users = try #require(rows.first { $0.method == "GET" && $0.path == "/admin/users" })
            #expect(users.permission == "manageUsers")
            #expect(users.roles == ["admin"])
            let refs = try #require(rows.first { $0.method == "POST" && $0.path == "/monitoring/references" })
            #expect(refs.roles == ["admin", "regional_coordinator"])
            let login = try #require(rows.first { $0.method == "POST" && $0.path == "/login" })
            #expect(login.roles == ["(без входа)"])
            #expect(!rows.contains { $0.title == "НЕ ОБЪЯВЛЕНО" })
        }
    }

    @Test func routeWithoutPermissionIsRefused() async throws {
        try await withTestApp { app in
            app.get("forgotten") { _ in "secret" }
            let res = try await Browser.signIn("admin", app).get("/forgotten")
            #expect(res.status == .forbidden)
            #expect(!res.body.string.contains("secret"))
        }
    }

    /// A center specialist's staff file must not overwrite or move a person of another municipality.
    @Test func staffImportCannotTouchAnotherMunicipalitysPerson() async throws {
        try await withTestApp { app in
            let (m, actor) = try await center(app)
            let len = try await Fixture.school("LEN-002", app)
            let victim = try #require(try await Person.query(on: app.db).filter(\.$school.$id == len.id!).first())
            let csv = """
            Код сотрудника;Фамилия;Имя;Отчество;Код школы;Должность;Роли;Предметы;Квалификационная категория
            \(victim.staffCode);Захватов;Иван;;ARM-006;Учитель;учитель;Русский язык;первая
            """
            let out = try await ImportPipeline.handle(.staff, .data(Data(csv.utf8)), fileName: "s.csv", scope: .municipality(m), defaultYear: nil, actor: actor, jobID: nil, on: app.db)
            #expect(out.errors.count == 1, "\(out.errors.map(\.text))")
            #expect(out.errors.first?.row == 2)
            #expect(out.errors.first?.column == "Код сотрудника")
            #expect(out.errors.first?.text.contains("другой организации") == true)
            #expect(out.errors.first?.text.contains(victim.lastName) == false, "the other person's name is not revealed")
            let after = try #require(try await Person.find(victim.id, on: app.db))
            #expect(after.lastName == victim.lastName)
            #expect(after.$municipality.id == victim.$municipality.id)
            #expect(after.$school.id == len.id)
        }
    }

    /// The form's "code already used" message names the person only to those who may read them.
    @Test func codeTakenMessageHidesStrangersName() async throws {
        try await withTestApp { app in
            let len = try await Fixture.school("LEN-002", app)
            let stranger = try #require(try await Person.query(on: app.db).filter(\.$school.$id == len.id!).first())
            let arm = try await Fixture.school("ARM-006", app)
            let b = try await Browser.signIn("center", app)
            let res = try await b.post("/people", [("staff_code", stranger.staffCode), ("last_name", "Новиков"), ("first_name", "Пётр"),
                                                   ("organisation", arm.id!.uuidString), ("functions", "teacher")])
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("уже занят сотрудником другой организации"))
            #expect(!res.body.string.contains(stranger.lastName))
            #expect(res.body.string.contains("Новиков"), "what was entered stays in the form")
        }
    }

    /// Regional reference values are written only by the region (or an admin).
    @Test func centerCannotChangeRegionalReference() async throws {
        try await withTestApp { app in
            let (m, _) = try await center(app)
            let fields = [("subject", "russian"), ("year", "2025"), ("value", "70,5")]
            let byCenter = try await Browser.signIn("center", app).post("/monitoring/references?municipality=\(m.id!)&year=2025", fields)
            #expect(byCenter.status == .forbidden)
            #expect(try await ReferenceValue.query(on: app.db).filter(\.$source == "введено: center").count() == 0)
            let byRegion = try await Browser.signIn("region", app).post("/monitoring/references?municipality=\(m.id!)&year=2025", fields)
            #expect(byRegion.status == .seeOther)
            #expect(try await ReferenceValue.query(on: app.db).filter(\.$source == "введено: region").count() == 1)
        }
    }

    /// A school's administration edits its card but not the codes result files are matched on.
    @Test func schoolAdminCannotChangeMatchingIdentifiers() async throws {
        try await withTestApp { app in
            let schoolUser = try await Fixture.user("school", app)
            let grant = try #require(try await RoleGrant.query(on: app.db).filter(\.$user.$id == schoolUser.id!).first())
            let school = try #require(try await School.find(grant.schoolID, on: app.db))
            var d = school.draft
            let b = try await Browser.signIn("school", app)
            let form = try await b.get("/schools/\(school.id!)/edit")
            #expect(form.body.string.contains("readonly"))
            d.phone = "+7 (861) 000-00-00"
            d.giaCode = "999999"
            let res = try await b.post("/schools/\(school.id!)", Self.fields(d))
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("меняет муниципальный центр"))
            d.giaCode = school.giaCode ?? ""
            let ok = try await b.post("/schools/\(school.id!)", Self.fields(d))
            #expect(ok.status == .seeOther)
            let after = try #require(try await School.find(school.id, on: app.db))
            #expect(after.phone == "+7 (861) 000-00-00")
            #expect(after.giaCode == school.giaCode)
            #expect(after.code == school.code)
            #expect(after.isLeader == school.isLeader)
        }
    }

    static func fields(_ d: SchoolDraft) -> [(String, String)] {
        typealias F = SchoolDraft.Field
        return [(F.code, d.code), (F.fullName, d.fullName), (F.shortName, d.shortName), (F.kind, d.kind), (F.legalForm, d.legalForm),
                (F.directorName, d.directorName), (F.address, d.address), (F.phone, d.phone), (F.email, d.email),
                (F.fisOkoLogin, d.fisOkoLogin), (F.giaCode, d.giaCode)]
    }

    /// An expert reads an assigned school's card but not its staff list.
    @Test func expertSeesSchoolButNotItsStaff() async throws {
        try await withTestApp { app in
            let expert = try await Fixture.user("expert", app)
            let assignment = try #require(try await Assignment.query(on: app.db).filter(\.$person.$id == expert.$person.id!)
                .filter(\.$kind == "expert_school").first())
            let school = try #require(try await School.find(assignment.$school.id, on: app.db))
            // A teacher of the school who is not named on the card otherwise (director, assignments).
            let named = Set(try await Assignment.query(on: app.db).filter(\.$school.$id == school.id!).all().compactMap { $0.$person.id })
            let staff = try #require(try await Person.query(on: app.db).filter(\.$school.$id == school.id!).sort(\.$lastName).all()
                .first { !named.contains($0.id!) && $0.fullName != school.directorName && !$0.functionSet.contains(.director) })
            let res = try await Browser.signIn("expert", app).get("/schools/\(school.id!)")
            #expect(res.status == .ok)
            #expect(!res.body.string.contains(staff.fullName))
            let byCenter = try await Browser.signIn("center", app).get("/schools/\(school.id!)")
            #expect(byCenter.body.string.contains(staff.fullName))
        }
    }

    /// `next` after sign-in is a local path only: a tab or newline must not turn it into "//host".
    @Test func signInRedirectAcceptsAPathOnly() {
        #expect(AuthController.safeNext("/schools?year=2025") == "/schools?year=2025")
        for bad in ["//evil.example", "/\t/evil.example", "/\n/evil.example", "/\\evil.example", "https://evil.example", "/\u{0}x", "/школы"] {
            #expect(AuthController.safeNext(bad) == "/", "\(bad.debugDescription)")
        }
    }

    /// An anonymous post without the CSRF cookie is refused before its body is read.
    @Test func anonymousPostIsRefusedBeforeTheBody() async throws {
        try await withTestApp(demo: false) { app in
            let big = ByteBuffer(repeating: UInt8(ascii: "a"), count: 3 * 1024 * 1024)
            // A real server on loopback: bodies stream in, as from a browser.
            let server = try app.testing(method: .running(port: 0))
            try await server.test(.POST, "/login", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: big) { res in
                #expect(res.status == .forbidden)
            }
            // With a cookie, an ordinary form post is limited to 1 MB (only uploads take more).
            try await server.test(.POST, "/login", headers: ["Cookie": "opora_csrf=c1-0123456789abcdef",
                                                                    "Content-Type": "application/x-www-form-urlencoded"], body: big) { res in
                #expect(res.status == .payloadTooLarge)
            }
        }
    }

    /// Twenty failures from one address stop further checks from it, whatever the login.
    @Test func perAddressLimiterStopsGuessingAcrossLogins() async throws {
        try await withTestApp { app in
            app.loginThrottle = LoginThrottle(limit: 3, window: 600)
            let csrf = "c1-0123456789abcdef"
            func attempt(_ login: String, _ password: String) async throws -> HTTPStatus {
                var status = HTTPStatus.ok
                try await app.testing().test(.POST, "/login", headers: ["Cookie": "opora_csrf=\(csrf)", "Content-Type": "application/x-www-form-urlencoded"],
                                             body: ByteBuffer(string: "_csrf=\(csrf)&login=\(login)&password=\(password)")) { status = $0.status }
                return status
            }
            #expect(try await attempt("center", "x1") == .unauthorized)
            #expect(try await attempt("uo", "x2") == .unauthorized)
            #expect(try await attempt("nobody", "x3") == .unauthorized)
            #expect(try await attempt("region", DemoSeeder.password) == .tooManyRequests, "blocked before the password is checked")
            let center = try await Fixture.user("center", app)
            #expect(center.failedAttempts == 1, "the per-login counter is the database's own")
        }
    }

    /// The per-login counter is one atomic increment: parallel failures are all counted.
    @Test func failedAttemptsCountedAtomically() async throws {
        try await withTestApp { app in
            let user = try await Fixture.user("uo", app)
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 { group.addTask { try await Authenticator.incrementFailures(user.id!, on: app.db) } }
                var seen: [Int] = []
                for try await n in group { seen.append(n) }
                #expect(seen.sorted() == [1, 2, 3, 4])
            }
            #expect(try await Fixture.user("uo", app).failedAttempts == 4)
        }
    }

    /// Tokens: a lifetime of at most a year, revocable in the profile, revoked on a password
    /// change, never issued to a bearer token.
    @Test func tokenLifetimeRevocationAndPasswordChange() async throws {
        try await withTestApp { app in
            let b = try await Browser.signIn("teacher", app)
            let forever = try await b.post("/account/tokens", [("name", "навсегда"), ("days", "100000")])
            #expect(forever.status == .unprocessableEntity)
            #expect(forever.body.string.contains("от 1 до 365"))
            #expect(try await b.post("/account/tokens", [("name", "отчёт"), ("days", "30")]).status == .ok)
            let token = try #require(try await ApiToken.query(on: app.db).first())
            let days = (token.expiresAt ?? .distantFuture).timeIntervalSinceNow / 86400
            #expect(days > 29 && days < 31)
            let revoked = try await b.post("/account/tokens/\(token.id!)/revoke", [])
            #expect(revoked.status == .seeOther)
            #expect(try await ApiToken.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "token_revoked").count() == 1)

            let user = try await Fixture.user("teacher", app)
            let bearer = try await Authenticator.issueToken(for: user.id!, name: "t", days: 5, on: app.db, now: Date())
            // A bearer token can't mint another token.
            try await app.testing().test(.POST, "/api/v1/auth/token", headers: ["Authorization": "Bearer \(bearer)"], beforeRequest: { req in
                try req.content.encode(["login": "teacher", "password": DemoSeeder.password])
            }) { res in #expect(res.status == .forbidden) }
            let other = try await Browser.signIn("teacher", app)
            let changed = try await b.post("/account/password", [("current", DemoSeeder.password), ("new", "novyj-parol-7"), ("repeat", "novyj-parol-7")])
            #expect(changed.status == .seeOther)
            #expect(try await ApiToken.query(on: app.db).filter(\.$user.$id == user.id!).count() == 0, "tokens revoked")
            #expect(try await b.get("/account").status == .ok, "the session that changed the password goes on")
            #expect(try await other.get("/account").status == .seeOther, "other sessions end")
        }
    }

    /// Until a one-time password is changed, only the profile and sign-out answer (pages and API).
    @Test func oneTimePasswordLocksEverythingButTheProfile() async throws {
        try await withTestApp { app in
            let user = try await Fixture.user("center", app)
            user.mustChangePassword = true
            try await user.update(on: app.db)
            let b = try await Browser.signIn("center", app)
            let schools = try await b.get("/schools")
            #expect(schools.status == .seeOther)
            #expect(schools.headers.first(name: .location) == "/account")
            #expect(try await b.get("/account").status == .ok)
            let token = try await Authenticator.issueToken(for: user.id!, name: "t", days: 5, on: app.db, now: Date())
            try await app.testing().test(.GET, "/api/v1/schools", headers: ["Authorization": "Bearer \(token)"]) { res in
                #expect(res.status == .forbidden)
                #expect(res.body.string.contains("одноразовый пароль"))
            }
            try await app.testing().test(.GET, "/api/v1/me", headers: ["Authorization": "Bearer \(token)"]) { res in #expect(res.status == .ok) }
        }
    }

    @Test func faviconIsServed() async throws {
        try await withTestApp(demo: false) { app in
            try await app.testing().test(.GET, "/assets/favicon.svg") { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.subType == "svg+xml")
                #expect(res.body.string.hasPrefix("<svg"))
            }
            try await app.testing().test(.GET, "/favicon.ico") { res in
                #expect(res.status == .movedPermanently)
                #expect(res.headers.first(name: .location) == "/assets/favicon.svg")
            }
            try await app.testing().test(.GET, "/login") { res in #expect(res.body.string.contains("rel=\"icon\"")) }
        }
    }

    /// The start banner names the port and host `serve` was given.
    @Test func bannerAddressFollowsArguments() {
        #expect(ServeAddress(arguments: ["opora", "serve", "--port", "9090"]) == ServeAddress(hostname: nil, port: 9090))
        #expect(ServeAddress(arguments: ["opora", "serve", "-H", "0.0.0.0", "-p", "81"]) == ServeAddress(hostname: "0.0.0.0", port: 81))
        #expect(ServeAddress(arguments: ["opora", "serve", "--bind", "10.0.0.5:8443"]) == ServeAddress(hostname: "10.0.0.5", port: 8443))
        #expect(ServeAddress(arguments: ["opora", "serve"]) == ServeAddress(hostname: nil, port: nil))
    }

    /// A center's match of a file label to its school is its own: another municipality's
    /// match of the same label neither replaces it nor steers its rows.
    @Test func keyMatchesAreThoseOfTheMunicipality() async throws {
        try await withTestApp { app in
            let arm = try await Fixture.school("ARM-006", app), len = try await Fixture.school("LEN-002", app)
            let label = ResultImportService.Unmatched(kind: "label", value: "Школа № 7 (старое название)", label: "«Школа № 7»", rows: [3])
            try await ResultImportService.remember([(label, arm.id!)], municipalityID: arm.$municipality.id, on: app.db)
            try await ResultImportService.remember([(label, len.id!)], municipalityID: len.$municipality.id, on: app.db)
            #expect(try await SchoolKeyMatch.query(on: app.db).count() == 2)
            let forArmavir = try await SchoolResolver.load(regionID: arm.regionID, municipalityID: arm.$municipality.id, on: app.db)
            let forLen = try await SchoolResolver.load(regionID: len.regionID, municipalityID: len.$municipality.id, on: app.db)
            #expect(forArmavir.school(.label(label.value))?.id == arm.id)
            #expect(forLen.school(.label(label.value))?.id == len.id)
        }
    }

    /// An approved campaign freezes the settings and the references it was computed with.
    @Test func approvedCampaignFreezesSettingsAndReferences() async throws {
        try await withTestApp { app in
            let (m, _) = try await center(app)
            let ref = try await ReferenceValue.query(on: app.db).filter(\.$regionID == m.$region.id).filter(\.$exam == "ege")
                .filter(\.$subject == "russian").filter(\.$year == 2025).first() ?? ReferenceValue()
            ref.regionID = m.$region.id; ref.exam = "ege"; ref.subject = "russian"; ref.grade = 0; ref.year = 2025; ref.value = "71.25"; ref.source = "введено: test"
            try await ref.save(on: app.db)
            let c = MonitoringCampaign()
            c.$municipality.id = m.id!; c.year = 2025; c.state = .dataComplete
            try await c.create(on: app.db)
            #expect(try await Browser.signIn("uo", app).post("/monitoring/campaigns/\(c.id!)/approve", []).status == .seeOther)
            let approved = try #require(try await MonitoringCampaign.find(c.id, on: app.db))
            #expect(approved.state == .approved)
            let snap = try JSONDecoder().decode(CampaignsController.Snapshot.self, from: Data(try #require(approved.snapshotJSON).utf8))
            #expect(snap.settings?.threshold == 30)
            #expect(snap.references?.contains { $0.subject == "russian" && $0.year == 2025 && $0.value == "71.25" } == true)
            // Later changes of the settings and the reference don't change what was approved.
            m.settingsJSON = #"{"threshold":25}"#
            try await m.update(on: app.db)
            ref.value = "50"
            try await ref.update(on: app.db)
            let page = try await Browser.signIn("uo", app).get("/monitoring/campaigns/\(c.id!)")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Настройки на момент утверждения"))
            #expect(page.body.string.contains("71,25"))
            #expect(!page.body.string.contains(">50<"))
        }
    }

    /// The signed-in user is reused for a few seconds, and a sign-out or a revoked grant on
    /// this instance takes effect at once.
    @Test func sessionCacheIsClearedByChangesOfAccess() async throws {
        try await withTestApp { app in
            app.sessionCache = SessionCache(lifetime: 60)
            let b = try await Browser.signIn("center", app)
            #expect(try await b.get("/schools").status == .ok)
            // Behind the app's back (another instance): the cached user goes on for its lifetime.
            try await UserSession.query(on: app.db).delete()
            #expect(try await b.get("/schools").status == .ok)
            // A change of access made through the app clears the cache at once.
            let admin = try await Browser.signIn("admin", app)
            let center = try await Fixture.user("center", app)
            let grant = try #require(try await RoleGrant.query(on: app.db).filter(\.$user.$id == center.id!).first())
            #expect(try await admin.post("/admin/users/\(center.id!)/grants/\(grant.id!)/delete", []).status == .seeOther)
            #expect(try await b.get("/schools").status == .seeOther, "the session is gone and the cache no longer covers it")
        }
    }

    /// A browser asks for "text/html,…,*/*": its refusal is the Russian page, not JSON.
    @Test func browserGetsTheErrorPageNotJSON() async throws {
        try await withTestApp { app in
            let b = try await Browser.signIn("center", app)
            var res: TestingHTTPResponse!
            try await app.testing().test(.GET, "/admin/users", headers: [
                "Cookie": b.cookies, "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
            ]) { res = $0 }
            #expect(res.status == .forbidden)
            #expect(res.headers.contentType?.subType == "html")
            #expect(res.body.string.contains("Доступ запрещён"))
            try await app.testing().test(.GET, "/admin/users", headers: ["Cookie": b.cookies, "Accept": "application/json"]) { res = $0 }
            #expect(res.body.string.contains("\"status\":403"))
        }
    }

    /// Behind a local proxy the throttle keys on the hop the proxy appended, so a client can't
    /// get a fresh window by sending its own X-Forwarded-For.
    @Test func throttleIgnoresClientSuppliedForwardedHops() async throws {
        try await withTestApp { app in
            app.loginThrottle = LoginThrottle(limit: 1, window: 600)
            let server = try app.testing(method: .running(port: 0))
            let csrf = "c1-0123456789abcdef"
            func attempt(_ forwarded: String, _ password: String) async throws -> HTTPStatus {
                var status = HTTPStatus.ok
                try await server.test(.POST, "/login", headers: ["Cookie": "opora_csrf=\(csrf)", "X-Forwarded-For": forwarded,
                                                                 "Content-Type": "application/x-www-form-urlencoded"],
                                      body: ByteBuffer(string: "_csrf=\(csrf)&login=center&password=\(password)")) { status = $0.status }
                return status
            }
            #expect(try await attempt("10.0.0.1, 203.0.113.7", "wrong-1") == .unauthorized)
            #expect(try await attempt("10.9.9.9, 203.0.113.7", DemoSeeder.password) == .tooManyRequests, "same last hop: throttled")
            let other = try await attempt("10.0.0.1, 198.51.100.2", DemoSeeder.password)
            #expect(other != .tooManyRequests && other != .unauthorized, "another client signs in: \(other.code)")
        }
    }
}
