@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

extension Browser {
    /// Posts a multipart form with one file and the CSRF field.
    func upload(_ path: String, file: String, name: String = "plan.csv") async throws -> TestingHTTPResponse {
        let boundary = "XPLANBOUNDARYX"
        let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: text/csv\r\n\r\n\(file)\r\n--\(boundary)--\r\n"
        var result: TestingHTTPResponse!
        try await app.testing().test(.POST, path, headers: ["Cookie": cookies, "Content-Type": "multipart/form-data; boundary=\(boundary)"],
                                     body: ByteBuffer(string: body)) { res in result = res }
        return result
    }
}

@Suite("Plans: pages, forms, approval, versions, imports, figures") struct PlansTests {
    typealias F = PostFixture

    static let header = "section;measure;start;deadline;recurrence;responsible;targets;addresses;status;done_dates"
    /// The hand-made plan of the Domain tests as a file: at 31.03.2025 items 4, due 5, done 3, on time 2.
    static let file = [
        header,
        "М1;Совещание;;31.03.2025;none;МНЦ;management;дефицит анализа;done;31.03.2025",
        "М1;Семинар;;10.03.2025;none;МНЦ;teachers;;done;11.03.2025",
        "М2;Посещение уроков;01.01.2025;30.06.2025;monthly;Наставники;teachers;риск неуспешности;in_progress;30.01.2025,,",
        "М2;Отменённое;01.01.2025;31.12.2025;quarterly;;shmo;x;cancelled;",
        "М2;Будущее;;15.05.2025;none;;;;planned;",
    ].joined(separator: "\n")

    static func newPlan(_ b: Browser, _ m: Municipality, owner: String = "municipality", title: String = "Дорожная карта 2025",
                        kind: String = "roadmap") async throws -> TestingHTTPResponse {
        try await b.post("/plans?municipality=\(m.id!)", [("owner", owner), ("kind", kind), ("year", "2025"), ("title", title)])
    }

    static func plan(_ title: String, _ app: Application) async throws -> Plan {
        try #require(try await Plan.query(on: app.db).filter(\.$title == title).first())
    }

    @Test func centerCreatesAPlanAndBadInputKeepsTheValues() async throws {
        try await withTestApp { app in
            let arm = try await F.municipality(0, app)
            let center = try await Browser.signIn("center", app)
            let bad = try await center.post("/plans?municipality=\(arm.id!)", [("owner", "municipality"), ("kind", "school_roadmap"), ("year", "20x5"), ("title", "Мой план")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Год — например") && bad.body.string.contains("Мой план") && bad.body.string.contains("ведёт школа"))
            let ok = try await Self.newPlan(center, arm)
            #expect(ok.status == .seeOther)
            let plan = try await Self.plan("Дорожная карта 2025", app)
            #expect(plan.kindCode == "roadmap" && plan.year == 2025 && plan.$school.id == nil && plan.state == "draft")
            #expect(try await F.audits(app, entity: "plan", action: "create").contains { $0.entityID == plan.id })
            #expect(try await Self.newPlan(center, arm).status == .unprocessableEntity, "the same owner, kind, year and title twice")
            // A school's administration may not create the municipality's plan; a teacher nothing at all.
            #expect(try await Self.newPlan(try await Browser.signIn("school", app), arm, title: "Чужой").status == .unprocessableEntity)
            #expect(try await Self.newPlan(try await Browser.signIn("teacher", app), arm, title: "Чужой").status == .forbidden)
            let page = try await center.get("/plans?municipality=\(arm.id!)")
            #expect(page.status == .ok && page.body.string.contains("Дорожная карта 2025"))
        }
    }

    @Test func itemsExecutionApprovalVersionsAndCopy() async throws {
        try await withTestApp { app in
            let arm = try await F.municipality(0, app)
            let center = try await Browser.signIn("center", app)
            _ = try await Self.newPlan(center, arm)
            let plan = try await Self.plan("Дорожная карта 2025", app)
            let id = plan.id!.uuidString
            // Bad dates: the error says what to fix, the measure entered is kept.
            let bad = try await center.post("/plans/\(id)/items", [("measure", "Семинар по ВПР"), ("start", "2025-05-01"), ("deadline", "2025-04-01"), ("recurrence", "monthly")])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("раньше начала") && bad.body.string.contains("Семинар по ВПР"))
            let none = try await center.post("/plans/\(id)/items", [("measure", "Анализ"), ("start", "2025-01-10"), ("deadline", "2025-03-30"), ("recurrence", "quarterly")])
            #expect(none.body.string.contains("ни одного наступления"))
            let ok = try await center.post("/plans/\(id)/items", [("measure", "Семинар по ВПР"), ("start", "2025-01-01"), ("deadline", "2025-06-30"),
                                                                 ("recurrence", "quarterly"), ("targets", "teachers"), ("targets", "shmo"), ("addresses", "дефицит оценивания")])
            #expect(ok.status == .seeOther)
            let item = try #require(try await PlanItem.query(on: app.db).filter(\.$plan.$id == plan.id!).first())
            #expect(item.occurrences.map(\.iso) == ["2025-03-31", "2025-06-30"] && item.targets == "shmo,teachers")
            // Execution of the first quarter, a day late; an occurrence the item does not have is refused.
            #expect(F.flash(try await center.post("/plan-items/\(item.id!)/execution", [("due", "2025-04-15"), ("done", "2025-04-15")]))?.hasPrefix("error") == true)
            let mark = try await center.post("/plan-items/\(item.id!)/execution", [("due", "2025-03-31"), ("done", "2025-04-01"), ("evidence", "протокол № 3")])
            #expect(F.flash(mark)?.contains("позже срока") == true)
            let page = try await center.get("/plans/\(id)?as_of=2025-04-30")
            #expect(page.body.string.contains("data-figure=\"timeliness\" data-value=\"0\""))
            #expect(page.body.string.contains("data-figure=\"completeness\" data-value=\"1\""))
            // Changing the item's dates (draft: no reason needed).
            let upd = try await center.post("/plan-items/\(item.id!)", [("measure", "Семинар по ВПР и ОГЭ"), ("start", "2025-01-01"), ("deadline", "2025-12-31"),
                                                                       ("recurrence", "half_year"), ("status", "in_progress")])
            #expect(upd.status == .seeOther)
            #expect(try await PlanExecution.query(on: app.db).filter(\.$item.$id == item.id!).count() == 0, "the March occurrence is gone")
            // Approval: bad input, then a version is kept.
            #expect(try await center.post("/plans/\(id)/approve", [("order_number", ""), ("order_date", "x")]).status == .unprocessableEntity)
            #expect(try await center.post("/plans/\(id)/approve", [("order_number", "9/1"), ("order_date", "2025-01-09"), ("approved_by", "Центр")]).status == .seeOther)
            var approved = try await Self.plan("Дорожная карта 2025", app)
            #expect(approved.isApproved && approved.version == 1)
            #expect(try await center.get("/plans/\(id)/versions/1").status == .ok)
            // A change after approval needs a reason and makes version 2; re-importing is refused.
            let noReason = try await center.post("/plans/\(id)/items", [("measure", "Новый пункт"), ("deadline", "2025-10-01")])
            #expect(noReason.status == .unprocessableEntity && noReason.body.string.contains("укажите причину"))
            #expect(try await center.post("/plans/\(id)/items", [("measure", "Новый пункт"), ("deadline", "2025-10-01"), ("reason", "решение совещания")]).status == .seeOther)
            approved = try await Self.plan("Дорожная карта 2025", app)
            #expect(approved.version == 2)
            let v2 = try await center.get("/plans/\(id)/versions/2")
            #expect(v2.body.string.contains("Новый пункт") && v2.body.string.contains("решение совещания"))
            #expect(!(try await center.get("/plans/\(id)/versions/1")).body.string.contains("Новый пункт"))
            let re = try await center.upload("/plans/\(id)/import", file: Self.file)
            #expect(re.status == .unprocessableEntity && re.body.string.contains("утверждён"))
            #expect(try await center.post("/plans/\(id)", [("title", "Дорожная карта 2025 (ред.)")]).status == .unprocessableEntity)
            #expect(try await center.post("/plans/\(id)", [("title", "Дорожная карта 2025 (ред.)"), ("reason", "уточнение")]).status == .seeOther)
            // Copy to the next year: a draft with the dates a year later.
            #expect(try await center.post("/plans/\(id)/copy", []).status == .seeOther)
            let copy = try await Self.plan("Дорожная карта 2026 (ред.)", app)
            #expect(copy.year == 2026 && copy.state == "draft" && copy.copiedFromID == plan.id)
            let copied = try await PlanItem.query(on: app.db).filter(\.$plan.$id == copy.id!).sort(\.$position).all()
            #expect(copied.first?.deadline == "2026-12-31" && copied.count == 2)
            #expect(F.flash(try await center.post("/plans/\(id)/copy", []))?.hasPrefix("error") == true)
            // Who may not change it.
            for login in ["school", "mentor", "uo", "region"] {
                #expect(try await Browser.signIn(login, app).post("/plans/\(id)/items", [("measure", "x"), ("deadline", "2025-10-01"), ("reason", "x")]).status == .forbidden, "\(login)")
            }
        }
    }

    @Test func uploadOnThePlansPageAndTheFiguresCommandEqualsThePage() async throws {
        try await withTestApp { app in
            let arm = try await F.municipality(0, app)
            let center = try await Browser.signIn("center", app)
            _ = try await Self.newPlan(center, arm)
            let plan = try await Self.plan("Дорожная карта 2025", app)
            let id = plan.id!.uuidString
            let bad = try await center.upload("/plans/\(id)/import", file: Self.file.replacingOccurrences(of: "in_progress", with: "сделано"))
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("ничего не записано") && bad.body.string.contains("status"))
            #expect(try await PlanItem.query(on: app.db).filter(\.$plan.$id == plan.id!).count() == 0)
            let ok = try await center.upload("/plans/\(id)/import", file: Self.file)
            #expect(ok.status == .seeOther)
            #expect(try await PlanItem.query(on: app.db).filter(\.$plan.$id == plan.id!).count() == 5)
            // The monthly item's March occurrence: executed 05.04 on the page.
            let monthly = try #require(try await PlanItem.query(on: app.db).filter(\.$plan.$id == plan.id!).filter(\.$recurrence == "monthly").first())
            let e = PlanExecution(); e.$item.id = monthly.id!; e.dueDay = "2025-03-31"; e.doneDay = "2025-04-05"; e.evidence = ""; e.evidenceURL = ""
            try await e.create(on: app.db)
            // Re-import of a draft replaces its items.
            #expect(try await center.upload("/plans/\(id)/import", file: Self.file).status == .seeOther)
            #expect(try await PlanItem.query(on: app.db).filter(\.$plan.$id == plan.id!).count() == 5)
            for asOf in ["2025-03-31", "2025-01-01"] {
                let rows = try await PlanService.rows(arm, asOf: CalendarDay(iso: asOf)!, on: app.db).filter { $0.planTitle == plan.title }
                let csv = try PlansCommand.render(rows, format: "csv")
                let page = try await center.get("/plans/\(id)?as_of=\(asOf)").body.string
                for r in rows {
                    let attr = r.value.isEmpty ? "data-figure=\"\(r.figure)\" data-value>" : "data-figure=\"\(r.figure)\" data-value=\"\(r.value)\""
                    #expect(page.contains(attr), "\(asOf) \(r.figure)=\(r.value)")
                    #expect(csv.contains("municipality,roadmap,2025,Дорожная карта 2025,\(r.figure),\(r.value)\n"))
                }
                if asOf == "2025-03-31" {
                    #expect(Dictionary(uniqueKeysWithValues: rows.map { ($0.figure, $0.value) }) == ["items": "4", "due": "5", "done": "3", "on_time": "2",
                        "completeness": "0.6", "timeliness": "0.4", "targeted_share": "0.5", "cyclic": "true", "groups_covered": "2"])
                } else {
                    #expect(rows.first { $0.figure == "completeness" }?.value == "")
                }
            }
            #expect(try PlansCommand.render([], format: "json") == "[\n\n]\n" || (try PlansCommand.render([], format: "json")).hasPrefix("["))
        }
    }

    @Test func commandLineImportCreatesADraftOnlyInsideTheMunicipality() async throws {
        try await withTestApp { app in
            let arm = try await F.municipality(0, app)
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID()).csv")
            try Self.file.write(to: url, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: url) }
            func run(_ owner: String, kind: String = "school_roadmap") async throws -> ImportOutcome {
                try await ImportPipeline.importFile(.plan(PlanImportTarget(owner: owner, kindCode: kind, year: 2025, title: "ДК школы")), at: url,
                                                    scope: .municipality(arm), defaultYear: nil, actor: .commandLine, app: app).outcome
            }
            let other = try await run("LEN-002")
            #expect(other.status == .failed && other.errors.first?.message.contains("не найдена в муниципалитете") == true)
            #expect(try await run("ARM-006", kind: "roadmap").errors.first?.message.contains("ведёт") == true)
            #expect(try await run("ARM-006", kind: "nope").errors.first?.message.contains("не найден") == true)
            let ok = try await run("arm-006")
            #expect(ok.status == .done && ok.created == 5)
            let plan = try await Self.plan("ДК школы", app)
            #expect(plan.$school.id == (try await Fixture.school("ARM-006", app)).id && plan.state == "draft")
            #expect(try await PlanExecution.query(on: app.db).count() >= 3)
        }
    }

    @Test func kindsAreTheAdminsAndPlansAreReadWithinScope() async throws {
        try await withTestApp { app in
            let admin = try await Browser.signIn("admin", app)
            #expect(try await admin.post("/plans/kinds", [("code", "Bad Code"), ("title", "")]).status == .unprocessableEntity)
            #expect(try await admin.post("/plans/kinds", [("code", "anti_risk"), ("title", "Антирисковая программа"), ("owner_level", "school")]).status == .seeOther)
            let k = try #require(try await PlanKind.query(on: app.db).filter(\.$code == "anti_risk").first())
            #expect(try await admin.post("/plans/kinds/\(k.id!)", [("title", "Антирисковая программа школы"), ("owner_level", "school")]).status == .seeOther)
            #expect(try await PlanKind.find(k.id, on: app.db)?.active == false)
            #expect(try await Browser.signIn("center", app).post("/plans/kinds", [("code", "x"), ("title", "x")]).status == .forbidden)
            // The demo roadmap: the center, department and region read it; a mentor and a teacher do not.
            let roadmap = try #require(try await Plan.query(on: app.db).filter(\.$kindCode == "roadmap").first())
            for (login, status) in [("center", HTTPStatus.ok), ("uo", .ok), ("region", .ok), ("mentor", .forbidden), ("teacher", .forbidden), ("tutor", .forbidden)] {
                #expect(try await Browser.signIn(login, app).get("/plans/\(roadmap.id!)").status == status, "\(login)")
            }
            #expect(try await Browser.signIn("center", app).get("/plans/method").body.string.contains("Своевременность"))
            #expect(try await Browser.signIn("center", app).get("/plans/templates/plan.csv").status == .ok)
        }
    }
}
