@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// «Мероприятия» over HTTP: the catalog and its forms, the application → personalised programme
/// workflow, capacity, attendance with its sign-off (route step, plan occurrence), coverage equal
/// to the CLI, and the iCalendar feed parsed back.
@Suite("Events: catalog, applications, programmes, attendance, coverage, feeds") struct EventsTests {
    typealias F = PostFixture

    static func today(_ app: Application) -> CalendarDay { CalendarDay(date: app.now(), timeZone: EventService.zone) }

    static func fields(_ title: String, day: CalendarDay, capacity: String = "", audience: [String] = ["teachers"], plan: String = "",
                       place: String = "Центр, ауд. 1") -> [(String, String)] {
        [("title", title), ("kind", "seminar"), ("format", "in_person"), ("module", "assessment"), ("project", "method_subscription"),
         ("day", day.iso), ("start", "15:00"), ("end", "16:30"), ("place", place), ("link", ""), ("organiser", "Центр"), ("speakers", "Методист"),
         ("capacity", capacity), ("plan_occurrence", plan)] + audience.map { ("audience", $0) }
    }

    /// Creates and publishes an event through the pages.
    @discardableResult
    static func event(_ center: Browser, _ m: Municipality, _ title: String, day: CalendarDay, capacity: String = "", audience: [String] = ["teachers"],
                      plan: String = "", place: String = "Центр, ауд. 1", publish: Bool = true, _ app: Application) async throws -> EventRecord {
        let res = try await center.post("/events?municipality=\(m.id!)", fields(title, day: day, capacity: capacity, audience: audience, plan: plan, place: place))
        #expect(res.status == .seeOther, "\(res.body.string.prefix(3000))")
        let e = try #require(try await EventRecord.query(on: app.db).filter(\.$title == title).first())
        if publish {
            #expect(try await center.post("/events/publish", [("municipality", m.id!.uuidString), ("half", e.halfYear)]).status == .seeOther)
        }
        return try #require(try await EventRecord.find(e.id, on: app.db))
    }

    static func schoolOfLogin(_ login: String, _ app: Application) async throws -> School {
        let u = try await Fixture.user(login, app)
        let g = try #require(try await RoleGrant.query(on: app.db).filter(\.$user.$id == u.id!).first())
        return try #require(try await School.find(g.schoolID, on: app.db))
    }

    @Test func applicationToPersonalisedProgrammeEndToEnd() async throws {
        try await withTestApp { app in
            let arm = try await F.municipality(0, app)
            let center = try await Browser.signIn("center", app)
            let today = Self.today(app)
            // Bad input: the error says what to fix and what was entered stays.
            var bad = Self.fields("Семинар по ВПР для ШНОР", day: today.adding(days: 10))
            bad.removeAll { $0.0 == "end" }; bad.append(("end", "14:00")); bad.removeAll { $0.0 == "audience" }
            let refused = try await center.post("/events?municipality=\(arm.id!)", bad)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Окончание 14:00 не позже начала 15:00") && refused.body.string.contains("Отметьте хотя бы одну целевую группу"))
            #expect(refused.body.string.contains("Семинар по ВПР для ШНОР"))
            let e1 = try await Self.event(center, arm, "Семинар по ВПР для ШНОР", day: today.adding(days: 10), app)
            let e2 = try await Self.event(center, arm, "Вебинар по оцениванию", day: today.adding(days: 11), app)
            #expect(e1.eventState == .published && e2.eventState == .published)
            #expect(try await F.audits(app, entity: "event", action: "create").count >= 2)
            // The school applies naming its teachers; another school's teacher is refused.
            let school = try await Self.schoolOfLogin("school", app)
            // Start from a school without the demo's application and programme.
            try await EventApplication.query(on: app.db).filter(\.$school.$id == school.id!).delete()
            try await EventProgramme.query(on: app.db).filter(\.$school.$id == school.id!).delete()
            let teachers = try await EventService.teachers(of: school.id!, on: app.db)
            try #require(teachers.count >= 2)
            let (t1, t2) = (teachers[0], teachers[1])
            let foreign = try #require(try await F.people(arm, app).first { $0.$school.id != nil && $0.$school.id != school.id && $0.functionSet.contains(.teacher) })
            let sb = try await Browser.signIn("school", app)
            let page = try await sb.get("/events/applications?municipality=\(arm.id!)&half=\(e1.halfYear)")
            #expect(page.status == .ok && page.body.string.contains("Семинар по ВПР для ШНОР") && page.body.string.contains(t1.fullName))
            let half = e1.halfYear
            let wrong = try await sb.post("/events/applications", [("school", school.id!.uuidString), ("half", half), ("t_\(e1.id!)", foreign.id!.uuidString),
                                                                   ("t_\(e1.id!)", t1.id!.uuidString)])
            #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("можно называть только педагогов") && wrong.body.string.contains(foreign.fullName))
            let empty = try await sb.post("/events/applications", [("school", school.id!.uuidString), ("half", half)])
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("Отметьте хотя бы одного педагога"))
            #expect(try await EventApplication.query(on: app.db).filter(\.$school.$id == school.id!).filter(\.$halfYear == half).first()?.note != "x")
            // Another school's administration cannot apply for this school at all.
            let other = try #require(try await School.query(on: app.db).filter(\.$municipality.$id == arm.id!).filter(\.$id != school.id!).first())
            try await F.user("school2", Grant(role: .schoolAdmin, schoolID: other.id), app)
            let sb2 = try await Browser.signIn("school2", app)
            #expect(try await sb2.post("/events/applications", [("school", school.id!.uuidString), ("half", half), ("t_\(e1.id!)", t1.id!.uuidString)]).status == .forbidden)
            let ok = try await sb.post("/events/applications", [("school", school.id!.uuidString), ("half", half), ("t_\(e1.id!)", t1.id!.uuidString),
                                                                ("t_\(e1.id!)", t2.id!.uuidString), ("t_\(e2.id!)", t1.id!.uuidString), ("note", "x")])
            #expect(ok.status == .seeOther)
            let app1 = try #require(try await EventApplication.query(on: app.db).filter(\.$school.$id == school.id!).filter(\.$halfYear == half).with(\.$lines).first())
            let lines = app1.lines.filter { [e1.id, e2.id].contains($0.$event.id) }
            #expect(lines.count == 3 && lines.allSatisfy { $0.lineStatus == .requested })
            // The center decides line by line; the school may not.
            func line(_ e: EventRecord, _ t: Person) -> EventApplicationLine { lines.first { $0.$event.id == e.id && $0.$person.id == t.id }! }
            #expect(try await sb.post("/events/application-lines/\(line(e1, t1).id!)", [("status", "accepted")]).status == .forbidden)
            let noStatus = try await center.post("/events/application-lines/\(line(e1, t1).id!)", [("status", "maybe")])
            #expect(F.flash(noStatus)?.contains("Выберите решение") == true)
            let nothing = try await center.post("/events/programmes", [("school", school.id!.uuidString), ("half", half)])
            #expect(F.flash(nothing)?.contains("Включите в программу хотя бы одну строку") == true)
            #expect(try await EventProgramme.query(on: app.db).filter(\.$school.$id == school.id!).filter(\.$halfYear == half).first() == nil)
            for (l, s) in [(line(e1, t1), "accepted"), (line(e1, t2), "declined"), (line(e2, t1), "accepted")] {
                #expect(try await center.post("/events/application-lines/\(l.id!)", [("status", s)]).status == .seeOther)
            }
            let built = try await center.post("/events/programmes", [("school", school.id!.uuidString), ("half", half)])
            #expect(built.status == .seeOther && F.location(built).hasPrefix("/events/programmes/"))
            #expect(F.flash(built)?.contains("записано педагогов 2") == true)
            let regs1 = try await EventRegistration.query(on: app.db).filter(\.$event.$id == e1.id!).all()
            #expect(regs1.map(\.$person.id) == [t1.id!] && regs1.first?.registrationSource == .application)
            #expect(try await EventRegistration.query(on: app.db).filter(\.$event.$id == e2.id!).all().map(\.$person.id) == [t1.id!])
            // The school is informed on its page and opens the programme.
            let index = try await sb.get("/events?municipality=\(arm.id!)&half=\(half)")
            #expect(index.body.string.contains("Центр составил персонализированную программу"))
            let prog = try await sb.get(F.location(built))
            #expect(prog.status == .ok && prog.body.string.contains("Семинар по ВПР для ШНОР") && prog.body.string.contains(t1.fullName))
            #expect(!prog.body.string.contains(t2.fullName))
            #expect(try await EventProgramme.query(on: app.db).filter(\.$school.$id == school.id!).filter(\.$halfYear == half).first()?.seenAt != nil)
            #expect(try await sb2.get(F.location(built)).status == .forbidden)
            #expect(try await F.audits(app, entity: "event_programme", action: "create").count == 1)
        }
    }

    @Test func capacityDraftsAndEditing() async throws {
        try await withTestApp { app in
            let arm = try await F.municipality(0, app)
            let center = try await Browser.signIn("center", app)
            let today = Self.today(app)
            let draft = try await Self.event(center, arm, "Черновик семинара", day: today.adding(days: 9), capacity: "1", publish: false, app)
            let teacher = try await Browser.signIn("teacher", app)
            #expect(try await teacher.get("/events/\(draft.id!)").status == .forbidden, "a draft is the center's")
            let drafted = try await teacher.post("/events/\(draft.id!)/register", [])
            #expect(drafted.status == .forbidden)
            let e = try await Self.event(center, arm, "Мастер-класс на одно место", day: today.adding(days: 9), capacity: "1", app)
            let own = try await Fixture.user("teacher", app).$person.id
            let people = try await F.people(arm, app).filter { $0.functionSet.contains(.teacher) && $0.id != own }
            let first = try await center.post("/events/\(e.id!)/register", [("person", people[0].id!.uuidString)])
            #expect(first.status == .seeOther && F.flash(first)?.hasPrefix("success") == true)
            let full = try await center.post("/events/\(e.id!)/register", [("person", people[1].id!.uuidString)])
            #expect(F.flash(full) == "error|Мест нет: записано 1 из 1.")
            #expect(try await teacher.post("/events/\(e.id!)/register", []).headers.setCookie?[FlashMiddleware.cookieName]?.string.contains("error") == true)
            #expect(try await EventRegistration.query(on: app.db).filter(\.$event.$id == e.id!).count() == 1)
            let shown = try await teacher.get("/events/\(e.id!)")
            #expect(shown.status == .ok && shown.body.string.contains("Мест нет"))
            // Someone of another municipality is not put on the list.
            let len = try await F.municipality(1, app)
            let stranger = try #require(try await F.people(len, app).first)
            #expect(F.flash(try await center.post("/events/\(e.id!)/register", [("person", stranger.id!.uuidString)]))?.contains("только людей муниципалитета") == true)
            // Editing: capacity below the list is refused with the values kept; a good change is audited.
            let below = try await center.post("/events/\(e.id!)", Self.fields("Мастер-класс на одно место", day: today.adding(days: 9), capacity: "0")
                                                .map { $0.0 == "format" ? ("format", "remote") : $0 })
            #expect(below.status == .unprocessableEntity && below.body.string.contains("Укажите ссылку на подключение"))
            #expect(try await center.post("/events/\(e.id!)", Self.fields("Мастер-класс (изменено)", day: today.adding(days: 9), capacity: "5")).status == .seeOther)
            #expect(try await EventRecord.find(e.id, on: app.db)?.title == "Мастер-класс (изменено)")
            #expect(try await F.audits(app, entity: "event", action: "update").contains { $0.entityID == e.id })
            #expect(try await teacher.post("/events/\(e.id!)", Self.fields("Чужое", day: today)).status == .forbidden)
            #expect(try await teacher.post("/events/publish", [("municipality", arm.id!.uuidString), ("half", e.halfYear)]).status == .forbidden)
            #expect(F.flash(try await center.post("/events/publish", [("municipality", arm.id!.uuidString), ("half", "")]))?.contains("Не указано полугодие") == true)
            // The teacher registers for a roomy event, then cancels.
            let roomy = try await Self.event(center, arm, "Вебинар без ограничения мест", day: today.adding(days: 9), app)
            #expect(try await teacher.post("/events/\(roomy.id!)/register", []).status == .seeOther)
            #expect(try await EventRegistration.query(on: app.db).filter(\.$event.$id == roomy.id!).count() == 1)
            let my = try await teacher.get("/events/my")
            #expect(my.status == .ok && my.body.string.contains("Вебинар без ограничения мест"))
            #expect(try await teacher.post("/events/\(roomy.id!)/unregister", []).status == .seeOther)
            #expect(try await EventRegistration.query(on: app.db).filter(\.$event.$id == roomy.id!).count() == 0)
        }
    }

    @Test func attendanceSignOffCompletesTheRouteStepThePlanOccurrenceAndFeedsCoverage() async throws {
        try await withTestApp { app in
            let arm = try await F.municipality(0, app)
            let center = try await Browser.signIn("center", app)
            let today = Self.today(app)
            let roadmap = try #require(try await Plan.query(on: app.db).filter(\.$municipalityID == arm.id!).filter(\.$school.$id == nil).first())
            let item = try #require(try await PlanItem.query(on: app.db).filter(\.$plan.$id == roadmap.id!).filter(\.$recurrence == "monthly").first())
            let due = try #require(item.occurrences.first { $0 >= today })
            let badPlan = try await center.post("/events?municipality=\(arm.id!)", Self.fields("Семинар с чужим пунктом", day: today, plan: "\(UUID())|\(due.iso)"))
            #expect(badPlan.status == .unprocessableEntity && badPlan.body.string.contains("Выберите наступление пункта плана"))
            let e = try await Self.event(center, arm, "Практикум по оцениванию", day: today, audience: ["teachers", "management"],
                                         plan: "\(item.id!)|\(due.iso)", app)
            let future = try await Self.event(center, arm, "Будущий практикум", day: today.adding(days: 5), app)
            #expect(F.flash(try await center.post("/events/\(future.id!)/sign-off", []))?.contains("ещё не состоялось") == true)
            #expect(F.flash(try await center.post("/events/\(future.id!)/attendance", []))?.contains("ещё не состоялось") == true)
            // The teacher registers and links an open step of their route.
            let teacherUser = try await Fixture.user("teacher", app)
            let pid = try #require(teacherUser.$person.id)
            let person = try #require(try await Person.find(pid, on: app.db))
            let teacher = try await Browser.signIn("teacher", app)
            #expect(try await teacher.post("/events/\(e.id!)/register", []).status == .seeOther)
            let step = try #require(try await EventsController.openSteps(of: pid, on: app.db).first)
            #expect(F.flash(try await teacher.post("/events/\(e.id!)/route-step", [("step", UUID().uuidString)]))?.contains("Выберите незавершённый шаг") == true)
            #expect(try await teacher.post("/events/\(e.id!)/route-step", [("step", step.id!.uuidString)]).status == .seeOther)
            #expect(try await teacher.post("/events/\(e.id!)/attendance", [("present", pid.uuidString)]).status == .forbidden)
            // The organiser marks who came, with a walk-in (a director of another school), and signs off.
            let walkIn = try #require(try await F.people(arm, app).first { $0.$school.id != nil && $0.$school.id != person.$school.id && $0.functionSet.contains(.director) && !$0.functionSet.contains(.teacher) })
            #expect(F.flash(try await center.post("/events/\(e.id!)/attendance", [("walk_in", UUID().uuidString)]))?.contains("Пришедшего без записи") == true)
            let marked = try await center.post("/events/\(e.id!)/attendance", [("present", pid.uuidString), ("walk_in", walkIn.id!.uuidString)])
            #expect(marked.status == .seeOther && F.flash(marked)?.contains("присутствовали 2") == true)
            let signed = try await center.post("/events/\(e.id!)/sign-off", [])
            #expect(F.flash(signed)?.contains("Шагов ИОМ выполнено: 1") == true && F.flash(signed)?.contains("Пункт плана отмечен исполненным") == true)
            #expect(F.flash(try await center.post("/events/\(e.id!)/sign-off", []))?.contains("уже подписана") == true)
            let done = try #require(try await RouteStepRecord.find(step.id, on: app.db))
            #expect(done.stepStatus == .done && done.doneDay == today.iso && done.evidence.contains("Практикум по оцениванию"))
            let execution = try #require(try await PlanExecution.query(on: app.db).filter(\.$item.$id == item.id!).filter(\.$dueDay == due.iso).first())
            #expect(execution.eventID == e.id && execution.doneDay == today.iso)
            let planAudits = try await F.audits(app, entity: "plan_execution", action: "create") + F.audits(app, entity: "plan_execution", action: "update")
            #expect(planAudits.contains { $0.entityID == execution.id })
            // The teacher sees it on the route.
            let route = try await teacher.get("/deficits/\(pid)")
            #expect(route.status == .ok && route.body.string.contains("Посещено мероприятие «Практикум по оцениванию»"))
            // Coverage of the day: the teacher's school 1 of its teachers; the director's school no teacher but one event; groups 2.
            let schools = try await EventCoverageService.schools(arm, on: app.db)
            let results = try await EventCoverageService.results(arm, from: today, to: today, on: app.db)
            let teacherCount = try await EventService.teachers(of: person.$school.id!, on: app.db).count
            #expect(schools.contains { $0.id == person.$school.id }, "the demo teacher's school is supported")
            if let mine = schools.first(where: { $0.id == person.$school.id }) {
                let r = try #require(results.first { $0.code == mine.code })
                #expect(r.teachers == teacherCount && r.attended == 1 && r.events == 1 && r.groups == [.teachers, .management])
                #expect(r.share == Rational(1, Int128(teacherCount)))
            }
            if let theirs = schools.first(where: { $0.id == walkIn.$school.id }) {
                let r = try #require(results.first { $0.code == theirs.code })
                #expect(r.attended == 0 && r.events == 1 && r.groups.count == 2)
            }
            let total = try #require(results.last)
            let anySupported = schools.contains { $0.id == person.$school.id || $0.id == walkIn.$school.id }
            #expect(total.code == "municipality" && total.events == (anySupported ? 1 : 0))
            #expect(total.attended == (schools.contains { $0.id == person.$school.id } ? 1 : 0))
            // The page equals the CLI.
            let rows = try await EventCoverageService.rows(arm, from: today, to: today, on: app.db)
            let csv = try EventsCommand.render(rows, format: "csv")
            let json = try EventsCommand.render(rows, format: "json")
            let page = try await center.get("/events/coverage?municipality=\(arm.id!)&from=\(today.iso)&to=\(today.iso)").body.string
            #expect(csv.hasPrefix("school_code,school,figure,value\n"))
            for r in rows {
                let attr = r.value.isEmpty ? "data-figure=\"\(r.figure)\" data-value>" : "data-figure=\"\(r.figure)\" data-value=\"\(r.value)\""
                #expect(page.contains(attr), "\(r.schoolCode) \(r.figure)=\(r.value)")
                #expect(csv.contains(",\(r.figure),\(r.value)\n"))
            }
            let decoded = try JSONDecoder().decode([EventCoverage.Row].self, from: Data(json.utf8))
            #expect(decoded == rows)
            #expect(try await teacher.get("/events/coverage").status == .forbidden)
        }
    }

    @Test func iCalendarFeedsParseBackAndRenew() async throws {
        try await withTestApp { app in
            let arm = try await F.municipality(0, app)
            let center = try await Browser.signIn("center", app)
            let today = Self.today(app)
            let title = "Семинар, часть 1; тема \\ «Формирующее оценивание на уроках математики и русского языка в 5–6 классах»"
            let e = try await Self.event(center, arm, title, day: today.adding(days: 3), place: "Центр, ауд. 12; вход со двора", app)
            let teacher = try await Browser.signIn("teacher", app)
            #expect(try await teacher.post("/events/\(e.id!)/register", []).status == .seeOther)
            let cal = try await teacher.get("/events/calendar?view=week&date=\(today.adding(days: 3).iso)")
            #expect(cal.status == .ok && cal.body.string.contains("Семинар, часть 1"))
            #expect(try await teacher.get("/events/calendar?view=month").status == .ok)
            let issued = try await teacher.post("/events/calendar/feed", [("owner", "user")])
            #expect(issued.status == .ok)
            let token = try #require(issued.body.string.firstMatch(of: /\/calendar\/([A-Za-z0-9_\-]{20,})/)?.1).description
            var feed: TestingHTTPResponse!
            try await app.testing().test(.GET, "/calendar/\(token)") { feed = $0 }
            #expect(feed.status == .ok && feed.headers.contentType?.subType == "calendar")
            let text = feed.body.string
            if let out = ProcessInfo.processInfo.environment["OPORA_ICS_OUT"] { try text.write(toFile: out, atomically: true, encoding: .utf8) }
            #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
            let physical = text.components(separatedBy: "\r\n").dropLast()
            #expect(physical.allSatisfy { $0.utf8.count <= 75 && !$0.contains("\n") })
            #expect(physical.contains { $0.hasPrefix(" ") }, "the long summary is folded")
            let lines = ICalendar.contentLines(text)
            let summary = try #require(lines.first { $0.name == "SUMMARY" && ICalendar.unescape($0.value) == title })
            #expect(summary.value.contains("\\,") && summary.value.contains("\\;") && summary.value.contains("\\\\"))
            #expect(lines.contains { $0.name == "UID" && $0.value == "\(e.id!.uuidString.lowercased())@opora" })
            #expect(lines.contains { $0.name == "LOCATION" && ICalendar.unescape($0.value) == "Центр, ауд. 12; вход со двора" })
            let (start, _) = EventService.interval(e, zone: arm.zone)
            #expect(lines.contains { $0.name == "DTSTART" && $0.value == ICalendar.utc(start) && $0.value.hasSuffix("Z") })
            #expect(lines.contains { $0.name == "DTSTAMP" } && lines.filter { $0.name == "BEGIN" && $0.value == "VEVENT" }.count == lines.filter { $0.name == "END" && $0.value == "VEVENT" }.count)
            // Renewing makes the old address answer 404; a school's feed is its administration's.
            #expect(try await teacher.post("/events/calendar/feed", [("owner", "user")]).status == .ok)
            try await app.testing().test(.GET, "/calendar/\(token)") { #expect($0.status == .notFound) }
            let school = try await Self.schoolOfLogin("school", app)
            #expect(try await teacher.post("/events/calendar/feed", [("owner", school.id!.uuidString)]).status == .forbidden)
            let sfeed = try await Browser.signIn("school", app).post("/events/calendar/feed", [("owner", school.id!.uuidString)])
            #expect(sfeed.status == .ok && sfeed.body.string.contains("/calendar/"))
            #expect(try await F.audits(app, entity: "event_feed", action: "create").count == 2)
        }
    }
}
