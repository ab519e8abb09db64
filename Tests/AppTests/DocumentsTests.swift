@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

extension Browser {
    /// A multipart form: text fields and, optionally, one file named `file`.
    func multipart(_ path: String, fields: [(String, String)], file: (name: String, content: String)? = nil) async throws -> TestingHTTPResponse {
        let b = "XDOCBOUNDARYX"
        var body = ""
        for (k, v) in [("_csrf", csrf)] + fields { body += "--\(b)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n" }
        if let file { body += "--\(b)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: application/pdf\r\n\r\n\(file.content)\r\n" }
        body += "--\(b)--\r\n"
        var result: TestingHTTPResponse!
        try await app.testing().test(.POST, path, headers: ["Cookie": cookies, "Content-Type": "multipart/form-data; boundary=\(b)"],
                                     body: ByteBuffer(string: body)) { res in result = res }
        return result
    }
}

/// Shared fixtures of the control tests: the «school» login's school, its mentor, a mentor of another school.
enum ControlFixture {
    static func schoolA(_ app: Application) async throws -> School {
        let u = try await Fixture.user("school", app)
        let g = try #require(try await RoleGrant.query(on: app.db).filter(\.$user.$id == u.id!).first())
        return try #require(try await School.find(g.schoolID, on: app.db))
    }

    /// A mentor user whose person is assigned to another school of the municipality (not A).
    static func otherMentor(_ app: Application, notAt a: School) async throws -> Browser {
        let other = try #require(try await Assignment.query(on: app.db).filter(\.$kind == AssignmentKind.mentorSchool.rawValue)
            .filter(\.$municipalityID == a.$municipality.id).all().first { $0.$school.id != a.id && $0.$person.id != nil })
        let mine = Set(try await Assignment.query(on: app.db).filter(\.$school.$id == a.id!).all().compactMap { $0.$person.id })
        #expect(!mine.contains(other.$person.id!))
        try await PostFixture.user("mentor2", Grant(role: .mentor), person: other.$person.id, app)
        return try await Browser.signIn("mentor2", app)
    }

    static func unread(_ login: String, _ app: Application) async throws -> [UserNotification] {
        let u = try await Fixture.user(login, app)
        return try await UserNotification.query(on: app.db).filter(\.$user.$id == u.id!).filter(\.$readAt == nil).sort(\.$createdAt).all()
    }
}

@Suite("School documents under review: list, submission, review over HTTP") struct DocumentsTests {
    @Test func submitReviewReturnResubmitAccept() async throws {
        try await withTestApp { app in
            let a = try await ControlFixture.schoolA(app)
            let center = try await Browser.signIn("center", app), school = try await Browser.signIn("school", app), mentor = try await Browser.signIn("mentor", app)
            let list = "/documents/schools/\(a.id!)"
            // Bad input: the errors say what to fix, what was entered stays.
            let bad = try await center.post(list, [("kind", "anti_risk"), ("risk", ""), ("due", "31.02.2026")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("пишется на один риск") && bad.body.string.contains("Срок сдачи — дата"))
            let dup = try await center.post(list, [("kind", "anti_risk"), ("risk", "Дефицит педагогических кадров"), ("due", "2026-12-01")])
            #expect(dup.status == .unprocessableEntity && dup.body.string.contains("уже есть") && dup.body.string.contains("Дефицит педагогических кадров"))
            let risk = "Высокая доля обучающихся с рисками учебной неуспешности"
            let ok = try await center.post(list, [("kind", "anti_risk"), ("risk", risk), ("due", "2026-12-01")])
            #expect(ok.status == .seeOther)
            let doc = try #require(try await SchoolDocument.query(on: app.db).filter(\.$risk == risk).first())
            #expect(doc.state == "required" && doc.version == 0)
            #expect(try await PostFixture.audits(app, entity: "school_document", action: "create").contains { $0.entityID == doc.id })
            let id = doc.id!.uuidString
            // Nothing to submit: refused with the reason; a file makes version 1.
            let empty = try await school.multipart("/documents/\(id)/submit", fields: [("note", "первая версия")])
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("Прикрепите файл") && empty.body.string.contains("первая версия"))
            let v1 = try await school.multipart("/documents/\(id)/submit", fields: [("note", "первая версия")], file: ("programma.pdf", "%PDF-1.4 v1"))
            #expect(v1.status == .seeOther)
            #expect(try await SchoolDocument.find(doc.id, on: app.db)?.state == "submitted")
            #expect(try await ControlFixture.unread("mentor", app).contains { $0.kind == "document_submitted" && $0.url == "/documents/\(id)" })
            // A second submission while under review is refused.
            #expect(try await school.multipart("/documents/\(id)/submit", fields: [], file: ("x.pdf", "x")).status == .unprocessableEntity)
            // A mentor of another school is refused; the school itself cannot review.
            let stranger = try await ControlFixture.otherMentor(app, notAt: a)
            #expect(try await stranger.post("/documents/\(id)/review", [("action", "accept")]).status == .forbidden)
            #expect(try await stranger.get("/documents/\(id)").status == .forbidden)
            #expect(try await school.post("/documents/\(id)/review", [("action", "accept")]).status == .forbidden)
            // The assigned mentor: takes it, a return needs comments, returns, the school is told.
            #expect(try await mentor.post("/documents/\(id)/review", [("action", "start")]).status == .seeOther)
            #expect(try await SchoolDocument.find(doc.id, on: app.db)?.state == "under_review")
            let noComment = try await mentor.post("/documents/\(id)/review", [("action", "return"), ("comment", " ")])
            #expect(noComment.status == .unprocessableEntity && noComment.body.string.contains("Напишите замечания"))
            #expect(try await mentor.post("/documents/\(id)/review", [("action", "return"), ("comment", "Нет мер по группе риска 5 классов.")]).status == .seeOther)
            #expect(try await SchoolDocument.find(doc.id, on: app.db)?.state == "returned")
            #expect(try await ControlFixture.unread("school", app).contains { $0.kind == "document_returned" && $0.text.contains("Нет мер по группе риска") })
            // Resubmission is version 2; version 1 keeps its comment.
            let v2 = try await school.multipart("/documents/\(id)/submit", fields: [("note", "исправлено")], file: ("programma-2.pdf", "%PDF-1.4 v2"))
            #expect(v2.status == .seeOther)
            let versions = try await SchoolDocumentVersion.query(on: app.db).filter(\.$document.$id == doc.id!).sort(\.$version).all()
            #expect(versions.map(\.version) == [1, 2])
            #expect(versions[0].outcome == "returned" && versions[0].comment == "Нет мер по группе риска 5 классов." && versions[1].outcome == "")
            #expect(try await mentor.post("/documents/\(id)/review", [("action", "accept"), ("comment", "")]).status == .seeOther)
            let done = try #require(try await SchoolDocument.find(doc.id, on: app.db))
            #expect(done.state == "accepted" && done.version == 2)
            #expect(try await ControlFixture.unread("school", app).contains { $0.kind == "document_accepted" })
            let page = try await school.get("/documents/\(id)")
            #expect(page.status == .ok && page.body.string.contains("Нет мер по группе риска") && page.body.string.contains("programma-2.pdf") && page.body.string.contains("принят"))
            #expect(!page.body.string.contains("/documents/\(id)/submit"), "nothing to submit once accepted")
            // The files: the center reads them; another school's administration does not.
            let file = try #require(try await Attachment.query(on: app.db).filter(\.$ownerID == versions[0].id!).first())
            #expect(try await center.get("/files/\(file.id!)").status == .ok)
            let b = try #require(try await School.query(on: app.db).filter(\.$municipality.$id == a.$municipality.id).filter(\.$id != a.id!).first())
            try await PostFixture.user("school-b", Grant(role: .schoolAdmin, schoolID: b.id), app)
            let otherSchool = try await Browser.signIn("school-b", app)
            #expect(try await otherSchool.get("/files/\(file.id!)").status == .forbidden)
            #expect(try await otherSchool.get("/documents/\(id)").status == .forbidden)
            #expect(try await otherSchool.post(list, [("kind", "concept"), ("due", "2026-12-01")]).status == .forbidden)
        }
    }

    @Test func planAsTheDocumentAndTheCentersControlTable() async throws {
        try await withTestApp { app in
            let a = try await ControlFixture.schoolA(app)
            let center = try await Browser.signIn("center", app), school = try await Browser.signIn("school", app)
            let roadmap = try #require(try await SchoolDocument.query(on: app.db).filter(\.$school.$id == a.id!).filter(\.$kind == "roadmap").first())
            // A plan of another owner is refused; the school's own plan is a version.
            let foreign = try #require(try await Plan.query(on: app.db).filter(\.$school.$id == nil).first())
            let bad = try await school.post("/documents/\(roadmap.id!)/submit", [("plan", foreign.id!.uuidString), ("note", "дорожная карта")])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("не из планов школы") && bad.body.string.contains("дорожная карта"))
            let plan = Plan()
            plan.municipalityID = a.$municipality.id; plan.$school.id = a.id; plan.kindCode = "school_roadmap"; plan.year = 2026; plan.title = "Дорожная карта школы"
            plan.state = "draft"; plan.version = 0; plan.orderNumber = ""; plan.approvedBy = ""
            try await plan.create(on: app.db)
            #expect(try await school.post("/documents/\(roadmap.id!)/submit", [("plan", plan.id!.uuidString)]).status == .seeOther)
            let v = try #require(try await SchoolDocumentVersion.query(on: app.db).filter(\.$document.$id == roadmap.id!).first())
            #expect(v.planID == plan.id)
            // The center's table: overdue first, then what waits for the school, then for review.
            let page = try await center.get("/documents")
            #expect(page.status == .ok)
            let body = page.body.string
            let overdue = try #require(body.range(of: "Среднесрочная программа"))
            let waiting = try #require(body.range(of: "Антирисковая программа"))
            #expect(body.contains(a.shortName) && body.contains("просрочен"))
            #expect(overdue.lowerBound < waiting.lowerBound, "the returned, overdue programme before the one waiting for review")
            // The school card shows its documents; the school sees only its own list.
            let card = try await school.get("/schools/\(a.id!)")
            #expect(card.body.string.contains("Документы на проверке") && card.body.string.contains("Дорожная карта"))
            let mine = try await school.get("/documents")
            #expect(mine.status == .ok && mine.body.string.contains(a.shortName))
            #expect(try await Browser.signIn("teacher", app).get("/documents").status == .forbidden)
        }
    }
}
