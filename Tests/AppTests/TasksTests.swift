@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("«Мои задачи» and notifications") struct TasksTests {
    /// Known lists for three roles on hand-made data (the demo's plans, documents and decisions removed).
    @Test func myTasksForSeveralRolesOverdueFirst() async throws {
        try await withTestApp { app in
            try await SchoolDocument.query(on: app.db).delete(); try await Decision.query(on: app.db).delete()
            try await PlanExecution.query(on: app.db).delete(); try await PlanVersion.query(on: app.db).delete()
            try await PlanItem.query(on: app.db).delete(); try await Plan.query(on: app.db).delete()
            let a = try await ControlFixture.schoolA(app)
            let arm = try await PostFixture.municipality(0, app)
            let today = CalendarDay(date: app.now(), timeZone: PlanService.zone)
            let mentorUser = try await Fixture.user("mentor", app)
            func doc(_ kind: SchoolDocumentKind, due: Int, _ state: SchoolDocumentState) async throws {
                let d = SchoolDocument()
                d.municipalityID = arm.id!; d.$school.id = a.id!; d.kind = kind.rawValue; d.risk = ""; d.dueDay = today.adding(days: due).iso
                d.state = state.rawValue; d.version = state == .required ? 0 : 1
                try await d.create(on: app.db)
            }
            try await doc(.roadmap, due: -3, .required)
            try await doc(.concept, due: 5, .required)
            try await doc(.programme, due: -10, .submitted)
            func plan(_ school: UUID?, _ measure: String, due: Int, person: UUID? = nil) async throws {
                let p = Plan()
                p.municipalityID = arm.id!; p.$school.id = school; p.kindCode = school == nil ? "roadmap" : "school_roadmap"; p.year = today.year
                p.title = "План " + measure; p.state = "draft"; p.version = 0; p.orderNumber = ""; p.approvedBy = ""
                try await p.create(on: app.db)
                let i = PlanItem()
                i.$plan.id = p.id!; i.position = 1
                PlanService.apply(PlanImportValues(section: "", measure: measure, start: nil, deadline: today.adding(days: due), recurrence: .none, responsible: "",
                                                   personIDs: person.map { [$0] } ?? [], targets: [], addresses: "", expectedResult: "", reportForm: "", status: .planned), to: i)
                try await i.create(on: app.db)
            }
            try await plan(a.id, "Педсовет по итогам ВПР", due: -1)
            try await plan(nil, "Посещение уроков наставником", due: 3, person: mentorUser.$person.id)
            try await plan(nil, "Не в срок 30 дней", due: 45, person: mentorUser.$person.id)
            let center = try await Browser.signIn("center", app)
            _ = try await center.post("/decisions?municipality=\(arm.id!)", DecisionsTests.fields(a, deadline: today.adding(days: 2).iso, content: "Скорректировать ИОМ"))
            func titles(_ login: String) async throws -> [String] {
                let p = try await PrincipalLoader.load(try await Fixture.user(login, app), on: app.db, now: app.now())
                return try await MyTasks.tasks(p, today: today, on: app.db).filter { [.plans, .decisions, .documents].contains($0.area) }.map(\.title)
            }
            #expect(try await titles("school") == ["Сдать: Дорожная карта", "Педсовет по итогам ВПР", "Исполнить: Скорректировать ИОМ", "Сдать: Концепция развития"])
            #expect(try await titles("mentor") == ["Проверить: Среднесрочная программа (программа перехода в эффективный режим)", "Посещение уроков наставником"])
            // The school reports: the center's task is the control, the school's is gone.
            let d = try #require(try await Decision.query(on: app.db).filter(\.$content == "Скорректировать ИОМ").first())
            _ = try await Browser.signIn("school", app).post("/decisions/\(d.id!)/report", [("report", "Сделано"), ("report_day", today.iso)])
            // (The center's specialist may also be a school's curator: its reviews are listed too — only the decisions are compared.)
            #expect(try await titles("center").filter { $0.hasPrefix("Принять") || $0.hasPrefix("Исполнить") } == ["Принять или вернуть отчёт: Скорректировать ИОМ"])
            #expect(!(try await titles("school")).contains { $0.hasPrefix("Исполнить") })
            // The page: the same order, overdue marked; the overview shows them first.
            let page = try await Browser.signIn("school", app).get("/tasks")
            #expect(page.status == .ok)
            let body = page.body.string
            let first = try #require(body.range(of: "Сдать: Дорожная карта")), last = try #require(body.range(of: "Сдать: Концепция развития"))
            #expect(first.lowerBound < last.lowerBound && body.contains("просрочено"))
            let home = try await Browser.signIn("school", app).get("/")
            #expect(home.body.string.contains("Мои задачи") && home.body.string.contains("Сдать: Дорожная карта — просрочено"))
            for login in AuthorizationMatrixTests.roles { #expect(try await Browser.signIn(login, app).get("/tasks").status == .ok, "\(login)") }
        }
    }

    @Test func notificationsUnreadCountOpenAndReadAll() async throws {
        try await withTestApp { app in
            let school = try await Browser.signIn("school", app)
            let seeded = try await ControlFixture.unread("school", app)
            #expect(seeded.count == 2, "the demo's: a recommendation addressed, a document returned")
            let home = try await school.get("/")
            #expect(home.body.string.contains("Уведомления: 2 новых"))
            let list = try await school.get("/notifications")
            #expect(list.status == .ok && list.body.string.contains("Документ возвращён") && list.body.string.contains("новое"))
            // Someone else's notification is not opened; one's own is marked read and leads to its page.
            let mentor = try await Browser.signIn("mentor", app)
            #expect(try await mentor.post("/notifications/\(seeded[0].id!)/open", []).status == .forbidden)
            let open = try await school.post("/notifications/\(seeded[0].id!)/open", [])
            #expect(open.status == .seeOther && PostFixture.location(open) == seeded[0].url)
            #expect(try await UserNotification.find(seeded[0].id, on: app.db)?.readAt != nil)
            #expect(try await school.get("/").body.string.contains("Уведомления: 1 новых"))
            #expect(try await school.post("/notifications/read-all", []).status == .seeOther)
            #expect(try await ControlFixture.unread("school", app).isEmpty)
            #expect(!(try await school.get("/").body.string.contains("новых")))
        }
    }
}
