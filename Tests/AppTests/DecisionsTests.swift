@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Decisions and recommendations: issue, report, control, overdue, from a monitoring row") struct DecisionsTests {
    static func fields(_ school: School, deadline: String, content: String = "Провести педсовет по итогам ВПР") -> [(String, String)] {
        [("type", "recommendation"), ("addressee", "school"), ("school", school.id!.uuidString), ("horizon", "operational"), ("form", "method_recommendations"),
         ("content", content), ("deadline", deadline), ("responsible", "Директор школы"), ("report_form", "Аналитическая справка")]
    }

    @Test func issueReportReturnReportAccept() async throws {
        try await withTestApp { app in
            let a = try await ControlFixture.schoolA(app)
            let arm = try await PostFixture.municipality(0, app)
            let today = CalendarDay(date: app.now(), timeZone: PlanService.zone)
            let center = try await Browser.signIn("center", app), school = try await Browser.signIn("school", app)
            // Bad input: every problem named, the values kept.
            let bad = try await center.post("/decisions?municipality=\(arm.id!)", [("type", "recommendation"), ("addressee", "school"), ("horizon", "operational"),
                ("form", "order"), ("content", ""), ("deadline", today.adding(days: -1).iso), ("responsible", "Иванова И. И."), ("report_form", "")])
            #expect(bad.status == .unprocessableEntity)
            for text in ["Выберите школу", "Напишите содержание", "уже прошёл", "Укажите форму отчёта", "Иванова И. И."] {
                #expect(bad.body.string.contains(text), "\(text)")
            }
            let ok = try await center.post("/decisions?municipality=\(arm.id!)", Self.fields(a, deadline: today.adding(days: 10).iso))
            #expect(ok.status == .seeOther)
            let d = try #require(try await Decision.query(on: app.db).filter(\.$content == "Провести педсовет по итогам ВПР").first())
            #expect(d.issuer == "center" && d.state == "issued" && d.$school.id == a.id)
            #expect(try await ControlFixture.unread("school", app).contains { $0.kind == "decision_addressed" && $0.url == "/decisions/\(d.id!)" })
            let id = d.id!.uuidString
            // The addressee reports; a date in the future is refused and the text kept.
            let future = try await school.post("/decisions/\(id)/report", [("report", "Педсовет проведён"), ("report_day", today.adding(days: 3).iso)])
            #expect(future.status == .unprocessableEntity && future.body.string.contains("ещё не наступила") && future.body.string.contains("Педсовет проведён"))
            #expect(try await school.post("/decisions/\(id)/report", [("report", "Педсовет проведён"), ("report_day", today.iso)]).status == .seeOther)
            #expect(try await Decision.find(d.id, on: app.db)?.state == "reported")
            // Who issued it controls it: the department may not, the school may not.
            #expect(try await Browser.signIn("uo", app).post("/decisions/\(id)/control", [("action", "accept")]).status == .forbidden)
            #expect(try await school.post("/decisions/\(id)/control", [("action", "accept")]).status == .forbidden)
            let noReason = try await center.post("/decisions/\(id)/control", [("action", "return"), ("comment", "")])
            #expect(noReason.status == .unprocessableEntity && noReason.body.string.contains("почему отчёт возвращается"))
            #expect(try await center.post("/decisions/\(id)/control", [("action", "return"), ("comment", "Приложите протокол педсовета")]).status == .seeOther)
            #expect(try await Decision.find(d.id, on: app.db)?.state == "returned")
            #expect(try await school.post("/decisions/\(id)/report", [("report", "Протокол № 3 приложен"), ("report_day", today.iso)]).status == .seeOther)
            #expect(try await center.post("/decisions/\(id)/control", [("action", "accept")]).status == .seeOther)
            let done = try #require(try await Decision.find(d.id, on: app.db))
            #expect(done.state == "accepted" && done.report == "Протокол № 3 приложен" && done.reportDay == today.iso)
            #expect(try await PostFixture.audits(app, entity: "decision", action: "update").filter { $0.entityID == d.id }.count == 4)
            #expect(try await school.post("/decisions/\(id)/report", [("report", "ещё"), ("report_day", today.iso)]).status == .unprocessableEntity)
            // Another school's administration neither reads nor reports it.
            let b = try #require(try await School.query(on: app.db).filter(\.$municipality.$id == a.$municipality.id).filter(\.$id != a.id!).first())
            try await PostFixture.user("school-b", Grant(role: .schoolAdmin, schoolID: b.id), app)
            let other = try await Browser.signIn("school-b", app)
            #expect(try await other.get("/decisions/\(id)").status == .forbidden)
            #expect(try await other.post("/decisions/\(id)/report", [("report", "x"), ("report_day", today.iso)]).status == .forbidden)
        }
    }

    @Test func overdueIsVisible() async throws {
        try await withTestApp { app in
            let a = try await ControlFixture.schoolA(app)
            let arm = try await PostFixture.municipality(0, app)
            let today = CalendarDay(date: app.now(), timeZone: PlanService.zone)
            let center = try await Browser.signIn("center", app)
            _ = try await center.post("/decisions?municipality=\(arm.id!)", Self.fields(a, deadline: today.adding(days: 1).iso, content: "Скорректировать ИОМ учителей"))
            let d = try #require(try await Decision.query(on: app.db).filter(\.$content == "Скорректировать ИОМ учителей").first())
            #expect(!d.isOverdue(today))
            #expect(d.isOverdue(today.adding(days: 2)), "not reported the day after the deadline")
            // The deadline passed (moved back as if time went on): the register shows it overdue, the filter keeps it.
            d.deadline = today.adding(days: -2).iso; try await d.update(on: app.db)
            let page = try await center.get("/decisions?municipality=\(arm.id!)&overdue=1")
            #expect(page.status == .ok && page.body.string.contains("Скорректировать ИОМ учителей") && page.body.string.contains("просрочено"))
            // The demo's overdue recommendation is there too; the one reported on time is not.
            #expect(!page.body.string.contains("практико-ориентированные семинары"))
            let all = try await center.get("/decisions?municipality=\(arm.id!)")
            #expect(all.body.string.contains("практико-ориентированные семинары"))
        }
    }

    @Test func recommendationFromAMonitoringRow() async throws {
        try await withTestApp { app in
            let center = try await Browser.signIn("center", app)
            let summary = try await center.get("/monitoring")
            #expect(summary.status == .ok)
            let html = summary.body.string
            let start = try #require(html.range(of: "/decisions/new?municipality="))
            let end = try #require(html[start.lowerBound...].firstIndex(of: "\""))
            let link = String(html[start.lowerBound..<end]).replacingOccurrences(of: "&amp;", with: "&")
            #expect(link.contains("&school=") && link.contains("&year=") && link.contains("&values="))
            let form = try await center.get(link)
            #expect(form.status == .ok)
            let body = form.body.string
            #expect(body.contains("Рекомендация по итогам мониторинга") && body.contains("рекомендуется") && body.contains("Показатель"))
            #expect(body.contains("value=\"recommendation\" selected") && body.contains("Аналитическая справка"))
            // The department issues too; the region's coordinator has no link (and no form).
            #expect(try await Browser.signIn("uo", app).get("/monitoring").body.string.contains("/decisions/new?"))
            let region = try await Browser.signIn("region", app)
            #expect(!(try await region.get("/monitoring").body.string.contains("/decisions/new?")))
            #expect(try await region.get(link).status == .forbidden)
            // The form with a school of another municipality prefills nothing from it.
            let len = try #require(try await School.query(on: app.db).filter(\.$code == "LEN-002").first())
            let foreign = try await center.get("/decisions/new?school=\(len.id!)&year=2025&values=x")
            #expect(foreign.status == .ok && !foreign.body.string.contains("Рекомендация по итогам мониторинга") && !foreign.body.string.contains("рекомендуется"))
        }
    }
}
