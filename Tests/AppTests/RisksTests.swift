@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Risks: the register over HTTP, the deadlines, the matrix, the kinds, who is refused") struct RisksTests {
    static func fields(kind: String = "staffing", level: String = "high", cyclic: Bool, registered: String, next: String = "",
                       measures: [String] = []) -> [(String, String)] {
        [("kind", kind), ("level", level), ("manageability", "managed"), ("evidence", "Три вакансии учителей начальных классов"),
         ("owner", "Директор школы"), ("registered", registered), ("next_occurrence", next)]
            + (cyclic ? [("cyclic", "1")] : []) + measures.map { ("measures", $0) }
    }

    static func otherSchool(_ a: School, _ app: Application) async throws -> School {
        try #require(try await School.query(on: app.db).filter(\.$municipality.$id == a.$municipality.id).filter(\.$id != a.id!).sort(\.$code).first())
    }

    @Test func registerCyclicRiskWithMeasuresAndSeeItInTheMatrix() async throws {
        try await withTestApp { app in
            let a = try await ControlFixture.schoolA(app)
            let today = CalendarDay(date: app.now(), timeZone: PlanService.zone)
            let center = try await Browser.signIn("center", app)
            // Bad input: every problem named, the values kept.
            let bad = try await center.post("/risks/schools/\(a.id!)", [("kind", ""), ("level", "high"), ("evidence", "Нет учителя физики"), ("owner", ""),
                ("registered", today.iso), ("cyclic", "1"), ("next_occurrence", "")])
            #expect(bad.status == .unprocessableEntity)
            for text in ["Выберите вид риска", "Выберите управляемость", "Укажите владельца", "ближайшего возможного проявления", "Нет учителя физики"] {
                #expect(bad.body.string.contains(text), "\(text)")
            }
            // A plan item of another municipality is not a measure here.
            let plans = try await Plan.query(on: app.db).all()
            let mine = try #require(plans.first { $0.municipalityID == a.$municipality.id && ($0.$school.id == a.id || $0.$school.id == nil) })
            let item = try #require(try await PlanItem.query(on: app.db).filter(\.$plan.$id == mine.id!).first())
            if let foreignPlan = plans.first(where: { $0.municipalityID != a.$municipality.id }),
               let foreign = try await PlanItem.query(on: app.db).filter(\.$plan.$id == foreignPlan.id!).first() {
                let f = try await center.post("/risks/schools/\(a.id!)", Self.fields(cyclic: false, registered: today.iso, measures: [foreign.id!.uuidString]))
                #expect(f.status == .unprocessableEntity && f.body.string.contains("Мера не из планов"))
            }
            let next = today.adding(days: 30)
            let ok = try await center.post("/risks/schools/\(a.id!)", Self.fields(cyclic: true, registered: today.iso, next: next.iso, measures: [item.id!.uuidString]))
            #expect(ok.status == .seeOther)
            let r = try #require(try await SchoolRisk.query(on: app.db).filter(\.$school.$id == a.id!).filter(\.$kindCode == "staffing").first())
            #expect(r.cyclic && r.level == "high" && r.measures == [item.id!] && r.decidedOn == nil)
            #expect(r.deadlines.decision == today && r.deadlines.measures == next.adding(days: -1))
            #expect(try await PostFixture.audits(app, entity: "school_risk", action: "create").contains { $0.entityID == r.id })
            // The school's page: both deadlines, the measure, the June advice.
            let page = try await center.get("/risks/schools/\(a.id!)")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("решение — сразу, до \(today.ru)") && html.contains("меры — до \(next.adding(days: -1).ru)"))
            #expect(html.contains(item.measure) && html.contains("не позднее \(RiskDeadlines.nextYearDecisionsBy(today).ru)"))
            // The decision not taken is a task of the school's administration.
            #expect(try await Browser.signIn("school", app).get("/tasks").body.string.contains("Принять решение по циклическому риску"))
            // The matrix: the cell of A × «Кадровые риски» is high; the legend is there.
            let matrix = try await center.get("/risks?municipality=\(a.$municipality.id)")
            #expect(matrix.status == .ok)
            let mh = matrix.body.string
            #expect(mh.contains("Кадровые риски") && mh.contains(a.shortName) && mh.contains("Условные обозначения"))
            let row = try #require(mh.range(of: a.shortName).map { String(mh[$0.lowerBound...].prefix(4000)) })
            #expect(row.contains("высокий"))
            // The edit: the decision is taken; bad input keeps the values.
            let badEdit = try await center.post("/risks/\(r.id!)/edit", Self.fields(level: "extreme", cyclic: true, registered: today.iso, next: next.iso))
            #expect(badEdit.status == .unprocessableEntity && badEdit.body.string.contains("Выберите уровень риска") && badEdit.body.string.contains("Три вакансии"))
            var edited = Self.fields(level: "medium", cyclic: true, registered: today.iso, next: next.iso, measures: [item.id!.uuidString])
            edited.append(("decided", today.iso))
            #expect(try await center.post("/risks/\(r.id!)/edit", edited).status == .seeOther)
            let after = try #require(try await SchoolRisk.find(r.id, on: app.db))
            #expect(after.level == "medium" && after.decidedOn == today.iso)
            #expect(try await PostFixture.audits(app, entity: "school_risk", action: "update").contains { $0.entityID == r.id })
        }
    }

    @Test func aSchoolAdminKeepsOnlyItsOwnSchoolsRisks() async throws {
        try await withTestApp { app in
            let a = try await ControlFixture.schoolA(app)
            let b = try await Self.otherSchool(a, app)
            let today = CalendarDay(date: app.now(), timeZone: PlanService.zone)
            let school = try await Browser.signIn("school", app)
            #expect(try await school.post("/risks/schools/\(a.id!)", Self.fields(kind: "social", cyclic: false, registered: today.iso)).status == .seeOther)
            #expect(try await school.post("/risks/schools/\(b.id!)", Self.fields(kind: "social", cyclic: false, registered: today.iso)).status == .forbidden)
            let center = try await Browser.signIn("center", app)
            #expect(try await center.post("/risks/schools/\(b.id!)", Self.fields(kind: "equipment", cyclic: false, registered: today.iso)).status == .seeOther)
            let rb = try #require(try await SchoolRisk.query(on: app.db).filter(\.$school.$id == b.id!).filter(\.$kindCode == "equipment").first())
            #expect(try await school.get("/risks/\(rb.id!)/edit").status == .forbidden)
            #expect(try await school.post("/risks/\(rb.id!)/edit", Self.fields(kind: "equipment", level: "low", cyclic: false, registered: today.iso)).status == .forbidden)
            #expect(try await SchoolRisk.find(rb.id, on: app.db)?.level == "high")
            // The mentor reads the school's risks but does not change them; the department reads, does not change.
            let mentor = try await Browser.signIn("mentor", app)
            #expect(try await mentor.get("/risks/schools/\(a.id!)").status == .ok)
            #expect(try await mentor.post("/risks/schools/\(a.id!)", Self.fields(cyclic: false, registered: today.iso)).status == .forbidden)
            #expect(try await Browser.signIn("uo", app).post("/risks/\(rb.id!)/edit", Self.fields(cyclic: false, registered: today.iso)).status == .forbidden)
            // The school card links the register.
            #expect(try await school.get("/schools/\(a.id!)").body.string.contains("/risks/schools/\(a.id!)"))
        }
    }

    @Test func kindsAreEditableReferenceData() async throws {
        try await withTestApp { app in
            let admin = try await Browser.signIn("admin", app)
            let page = try await admin.get("/risks/kinds")
            #expect(page.status == .ok && page.body.string.contains("Дефицит педагогических кадров") && page.body.string.contains("Доля вакансий"))
            let bad = try await admin.post("/risks/kinds", [("code", "Плохой код"), ("title", "Низкий уровень вовлечённости родителей"), ("model", "{\"indicators\": []")])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Код — латинские буквы") && bad.body.string.contains("не читается")
                    && bad.body.string.contains("Низкий уровень вовлечённости родителей"))
            let model = #"{"indicators":[{"title":"Доля родителей на собраниях","source":"журнал","normalisation":"1 − доля","weight":1}],"cutPoints":{"medium":0.5,"high":0.8}}"#
            #expect(try await admin.post("/risks/kinds", [("code", "f500_parents"), ("title", "Низкий уровень вовлечённости родителей"), ("factor_500", "1"),
                                                            ("active", "1"), ("model", model)]).status == .seeOther)
            let k = try #require(try await RiskKind.query(on: app.db).filter(\.$code == "f500_parents").first())
            #expect(k.model == model && k.factor500 && k.active)
            #expect(try await admin.post("/risks/kinds", [("code", "local_transport"), ("title", "Транспортная доступность"), ("active", "1")]).status == .seeOther)
            #expect(try await RiskKind.query(on: app.db).filter(\.$code == "local_transport").count() == 1)
            #expect(try await PostFixture.audits(app, entity: "risk_kind", action: "create").count == 1)
            #expect(try await Browser.signIn("center", app).post("/risks/kinds", [("code", "x"), ("title", "x")]).status == .forbidden)
        }
    }

    @Test func auditPlanProtocolRecheck() async throws {
        try await withTestApp { app in
            let a = try await ControlFixture.schoolA(app)
            let today = CalendarDay(date: app.now(), timeZone: PlanService.zone)
            let m = a.$municipality.id
            let center = try await Browser.signIn("center", app)
            let bad = try await center.post("/audits?municipality=\(m)", [("kind", "nope"), ("school", a.id!.uuidString), ("planned", "завтра")])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Выберите вид аудита") && bad.body.string.contains("дд.мм.гггг"))
            #expect(try await Browser.signIn("uo", app).post("/audits?municipality=\(m)", [("kind", "school_site"), ("planned", today.iso)]).status == .forbidden)
            #expect(try await center.post("/audits?municipality=\(m)", [("kind", "school_site"), ("school", a.id!.uuidString), ("planned", today.iso)]).status == .seeOther)
            let audit = try #require(try await DocumentAudit.query(on: app.db).filter(\.$school.$id == a.id!).first())
            let id = audit.id!.uuidString
            let show = try await center.get("/audits/\(id)")
            #expect(show.status == .ok && show.body.string.contains("Программа развития (концепция) размещена"))
            // A violation without a note and without a fix deadline; the values kept.
            var marks: [(String, String)] = (0..<5).map { ("mark_\($0)", "ok") }
            marks[3] = ("mark_3", "violation")
            let noNote = try await center.post("/audits/\(id)/protocol", marks + [("held", today.iso), ("note_0", "проверено по сайту")])
            #expect(noNote.status == .unprocessableEntity && noNote.body.string.contains("Опишите нарушение") && noNote.body.string.contains("укажите срок их устранения")
                    && noNote.body.string.contains("проверено по сайту"))
            let fix = today.adding(days: 14)
            #expect(try await center.post("/audits/\(id)/protocol", marks + [("held", today.iso), ("note_3", "Дорожная карта не размещена"), ("fix_deadline", fix.iso)]).status == .seeOther)
            var row = try #require(try await DocumentAudit.find(audit.id, on: app.db))
            #expect(row.state == "violations" && row.fixDeadline == fix.iso && row.findingList.filter { !$0.ok }.map(\.note) == ["Дорожная карта не размещена"])
            // The re-check: not all fixed needs a new deadline; then fixed closes it.
            let noDeadline = try await center.post("/audits/\(id)/recheck", [("fixed", "no"), ("recheck_day", today.iso), ("recheck_note", "Размещена не та редакция")])
            #expect(noDeadline.status == .unprocessableEntity && noDeadline.body.string.contains("укажите новый срок"))
            #expect(try await center.post("/audits/\(id)/recheck", [("fixed", "yes"), ("recheck_day", today.iso)]).status == .seeOther)
            row = try #require(try await DocumentAudit.find(audit.id, on: app.db))
            #expect(row.state == "closed" && row.recheckedOn == today.iso)
            #expect(try await PostFixture.audits(app, entity: "document_audit", action: "update").filter { $0.entityID == audit.id }.count == 2)
            #expect(try await center.post("/audits/\(id)/recheck", [("fixed", "yes"), ("recheck_day", today.iso)]).status == .unprocessableEntity)
            #expect(try await Browser.signIn("uo", app).get("/audits?municipality=\(m)").body.string.contains("закрыт"))
            #expect(try await Browser.signIn("school", app).get("/audits/\(id)").status == .forbidden)
            // The checklist is editable by admin only.
            let admin = try await Browser.signIn("admin", app)
            let empty = try await admin.post("/audits/kinds", [("code", "school_site"), ("title", "Сайт школы"), ("checklist", " \n ")])
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("хотя бы один пункт"))
            #expect(try await admin.post("/audits/kinds", [("code", "school_site"), ("title", "Сайт школы"), ("checklist", "Пункт 1\nПункт 2")]).status == .seeOther)
            #expect(try await DocumentAuditKind.query(on: app.db).filter(\.$code == "school_site").first()?.checklist == "Пункт 1\nПункт 2")
            #expect(try await center.post("/audits/kinds", [("code", "x"), ("title", "x"), ("checklist", "y")]).status == .forbidden)
        }
    }
}
