@testable import App
import Domain
import DemoData
import Fluent
import Testing
import Vapor
import VaporTesting

@Suite("School registry pages") struct SchoolsTests {
    func form(_ m: Municipality, code: String, login: String = "edu239991") -> [(String, String)] {
        [("municipality_id", m.id!.uuidString), ("code", code), ("short_name", "МБОУ СОШ № 99"),
         ("full_name", "Муниципальное бюджетное общеобразовательное учреждение средняя школа № 99"), ("kind", "СОШ"),
         ("legal_form", "МБОУ"), ("director", "Тестова Анна Петровна"), ("fis_oko_login", login), ("gia_code", "9999")]
    }

    @Test func createValidatesKeepsValuesAndAudits() async throws {
        try await withTestApp { app in
            let b = try await Browser.signIn("center", app)
            let armavir = try #require(try await Municipality.query(on: app.db).filter(\.$code == DemoCatalog.municipalities[0].code).first())
            let bad = try await b.post("/schools", form(armavir, code: "ARM-099", login: "edu12"))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Логин ФИС ОКО — «edu» или «sch» и 6 цифр"))
            #expect(bad.body.string.contains("Исправьте ошибки"))
            #expect(bad.body.string.contains("value=\"МБОУ СОШ № 99\""), "entered values are kept")
            #expect(try await School.query(on: app.db).filter(\.$code == "ARM-099").count() == 0)
            let taken = try await b.post("/schools", form(armavir, code: "ARM-006"))
            #expect(taken.status == .unprocessableEntity)
            #expect(taken.body.string.contains("уже занят"))
            let ok = try await b.post("/schools", form(armavir, code: "ARM-099", login: "sch239991"))
            #expect(ok.status == .seeOther)
            let created = try await Fixture.school("ARM-099", app)
            #expect(created.fisOkoLogin == "239991", "sch and edu logins are stored as the same 6 digits")
            let audit = try #require(try await AuditEntry.query(on: app.db).filter(\.$entity == "school").filter(\.$entityID == created.id!).first())
            #expect(audit.action == "create")
            #expect(audit.userLogin == "center")
            #expect(audit.afterJSON?.contains("ARM-099") == true)
            // Centre of Armavir may not create in Leningradsky district.
            let len = try #require(try await Municipality.query(on: app.db).filter(\.$code == DemoCatalog.municipalities[1].code).first())
            let foreign = try await b.post("/schools", form(len, code: "LEN-099"))
            #expect(foreign.status == .unprocessableEntity)
            #expect(try await School.query(on: app.db).filter(\.$code == "LEN-099").count() == 0)
        }
    }

    @Test func schoolAdministrationEditsOwnCardOnlyWithBeforeAfter() async throws {
        try await withTestApp { app in
            let b = try await Browser.signIn("school", app)
            let grant = try #require(try await RoleGrant.query(on: app.db).filter(\.$user.$id == (try await Fixture.user("school", app)).id!).first())
            let own = try #require(try await School.find(grant.schoolID, on: app.db))
            var fields = own.draft
            fields.phone = "+7 (86137) 3-00-00"
            let res = try await b.post("/schools/\(own.id!)", [("code", fields.code), ("short_name", fields.shortName), ("full_name", fields.fullName),
                                                               ("kind", fields.kind), ("legal_form", fields.legalForm), ("director", fields.directorName),
                                                               ("address", fields.address), ("phone", fields.phone), ("fis_oko_login", fields.fisOkoLogin),
                                                               ("gia_code", fields.giaCode)])
            #expect(res.status == .seeOther)
            #expect(try await School.find(own.id, on: app.db)?.phone == "+7 (86137) 3-00-00")
            let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$entityID == own.id!).filter(\.$action == "update").first())
            #expect(entry.beforeJSON?.contains("3-00-00") == false)
            #expect(entry.afterJSON?.contains("3-00-00") == true)
            let other = try await Fixture.school("LEN-002", app)
            #expect(try await b.post("/schools/\(other.id!)", [("code", "X")]).status == .forbidden)
        }
    }

    @Test func statusPerYearWithOrderAndFilter() async throws {
        try await withTestApp { app in
            let b = try await Browser.signIn("center", app)
            let s = try await Fixture.school("ARM-005", app)
            let bad = try await b.post("/schools/\(s.id!)/statuses", [("year", "20x5"), ("low_results", "1")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Укажите год"))
            let ok = try await b.post("/schools/\(s.id!)/statuses", [("year", "2026"), ("low_results", "1"), ("order_number", "12"), ("order_date", "15.01.2026")])
            #expect(ok.status == .seeOther)
            let dup = try await b.post("/schools/\(s.id!)/statuses", [("year", "2026"), ("difficult_conditions", "1")])
            #expect(dup.body.string.contains("уже есть"))
            let list = try await b.get("/schools?year=2026&status=low_results")
            #expect(list.body.string.contains("МАОУ-СОШ № 5"))
            #expect(list.body.string.contains("Найдено: 1"))
            let card = try await b.get("/schools/\(s.id!)")
            #expect(card.body.string.contains("№ 12 от 15.01.2026"))
        }
    }

    @Test func demoStatusesFollowTheSeeds() async throws {
        try await withTestApp { app in
            let b = try await Browser.signIn("region", app)
            // Leningradsky district: ten ШНОР, three of them in «500+» (seed 001).
            let len = try #require(try await Municipality.query(on: app.db).filter(\.$code == DemoCatalog.municipalities[1].code).first())
            let low = try await b.get("/schools?municipality=\(len.id!)&year=2021&status=low_results")
            #expect(low.body.string.contains("Найдено: 10"))
            let p500 = try await b.get("/schools?municipality=\(len.id!)&year=2021&status=program_500")
            #expect(p500.body.string.contains("Найдено: 3"))
        }
    }

    @Test func contextValidationAndAssignment() async throws {
        try await withTestApp { app in
            let b = try await Browser.signIn("center", app)
            let s = try await Fixture.school("ARM-005", app)
            // The demo has figures of 2024 and 2025 for every school: a second 2025 is refused.
            let twice = try await b.post("/schools/\(s.id!)/context", [("year", "2025"), ("low_income_share", "12,5")])
            #expect(twice.status == .unprocessableEntity && twice.body.string.contains("Данные за этот год уже внесены"))
            let bad = try await b.post("/schools/\(s.id!)/context", [("year", "2023"), ("low_income_share", "120"), ("students_count", "5,5"),
                                                                      ("noko_below_base_share", "140")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Доля — число от 0 до 100"))
            #expect(bad.body.string.contains("Ожидается целое число"))
            #expect(bad.body.string.contains("value=\"120\"") && bad.body.string.contains("value=\"140\""))
            let ok = try await b.post("/schools/\(s.id!)/context", [("year", "2023"), ("low_income_share", "12,5"), ("social_wellbeing_index", "0,87"),
                                                                     ("noko_completion", "61,5"), ("noko_below_base_share", "18,4")])
            #expect(ok.status == .seeOther)
            let saved = try await SchoolContext.query(on: app.db).filter(\.$school.$id == s.id!).filter(\.$year == 2023).first()
            #expect(saved?.lowIncomeShare == 12.5 && saved?.nokoCompletion == 61.5 && saved?.nokoBelowBaseShare == 18.4)
            // The card lists figures by year, latest first: 2025, 2024 (demo), then 2023 with the values just entered.
            let card2023 = try await b.get("/schools/\(s.id!)").body.string
            for (title, value) in [("НОКО: средний процент выполнения", "61,5"), ("НОКО: не достигли базового уровня, %", "18,4"), ("Дети из малообеспеченных семей, %", "12,5")] {
                let row = try #require(card2023.range(of: "<td>\(title)</td>").map { String(card2023[$0.upperBound...].prefix(while: { $0 != "\n" })) })
                let cells = row.components(separatedBy: "</tr>")[0].components(separatedBy: "<td class=\"num\">").dropFirst().map { $0.components(separatedBy: "</td>")[0] }
                #expect(cells.count == 3 && cells[2] == value, "\(title): \(cells)")
            }
            let leader = try await Fixture.school("ARM-019", app)
            let assign = try await b.post("/schools/\(s.id!)/assignments", [("kind", "leader_school"), ("leader_school_id", leader.id!.uuidString), ("order_number", "7")])
            #expect(assign.status == .seeOther)
            let card = try await b.get("/schools/\(s.id!)")
            #expect(card.body.string.contains(leader.shortName))
        }
    }
}
