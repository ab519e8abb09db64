@testable import App
import Domain
import DemoData
import Fluent
import Testing
import Vapor
import VaporTesting

/// The role × route matrix of issue 3: every demo role against pages and API, allowed (200) or 403.
@Suite("Authorization matrix") struct AuthorizationMatrixTests {
    static let roles = ["admin", "region", "center", "uo", "mentor", "tutor", "school", "teacher", "expert"]

    @Test func roleRouteMatrix() async throws {
        try await withTestApp { app in
            let schoolUser = try await Fixture.user("school", app)
            let grant = try await RoleGrant.query(on: app.db).filter(\.$user.$id == schoolUser.id!).first()
            let a = try #require(try await School.find(grant?.schoolID, on: app.db))
            #expect(a.code.hasPrefix("ARM-"))
            // B: an Armavir school nobody in the demo logins is assigned to; C: a Leningrad school.
            let assigned = Set(try await Assignment.query(on: app.db).all().compactMap { $0.$school.id })
            let b = try #require(try await School.query(on: app.db).filter(\.$municipality.$id == a.$municipality.id).all()
                .first { !assigned.contains($0.id!) && $0.id != a.id })
            let c = try #require(try await School.query(on: app.db).filter(\.$code == "LEN-002").first())
            let pa = try #require(try await Person.query(on: app.db).filter(\.$school.$id == a.id!).all().first { $0.functionSet.contains(.director) })
            let pc = try #require(try await Person.query(on: app.db).filter(\.$school.$id == c.id!).first())
            let teacher = try await Fixture.user("teacher", app)
            let t = try #require(teacher.$person.id)

            // route → the roles that get 200; every other role must get 403.
            let matrix: [(String, Set<String>)] = [
                ("/schools", ["admin", "region", "center", "uo", "mentor", "school", "expert"]),
                ("/schools/\(a.id!)", ["admin", "region", "center", "uo", "mentor", "school", "expert"]),
                ("/schools/\(b.id!)", ["admin", "region", "center", "uo"]),
                ("/schools/\(c.id!)", ["admin", "region"]),
                ("/schools/new", ["admin", "center"]),
                ("/schools/\(a.id!)/edit", ["admin", "center", "school"]),
                ("/schools/\(c.id!)/edit", ["admin"]),
                ("/schools/\(a.id!)/statuses/new", ["admin", "center", "school"]),
                ("/people", ["admin", "region", "center", "uo", "mentor", "tutor", "school"]),
                ("/people/\(pa.id!)", ["admin", "region", "center", "uo", "mentor", "school"]),
                ("/people/\(pc.id!)", ["admin", "region"]),
                ("/people/\(t)", Set(["admin", "region", "center", "uo", "tutor", "teacher"])
                    .union(pa.$school.id == (try await Person.find(t, on: app.db))?.$school.id ? ["mentor", "school"] : [])),
                ("/people/new", ["admin", "center", "school"]),
                ("/admin", ["admin", "center"]),
                ("/admin/users", ["admin"]),
                ("/admin/users/new", ["admin"]),
                ("/admin/audit", ["admin", "center"]),
                ("/admin/imports", ["admin", "center"]),
                ("/admin/municipalities/\(a.$municipality.id)", ["admin", "center"]),
                ("/api/v1/schools", ["admin", "region", "center", "uo", "mentor", "school", "expert"]),
                ("/api/v1/schools/\(c.id!)", ["admin", "region"]),
                ("/api/v1/people/\(pc.id!)", ["admin", "region"]),
                ("/api/v1/audit", ["admin", "center"]),
                ("/plans/method", ["admin", "region", "center", "uo", "mentor", "school"]),
                ("/plans/new", ["admin", "center", "school"]),
                ("/plans/kinds", ["admin", "region", "center", "uo", "mentor", "school"]),
                ("/events", Set(Self.roles)),
                ("/events/calendar", Set(Self.roles)),
                ("/events/my", Set(Self.roles)),
                ("/events/new", ["admin", "center"]),
                ("/events/applications", ["admin", "center", "school"]),
                ("/events/coverage", ["admin", "region", "center", "uo"]),
                ("/documents", ["admin", "region", "center", "uo", "mentor", "school"]),
                ("/documents/schools/\(a.id!)", ["admin", "region", "center", "uo", "mentor", "school"]),
                ("/documents/schools/\(b.id!)", ["admin", "region", "center", "uo"]),
                ("/documents/schools/\(c.id!)", ["admin", "region"]),
                ("/decisions", ["admin", "region", "center", "uo", "school"]),
                ("/decisions/new", ["admin", "center", "uo"]),
                ("/risks", ["admin", "region", "center", "uo"]),
                ("/risks/kinds", ["admin", "region", "center", "uo", "mentor", "school"]),
                ("/risks/schools/\(a.id!)", ["admin", "region", "center", "uo", "mentor", "school"]),
                ("/risks/schools/\(a.id!)/new", ["admin", "center", "school"]),
                ("/risks/schools/\(b.id!)", ["admin", "region", "center", "uo"]),
                ("/risks/schools/\(c.id!)", ["admin", "region"]),
                ("/audits", ["admin", "region", "center", "uo"]),
                ("/audits/kinds", ["admin", "region", "center", "uo"]),
                ("/tasks", Set(Self.roles)),
                ("/notifications", Set(Self.roles)),
            ]
            for role in Self.roles {
                let browser = try await Browser.signIn(role, app)
                for (path, allowed) in matrix {
                    let res = try await browser.get(path)
                    let expected: HTTPStatus = allowed.contains(role) ? .ok : .forbidden
                    #expect(res.status == expected, "\(role) GET \(path): \(res.status.code), expected \(expected.code)")
                    if expected == .forbidden && !path.hasPrefix("/api") {
                        #expect(res.body.string.contains("Доступ запрещён"), "\(role) \(path) must get the Russian 403 page")
                    }
                }
            }
        }
    }

    @Test func forbiddenNeverLeaksData() async throws {
        try await withTestApp { app in
            let c = try await Fixture.school("LEN-002", app)
            let res = try await Browser.signIn("center", app).get("/schools/\(c.id!)")
            #expect(res.status == .forbidden)
            #expect(!res.body.string.contains(c.fullName))
            let api = try await Browser.signIn("center", app).get("/api/v1/schools/\(c.id!)")
            #expect(api.status == .forbidden)
            #expect(api.body.string.contains("\"status\":403"))
            #expect(!api.body.string.contains(c.code))
        }
    }

    @Test func listsAreScoped() async throws {
        try await withTestApp { app in
            let armavir = DemoCatalog.schools.filter { $0.municipalityCode == DemoCatalog.municipalities[0].code }
            let center = try await Browser.signIn("center", app).get("/api/v1/schools")
            let schools = try center.content.decode([SchoolDTO].self)
            #expect(schools.count == armavir.count)
            #expect(Set(schools.map(\.code)) == Set(armavir.map(\.draft.code)))
            let region = try await Browser.signIn("region", app).get("/api/v1/schools")
            #expect(try region.content.decode([SchoolDTO].self).count == DemoCatalog.schools.count)
            let tutor = try await Browser.signIn("tutor", app).get("/api/v1/people")
            let tutorants = try tutor.content.decode([PersonDTO].self)
            let tutorUser = try await Fixture.user("tutor", app)
            let expected = try await Assignment.query(on: app.db).filter(\.$person.$id == tutorUser.$person.id!).filter(\.$kind == "tutor_teacher").count()
            #expect(tutorants.count == expected)
            #expect(expected > 0)
        }
    }
}
