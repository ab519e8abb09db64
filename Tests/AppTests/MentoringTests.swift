@testable import App
import DemoData
import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

/// The mentoring center and tutor point through HTTP: the work log, routes, questions, diagnostics, the figures.
@Suite("Mentoring center and tutor point") struct MentoringTests {
    struct Demo { let tutor: Person; let tutorants: [Person]; let teacher: Person }

    static func demo(_ app: Application) async throws -> Demo {
        let tutorUser = try await Fixture.user("tutor", app), teacherUser = try await Fixture.user("teacher", app)
        let tutor = try #require(try await Person.find(tutorUser.$person.id, on: app.db))
        let teacher = try #require(try await Person.find(teacherUser.$person.id, on: app.db))
        let ids = try await Assignment.query(on: app.db).filter(\.$kind == AssignmentKind.tutorTeacher.rawValue).filter(\.$person.$id == tutor.id!).all()
            .compactMap(\.$teacher.id)
        let tutorants = try await Person.query(on: app.db).filter(\.$id ~~ ids).all()
        return Demo(tutor: tutor, tutorants: tutorants, teacher: teacher)
    }

    @Test func workLogIsTheSupportersOwn() async throws {
        try await withTestApp { app in
            let d = try await Self.demo(app)
            let tutorant = try #require(d.tutorants.first)
            let tutor = try await Browser.signIn("tutor", app)
            #expect(try await tutor.get("/support/log").body.string.contains(tutorant.fullName))
            let today = CalendarDay(date: app.now(), timeZone: CuratorshipService.zone)
            let before = try await Interaction.query(on: app.db).filter(\.$author.$id == d.tutor.id!).count()
            let ok = try await tutor.post("/support/log", [("target", "teacher:\(tutorant.id!)"), ("day", today.iso), ("duration_min", "40"),
                                                           ("form", "consultation"), ("format", "remote"), ("topic", "Разбор контрольной")])
            #expect(ok.status == .seeOther)
            let saved = try #require(try await Interaction.query(on: app.db).filter(\.$topic == "Разбор контрольной").first())
            #expect(saved.$author.id == d.tutor.id && saved.$teacher.id == tutorant.id && saved.durationMinutes == 40 && saved.dayText == today.iso)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "interaction").filter(\.$entityID == saved.id).count() == 1)
            // A teacher who is not this tutor's tutorant, a future date, no topic: refused with the entered values kept, nothing written.
            let stranger = try #require(try await Person.query(on: app.db).filter(\.$id !~ d.tutorants.compactMap(\.id)).filter(\.$school.$id != nil).first())
            let bad = try await tutor.post("/support/log", [("target", "teacher:\(stranger.id!)"), ("day", today.adding(days: 3).iso), ("duration_min", "40"),
                                                            ("form", "consultation"), ("format", "remote"), ("topic", "")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Выберите школу или педагога") && bad.body.string.contains("Укажите тему"))
            #expect(try await Interaction.query(on: app.db).filter(\.$author.$id == d.tutor.id!).count() == before + 1)
            // A teacher has no work log.
            #expect(try await Browser.signIn("teacher", app).post("/support/log", [("topic", "x")]).status == .forbidden)
        }
    }

    @Test func routeStepsAndStatesFollowTheWorkflow() async throws {
        try await withTestApp { app in
            let d = try await Self.demo(app)
            let teacher = try await Browser.signIn("teacher", app), tutor = try await Browser.signIn("tutor", app)
            let page = try await teacher.get("/deficits/\(d.teacher.id!)")
            #expect(page.status == .ok && page.body.string.contains("Профессиональные дефициты") && page.body.string.contains("Действует"))
            let year = DeficitRules.diagnosticsYear(of: CalendarDay(date: app.now(), timeZone: CuratorshipService.zone))
            // The tutor adds a step; the teacher marks it done with its date and evidence.
            #expect(try await tutor.post("/deficits/\(d.teacher.id!)/steps", [("year", String(year)), ("title", "Вебинар ИРО по оцениванию"), ("kind", "course"),
                                                                              ("deficit_area", "assessment")]).status == .seeOther)
            let step = try #require(try await RouteStepRecord.query(on: app.db).filter(\.$title == "Вебинар ИРО по оцениванию").first())
            #expect(step.stepStatus == .planned && step.area == .assessment)
            let today = CalendarDay(date: app.now(), timeZone: CuratorshipService.zone)
            #expect(try await teacher.post("/route-steps/\(step.id!)", [("status", "done"), ("done_day", today.iso), ("evidence", "сертификат № 5")]).status == .seeOther)
            let done = try #require(try await RouteStepRecord.find(step.id, on: app.db))
            #expect(done.stepStatus == .done && done.doneDay == today.iso && done.evidence == "сертификат № 5")
            // Reopening a done step is the tutor's; the teacher's attempt changes nothing.
            _ = try await teacher.post("/route-steps/\(step.id!)", [("status", "in_progress")])
            #expect(try await RouteStepRecord.find(step.id, on: app.db)?.stepStatus == .done)
            // Cancelling needs a reason.
            let other = try #require(try await RouteStepRecord.query(on: app.db).filter(\.$route.$id == step.$route.id).filter(\.$status == "planned").first())
            _ = try await teacher.post("/route-steps/\(other.id!)", [("status", "cancelled"), ("reason", "")])
            #expect(try await RouteStepRecord.find(other.id, on: app.db)?.stepStatus == .planned)
            // Completing the route is the tutor's or the center's, not the teacher's.
            _ = try await teacher.post("/deficits/\(d.teacher.id!)/state", [("year", String(year)), ("to", "completed")])
            #expect(try await RouteRecord.find(step.$route.id, on: app.db)?.routeState == .active)
            #expect(try await tutor.post("/deficits/\(d.teacher.id!)/state", [("year", String(year)), ("to", "completed")]).status == .seeOther)
            #expect(try await RouteRecord.find(step.$route.id, on: app.db)?.routeState == .completed)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "route").filter(\.$entityID == step.$route.id).count() == 1)
        }
    }

    @Test func personalRoutesAreNotShownToAnotherSchool() async throws {
        try await withTestApp { app in
            let d = try await Self.demo(app)
            let schoolUser = try await Fixture.user("school", app)
            let grant = try #require(try await RoleGrant.query(on: app.db).filter(\.$user.$id == schoolUser.id!).first())
            let mine = d.teacher.$school.id == grant.schoolID
            let status = try await Browser.signIn("school", app).get("/deficits/\(d.teacher.id!)").status
            #expect(status == (mine ? .ok : .forbidden))
            #expect(try await Browser.signIn("expert", app).get("/deficits/\(d.teacher.id!)").status == .forbidden)
            #expect(try await Browser.signIn("center", app).get("/deficits/\(d.teacher.id!)").status == .ok)
            let fallback = try await Person.query(on: app.db).filter(\.$id != d.teacher.id!).first()
            let otherTeacher = try #require(d.tutorants.first { $0.id != d.teacher.id } ?? fallback)
            #expect(try await Browser.signIn("teacher", app).get("/deficits/\(otherTeacher.id!)").status == .forbidden)
        }
    }

    @Test func questionGoesToTheTutorAndIsAnsweredByAnInteraction() async throws {
        try await withTestApp { app in
            let d = try await Self.demo(app)
            let teacher = try await Browser.signIn("teacher", app), tutor = try await Browser.signIn("tutor", app)
            #expect(try await teacher.post("/deficits/\(d.teacher.id!)/ask", [("text", "Как оценивать устные ответы?")]).status == .seeOther)
            let request = try #require(try await SupportRequest.query(on: app.db).filter(\.$from.$id == d.teacher.id!).first())
            #expect(request.$to.id == d.tutor.id && request.answeredBy == nil)
            let form = try await tutor.get("/support/log?request=\(request.id!)")
            #expect(form.body.string.contains("Как оценивать устные ответы?"))
            let today = CalendarDay(date: app.now(), timeZone: CuratorshipService.zone)
            _ = try await tutor.post("/support/log", [("request_id", request.id!.uuidString), ("target", "teacher:\(d.teacher.id!)"), ("day", today.iso),
                                                      ("duration_min", "20"), ("form", "consultation"), ("format", "remote"), ("topic", "Ответ на вопрос")])
            let answered = try #require(try await SupportRequest.find(request.id, on: app.db))
            #expect(answered.answeredBy != nil)
        }
    }

    /// A deficit closes only by a later diagnostic that did not find it, never by steps.
    @Test func aLaterDiagnosticClosesADeficit() async throws {
        try await withTestApp { app in
            let d = try await Self.demo(app)
            let tutor = try await Browser.signIn("tutor", app)
            let open = try #require(try await DeficitRecord.query(on: app.db).filter(\.$teacher.$id == d.teacher.id!).filter(\.$hasDeficit == true).first())
            let later = try #require(open.day).adding(days: 30)
            #expect(try await tutor.post("/deficits/\(d.teacher.id!)/diagnostics", [("year", String(open.year)), ("area", open.area), ("source", "lesson_observation"),
                                                                                    ("day", later.iso)]).status == .seeOther)
            let page = try await tutor.get("/deficits/\(d.teacher.id!)?year=\(open.year)").body.string
            #expect(page.contains("закрыт диагностикой \(later.ru)"))
            #expect(try await Browser.signIn("teacher", app).post("/deficits/\(d.teacher.id!)/diagnostics", [("area", "digital"), ("source", "survey")]).status == .forbidden)
        }
    }

    /// The page shows the command's numbers: same snapshot, same rows.
    @Test func figuresCommandEqualsThePage() async throws {
        try await withTestApp { app in
            let m = try #require(try await Municipality.query(on: app.db).filter(\.$code == DemoCatalog.municipalities[0].code).first())
            let to = CalendarDay(date: app.now(), timeZone: CuratorshipService.zone), from = to.adding(days: -120)
            let snap = try await CuratorshipService.snapshot(m, from: from, to: to, on: app.db)
            let csv = CuratorshipFigures.csv(snap.rows)
            #expect(csv.hasPrefix("scope,scope_code,figure,value\n"))
            let quiet = snap.rows.filter { $0.scope == "pair" && $0.figure == "quiet" }
            #expect(quiet.contains { $0.value == "true" } && quiet.contains { $0.value == "false" }, "the demo has quiet pairs and pairs in touch: \(m.code) \(snap.rows.filter { $0.scope == "pair" }.prefix(12))")
            let page = try await Browser.signIn("admin", app).get("/support?municipality=\(m.id!)&from=\(from.iso)&to=\(to.iso)").body.string
            #expect(page.components(separatedBy: ">затихла<").count - 1 == quiet.filter { $0.value == "true" }.count)
            for r in snap.rows where r.scope == "pair" && r.figure == "interactions" {
                #expect(page.contains(">\(r.value)<"), "\(r.scopeCode)")
            }
            let coverage = snap.rows.filter { $0.figure == "deficit_coverage" && !$0.value.isEmpty }
            #expect(!coverage.isEmpty)
            for r in coverage { #expect(page.contains(RuFormat.decimal(Double(r.value)! * 100, digits: 1) + " %")) }
            // A mentor sees only their own pairs.
            let mentor = try await Browser.signIn("mentor", app).get("/support")
            #expect(mentor.status == .ok && mentor.body.string.contains("Мои пары"))
        }
    }

    /// Over capacity only with a confirmation, then flagged; ending keeps the history; a second active pair is refused.
    @Test func assignmentsRespectCapacityAndKeepHistory() async throws {
        try await withTestApp { app in
            let center = try await Browser.signIn("center", app)
            let m = try #require(try await Municipality.query(on: app.db).filter(\.$code == DemoCatalog.municipalities[0].code).first())
            let mentor = try #require(try await Person.query(on: app.db).filter(\.$municipality.$id == m.id!).sort(\.$staffCode).all().first { $0.functionSet.contains(.mentor) })
            let school = try #require(try await School.query(on: app.db).filter(\.$municipality.$id == m.id!).sort(\.$code).first())
            // Capacity 1 for this mentor, so any new school is beyond it.
            #expect(try await center.post("/people/\(mentor.id!)/capacity", [("capacity", "1")]).status == .seeOther)
            #expect(try await SupportCapacity.query(on: app.db).filter(\.$personID == mentor.id!).first()?.capacity == 1)
            let today = CalendarDay(date: app.now(), timeZone: CuratorshipService.zone)
            // Free the school first: its active mentor assignments are ended.
            for a in try await Assignment.query(on: app.db).filter(\.$school.$id == school.id!).filter(\.$kind == "mentor_school").filter(\.$person.$id == mentor.id!).all() {
                #expect(try await center.post("/assignments/\(a.id!)/end", [("ends_on", today.adding(days: -1).iso)]).status == .seeOther)
            }
            let (load, _) = try await AssignmentRules.load(of: mentor.id!, pool: .mentor, municipalityID: m.id!, on: today, db: app.db)
            let fields = [("kind", "mentor_school"), ("person_id", mentor.id!.uuidString), ("order_number", "77"), ("starts_on", today.iso)]
            let count = try await Assignment.query(on: app.db).filter(\.$person.$id == mentor.id!).count()
            _ = try await center.post("/schools/\(school.id!)/assignments", fields)
            if load >= 1 {
                #expect(try await Assignment.query(on: app.db).filter(\.$person.$id == mentor.id!).count() == count, "refused without the confirmation")
            }
            #expect(try await center.post("/schools/\(school.id!)/assignments", fields + [("confirm_over_capacity", "1")]).status == .seeOther)
            let made = try #require(try await Assignment.query(on: app.db).filter(\.$person.$id == mentor.id!).filter(\.$school.$id == school.id!)
                .filter(\.$orderNumber == "77").first())
            #expect(made.overCapacity == (load + 1 > 1))
            // The same active pair again: refused.
            _ = try await center.post("/schools/\(school.id!)/assignments", fields + [("confirm_over_capacity", "1")])
            #expect(try await Assignment.query(on: app.db).filter(\.$person.$id == mentor.id!).filter(\.$school.$id == school.id!).filter(\.$orderNumber == "77").count() == 1)
            // Ending keeps the row, with its end date; the card shows it as history.
            #expect(try await center.post("/assignments/\(made.id!)/end", [("ends_on", today.iso)]).status == .seeOther)
            let ended = try #require(try await Assignment.find(made.id, on: app.db))
            #expect(CuratorshipService.day(ended.endsOn) == today)
            let card = try await center.get("/schools/\(school.id!)").body.string
            #expect(card.contains("Взаимодействий по месяцам") && card.contains("Охват дефицитов маршрутами"))
            // Only the center changes assignments.
            #expect(try await Browser.signIn("mentor", app).post("/assignments/\(made.id!)/end", []).status == .forbidden)
        }
    }

    @Test func settingsAndTheOrderDraft() async throws {
        try await withTestApp { app in
            let center = try await Browser.signIn("center", app)
            let m = try #require(try await Municipality.query(on: app.db).filter(\.$code == DemoCatalog.municipalities[0].code).first())
            #expect(try await center.post("/support/settings", [("municipality", m.id!.uuidString), ("mentor_capacity", "4"), ("tutor_capacity", "6"), ("quiet_days", "21")]).status == .seeOther)
            #expect(try await MentoringSettings.load(m.id!, on: app.db) == MentoringSettings(mentorCapacity: 4, tutorCapacity: 6, quietDays: 21))
            _ = try await center.post("/support/settings", [("municipality", m.id!.uuidString), ("mentor_capacity", "0"), ("tutor_capacity", "6"), ("quiet_days", "21")])
            #expect(try await MentoringSettings.load(m.id!, on: app.db).mentorCapacity == 4, "a bad value changes nothing")
            #expect(try await center.get("/support").body.string.contains("больше 21 дней назад"), "the page states the municipal threshold")
            let draft = try await center.get("/support/order?municipality=\(m.id!)")
            #expect(draft.status == .ok && draft.body.string.contains("Приложение 1. Наставники и кураторы школ"))
            let printed = try await center.post("/support/order/print", [("text", "ПРИКАЗ\nПриложение\n№\tШкола\n1\t<b>МБОУ</b>")])
            #expect(printed.status == .ok && printed.body.string.contains("&lt;b&gt;МБОУ&lt;/b&gt;") && printed.body.string.contains("print-view"), "\(printed.status) \(printed.body.string.suffix(1500))")
            #expect(try await Browser.signIn("uo", app).get("/support/order").status == .forbidden)
            #expect(try await Browser.signIn("uo", app).post("/support/settings", [("municipality", m.id!.uuidString)]).status == .forbidden)
        }
    }

    /// «Мои задачи»: the teacher's overdue steps, the tutor's tutorants; the center's group deficits.
    @Test func tasksAndGroupDeficits() async throws {
        try await withTestApp { app in
            let teacher = try await Browser.signIn("teacher", app).get("/").body.string
            // One list of every area (App/Tasks): the teacher's overdue step by name, with its date.
            #expect(teacher.contains("Мои задачи") && teacher.contains("Шаг маршрута (ИОМ):") && teacher.contains("— просрочено, срок"))
            let tutor = try await Browser.signIn("tutor", app).get("/").body.string
            #expect(tutor.contains("Тьюторантов с просроченными шагами ИОМ"))
            let center = try await Browser.signIn("center", app).get("/deficits").body.string
            #expect(center.contains("Групповые дефициты") && center.contains("Оценочные"))
            // The department has no route tasks; its one task is the demo decision's report it issued and controls.
            let uo = try await Browser.signIn("uo", app).get("/").body.string
            #expect(!uo.contains("ИОМ:") && uo.contains("Принять или вернуть отчёт"))
        }
    }

    @Test func personnelReserveIsTheCenters() async throws {
        try await withTestApp { app in
            let center = try await Browser.signIn("center", app)
            let m = try #require(try await Municipality.query(on: app.db).filter(\.$code == DemoCatalog.municipalities[0].code).first())
            let person = try #require(try await Person.query(on: app.db).filter(\.$municipality.$id == m.id!).filter(\.$school.$id != nil).first())
            let bad = try await center.post("/support/reserve", [("municipality", m.id!.uuidString), ("person_id", person.id!.uuidString), ("sessions_attended", "-1"), ("target_post", "")])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Укажите целевую должность"))
            #expect(try await ReserveCandidate.query(on: app.db).count() == 0)
            #expect(try await center.post("/support/reserve", [("municipality", m.id!.uuidString), ("person_id", person.id!.uuidString), ("target_post", "директор"),
                                                               ("sessions_attended", "2"), ("readiness", "medium")]).status == .seeOther)
            let r = try #require(try await ReserveCandidate.query(on: app.db).first())
            #expect(r.fullName == person.fullName && r.currentPost == person.position && r.sessionsAttended == 2 && r.readiness == "medium")
            #expect(try await center.post("/support/reserve/\(r.id!)", [("sessions_attended", "3"), ("readiness", "high"), ("notes", "готов")]).status == .seeOther)
            #expect(try await ReserveCandidate.find(r.id, on: app.db)?.readiness == "high")
            let page = try await Browser.signIn("uo", app).get("/support/reserve").body.string
            #expect(page.contains(person.fullName) && page.contains("высокая") && !page.contains("Внести кандидата"))
            #expect(try await Browser.signIn("uo", app).post("/support/reserve/\(r.id!)", [("sessions_attended", "9"), ("readiness", "low")]).status == .forbidden)
            #expect(try await Browser.signIn("teacher", app).get("/support/reserve").status == .forbidden)
        }
    }

    @Test func commentsOnARouteAndASchoolProgramme() async throws {
        try await withTestApp { app in
            let d = try await Self.demo(app)
            let tutor = try await Browser.signIn("tutor", app), teacher = try await Browser.signIn("teacher", app)
            let year = DeficitRules.diagnosticsYear(of: CalendarDay(date: app.now(), timeZone: CuratorshipService.zone))
            #expect(try await tutor.post("/deficits/\(d.teacher.id!)/comments", [("year", String(year)), ("strength", "Чёткая постановка целей урока"),
                                                                                 ("improve", "Обратная связь ученикам"), ("next_step", "Посещение урока в декабре")]).status == .seeOther)
            let page = try await teacher.get("/deficits/\(d.teacher.id!)").body.string
            #expect(page.contains("Чёткая постановка целей урока") && page.contains("Посещение урока в декабре"))
            #expect(try await teacher.post("/deficits/\(d.teacher.id!)/comments", [("year", String(year)), ("strength", "сам себя хвалю")]).status == .forbidden)
            _ = try await tutor.post("/deficits/\(d.teacher.id!)/comments", [("year", String(year))])
            #expect(try await SupportComment.query(on: app.db).count() == 1, "an empty comment is refused")
            // The school's mentor comments on its programme; an expert may not.
            let mentorUser = try await Fixture.user("mentor", app)
            let school = try #require(try await Assignment.query(on: app.db).filter(\.$person.$id == mentorUser.$person.id!).filter(\.$kind == "mentor_school").first()?.$school.id)
            #expect(try await Browser.signIn("mentor", app).post("/schools/\(school)/comments", [("improve", "Программа перехода: сроки мероприятий")]).status == .seeOther)
            #expect(try await Browser.signIn("center", app).get("/schools/\(school)").body.string.contains("Программа перехода: сроки мероприятий"))
            #expect(try await Browser.signIn("expert", app).post("/schools/\(school)/comments", [("improve", "x")]).status == .forbidden)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "support_comment").count() == 2)
        }
    }

    /// A pair's page: its plan of interaction (the supporter adds and marks items), its log; the
    /// plan modules count the work linked to them.
    @Test func pairPlanAndPlanModules() async throws {
        try await withTestApp { app in
            let d = try await Self.demo(app)
            let a = try #require(try await Assignment.query(on: app.db).filter(\.$person.$id == d.tutor.id!).filter(\.$teacher.$id == d.teacher.id!).first())
            let tutor = try await Browser.signIn("tutor", app)
            let page = try await tutor.get("/support/pairs/\(a.id!)")
            #expect(page.status == .ok && page.body.string.contains("План взаимодействия") && page.body.string.contains("Журнал взаимодействий пары"))
            #expect(try await tutor.post("/support/pairs/\(a.id!)/plan", [("title", "Разбор урока с видеозаписью"), ("due", "2099-01-10")]).status == .seeOther)
            let item = try #require(try await PairPlanItem.query(on: app.db).filter(\.$assignment.$id == a.id!).first())
            let today = CalendarDay(date: app.now(), timeZone: CuratorshipService.zone)
            #expect(try await tutor.post("/support/plan-items/\(item.id!)", [("done", "1"), ("day", today.iso)]).status == .seeOther)
            #expect(try await PairPlanItem.find(item.id, on: app.db)?.doneDay == today.iso)
            // The teacher reads their own route, not the tutor's plan page; another tutor's pair is closed to them.
            #expect(try await Browser.signIn("teacher", app).get("/support/pairs/\(a.id!)").status == .forbidden)
            #expect(try await Browser.signIn("teacher", app).post("/support/plan-items/\(item.id!)", [("done", "0")]).status == .forbidden)
            // Modules: the demo's work is spread over them; a new module is the center's.
            let center = try await Browser.signIn("center", app)
            let m = try #require(try await Municipality.query(on: app.db).filter(\.$code == DemoCatalog.municipalities[0].code).first())
            let modules = try await center.get("/support/modules?municipality=\(m.id!)").body.string
            #expect(modules.contains("Диссеминация передового управленческого опыта"))
            #expect(try await center.post("/support/modules", [("municipality", m.id!.uuidString), ("plan", "tutor_point"), ("title", "Школа молодого педагога")]).status == .seeOther)
            #expect(try await PlanModule.query(on: app.db).filter(\.$title == "Школа молодого педагога").count() == 1)
            #expect(try await Browser.signIn("tutor", app).post("/support/modules", [("municipality", m.id!.uuidString), ("plan", "tutor_point"), ("title", "x")]).status == .forbidden)
            // A logged interaction under a module counts there.
            let mod = try #require(try await PlanModule.query(on: app.db).filter(\.$title == "Школа молодого педагога").first())
            _ = try await tutor.post("/support/log", [("target", "teacher:\(d.teacher.id!)"), ("day", today.iso), ("duration_min", "90"), ("form", "tutorial"),
                                                      ("format", "in_person"), ("topic", "Тьюториал по модулю"), ("module_id", mod.id!.uuidString)])
            #expect(try await Interaction.query(on: app.db).filter(\.$moduleID == mod.id!).count() == 1)
            let after = try await center.get("/support/modules?municipality=\(m.id!)").body.string
            #expect(after.contains("Школа молодого педагога"))
        }
    }

    @Test func quarterlyReviewCompetencesAndTheDiagnosticsCampaign() async throws {
        try await withTestApp { app in
            let d = try await Self.demo(app)
            let tutor = try await Browser.signIn("tutor", app), teacher = try await Browser.signIn("teacher", app)
            let year = DeficitRules.diagnosticsYear(of: CalendarDay(date: app.now(), timeZone: CuratorshipService.zone))
            #expect(try await tutor.post("/deficits/\(d.teacher.id!)/reviews", [("year", String(year)), ("corrected", "Курсы перенесены на январь")]).status == .seeOther)
            #expect(try await tutor.post("/deficits/\(d.teacher.id!)/competences", [("year", String(year)), ("iro_test", "72 балла"),
                                                                                    ("qualification_category", "первая")]).status == .seeOther)
            let page = try await teacher.get("/deficits/\(d.teacher.id!)").body.string
            #expect(page.contains("Курсы перенесены на январь") && page.contains("72 балла") && page.contains("первая"))
            #expect(try await CompetenceRecord.query(on: app.db).filter(\.$teacher.$id == d.teacher.id!).count() == 2)
            // Clearing a value removes that indicator; the teacher may not record their own.
            _ = try await tutor.post("/deficits/\(d.teacher.id!)/competences", [("year", String(year)), ("iro_test", "72 балла")])
            #expect(try await CompetenceRecord.query(on: app.db).filter(\.$teacher.$id == d.teacher.id!).count() == 1)
            #expect(try await teacher.post("/deficits/\(d.teacher.id!)/reviews", [("year", String(year)), ("corrected", "x")]).status == .forbidden)
            #expect(try await teacher.post("/deficits/\(d.teacher.id!)/competences", [("year", String(year)), ("iro_test", "100")]).status == .forbidden)
            let center = try await Browser.signIn("center", app).get("/deficits").body.string
            #expect(center.contains("Диагностика дефицитов") && center.contains("педагогов сопровождаемых школ"))
        }
    }

    /// Found on review: an ended assignment granted its old rights; the expert saw tutorants'
    /// names on the school card; a score of «nan» or a date outside the year was stored.
    @Test func endedAssignmentsGrantNothingAndStrangersSeeNoNames() async throws {
        try await withTestApp { app in
            let d = try await Self.demo(app)
            let a = try #require(try await Assignment.query(on: app.db).filter(\.$person.$id == d.tutor.id!).filter(\.$teacher.$id == d.teacher.id!).first())
            let tutor = try await Browser.signIn("tutor", app)
            #expect(try await tutor.get("/deficits/\(d.teacher.id!)").status == .ok)
            let year = DeficitRules.diagnosticsYear(of: CalendarDay(date: app.now(), timeZone: CuratorshipService.zone))
            // Scores and dates out of range change nothing.
            let before = try await DeficitRecord.query(on: app.db).count()
            _ = try await tutor.post("/deficits/\(d.teacher.id!)/diagnostics", [("year", String(year)), ("area", "digital"), ("source", "survey"), ("score", "nan")])
            _ = try await tutor.post("/deficits/\(d.teacher.id!)/diagnostics", [("year", String(year)), ("area", "digital"), ("source", "survey"), ("day", "01.01.2001")])
            #expect(try await DeficitRecord.query(on: app.db).count() == before)
            // Ended yesterday: the tutor no longer reads or changes the teacher's route.
            let yesterday = CalendarDay(date: app.now(), timeZone: CuratorshipService.zone).adding(days: -1)
            a.startsOn = nil
            a.endsOn = yesterday.date(timeZone: CuratorshipService.zone)
            try await a.update(on: app.db)
            let again = try await Browser.signIn("tutor", app)
            #expect(try await again.get("/deficits/\(d.teacher.id!)").status == .forbidden)
            #expect(try await again.post("/deficits/\(d.teacher.id!)/steps", [("year", String(year)), ("title", "x"), ("kind", "course")]).status == .forbidden)
            // The expert reads the school but not who tutors whom in it.
            let expertUser = try await Fixture.user("expert", app)
            let school = try #require(try await Assignment.query(on: app.db).filter(\.$person.$id == expertUser.$person.id!).filter(\.$kind == "expert_school").first()?.$school.id)
            let names = try await Assignment.query(on: app.db).filter(\.$school.$id == school).filter(\.$kind == "tutor_teacher").with(\.$teacher).all().compactMap { $0.teacher?.fullName }
            let card = try await Browser.signIn("expert", app).get("/schools/\(school)").body.string
            #expect(!names.isEmpty && names.allSatisfy { !card.contains($0) })
        }
    }

    @Test func poolsShowTrainingCapacityAndLoad() async throws {
        try await withTestApp { app in
            let d = try await Self.demo(app)
            let center = try await Browser.signIn("center", app)
            #expect(try await center.post("/people/\(d.tutor.id!)/capacity", [("capacity", ""), ("regional_training", "1")]).status == .seeOther)
            let profile = try #require(try await SupportCapacity.query(on: app.db).filter(\.$personID == d.tutor.id!).first())
            #expect(profile.regionalTraining && profile.capacity == 0, "training kept, capacity left to the municipal default")
            let today = CalendarDay(date: app.now(), timeZone: CuratorshipService.zone)
            let (load, capacity) = try await AssignmentRules.load(of: d.tutor.id!, pool: .tutor, municipalityID: d.tutor.$municipality.id, on: today, db: app.db)
            #expect(capacity == 5 && load == d.tutorants.count)
            let page = try await center.get("/support/pool?pool=tutor").body.string
            #expect(page.contains(d.tutor.fullName) && page.contains("обучен(а)") && page.contains("5 (норма)"))
            #expect(try await Browser.signIn("teacher", app).get("/support/pool").status == .forbidden)
        }
    }

    /// A multipart upload of one file with the CSRF field, as a browser sends it.
    static func upload(_ b: Browser, _ path: String, name: String, bytes: String, fields: [(String, String)] = []) async throws -> TestingHTTPResponse {
        let boundary = "B0UNDARY"
        var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(b.csrf)\r\n"
        for (k, v) in fields { body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n" }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: text/plain\r\n\r\n\(bytes)\r\n--\(boundary)--\r\n"
        var result: TestingHTTPResponse!
        try await b.app.testing().test(.POST, path, headers: ["Cookie": b.cookies, "Content-Type": "multipart/form-data; boundary=\(boundary)"],
                                       body: ByteBuffer(string: body)) { res in result = res }
        return result
    }

    @Test func filesOfInteractionsStepsAndMaterialsFollowTheirOwners() async throws {
        try await withTestApp { app in
            let d = try await Self.demo(app)
            let tutor = try await Browser.signIn("tutor", app), teacher = try await Browser.signIn("teacher", app)
            let interaction = try #require(try await Interaction.query(on: app.db).filter(\.$author.$id == d.tutor.id!).filter(\.$teacher.$id == d.teacher.id!).first())
            let pair = try #require(try await Assignment.query(on: app.db).filter(\.$person.$id == d.tutor.id!).filter(\.$teacher.$id == d.teacher.id!).first())
            let up = try await Self.upload(tutor, "/support/interactions/\(interaction.id!)/files", name: "протокол.txt", bytes: "протокол посещения урока",
                                           fields: [("back", "/support/pairs/\(pair.id!)")])
            #expect(up.status == .seeOther && up.headers.first(name: .location) == "/support/pairs/\(pair.id!)")
            let file = try #require(try await Attachment.query(on: app.db).filter(\.$ownerID == interaction.id!).first())
            #expect(file.fileName == "протокол.txt" && file.size == "протокол посещения урока".utf8.count)
            let got = try await tutor.get("/files/\(file.id!)")
            #expect(got.status == .ok && got.body.string == "протокол посещения урока")
            #expect(got.headers.first(name: .contentDisposition)?.contains("filename*=UTF-8''") == true)
            #expect(try await tutor.get("/support/pairs/\(pair.id!)").body.string.contains("протокол.txt"))
            #expect(try await teacher.get("/files/\(file.id!)").status == .forbidden, "the pair's log is the tutor's and the center's")
            #expect(try await Browser.signIn("center", app).get("/files/\(file.id!)").status == .ok)
            // Evidence of a route step: the teacher attaches it, reads it; another school does not.
            let route = try #require(try await RouteRecord.query(on: app.db).filter(\.$teacher.$id == d.teacher.id!).with(\.$steps).first())
            let step = try #require(route.steps.first)
            #expect(try await Self.upload(teacher, "/route-steps/\(step.id!)/files", name: "certificate.pdf", bytes: "%PDF-1.4").status == .seeOther)
            let evidence = try #require(try await Attachment.query(on: app.db).filter(\.$ownerID == step.id!).first())
            #expect(try await teacher.get("/files/\(evidence.id!)").status == .ok)
            #expect(try await Browser.signIn("expert", app).get("/files/\(evidence.id!)").status == .forbidden)
            #expect(try await Self.upload(Browser.signIn("expert", app), "/route-steps/\(step.id!)/files", name: "x.txt", bytes: "x").status == .forbidden)
            // Too big: refused, nothing kept.
            let count = try await Attachment.query(on: app.db).count()
            _ = try await Self.upload(teacher, "/route-steps/\(step.id!)/files", name: "big.bin", bytes: String(repeating: "x", count: AttachmentsController.maxBytes + 1))
            #expect(try await Attachment.query(on: app.db).count() == count)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "attachment").count() == 2)
        }
    }

    @Test func materialFilesAreAddedByEditorsAndReadByTheMunicipality() async throws {
        try await withTestApp { app in
            let d = try await Self.demo(app)
            let m = Material()
            m.municipalityID = d.tutor.$municipality.id; m.kind = "case"; m.title = "Кейс: оценивание устных ответов"; m.subject = ""; m.author = ""
            m.link = ""; m.details = "кейс"; m.isPublic = false; m.createdBy = "tutor"; m.index()
            try await m.create(on: app.db)
            let tutor = try await Browser.signIn("tutor", app), teacher = try await Browser.signIn("teacher", app)
            #expect(try await Self.upload(tutor, "/support/materials/\(m.id!)/files", name: "case.docx", bytes: "PK").status == .seeOther)
            let file = try #require(try await Attachment.query(on: app.db).filter(\.$ownerID == m.id!).first())
            #expect(try await teacher.get("/files/\(file.id!)").status == .ok)
            #expect(try await teacher.get("/support/materials/\(m.id!)").body.string.contains("case.docx"))
            #expect(try await Self.upload(teacher, "/support/materials/\(m.id!)/files", name: "y.txt", bytes: "y").status == .forbidden)
        }
    }
}
