@testable import App
import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

/// ШМО and their August monitoring through HTTP: a school adds its ШМО and fills the form,
/// the center returns or reviews it, strangers are refused, the results table.
@Suite("ШМО and their August monitoring") struct ShmoTests {
    /// The demo seeds ШМО of its mentored schools; these tests count their own from nothing.
    static func withoutDemoShmo(_ app: Application) async throws {
        try await ShmoReview.query(on: app.db).delete()
        try await ShmoGroup.query(on: app.db).delete()
    }

    typealias F = PostFixture

    /// The school the «school» login administers, its staff, and another school of the same municipality.
    struct Demo { let school: School; let staff: [Person]; let other: School; let otherStaff: [Person]; let year: Int }

    static func demo(_ app: Application) async throws -> Demo {
        let grant = try #require(try await RoleGrant.query(on: app.db).filter(\.$user.$id == (try await Fixture.user("school", app)).id!).first())
        let school = try #require(try await School.find(try #require(grant.schoolID), on: app.db))
        let staff = try await Person.query(on: app.db).filter(\.$school.$id == school.id!).sort(\.$lastName).sort(\.$firstName).all()
        try #require(staff.count >= 3, "the demo school has staff to form a ШМО of")
        let others = try await School.query(on: app.db).filter(\.$municipality.$id == school.$municipality.id).filter(\.$id != school.id!).sort(\.$code).all()
        // Not a school of the «mentor» login (the mentor reads their schools only).
        let mentor = try await Fixture.user("mentor", app)
        let mentored = Set(try await Assignment.query(on: app.db).filter(\.$person.$id == mentor.$person.id).all().compactMap(\.$school.id))
        #expect(mentored.contains(school.id!), "the «school» login administers a school of the «mentor» login")
        var other: School?, otherStaff: [Person] = []
        for s in others where !mentored.contains(s.id!) {
            otherStaff = try await Person.query(on: app.db).filter(\.$school.$id == s.id!).all()
            if otherStaff.count >= 2 { other = s; break }
        }
        let year = ShmoController.reviewYear(CalendarDay(date: app.now(), timeZone: CuratorshipService.zone))
        return Demo(school: school, staff: staff, other: try #require(other), otherStaff: otherStaff, year: year)
    }

    /// A ШМО added over HTTP by `who`; its id from the redirect.
    static func addGroup(_ who: Browser, school: School, name: String, head: Person, members: [Person]) async throws -> ShmoGroup {
        let res = try await who.post("/support/shmo", [("school_id", school.id!.uuidString), ("name", name), ("head_id", head.id!.uuidString)]
                                     + members.map { ("members", $0.id!.uuidString) })
        #expect(res.status == .seeOther, "\(name): \(res.body.string.prefix(300))")
        let g = try #require(try await ShmoGroup.query(on: who.app.db).filter(\.$name == name).first())
        #expect(F.location(res) == "/support/shmo/\(g.id!)")
        return g
    }

    static func review(_ g: ShmoGroup, _ year: Int, _ app: Application) async throws -> ShmoReview? {
        try await ShmoReview.query(on: app.db).filter(\.$group.$id == g.id!).filter(\.$year == year).first()
    }

    @Test func schoolFillsTheFormAndTheCenterReturnsThenReviewsIt() async throws {
        try await withTestApp { app in
            try await Self.withoutDemoShmo(app)
            let d = try await Self.demo(app)
            let school = try await Browser.signIn("school", app), center = try await Browser.signIn("center", app)
            let list = try await school.get("/support/shmo")
            #expect(list.status == .ok && list.body.string.contains("В школе ещё нет ШМО") && list.body.string.contains("Добавить ШМО"))
            #expect(list.body.string.contains("Мониторинг деятельности ШМО, \(d.year)") && list.body.string.contains("01.08.\(d.year) – 15.08.\(d.year)"))

            // A name is required; the head and the members are people of the school.
            let noName = try await school.post("/support/shmo", [("school_id", d.school.id!.uuidString), ("name", ""), ("head_id", d.staff[0].id!.uuidString)])
            #expect(noName.status == .unprocessableEntity && noName.body.string.contains("Укажите название ШМО"))
            let stranger = try await school.post("/support/shmo", [("school_id", d.school.id!.uuidString), ("name", "ШМО чужих"),
                                                                   ("head_id", d.otherStaff[0].id!.uuidString), ("members", d.otherStaff[1].id!.uuidString)])
            #expect(stranger.status == .unprocessableEntity && stranger.body.string.contains("Выберите руководителя из сотрудников школы.")
                    && stranger.body.string.contains("Участниками ШМО могут быть только сотрудники этой школы."))
            #expect(stranger.body.string.contains("value=\"ШМО чужих\""), "the entered name is kept")
            #expect(try await ShmoGroup.query(on: app.db).count() == 0)

            let g = try await Self.addGroup(school, school: d.school, name: "ШМО учителей математики", head: d.staff[0], members: [d.staff[1], d.staff[2]])
            #expect(g.$school.id == d.school.id && g.$head.id == d.staff[0].id && g.municipalityID == d.school.$municipality.id)
            #expect(Set(g.memberIDs) == Set([d.staff[0], d.staff[1], d.staff[2]].compactMap(\.id)), "the head is a member")
            #expect(try await F.audits(app, entity: "shmo_group", action: "create").count == 1)
            let dup = try await school.post("/support/shmo", [("school_id", d.school.id!.uuidString), ("name", "шмо учителей математики"),
                                                              ("head_id", d.staff[1].id!.uuidString)])
            #expect(dup.status == .unprocessableEntity && dup.body.string.contains("В школе уже есть ШМО с таким названием."))

            let path = "/support/shmo/\(g.id!)"
            let page = try await school.get(path)
            #expect(page.status == .ok && page.body.string.contains("форма не начата") && page.body.string.contains("Отправить в центр")
                    && page.body.string.contains(d.staff[1].fullName))
            #expect(!page.body.string.contains("Решение центра"))

            // Bad numbers: a message under the field, nothing saved.
            let bad = try await school.post(path + "/review", [("has_plan", "1"), ("meetings", "-1"), ("open_lessons", "два"), ("action", "save")])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Число заседаний — целое число от 0")
                    && bad.body.string.contains("Число открытых уроков — целое число от 0"))
            #expect(try await Self.review(g, d.year, app) == nil)

            let saved = try await school.post(path + "/review", [("has_plan", "1"), ("meetings", "3"), ("open_lessons", "2"),
                                                                 ("topics", "Формирующее оценивание"), ("deficits_addressed", ""), ("action", "save")])
            #expect(saved.status == .seeOther && F.location(saved) == path && F.flash(saved) == "success|Изменения сохранены.")
            var r = try #require(try await Self.review(g, d.year, app))
            #expect(r.state == .draft && r.hasPlan && r.meetings == 3 && r.openLessons == 2 && r.topics == "Формирующее оценивание")
            let badAgain = try await school.post(path + "/review", [("meetings", "2,5"), ("open_lessons", "1"), ("action", "submit")])
            #expect(badAgain.status == .unprocessableEntity)
            r = try #require(try await Self.review(g, d.year, app))
            #expect(r.state == .draft && r.meetings == 3 && r.openLessons == 2 && r.hasPlan, "a refused form changes nothing")

            let submitted = try await school.post(path + "/review", [("has_plan", "1"), ("meetings", "4"), ("open_lessons", "2"), ("action", "submit")])
            #expect(F.flash(submitted) == "success|Форма отправлена в центр.")
            #expect(try await Self.review(g, d.year, app)?.state == .submitted)

            // Submitted: the school can no longer change it nor decide on it.
            let late = try await school.post(path + "/review", [("meetings", "9"), ("open_lessons", "9"), ("action", "save")])
            #expect(F.flash(late)?.hasPrefix("error|Форма уже отправлена в центр") == true)
            let selfReview = try await school.post(path + "/decision", [("decision", "reviewed")])
            #expect(selfReview.status == .seeOther && F.flash(selfReview) == "error|Решение по форме мониторинга принимает центр.")
            r = try #require(try await Self.review(g, d.year, app))
            #expect(r.state == .submitted && r.meetings == 4)

            // The center returns it: a note is required.
            #expect(try await center.get(path).body.string.contains("Вернуть школе"))
            let noNote = try await center.post(path + "/decision", [("decision", "return"), ("note", "")])
            #expect(F.flash(noNote) == "error|Напишите замечание: без него форма школе не возвращается.")
            #expect(try await Self.review(g, d.year, app)?.state == .submitted)
            let returned = try await center.post(path + "/decision", [("decision", "return"), ("note", "Укажите темы заседаний за год")])
            #expect(F.flash(returned) == "success|Форма возвращена школе с замечанием.")
            r = try #require(try await Self.review(g, d.year, app))
            #expect(r.state == .draft && r.reviewerNote == "Укажите темы заседаний за год")
            let early = try await center.post(path + "/decision", [("decision", "reviewed")])
            #expect(F.flash(early)?.hasPrefix("error|Форма ещё не отправлена в центр") == true)
            #expect(try await Self.review(g, d.year, app)?.state == .draft)
            let back = try await school.get(path)
            #expect(back.body.string.contains("Укажите темы заседаний за год") && back.body.string.contains("возвращён школе")
                    && back.body.string.contains("Отправить в центр"))

            // Resubmitted with the topics; the center reviews it; then nothing moves.
            _ = try await school.post(path + "/review", [("has_plan", "1"), ("meetings", "4"), ("open_lessons", "2"),
                                                         ("topics", "Формирующее оценивание; ВПР по математике"), ("action", "submit")])
            #expect(try await Self.review(g, d.year, app)?.state == .submitted)
            let reviewed = try await center.post(path + "/decision", [("decision", "reviewed"), ("note", "Работа ШМО системная")])
            #expect(F.flash(reviewed) == "success|Форма рассмотрена.")
            r = try #require(try await Self.review(g, d.year, app))
            #expect(r.state == .reviewed && r.reviewerNote == "Работа ШМО системная" && r.topics == "Формирующее оценивание; ВПР по математике")
            #expect(F.flash(try await school.post(path + "/review", [("meetings", "1"), ("open_lessons", "1"), ("action", "submit")])) ==
                    "error|Форма рассмотрена центром и больше не изменяется.")
            #expect(F.flash(try await center.post(path + "/decision", [("decision", "return"), ("note", "ещё раз")])) == "error|Форма уже рассмотрена.")
            #expect(try await Self.review(g, d.year, app)?.state == .reviewed)
            let done = try await school.get(path)
            #expect(done.body.string.contains("рассмотрен центром") && !done.body.string.contains("Отправить в центр"))

            // Every change audited: created as a draft, submitted, returned, resubmitted, reviewed.
            let audits = try await AuditEntry.query(on: app.db).filter(\.$entity == "shmo_review").filter(\.$entityID == r.id).sort(\.$at).all()
            #expect(audits.map(\.action) == ["create", "update", "update", "update", "update"])
            #expect(audits.allSatisfy { $0.municipalityID == d.school.$municipality.id })
            #expect(audits.last?.afterJSON?.contains("\"status\":\"reviewed\"") == true && audits.last?.beforeJSON?.contains("\"status\":\"submitted\"") == true)
        }
    }

    @Test func strangersAreRefused() async throws {
        try await withTestApp { app in
            try await Self.withoutDemoShmo(app)
            let d = try await Self.demo(app)
            let school = try await Browser.signIn("school", app), center = try await Browser.signIn("center", app)
            let own = try await Self.addGroup(school, school: d.school, name: "ШМО начальных классов", head: d.staff[0], members: [d.staff[1]])
            // The center adds a ШМО to another school (it may write every school of its municipality).
            let foreign = try await Self.addGroup(center, school: d.other, name: "ШМО гуманитарного цикла", head: d.otherStaff[0], members: [d.otherStaff[1]])
            let form = [("has_plan", "1"), ("meetings", "2"), ("open_lessons", "1"), ("action", "submit")]
            let audits = try await F.auditCount(app)

            // Teachers and mentors do not change ШМО; a teacher does not read them.
            for login in ["teacher", "mentor", "uo"] {
                let b = try await Browser.signIn(login, app)
                #expect(try await b.post("/support/shmo", [("school_id", d.school.id!.uuidString), ("name", "ШМО \(login)"),
                                                           ("head_id", d.staff[0].id!.uuidString)]).status == .forbidden, "\(login)")
                #expect(try await b.post("/support/shmo/\(own.id!)/review", form).status == .forbidden, "\(login)")
                #expect(try await b.post("/support/shmo/\(own.id!)/decision", [("decision", "reviewed")]).status == .forbidden, "\(login)")
            }
            #expect(try await Browser.signIn("teacher", app).get("/support/shmo/\(own.id!)").status == .forbidden)

            // The school's administration: another school's ШМО is closed.
            #expect(try await school.get("/support/shmo/\(foreign.id!)").status == .forbidden)
            #expect(try await school.get("/support/shmo?school=\(d.other.id!)").status == .forbidden)
            #expect(try await school.post("/support/shmo/\(foreign.id!)/review", form).status == .forbidden)
            #expect(try await school.post("/support/shmo/\(foreign.id!)/decision", [("decision", "reviewed")]).status == .forbidden)
            #expect(try await school.post("/support/shmo", [("school_id", d.other.id!.uuidString), ("name", "Чужое ШМО"),
                                                            ("head_id", d.otherStaff[0].id!.uuidString)]).status == .forbidden)
            #expect(!(try await school.get("/support/shmo").body.string.contains("ШМО гуманитарного цикла")))

            // The center of another municipality sees nothing here.
            let elsewhere = try await F.municipality(1, app)
            try await F.user("center-2", Grant(role: .centerSpecialist, municipalityID: elsewhere.id), app)
            let center2 = try await Browser.signIn("center-2", app)
            #expect(try await center2.get("/support/shmo/\(own.id!)").status == .forbidden)
            #expect(try await center2.post("/support/shmo/\(own.id!)/review", form).status == .forbidden)
            #expect(try await center2.post("/support/shmo/\(own.id!)/decision", [("decision", "reviewed")]).status == .forbidden)
            #expect(try await center2.post("/support/shmo", [("school_id", d.school.id!.uuidString), ("name", "Чужое ШМО"),
                                                             ("head_id", d.staff[0].id!.uuidString)]).status == .forbidden)
            #expect(!(try await center2.get("/support/shmo").body.string.contains("ШМО начальных классов")))

            #expect(try await school.get("/support/shmo/\(UUID())").status == .notFound)
            #expect(try await ShmoReview.query(on: app.db).count() == 0)
            #expect(try await ShmoGroup.query(on: app.db).count() == 2)
            #expect(try await F.auditCount(app) == audits, "nothing refused was written")
        }
    }

    @Test func centerSeesTheResultsTable() async throws {
        try await withTestApp { app in
            try await Self.withoutDemoShmo(app)
            let d = try await Self.demo(app)
            let center = try await Browser.signIn("center", app)
            let empty = try await center.get("/support/shmo")
            #expect(empty.status == .ok && empty.body.string.contains("ШМО ещё не внесены"))
            let names = ["ШМО естественнонаучного цикла", "ШМО иностранных языков", "ШМО математики", "ШМО начальных классов"]
            var groups: [ShmoGroup] = []
            for name in names { groups.append(try await Self.addGroup(center, school: d.school, name: name, head: d.staff[0], members: [d.staff[1]])) }
            let foreign = try await Self.addGroup(center, school: d.other, name: "ШМО физической культуры", head: d.otherStaff[0], members: [])
            // The forms of the year: none, a draft, submitted, reviewed; the other school's is submitted.
            for (g, status) in [(groups[1], "draft"), (groups[2], "submitted"), (groups[3], "reviewed"), (foreign, "submitted")] {
                let r = ShmoReview()
                r.$group.id = g.id!; r.year = d.year; r.hasPlan = status != "draft"; r.meetings = 5; r.openLessons = 3
                r.topics = ""; r.deficitsAddressed = ""; r.status = status; r.reviewerNote = ""
                try await r.create(on: app.db)
            }
            // Last year's form does not count in this year's table.
            let old = ShmoReview()
            old.$group.id = groups[0].id!; old.year = d.year - 1; old.hasPlan = true; old.meetings = 7; old.openLessons = 7
            old.topics = ""; old.deficitsAddressed = ""; old.status = "reviewed"; old.reviewerNote = ""
            try await old.create(on: app.db)

            let page = try await center.get("/support/shmo")
            let html = page.body.string
            #expect(page.status == .ok && html.contains("Мониторинг деятельности ШМО, \(d.year)"))
            #expect(html.contains("заполнено 3 из 5") && html.contains("рассмотрено центром — 1"))
            for word in ["форма не начата", "заполняется школой", "отправлен в центр", "рассмотрен центром"] { #expect(html.contains(word), "\(word)") }
            for name in names + ["ШМО физической культуры"] { #expect(html.contains(name), "\(name)") }
            #expect(html.contains(d.school.shortName) && html.contains(d.other.shortName) && html.contains(d.staff[0].fullName))
            #expect(html.contains("Чтобы добавить ШМО, выберите школу"))

            // Filtered by school: that school's ШМО only, and the center's form to add one there.
            let one = try await center.get("/support/shmo?school=\(d.school.id!)")
            #expect(one.body.string.contains("заполнено 2 из 4") && !one.body.string.contains("ШМО физической культуры"))
            #expect(one.body.string.contains("Новое школьное методическое объединение"))
            #expect(try await center.get("/support/shmo?school=broken").body.string.contains("заполнено 3 из 5"), "a broken filter is no filter")

            // The education department reads the same table; the mentor the ШМО of their schools, read-only.
            let uo = try await Browser.signIn("uo", app).get("/support/shmo")
            #expect(uo.status == .ok && uo.body.string.contains("заполнено 3 из 5") && !uo.body.string.contains("Новое школьное методическое объединение"))
            let mentor = try await Browser.signIn("mentor", app)
            let mine = try await mentor.get("/support/shmo")
            #expect(mine.status == .ok && mine.body.string.contains("ШМО математики") && !mine.body.string.contains("ШМО физической культуры"))
            #expect(!mine.body.string.contains("Новое школьное методическое объединение"))
            let show = try await mentor.get("/support/shmo/\(groups[2].id!)")
            #expect(show.status == .ok && show.body.string.contains("отправлен в центр") && !show.body.string.contains("Отправить в центр")
                    && !show.body.string.contains("Вернуть школе"))
        }
    }
}
