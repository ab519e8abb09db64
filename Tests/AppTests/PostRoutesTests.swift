@testable import App
import Domain
import DemoData
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Shared setup of the POST route tests: demo municipalities, extra users, audit and flash readers.
enum PostFixture {
    /// Armavir (index 0: the demo logins' home), Leningradsky district (index 1).
    static func municipality(_ index: Int, _ app: Application) async throws -> Municipality {
        let code = DemoCatalog.municipalities[index].code
        guard let m = try await Municipality.query(on: app.db).filter(\.$code == code).first() else { throw Abort(.notFound, reason: code) }
        return m
    }

    /// A user with one grant, for "a center of another municipality" and the like.
    @discardableResult
    static func user(_ login: String, _ grant: Grant, person: UUID? = nil, _ app: Application) async throws -> User {
        let u = User(login: login, passwordHash: "-", displayName: "Тестовый \(login)", personID: person)
        try await u.create(on: app.db)
        try await RoleGrant(userID: u.id!, grant: grant).create(on: app.db)
        return u
    }

    static func audits(_ app: Application, entity: String, action: String) async throws -> [AuditEntry] {
        try await AuditEntry.query(on: app.db).filter(\.$entity == entity).filter(\.$action == action).sort(\.$at).all()
    }

    static func auditCount(_ app: Application) async throws -> Int { try await AuditEntry.query(on: app.db).count() }

    /// The flash message a redirect carries ("kind|text").
    static func flash(_ res: TestingHTTPResponse) -> String? {
        guard let raw = res.headers.setCookie?[FlashMiddleware.cookieName]?.string, let bar = raw.firstIndex(of: "|") else { return nil }
        return String(raw[..<bar]) + "|" + (String(raw[raw.index(after: bar)...]).removingPercentEncoding ?? "")
    }

    static func location(_ res: TestingHTTPResponse) -> String { res.headers.first(name: .location) ?? "" }

    /// People of a municipality, fetched once and filtered in memory.
    static func people(_ m: Municipality, _ app: Application) async throws -> [Person] {
        try await Person.query(on: app.db).filter(\.$municipality.$id == m.id!).sort(\.$staffCode).all()
    }
}

@Suite("POST routes: who may, what changes, what is refused") struct PostRoutesTests {
    typealias F = PostFixture

    // MARK: users and grants (admin only)

    @Test func adminCreatesAUserWithAOneTimePassword() async throws {
        try await withTestApp { app in
            let arm = try await F.municipality(0, app)
            let admin = try await Browser.signIn("admin", app)
            let fields = [("login", "New.Center"), ("display_name", "Новикова Е. А."), ("role", "center_specialist"), ("municipality_id", arm.id!.uuidString)]
            let before = try await F.auditCount(app)
            #expect(try await Browser.signIn("center", app).post("/admin/users", fields).status == .forbidden)
            #expect(try await User.query(on: app.db).filter(\.$login == "new.center").count() == 0)
            #expect(try await F.auditCount(app) == before)

            let short = try await admin.post("/admin/users", [("login", "x"), ("display_name", ""), ("role", "")])
            #expect(short.status == .unprocessableEntity)
            #expect(short.body.string.contains("Логин — от 3 до 40 символов"))
            #expect(short.body.string.contains("Укажите имя для показа"))
            #expect(short.body.string.contains("Выберите роль."))
            let taken = try await admin.post("/admin/users", [("login", "center"), ("display_name", "Копия"), ("role", "admin")])
            #expect(taken.status == .unprocessableEntity && taken.body.string.contains("Логин «center» уже занят."))
            let noScope = try await admin.post("/admin/users", [("login", "new.center"), ("display_name", "Новикова Е. А."), ("role", "center_specialist")])
            #expect(noScope.status == .unprocessableEntity && noScope.body.string.contains("выберите муниципалитет"))
            let noPerson = try await admin.post("/admin/users", [("login", "new.tutor"), ("display_name", "Тьютор"), ("role", "tutor")])
            #expect(noPerson.status == .unprocessableEntity && noPerson.body.string.contains("выберите карточку человека"))
            #expect(try await F.auditCount(app) == before)

            let ok = try await admin.post("/admin/users", fields)
            #expect(ok.status == .ok)
            let user = try await Fixture.user("new.center", app)
            #expect(user.mustChangePassword && user.isActive && user.displayName == "Новикова Е. А.")
            let grants = try await RoleGrant.query(on: app.db).filter(\.$user.$id == user.id!).all()
            #expect(grants.map(\.role) == ["center_specialist"] && grants.first?.municipalityID == arm.id)
            let password = try #require(Self.oneTimePassword(ok.body.string))
            #expect(try Bcrypt.verify(password, created: user.passwordHash), "the page shows the password that was stored")
            let audit = try #require(try await F.audits(app, entity: "user", action: "create").last)
            #expect(audit.entityID == user.id && audit.userLogin == "admin" && audit.municipalityID == arm.id)
            #expect(audit.afterJSON?.contains("center_specialist") == true)
        }
    }

    @Test func grantIsAddedNormalisedAndRevokedByTheAdminOnly() async throws {
        try await withTestApp { app in
            let arm = try await F.municipality(0, app), len = try await F.municipality(1, app)
            let teacher = try await Fixture.user("teacher", app)
            let admin = try await Browser.signIn("admin", app), center = try await Browser.signIn("center", app)
            let path = "/admin/users/\(teacher.id!)/grants"
            let school = try await Fixture.school("ARM-005", app)
            let fields = [("role", "education_department"), ("municipality_id", arm.id!.uuidString),
                          ("region_id", arm.$region.id.uuidString), ("school_id", school.id!.uuidString)]
            func grants() async throws -> [RoleGrant] { try await RoleGrant.query(on: app.db).filter(\.$user.$id == teacher.id!).all() }
            let before = try await grants().count

            #expect(try await center.post(path, fields).status == .forbidden)
            #expect(try await grants().count == before)
            let noRole = try await admin.post(path, [("role", "")])
            #expect(noRole.status == .unprocessableEntity && noRole.body.string.contains("Выберите роль."))
            let noScope = try await admin.post(path, [("role", "regional_coordinator"), ("municipality_id", len.id!.uuidString)])
            #expect(noScope.status == .unprocessableEntity && noScope.body.string.contains("выберите регион"))
            #expect(try await grants().count == before)

            let ok = try await admin.post(path, fields)
            #expect(ok.status == .seeOther && F.location(ok) == "/admin/users/\(teacher.id!)")
            #expect(F.flash(ok) == "success|Роль добавлена.")
            let added = try #require(try await grants().first { $0.role == "education_department" })
            #expect(added.municipalityID == arm.id && added.regionID == nil && added.schoolID == nil, "only the id the role's scope uses is kept")
            let addAudit = try #require(try await F.audits(app, entity: "user", action: "update").last)
            #expect(addAudit.entityID == teacher.id && addAudit.municipalityID == arm.id && addAudit.afterJSON?.contains("grant_added") == true)

            let delete = "/admin/users/\(teacher.id!)/grants/\(added.id!)/delete"
            let audits = try await F.auditCount(app)
            #expect(try await center.post(delete, []).status == .forbidden)
            #expect(try await RoleGrant.find(added.id, on: app.db) != nil)
            #expect(try await F.auditCount(app) == audits)
            // Another user's grant through this user's address: not found, and it stays.
            let uoGrant = try #require(try await RoleGrant.query(on: app.db).filter(\.$user.$id == (try await Fixture.user("uo", app)).id!).first())
            #expect(try await admin.post("/admin/users/\(teacher.id!)/grants/\(uoGrant.id!)/delete", []).status == .notFound)
            #expect(try await RoleGrant.find(uoGrant.id, on: app.db) != nil)

            let revoked = try await admin.post(delete, [])
            #expect(revoked.status == .seeOther && F.flash(revoked) == "success|Роль отозвана.")
            #expect(try await RoleGrant.find(added.id, on: app.db) == nil)
            #expect(try await grants().count == before)
            let delAudit = try #require(try await F.audits(app, entity: "user", action: "update").last)
            #expect(delAudit.entityID == teacher.id && delAudit.beforeJSON?.contains("education_department") == true)
        }
    }

    @Test func resetPasswordSetsAOneTimePasswordAndEndsSessionsAndTokens() async throws {
        try await withTestApp { app in
            let teacher = try await Fixture.user("teacher", app)
            let teacherBrowser = try await Browser.signIn("teacher", app)
            let token = try await Authenticator.issueToken(for: teacher.id!, name: "отчёт", days: 30, on: app.db, now: Date())
            func me() async throws -> HTTPStatus {
                var status = HTTPStatus.imATeapot
                try await app.testing().test(.GET, "/api/v1/me", headers: ["Authorization": "Bearer \(token)"]) { status = $0.status }
                return status
            }
            #expect(try await me() == .ok)
            let path = "/admin/users/\(teacher.id!)/reset-password"

            #expect(try await Browser.signIn("center", app).post(path, []).status == .forbidden)
            #expect(try await teacherBrowser.post(path, []).status == .forbidden)
            let untouched = try await Fixture.user("teacher", app)
            #expect(!untouched.mustChangePassword && untouched.passwordHash == teacher.passwordHash)
            #expect(try await ApiToken.query(on: app.db).filter(\.$user.$id == teacher.id!).count() == 1)

            let admin = try await Browser.signIn("admin", app)
            let res = try await admin.post(path, [])
            #expect(res.status == .ok)
            let after = try await Fixture.user("teacher", app)
            #expect(after.mustChangePassword && after.failedAttempts == 0 && after.lockedUntil == nil)
            let password = try #require(Self.oneTimePassword(res.body.string))
            #expect(try Bcrypt.verify(password, created: after.passwordHash))
            #expect(try !Bcrypt.verify(DemoSeeder.password, created: after.passwordHash))
            #expect(try await UserSession.query(on: app.db).filter(\.$user.$id == teacher.id!).count() == 0)
            #expect(try await ApiToken.query(on: app.db).filter(\.$user.$id == teacher.id!).count() == 0)
            #expect(try await me() == .unauthorized)
            let signedOut = try await teacherBrowser.get("/account")
            #expect(signedOut.status == .seeOther && F.location(signedOut).hasPrefix("/login"))
            #expect(try await admin.get("/admin/users").status == .ok, "the admin's own session stays")
            let audit = try #require(try await F.audits(app, entity: "user", action: "password_reset").last)
            #expect(audit.entityID == teacher.id && audit.userLogin == "admin")
            #expect(try await admin.post("/admin/users/\(UUID())/reset-password", []).status == .notFound)
        }
    }

    @Test func toggleDisablesEndsSessionsAndTheAdminCannotDisableThemselves() async throws {
        try await withTestApp { app in
            let teacher = try await Fixture.user("teacher", app), adminUser = try await Fixture.user("admin", app)
            let teacherBrowser = try await Browser.signIn("teacher", app)
            let admin = try await Browser.signIn("admin", app)
            let path = "/admin/users/\(teacher.id!)/toggle"
            #expect(try await Browser.signIn("center", app).post(path, []).status == .forbidden)
            #expect(try await Fixture.user("teacher", app).isActive)

            let off = try await admin.post(path, [])
            #expect(off.status == .seeOther && F.flash(off) == "success|Пользователь отключён.")
            #expect(try await !Fixture.user("teacher", app).isActive)
            #expect(try await UserSession.query(on: app.db).filter(\.$user.$id == teacher.id!).count() == 0)
            #expect(try await teacherBrowser.get("/account").status == .seeOther, "the disabled user is signed out")
            let offAudit = try #require(try await F.audits(app, entity: "user", action: "update").last)
            #expect(offAudit.entityID == teacher.id && offAudit.afterJSON == #"{"is_active":false}"#)

            let on = try await admin.post(path, [])
            #expect(on.status == .seeOther && F.flash(on) == "success|Пользователь включён.")
            #expect(try await Fixture.user("teacher", app).isActive)
            #expect(try await F.audits(app, entity: "user", action: "update").last?.afterJSON == #"{"is_active":true}"#)

            let audits = try await F.auditCount(app)
            let own = try await admin.post("/admin/users/\(adminUser.id!)/toggle", [])
            #expect(own.status == .badRequest && own.body.string.contains("Нельзя отключить собственную учётную запись."))
            #expect(try await Fixture.user("admin", app).isActive)
            #expect(try await F.auditCount(app) == audits)
            #expect(try await admin.post("/admin/users/\(UUID())/toggle", []).status == .notFound)
        }
    }

    /// The temporary password of the user page (shown once in a `<code>`).
    static func oneTimePassword(_ html: String) -> String? {
        guard let start = html.range(of: "передайте его пользователю): <code>"), let end = html[start.upperBound...].range(of: "</code>") else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }
}

// MARK: municipality settings and status labels (the municipality's center, admin)

extension PostRoutesTests {
    static func municipalityForm(name: String, fis: String = "reg23_m001", period: String = "calendar_year", zone: String = "Europe/Moscow") -> [(String, String)] {
        [("name", name), ("fis_oko_code", fis), ("planning_period", period), ("center_name", "Методический центр Армавира"), ("time_zone", zone)]
    }

    @Test func municipalityIsUpdatedByItsCenter() async throws {
        try await withTestApp { app in
            let arm = try await F.municipality(0, app), len = try await F.municipality(1, app)
            let center = try await Browser.signIn("center", app)
            let audits = try await F.auditCount(app)
            #expect(try await center.post("/admin/municipalities/\(len.id!)", Self.municipalityForm(name: "Чужой район")).status == .forbidden)
            #expect(try await Browser.signIn("uo", app).post("/admin/municipalities/\(arm.id!)", Self.municipalityForm(name: "Армавир УО")).status == .forbidden)
            #expect(try await Municipality.find(len.id, on: app.db)?.name == len.name)
            #expect(try await Municipality.find(arm.id, on: app.db)?.name == arm.name)
            #expect(try await F.auditCount(app) == audits)

            let bad = try await center.post("/admin/municipalities/\(arm.id!)", Self.municipalityForm(name: "А", fis: "abc", period: "decade", zone: "Mars/Base"))
            #expect(bad.status == .unprocessableEntity)
            for message in ["Укажите наименование муниципалитета.", "Код ФИС ОКО — вида reg23_m012.", "Выберите период планирования.", "Неизвестный часовой пояс"] {
                #expect(bad.body.string.contains(message), "\(message)")
            }
            #expect(try await Municipality.find(arm.id, on: app.db)?.name == arm.name)

            let ok = try await center.post("/admin/municipalities/\(arm.id!)", Self.municipalityForm(name: "город Армавир (новое)", fis: "REG23_M077", zone: "Europe/Samara"))
            #expect(ok.status == .seeOther && F.flash(ok) == "success|Изменения сохранены.")
            let saved = try #require(try await Municipality.find(arm.id, on: app.db))
            #expect(saved.name == "город Армавир (новое)" && saved.fisOkoCode == "reg23_m077" && saved.timeZone == "Europe/Samara")
            let audit = try #require(try await F.audits(app, entity: "municipality", action: "update").last)
            #expect(audit.entityID == arm.id && audit.municipalityID == arm.id && audit.userLogin == "center")
            #expect(audit.beforeJSON?.contains(arm.name) == true && audit.afterJSON?.contains("reg23_m077") == true)
        }
    }

    @Test func statusLabelsAreAddedThenReplacedForTheSameYear() async throws {
        try await withTestApp { app in
            let arm = try await F.municipality(0, app), len = try await F.municipality(1, app)
            let center = try await Browser.signIn("center", app)
            let path = "/admin/municipalities/\(arm.id!)/labels"
            func labels(_ m: Municipality) async throws -> [StatusLabel] {
                try await StatusLabel.query(on: app.db).filter(\.$municipality.$id == m.id!).filter(\.$fromYear == 2030).all()
            }
            let fields = [("from_year", "2030"), ("low_results", "Школы с рисками"), ("difficult", "Школы в сложных условиях")]
            #expect(try await center.post("/admin/municipalities/\(len.id!)/labels", fields).status == .forbidden)
            #expect(try await Browser.signIn("uo", app).post(path, fields).status == .forbidden)
            #expect(try await labels(len).isEmpty)
            #expect(try await labels(arm).isEmpty)

            let bad = try await center.post(path, [("from_year", "20x0"), ("low_results", "Школы с рисками"), ("difficult", "")])
            #expect(bad.status == .seeOther && F.flash(bad) == "error|Укажите год и оба названия статусов.")
            #expect(try await labels(arm).isEmpty)

            let created = try await center.post(path, fields)
            #expect(created.status == .seeOther && F.flash(created) == "success|Названия статусов сохранены.")
            #expect(try await labels(arm).map(\.lowResults) == ["Школы с рисками"])
            #expect(try await F.audits(app, entity: "municipality", action: "create").last?.afterJSON?.contains("2030") == true)

            let replaced = try await center.post(path, [("from_year", "2030/2031"), ("low_results", "ШНОР"), ("difficult", "Сложные условия")])
            #expect(replaced.status == .seeOther)
            let rows = try await labels(arm)
            #expect(rows.count == 1 && rows.first?.lowResults == "ШНОР" && rows.first?.difficult == "Сложные условия")
            let audit = try #require(try await F.audits(app, entity: "municipality", action: "update").last)
            #expect(audit.municipalityID == arm.id && audit.entityLabel.contains("с 2030"))
        }
    }

    @Test func monitoringSettingsAreSavedByTheCenterAndAudited() async throws {
        try await withTestApp { app in
            let arm = try await F.municipality(0, app), len = try await F.municipality(1, app)
            try await F.user("center.len", Grant(role: .centerSpecialist, municipalityID: len.id), app)
            let path = "/monitoring/settings?municipality=\(arm.id!)&year=2025"
            let fields = [("reading", "anyMark"), ("threshold", "35"), ("small_group", "12"), ("objectivity", "automatic"), ("ci_z", "2,58"),
                          ("vpr_margin", "0,5"), ("ege_margin", "10"), ("federal_share", "30"), ("federal_procedures", "2"), ("cohort", "1")]
            let before = arm.settingsJSON
            for login in ["uo", "region", "center.len"] {
                #expect(try await Browser.signIn(login, app).post(path, fields).status == .forbidden, "\(login)")
            }
            #expect(try await Municipality.find(arm.id, on: app.db)?.settingsJSON == before)

            let center = try await Browser.signIn("center", app)
            var wrong = fields
            wrong[1] = ("threshold", "0"); wrong[4] = ("ci_z", "7")
            let bad = try await center.post(path, wrong)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Порог: целое число от 1 до 100.") && bad.body.string.contains("z — число от 0 до 5"))
            #expect(try await Municipality.find(arm.id, on: app.db)?.settingsJSON == before)

            let ok = try await center.post(path, fields)
            #expect(ok.status == .seeOther && F.flash(ok) == "success|Настройки мониторинга сохранены.")
            let s = MonitoringLoader.settings(of: try #require(try await Municipality.find(arm.id, on: app.db)))
            #expect(s.threshold == 35 && s.smallGroup == 12 && s.cohort && s.ciZ == RuFormat.parseDecimal("2,58"))
            let audit = try #require(try await F.audits(app, entity: "municipality", action: "update").last)
            #expect(audit.municipalityID == arm.id && audit.entityLabel.hasSuffix("настройки мониторинга"))
            #expect(audit.afterJSON?.contains(#"\"threshold\":35"#) == true && audit.beforeJSON?.contains(#"\"threshold\":35"#) == false)
        }
    }
}

// MARK: monitoring campaigns and exclusions

extension PostRoutesTests {
    /// Armavir, its center and education department, and the same two roles of Leningradsky district.
    struct CampaignCast {
        let arm: Municipality, center: Browser, uo: Browser, admin: Browser, foreignCenter: Browser, foreignUO: Browser
        static func make(_ app: Application) async throws -> CampaignCast {
            let arm = try await F.municipality(0, app), len = try await F.municipality(1, app)
            try await F.user("center.len", Grant(role: .centerSpecialist, municipalityID: len.id), app)
            try await F.user("uo.len", Grant(role: .educationDepartment, municipalityID: len.id), app)
            return CampaignCast(arm: arm, center: try await Browser.signIn("center", app), uo: try await Browser.signIn("uo", app),
                                admin: try await Browser.signIn("admin", app), foreignCenter: try await Browser.signIn("center.len", app),
                                foreignUO: try await Browser.signIn("uo.len", app))
        }
        func open(_ year: Int, _ app: Application) async throws -> MonitoringCampaign {
            let res = try await center.post("/monitoring/campaigns?municipality=\(arm.id!)", [("year", String(year))])
            guard res.status == .seeOther, let c = try await MonitoringCampaign.query(on: app.db).filter(\.$year == year).first() else {
                throw Abort(.internalServerError, reason: "campaign \(year) not opened: \(res.status)")
            }
            return c
        }
    }

    static func status(_ c: MonitoringCampaign, _ app: Application) async throws -> String? {
        try await MonitoringCampaign.find(c.id, on: app.db)?.status
    }

    @Test func campaignIsCreatedByTheMunicipalitysCenterOnly() async throws {
        try await withTestApp { app in
            let cast = try await CampaignCast.make(app)
            let path = "/monitoring/campaigns?municipality=\(cast.arm.id!)&year=2025"
            let fields = [("year", "2025"), ("deadline", "30.09.2025")]
            for b in [cast.uo, cast.foreignCenter, cast.foreignUO] { #expect(try await b.post(path, fields).status == .forbidden) }
            #expect(try await MonitoringCampaign.query(on: app.db).count() == 0)

            let bad = try await cast.center.post(path, [("year", "25")])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Год — четыре цифры, например 2025."))
            let ok = try await cast.center.post(path, fields)
            #expect(ok.status == .seeOther && F.location(ok) == path && F.flash(ok) == "success|Кампания 2025 года открыта.")
            let c = try #require(try await MonitoringCampaign.query(on: app.db).first())
            #expect(c.$municipality.id == cast.arm.id && c.year == 2025 && c.status == "open")
            #expect(c.deadline.map { RuFormat.date($0, timeZone: TimeZone(identifier: "UTC")!) } == "30.09.2025")
            let audit = try #require(try await F.audits(app, entity: "campaign", action: "create").last)
            #expect(audit.entityID == c.id && audit.municipalityID == cast.arm.id && audit.userLogin == "center" && audit.afterJSON == #"{"status":"open"}"#)

            let twice = try await cast.center.post(path, [("year", "2025")])
            #expect(twice.status == .unprocessableEntity && twice.body.string.contains("Кампания 2025 года уже есть."))
            #expect(try await MonitoringCampaign.query(on: app.db).count() == 1)
        }
    }

    @Test func campaignIsCompletedAndReopenedByTheCenterOnly() async throws {
        try await withTestApp { app in
            let cast = try await CampaignCast.make(app)
            let c = try await cast.open(2025, app)
            let complete = "/monitoring/campaigns/\(c.id!)/complete", reopen = "/monitoring/campaigns/\(c.id!)/reopen"
            for b in [cast.uo, cast.foreignCenter, cast.foreignUO] { #expect(try await b.post(complete, []).status == .forbidden) }
            #expect(try await Self.status(c, app) == "open")
            let early = try await cast.center.post(reopen, [])
            #expect(early.status == .conflict && early.body.string.contains("Кампания уже в состоянии «открыта»"))

            let done = try await cast.center.post(complete, [])
            #expect(done.status == .seeOther && F.flash(done) == "success|Состояние кампании: данные собраны.")
            #expect(try await Self.status(c, app) == "data_complete")
            let audit = try #require(try await F.audits(app, entity: "campaign", action: "update").last)
            #expect(audit.entityID == c.id && audit.beforeJSON == #"{"status":"open"}"# && audit.afterJSON == #"{"status":"data_complete"}"#)
            #expect(try await cast.center.post(complete, []).status == .conflict)

            for b in [cast.uo, cast.foreignCenter, cast.foreignUO] { #expect(try await b.post(reopen, []).status == .forbidden) }
            #expect(try await Self.status(c, app) == "data_complete")
            let back = try await cast.center.post(reopen, [])
            #expect(back.status == .seeOther && F.flash(back) == "success|Состояние кампании: открыта.")
            #expect(try await Self.status(c, app) == "open")
            #expect(try await F.audits(app, entity: "campaign", action: "update").last?.afterJSON == #"{"status":"open"}"#)
            #expect(try await cast.center.post("/monitoring/campaigns/\(UUID())/complete", []).status == .notFound)
        }
    }

    @Test func campaignIsApprovedByTheEducationDepartmentOrAdmin() async throws {
        try await withTestApp { app in
            let cast = try await CampaignCast.make(app)
            let c = try await cast.open(2025, app), other = try await cast.open(2024, app)
            let approve = "/monitoring/campaigns/\(c.id!)/approve"
            #expect(try await cast.uo.post(approve, []).status == .conflict, "not before the data is complete")
            for campaign in [c, other] { #expect(try await cast.center.post("/monitoring/campaigns/\(campaign.id!)/complete", []).status == .seeOther) }
            let audits = try await F.auditCount(app)
            for b in [cast.center, cast.foreignCenter, cast.foreignUO] { #expect(try await b.post(approve, []).status == .forbidden) }
            #expect(try await Self.status(c, app) == "data_complete")
            #expect(try await F.auditCount(app) == audits)

            let ok = try await cast.uo.post(approve, [])
            #expect(ok.status == .seeOther && F.flash(ok) == "success|Состояние кампании: утверждена.")
            let approved = try #require(try await MonitoringCampaign.find(c.id, on: app.db))
            #expect(approved.status == "approved" && approved.approvedBy == "Управление образования" && approved.approvedAt != nil)
            #expect(approved.snapshotJSON?.contains("Код школы") == true)
            let audit = try #require(try await F.audits(app, entity: "campaign", action: "update").last)
            #expect(audit.entityID == c.id && audit.userLogin == "uo" && audit.afterJSON == #"{"status":"approved"}"#)
            #expect(try await cast.uo.post(approve, []).status == .conflict)
            #expect(try await cast.center.post("/monitoring/campaigns/\(c.id!)/reopen", []).status == .conflict, "an approved campaign stays approved")

            #expect(try await cast.admin.post("/monitoring/campaigns/\(other.id!)/approve", []).status == .seeOther)
            #expect(try await Self.status(other, app) == "approved")
        }
    }

    /// WorkedExample (region 99) under «confirm by specialist», with EX-A's ВПР far above the others: one proposed exclusion.
    static func proposedExclusion(_ app: Application) async throws -> (Municipality, String) {
        let m = try await WorkedExample.setUp(app)
        var settings = MonitoringSettings.default
        settings.objectivity = .confirmBySpecialist
        m.settingsJSON = String(data: try JSONEncoder().encode(settings), encoding: .utf8)!
        try await m.update(on: app.db)
        let counts: [String: [Int: [Int]]] = ["EX-A": [2024: [4, 14, 14, 8], 2025: [0, 0, 3, 27]],
                                              "EX-B": [2024: [5, 15, 12, 8], 2025: [6, 16, 11, 7]],
                                              "EX-C": [2024: [4, 16, 13, 7], 2025: [5, 15, 13, 7]]]
        for (code, years) in counts {
            let school = try await Fixture.school(code, app)
            for (year, k) in years {
                let v = VPRResult()
                v.schoolNo = school.no!; v.year = year; v.subject = "math"; v.grade = 5; v.participants = k.reduce(0, +)
                (v.m2, v.m3, v.m4, v.m5) = (k[0], k[1], k[2], k[3]); v.source = "counts"
                try await v.create(on: app.db)
            }
        }
        let computed = try await MonitoringService.compute([m], year: 2025, on: app.db)
        guard let proposed = computed.result.proposedExclusions.first else { throw Abort(.internalServerError, reason: "no proposed exclusion") }
        return (m, proposed.resultID)
    }

    @Test func exclusionIsConfirmedByTheMunicipalitysCenter() async throws {
        try await withTestApp { app in
            let (m, key) = try await Self.proposedExclusion(app)
            try await F.user("center.example", Grant(role: .centerSpecialist, municipalityID: m.id), app)
            try await F.user("uo.example", Grant(role: .educationDepartment, municipalityID: m.id), app)
            let path = "/monitoring/exclusions?municipality=\(m.id!)&year=2025&result=\(key.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
            for login in ["center", "uo.example", "region"] {
                #expect(try await Browser.signIn(login, app).post(path, []).status == .forbidden, "\(login)")
            }
            #expect(try await ExclusionConfirmation.query(on: app.db).count() == 0)

            let center = try await Browser.signIn("center.example", app)
            let unknown = try await center.post("/monitoring/exclusions?municipality=\(m.id!)&year=2025&result=nothing", [])
            #expect(unknown.status == .notFound && unknown.body.string.contains("Предложение об исключении не найдено."))
            let ok = try await center.post(path, [])
            #expect(ok.status == .seeOther && F.flash(ok) == "success|Исключение подтверждено и учтено в расчёте.")
            let row = try #require(try await ExclusionConfirmation.query(on: app.db).first())
            #expect(row.municipalityID == m.id && row.year == 2025 && row.resultKey == key && row.confirmedBy == "center.example")
            let after = try await MonitoringService.compute([m], year: 2025, on: app.db)
            #expect(after.result.exclusions.map(\.resultID) == [key] && after.result.proposedExclusions.isEmpty)
            let audit = try #require(try await F.audits(app, entity: "exclusion", action: "create").last)
            #expect(audit.entityID == row.id && audit.municipalityID == m.id && audit.userLogin == "center.example")
            #expect(try await center.post(path, []).status == .notFound, "a confirmed exclusion is no longer proposed")
            #expect(try await ExclusionConfirmation.query(on: app.db).count() == 1)
        }
    }
}

// MARK: assignments, tutorants and people (the municipality's center)

extension PostRoutesTests {
    @Test func schoolAssignmentIsAddedAndDeletedByTheCenter() async throws {
        try await withTestApp { app in
            let arm = try await F.municipality(0, app), len = try await F.municipality(1, app)
            try await F.user("center.len", Grant(role: .centerSpecialist, municipalityID: len.id), app)
            let school = try await Fixture.school("ARM-005", app)
            let mentor = try #require(try await F.people(arm, app).first { $0.functionSet.contains(.mentor) })
            let stranger = try #require(try await F.people(len, app).first)
            let path = "/schools/\(school.id!)/assignments"
            let fields = [("kind", "mentor_school"), ("person_id", mentor.id!.uuidString), ("order_number", "15"), ("order_date", "01.02.2026")]
            func count() async throws -> Int { try await Assignment.query(on: app.db).filter(\.$school.$id == school.id!).count() }
            let before = try await count()
            for login in ["uo", "school", "mentor", "center.len"] {
                #expect(try await Browser.signIn(login, app).post(path, fields).status == .forbidden, "\(login)")
            }
            #expect(try await count() == before)

            let center = try await Browser.signIn("center", app)
            let noKind = try await center.post(path, [("kind", "tutor_teacher"), ("person_id", mentor.id!.uuidString)])
            #expect(noKind.status == .seeOther && F.flash(noKind) == "error|Выберите вид закрепления.")
            let foreign = try await center.post(path, [("kind", "mentor_school"), ("person_id", stranger.id!.uuidString)])
            #expect(F.flash(foreign) == "error|Выберите человека из списка.")
            let itself = try await center.post(path, [("kind", "leader_school"), ("leader_school_id", school.id!.uuidString)])
            #expect(F.flash(itself) == "error|Выберите школу-лидера из списка.")
            let badDate = try await center.post(path, [("kind", "mentor_school"), ("person_id", mentor.id!.uuidString), ("order_date", "32.13.2026")])
            #expect(badDate.status == .badRequest && badDate.body.string.contains("Дата приказа — в виде дд.мм.гггг."))
            #expect(try await count() == before)

            let ok = try await center.post(path, fields)
            #expect(ok.status == .seeOther && F.location(ok) == "/schools/\(school.id!)#support" && F.flash(ok) == "success|Закрепление добавлено.")
            #expect(try await count() == before + 1)
            let a = try #require(try await Assignment.query(on: app.db).filter(\.$school.$id == school.id!).filter(\.$orderNumber == "15").first())
            #expect(a.kind == "mentor_school" && a.$person.id == mentor.id && a.municipalityID == arm.id)
            #expect(a.orderDate.map { RuFormat.date($0, timeZone: TimeZone(identifier: "UTC")!) } == "01.02.2026")
            let created = try #require(try await F.audits(app, entity: "assignment", action: "create").last)
            #expect(created.entityID == a.id && created.municipalityID == arm.id && created.entityLabel.contains(mentor.fullName))

            let delete = "/assignments/\(a.id!)/delete"
            for login in ["uo", "school", "center.len"] {
                #expect(try await Browser.signIn(login, app).post(delete, []).status == .forbidden, "\(login)")
            }
            #expect(try await Assignment.find(a.id, on: app.db) != nil)
            let gone = try await center.post(delete, [])
            #expect(gone.status == .seeOther && F.location(gone) == "/schools/\(school.id!)#support" && F.flash(gone) == "success|Закрепление снято.")
            #expect(try await Assignment.find(a.id, on: app.db) == nil)
            let deleted = try #require(try await F.audits(app, entity: "assignment", action: "delete").last)
            #expect(deleted.entityID == a.id && deleted.beforeJSON?.contains("mentor_school") == true)
            #expect(try await center.post(delete, []).status == .notFound)
        }
    }

    @Test func tutorantIsAssignedByTheCenterToAPersonWithTheTutorFunction() async throws {
        try await withTestApp { app in
            let arm = try await F.municipality(0, app), len = try await F.municipality(1, app)
            try await F.user("center.len", Grant(role: .centerSpecialist, municipalityID: len.id), app)
            let tutorID = try #require(try await Fixture.user("tutor", app).$person.id)
            let people = try await F.people(arm, app)
            let tutor = try #require(people.first { $0.id == tutorID })
            #expect(tutor.functionSet.contains(.tutor))
            let taken = Set(try await Assignment.query(on: app.db).filter(\.$person.$id == tutorID).all().compactMap(\.$teacher.id))
            let teacher = try #require(people.first { $0.id != tutorID && $0.$school.id != nil && $0.functionSet.contains(.teacher) && !taken.contains($0.id!) })
            let notTutor = try #require(people.first { !$0.functionSet.contains(.tutor) })
            let stranger = try #require(try await F.people(len, app).first)
            let path = "/people/\(tutorID)/tutorants"
            let fields = [("teacher_id", teacher.id!.uuidString), ("order_number", "3-т")]
            func count() async throws -> Int { try await Assignment.query(on: app.db).filter(\.$kind == "tutor_teacher").count() }
            let before = try await count()
            for login in ["uo", "tutor", "school", "center.len"] {
                #expect(try await Browser.signIn(login, app).post(path, fields).status == .forbidden, "\(login)")
            }
            let center = try await Browser.signIn("center", app)
            #expect(try await center.post("/people/\(notTutor.id!)/tutorants", fields).status == .forbidden, "only a person with the tutor function")
            #expect(try await count() == before)

            for bad in [[("teacher_id", "")], [("teacher_id", tutorID.uuidString)], [("teacher_id", stranger.id!.uuidString)]] {
                let res = try await center.post(path, bad)
                #expect(res.status == .seeOther && F.flash(res) == "error|Выберите педагога из списка.")
            }
            let badDate = try await center.post(path, fields + [("order_date", "2026-13-40")])
            #expect(badDate.status == .badRequest && badDate.body.string.contains("Дата приказа — в виде дд.мм.гггг."))
            #expect(try await count() == before)

            let ok = try await center.post(path, fields)
            #expect(ok.status == .seeOther && F.location(ok) == "/people/\(tutorID)" && F.flash(ok) == "success|Тьюторант закреплён.")
            let a = try #require(try await Assignment.query(on: app.db).filter(\.$teacher.$id == teacher.id!).filter(\.$person.$id == tutorID).first())
            #expect(a.kind == "tutor_teacher" && a.$school.id == teacher.$school.id && a.municipalityID == arm.id && a.orderNumber == "3-т")
            let audit = try #require(try await F.audits(app, entity: "assignment", action: "create").last)
            #expect(audit.entityID == a.id && audit.entityLabel == "Тьютор \(tutor.fullName) → \(teacher.fullName)")
            // Deleting a tutorant's assignment leads back to the tutor's card.
            let gone = try await center.post("/assignments/\(a.id!)/delete", [])
            #expect(gone.status == .seeOther && F.location(gone) == "/people/\(tutorID)")
            #expect(try await count() == before)
        }
    }

    static func personFields(_ p: Person, phone: String, lastName: String? = nil) -> [(String, String)] {
        let d = p.draft
        var fields = [("staff_code", d.staffCode), ("last_name", lastName ?? d.lastName), ("first_name", d.firstName), ("middle_name", d.middleName),
                      ("position", d.position), ("subjects", d.subjects.joined(separator: ", ")), ("category", d.category.rawValue),
                      ("email", d.email), ("phone", phone), ("organisation", p.$school.id?.uuidString ?? "center:\(p.$municipality.id)")]
        fields += d.functions.map { ("functions", $0.rawValue) }
        if d.advancedLevel { fields.append(("advanced_level", "1")) }
        return fields
    }

    @Test func personIsUpdatedByTheCenterOfItsMunicipality() async throws {
        try await withTestApp { app in
            let arm = try await F.municipality(0, app), len = try await F.municipality(1, app)
            let person = try #require(try await F.people(arm, app).first { $0.$school.id != nil })
            let stranger = try #require(try await F.people(len, app).first)
            let center = try await Browser.signIn("center", app)
            #expect(try await center.post("/people/\(stranger.id!)", Self.personFields(stranger, phone: "+7 900 000-00-00")).status == .forbidden)
            #expect(try await Browser.signIn("uo", app).post("/people/\(person.id!)", Self.personFields(person, phone: "+7 900 000-00-00")).status == .forbidden)
            #expect(try await Person.find(stranger.id, on: app.db)?.phone == stranger.phone)

            let bad = try await center.post("/people/\(person.id!)", Self.personFields(person, phone: "+7 900 000-00-00", lastName: ""))
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Укажите фамилию."))
            #expect(try await Person.find(person.id, on: app.db)?.lastName == person.lastName)

            let ok = try await center.post("/people/\(person.id!)", Self.personFields(person, phone: "+7 900 000-00-00"))
            #expect(ok.status == .seeOther && F.location(ok) == "/people/\(person.id!)" && F.flash(ok) == "success|Изменения сохранены.")
            #expect(try await Person.find(person.id, on: app.db)?.phone == "+7 900 000-00-00")
            let audit = try #require(try await F.audits(app, entity: "person", action: "update").last)
            #expect(audit.entityID == person.id && audit.municipalityID == arm.id && audit.afterJSON?.contains("+7 900 000-00-00") == true)
        }
    }
}

// MARK: the list itself

extension PostRoutesTests {
    /// Every POST route and the suite that tests it over HTTP; a new POST route fails here until it has one.
    static let covered: [String: String] = [
        "login": "AuthTests", "logout": "AuthTests", "account/password": "AuthTests",
        "account/tokens": "PlatformSecurityTests", "account/tokens/:id/revoke": "PlatformSecurityTests",
        "schools": "SchoolsTests", "schools/:id": "SchoolsTests", "schools/:id/statuses": "SchoolsTests",
        "schools/:id/statuses/:sid": "SchoolsTests", "schools/:id/context": "SchoolsTests", "schools/:id/context/:cid": "SchoolsTests",
        "schools/:id/assignments": "PostRoutesTests", "assignments/:id/delete": "PostRoutesTests",
        "people": "PlatformSecurityTests", "people/:id": "PostRoutesTests", "people/:id/tutorants": "PostRoutesTests",
        "admin/users": "PostRoutesTests", "admin/users/:id/grants": "PostRoutesTests", "admin/users/:id/grants/:gid/delete": "PostRoutesTests",
        "admin/users/:id/reset-password": "PostRoutesTests", "admin/users/:id/toggle": "PostRoutesTests",
        "admin/municipalities/:id": "PostRoutesTests", "admin/municipalities/:id/labels": "PostRoutesTests",
        "admin/imports": "ImportTests", "monitoring/exclusions": "PostRoutesTests", "monitoring/settings": "PostRoutesTests",
        "monitoring/references": "PlatformSecurityTests", "monitoring/campaigns": "PostRoutesTests",
        "monitoring/campaigns/:id/complete": "PostRoutesTests", "monitoring/campaigns/:id/reopen": "PostRoutesTests",
        "monitoring/campaigns/:id/approve": "PostRoutesTests", "monitoring/imports": "ResultImportTests",
        "monitoring/imports/:id/match": "ResultImportTests", "api/v1/auth/token": "AuthTests", "api/v1/schools": "APITests",
        "api/v1/people": "PostRoutesTests",
        "support/log": "MentoringTests", "deficits/:id/steps": "MentoringTests", "route-steps/:id": "MentoringTests",
        "deficits/:id/state": "MentoringTests", "deficits/:id/ask": "MentoringTests", "deficits/:id/diagnostics": "MentoringTests",
        "support/imports": "MentoringImportTests", "assignments/:id/end": "MentoringTests",
        "people/:id/capacity": "MentoringTests", "support/settings": "MentoringTests", "support/order/print": "MentoringTests",
        "support/materials": "MaterialsTests", "route-steps/:id/material": "MaterialsTests", "support/reserve": "MentoringTests",
        "support/reserve/:id": "MentoringTests", "support/shmo": "ShmoTests", "support/shmo/:id/review": "ShmoTests", "support/shmo/:id/decision": "ShmoTests",
        "deficits/:id/comments": "MentoringTests", "support/pairs/:id/plan": "MentoringTests", "support/plan-items/:id": "MentoringTests",
        "support/modules": "MentoringTests", "deficits/:id/reviews": "MentoringTests", "deficits/:id/competences": "MentoringTests",
        "support/interactions/:id/files": "MentoringTests", "route-steps/:id/files": "MentoringTests", "support/materials/:id/files": "MentoringTests", "schools/:id/comments": "MentoringTests",
        "plans": "PlansTests", "plans/:id": "PlansTests", "plans/:id/items": "PlansTests", "plans/:id/approve": "PlansTests", "plans/:id/copy": "PlansTests",
        "plans/:id/import": "PlansTests", "plan-items/:id": "PlansTests", "plan-items/:id/execution": "PlansTests",
        "plans/kinds": "PlansTests", "plans/kinds/:id": "PlansTests",
        "events": "EventsTests", "events/:id": "EventsTests", "events/publish": "EventsTests", "events/:id/register": "EventsTests",
        "events/:id/unregister": "EventsTests", "events/:id/route-step": "EventsTests", "events/:id/attendance": "EventsTests",
        "events/:id/sign-off": "EventsTests", "events/applications": "EventsTests", "events/application-lines/:id": "EventsTests",
        "events/programmes": "EventsTests", "events/calendar/feed": "EventsTests",
        "documents/schools/:id": "DocumentsTests", "documents/:id/submit": "DocumentsTests", "documents/:id/review": "DocumentsTests",
        "decisions": "DecisionsTests", "decisions/:id/report": "DecisionsTests", "decisions/:id/control": "DecisionsTests",
        "notifications/:id/open": "TasksTests", "notifications/read-all": "TasksTests",
        "risks/kinds": "RisksTests", "risks/schools/:id": "RisksTests", "risks/:id/edit": "RisksTests",
        "audits": "RisksTests", "audits/kinds": "RisksTests", "audits/:id/protocol": "RisksTests", "audits/:id/recheck": "RisksTests",
    ]

    @Test func everyPostRouteHasAnHTTPTest() async throws {
        try await withTestApp(demo: false, migrate: false) { app in
            let posts = Set(app.routes.all.filter { $0.method == .POST }.map { $0.path.map(\.description).joined(separator: "/") })
            #expect(posts.subtracting(Self.covered.keys).sorted() == [], "POST routes without an HTTP test")
            #expect(Set(Self.covered.keys).subtracting(posts).sorted() == [], "listed routes that no longer exist")
        }
    }
}

// MARK: editing a school's status and context of a year

extension PostRoutesTests {
    @Test func schoolStatusIsEditedInPlace() async throws {
        try await withTestApp { app in
            let school = try await Fixture.school("ARM-005", app), other = try await Fixture.school("ARM-006", app)
            let schoolAdmin = try await RoleGrant.query(on: app.db).filter(\.$user.$id == (try await Fixture.user("school", app)).id!).first()
            try #require(schoolAdmin?.schoolID != school.id, "the «school» login administers another school")
            let center = try await Browser.signIn("center", app)
            #expect(try await center.post("/schools/\(school.id!)/statuses", [("year", "2027"), ("low_results", "1")]).status == .seeOther)
            #expect(try await center.post("/schools/\(school.id!)/statuses", [("year", "2028"), ("low_results", "1")]).status == .seeOther)
            let row = try #require(try await SchoolStatus.query(on: app.db).filter(\.$school.$id == school.id!).filter(\.$year == 2027).first())
            func count() async throws -> Int { try await SchoolStatus.query(on: app.db).filter(\.$school.$id == school.id!).count() }
            let before = try await count()
            let path = "/schools/\(school.id!)/statuses/\(row.id!)"
            let fields = [("year", "2027"), ("difficult_conditions", "1"), ("order_number", "44"), ("order_date", "10.01.2027")]
            for login in ["uo", "school", "mentor"] {
                #expect(try await Browser.signIn(login, app).post(path, fields).status == .forbidden, "\(login)")
            }
            #expect(try await SchoolStatus.find(row.id, on: app.db)?.difficultConditions == false)

            let clash = try await center.post(path, [("year", "2028"), ("low_results", "1")])
            #expect(clash.status == .unprocessableEntity && clash.body.string.contains("Статус на этот год уже есть"))
            let badDate = try await center.post(path, [("year", "2027"), ("low_results", "1"), ("order_date", "40.01.2027")])
            #expect(badDate.status == .unprocessableEntity && badDate.body.string.contains("Дата приказа — в виде дд.мм.гггг."))
            #expect(try await center.post("/schools/\(other.id!)/statuses/\(row.id!)", fields).status == .notFound, "a status of another school")

            let ok = try await center.post(path, fields)
            #expect(ok.status == .seeOther && F.location(ok) == "/schools/\(school.id!)#statuses")
            let saved = try #require(try await SchoolStatus.find(row.id, on: app.db))
            #expect(saved.difficultConditions && !saved.lowResults && saved.orderNumber == "44")
            #expect(try await count() == before, "updated, not added")
            let audit = try #require(try await F.audits(app, entity: "school_status", action: "update").last)
            #expect(audit.entityID == row.id && audit.municipalityID == school.$municipality.id && audit.afterJSON?.contains("\"orderNumber\":\"44\"") == true)
        }
    }

    @Test func schoolContextIsEditedInPlace() async throws {
        try await withTestApp { app in
            let school = try await Fixture.school("ARM-005", app), other = try await Fixture.school("ARM-006", app)
            let row = try #require(try await SchoolContext.query(on: app.db).filter(\.$school.$id == school.id!).filter(\.$year == 2025).first())
            let path = "/schools/\(school.id!)/context/\(row.id!)"
            let fields = [("year", "2025"), ("low_income_share", "7,5"), ("students_count", "640")]
            func count() async throws -> Int { try await SchoolContext.query(on: app.db).filter(\.$school.$id == school.id!).count() }
            let before = try await count()
            for login in ["uo", "mentor", "expert"] {
                #expect(try await Browser.signIn(login, app).post(path, fields).status == .forbidden, "\(login)")
            }
            #expect(try await SchoolContext.find(row.id, on: app.db)?.lowIncomeShare == row.lowIncomeShare)

            let center = try await Browser.signIn("center", app)
            let bad = try await center.post(path, [("year", "2025"), ("low_income_share", "120")])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Доля — число от 0 до 100"))
            let clash = try await center.post(path, [("year", "2024"), ("low_income_share", "7,5")])
            #expect(clash.status == .unprocessableEntity && clash.body.string.contains("Данные за этот год уже внесены"))
            // 2023: a year the other school has no figures for, so the check reaches the row's owner.
            #expect(try await center.post("/schools/\(other.id!)/context/\(row.id!)", [("year", "2023")]).status == .notFound, "a context row of another school")

            let ok = try await center.post(path, fields)
            #expect(ok.status == .seeOther && F.location(ok) == "/schools/\(school.id!)#context" && F.flash(ok) == "success|Контекстные данные сохранены.")
            let saved = try #require(try await SchoolContext.find(row.id, on: app.db))
            #expect(saved.lowIncomeShare == 7.5 && saved.studentsCount == 640)
            #expect(try await count() == before, "updated, not added")
            let audit = try #require(try await F.audits(app, entity: "school_context", action: "update").last)
            #expect(audit.entityID == row.id && audit.beforeJSON != nil && audit.afterJSON?.contains("7.5") == true)
        }
    }
}

// MARK: JSON API

extension PostRoutesTests {
    static func apiPost(_ app: Application, _ token: String, _ input: PersonInput) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse!
        try await app.testing().test(.POST, "/api/v1/people", headers: ["Authorization": "Bearer \(token)"],
                                     beforeRequest: { try $0.content.encode(input) }, afterResponse: { result = $0 })
        return result
    }

    @Test func apiCreatesAPersonInTheCentersMunicipalityOnly() async throws {
        try await withTestApp { app in
            let arm = try await F.municipality(0, app), len = try await F.municipality(1, app)
            let school = try await Fixture.school("ARM-005", app)
            func token(_ login: String) async throws -> String {
                try await Authenticator.issueToken(for: (try await Fixture.user(login, app)).id!, name: "t", days: 1, on: app.db, now: Date())
            }
            let center = try await token("center")
            let draft = PersonDraft(staffCode: "API-P1", lastName: "Сидорова", firstName: "Мария", middleName: "Ивановна", position: "учитель",
                                    functions: [.teacher], subjects: ["Математика"])
            func count() async throws -> Int { try await Person.query(on: app.db).filter(\.$staffCode == "API-P1").count() }

            #expect(try await Self.apiPost(app, try await token("uo"), PersonInput(schoolID: school.id, draft: draft)).status == .forbidden)
            #expect(try await Self.apiPost(app, center, PersonInput(municipalityID: len.id, draft: draft)).status == .forbidden)
            let foreignSchool = try await Fixture.school("LEN-002", app)
            #expect(try await Self.apiPost(app, center, PersonInput(schoolID: foreignSchool.id, draft: draft)).status == .forbidden)
            var unnamed = draft
            unnamed.lastName = ""
            let bad = try await Self.apiPost(app, center, PersonInput(schoolID: school.id, draft: unnamed))
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Укажите фамилию.") && bad.body.string.contains("\"field\":\"last_name\""))
            let nowhere = try await Self.apiPost(app, center, PersonInput(draft: draft))
            #expect(nowhere.status == .unprocessableEntity && nowhere.body.string.contains("Укажите schoolID или municipalityID"))
            #expect(try await count() == 0)

            let ok = try await Self.apiPost(app, center, PersonInput(schoolID: school.id, draft: draft))
            #expect(ok.status == .created)
            let dto = try ok.content.decode(PersonDTO.self)
            #expect(dto.schoolID == school.id && dto.municipalityID == arm.id && dto.functions == ["teacher"])
            #expect(try await count() == 1)
            let audit = try #require(try await F.audits(app, entity: "person", action: "create").last)
            #expect(audit.entityID == dto.id && audit.userLogin == "center" && audit.municipalityID == arm.id)
        }
    }
}
