@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import Views
import VaporTesting

/// The bank of methodological materials through HTTP: adding, the Cyrillic search the same on
/// SQLite and PostgreSQL, who reads and who adds, materials of another municipality, attaching
/// a material to a route step.
@Suite("Bank of methodological materials") struct MaterialsTests {
    static let title = "Формирующее оценивание на уроке математики: кейс"

    static func fields(title: String = Self.title, kind: String = "case", link: String = "https://disk.yandex.ru/d/ocenivanie",
                       description: String = "Приёмы обратной связи и листы самооценки для 5–9 классов.") -> [(String, String)] {
        [("title", title), ("material_kind", kind), ("material_subject", "Математика"), ("deficit_area", "assessment"), ("author", "Ёлкина А. В."),
         ("link", link), ("description", description), ("public", "1")]
    }

    static func location(_ res: TestingHTTPResponse) -> String { res.headers.first(name: .location) ?? "" }

    /// The demo teacher (the tutor's tutorant) and their municipality.
    static func teacher(_ app: Application) async throws -> Person {
        let user = try await Fixture.user("teacher", app)
        return try #require(try await Person.find(user.$person.id, on: app.db))
    }

    /// A material of a municipality other than `municipalityID`, written directly.
    static func foreignMaterial(besides municipalityID: UUID, _ app: Application) async throws -> Material {
        let other = try #require(try await Municipality.query(on: app.db).filter(\.$id != municipalityID).first())
        let m = Material()
        m.municipalityID = other.id!; m.kind = MaterialKind.presentation.rawValue; m.title = "Чужая презентация по формирующему оцениванию"
        m.subject = "Математика"; m.deficitArea = nil; m.author = "Другой центр"; m.link = "https://example.org/p"; m.details = ""
        m.isPublic = false; m.createdBy = "test"
        m.index()
        try await m.create(on: app.db)
        return m
    }

    @Test func tutorAddsAMaterialAndTheSearchFindsItInAnyCase() async throws {
        try await withTestApp { app in
            let tutor = try await Browser.signIn("tutor", app)
            let tutorPerson = try #require(try await Person.find(try await Fixture.user("tutor", app).$person.id, on: app.db))
            let res = try await tutor.post("/support/materials", Self.fields())
            #expect(res.status == .seeOther)
            let saved = try #require(try await Material.query(on: app.db).filter(\.$title == Self.title).first())
            #expect(Self.location(res) == "/support/materials/\(saved.id!)")
            #expect(saved.municipalityID == tutorPerson.$municipality.id && saved.kind == "case" && saved.deficitArea == "assessment" && saved.isPublic)
            #expect(saved.searchText.contains("формирующее") && saved.searchText.contains("елкина") && !saved.searchText.contains("ё"))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "material").filter(\.$entityID == saved.id).count() == 1)

            // Upper case, ё for е and е for ё, several words: found; an unrelated word: not.
            for q in ["ФОРМИРУЮЩЕЕ", "формирующее ОЦЕНИВАНИЕ", "ЕЛКИНА", "ёлкина", "ПРИЕМЫ", "приёмы", "математики кейс"] {
                let page = try await tutor.get("/support/materials?q=\(tutor.enc(q))")
                #expect(page.status == .ok && page.body.string.contains(Self.title), "\(q)")
            }
            #expect(try await tutor.get("/support/materials?q=\(tutor.enc("100% _"))").status == .ok, "LIKE's wildcards are no search")
            for q in ["астрономия", "оценивание астрономия", "литература"] {
                let page = try await tutor.get("/support/materials?q=\(tutor.enc(q))")
                #expect(page.status == .ok && !page.body.string.contains(Self.title) && page.body.string.contains("Ничего не найдено"), "\(q)")
            }
            // The filters narrow the list and stay in the page.
            let narrowed = try await tutor.get("/support/materials?kind=case&area=assessment&subject=\(tutor.enc("Математика"))&q=\(tutor.enc("кейс"))")
            #expect(narrowed.body.string.contains(Self.title) && narrowed.body.string.contains("value=\"кейс\""))
            #expect(!(try await tutor.get("/support/materials?kind=lesson_video")).body.string.contains(Self.title))
            #expect(!(try await tutor.get("/support/materials?area=digital")).body.string.contains(Self.title))
            #expect(try await tutor.get("/support/materials?kind=zzz&area=zzz").body.string.contains(Self.title), "an unknown kind or area is no filter")

            // The material's page: every field.
            let show = try await tutor.get("/support/materials/\(saved.id!)")
            #expect(show.status == .ok)
            for text in ["Кейс", "Математика", "Оценочные", "Ёлкина А. В.", "https://disk.yandex.ru/d/ocenivanie", "Приёмы обратной связи", "можно показать"] {
                #expect(show.body.string.contains(text), "\(text)")
            }
        }
    }

    @Test func aBadLinkIsRefusedWithTheEnteredValuesKept() async throws {
        try await withTestApp { app in
            let tutor = try await Browser.signIn("tutor", app)
            let before = try await Material.query(on: app.db).count()
            let title = "Модульная программа тьюториала «Читаем вместе»"
            let bad = try await tutor.post("/support/materials", Self.fields(title: title, kind: "tutor_programme", link: "disk.yandex.ru/d/chitaem"))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Ссылка должна начинаться с http:// или https://"))
            #expect(bad.body.string.contains("value=\"\(title)\"") && bad.body.string.contains("value=\"disk.yandex.ru/d/chitaem\""))
            // Neither a link nor a description; no title, no kind.
            let empty = try await tutor.post("/support/materials", Self.fields(title: "", kind: "", link: "", description: ""))
            #expect(empty.status == .unprocessableEntity)
            for message in ["Укажите название материала.", "Выберите вид материала.", "Укажите ссылку на файл или страницу материала либо его описание."] {
                #expect(empty.body.string.contains(message), "\(message)")
            }
            #expect(try await Material.query(on: app.db).count() == before)
            // A description without a link is enough.
            #expect(try await tutor.post("/support/materials", Self.fields(title: title, kind: "tutor_programme", link: "")).status == .seeOther)
            #expect(try await Material.query(on: app.db).filter(\.$title == title).first()?.link == "")
        }
    }

    @Test func aTeacherReadsTheBankButDoesNotAdd() async throws {
        try await withTestApp { app in
            _ = try await Browser.signIn("tutor", app).post("/support/materials", Self.fields())
            let teacher = try await Browser.signIn("teacher", app)
            let page = try await teacher.get("/support/materials")
            #expect(page.status == .ok && page.body.string.contains(Self.title) && !page.body.string.contains("Добавить материал"))
            let saved = try #require(try await Material.query(on: app.db).filter(\.$title == Self.title).first())
            #expect(try await teacher.get("/support/materials/\(saved.id!)").status == .ok)
            let before = try await Material.query(on: app.db).count()
            #expect(try await teacher.post("/support/materials", Self.fields(title: "Мой материал")).status == .forbidden)
            #expect(try await Material.query(on: app.db).count() == before)
        }
    }

    @Test func aMaterialOfAnotherMunicipalityIsNotShown() async throws {
        try await withTestApp { app in
            let t = try await Self.teacher(app)
            let foreign = try await Self.foreignMaterial(besides: t.$municipality.id, app)
            let tutor = try await Browser.signIn("tutor", app)
            #expect(try await tutor.get("/support/materials/\(foreign.id!)").status == .forbidden)
            #expect(try await tutor.get("/support/materials/\(UUID())").status == .notFound)
            #expect(!(try await tutor.get("/support/materials?q=\(tutor.enc("презентация"))")).body.string.contains(foreign.title))
            // The administrator reads every municipality's bank.
            #expect(try await Browser.signIn("admin", app).get("/support/materials/\(foreign.id!)").status == .ok)
        }
    }

    @Test func attachingAMaterialToAStepIsTheRouteActors() async throws {
        try await withTestApp { app in
            let t = try await Self.teacher(app)
            let tutor = try await Browser.signIn("tutor", app)
            _ = try await tutor.post("/support/materials", Self.fields())
            let material = try #require(try await Material.query(on: app.db).filter(\.$title == Self.title).first())
            let route = try #require(try await RouteRecord.query(on: app.db).filter(\.$teacher.$id == t.id!).with(\.$steps).first())
            let step = try #require(route.steps.first)
            let path = "/route-steps/\(step.id!)/material"

            func audits() async throws -> Int { try await AuditEntry.query(on: app.db).filter(\.$entity == "route_step").filter(\.$entityID == step.id).count() }
            let audited = try await audits()
            // The tutor attaches; back to the route of that year.
            let ok = try await tutor.post(path, [("material_id", material.id!.uuidString)])
            #expect(ok.status == .seeOther && Self.location(ok) == "/deficits/\(t.id!)?year=\(route.year)")
            #expect(try await RouteStepRecord.find(step.id, on: app.db)?.materialID == material.id)
            // The route page shows the attached material with its link.
            let routePage = try await tutor.get("/deficits/\(t.id!)?year=\(route.year)").body.string
            #expect(routePage.contains(material.title) && routePage.contains("/support/materials/\(material.id!)"))
            let audit = try #require(try await AuditEntry.query(on: app.db).filter(\.$entity == "route_step").filter(\.$entityID == step.id).all().last)
            #expect(audit.entityLabel.contains(Self.title))
            #expect(try await audits() == audited + 1)

            // Another teacher of the municipality is no actor of this route.
            let other = try #require(try await Person.query(on: app.db).filter(\.$municipality.$id == t.$municipality.id).filter(\.$id != t.id!)
                .filter(\.$school.$id != nil).first())
            let u = User(login: "teacher2", passwordHash: "x", displayName: "Другой педагог", personID: other.id)
            try await u.create(on: app.db)
            try await RoleGrant(userID: u.id!, grant: Grant(role: .teacher)).create(on: app.db)
            let stranger = try await Browser.signIn("teacher2", app)
            #expect(try await stranger.post(path, [("material_id", "")]).status == .forbidden)
            #expect(try await RouteStepRecord.find(step.id, on: app.db)?.materialID == material.id)

            // A material of another municipality cannot be attached; an unknown one is not found.
            let foreign = try await Self.foreignMaterial(besides: t.$municipality.id, app)
            #expect(try await tutor.post(path, [("material_id", foreign.id!.uuidString)]).status == .forbidden)
            #expect(try await tutor.post(path, [("material_id", UUID().uuidString)]).status == .notFound)
            #expect(try await RouteStepRecord.find(step.id, on: app.db)?.materialID == material.id)

            // Empty detaches.
            #expect(try await tutor.post(path, [("material_id", "")]).status == .seeOther)
            #expect(try await RouteStepRecord.find(step.id, on: app.db)?.materialID == nil)
            #expect(try await audits() == audited + 2)
        }
    }
}
