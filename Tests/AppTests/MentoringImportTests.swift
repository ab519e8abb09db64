@testable import App
import DemoData
import Domain
import Fluent
import Foundation
import Importing
import Testing
import Vapor
import VaporTesting

/// «Spreadsheets in, figures out»: assignments, interactions, deficits and route steps through
/// the one import pipeline — written, re-imported as updates, refused whole with row and column.
@Suite("Mentoring imports") struct MentoringImportTests {
    /// The demo's pairs of the first municipality, and people and schools of another one.
    struct Demo {
        let m: Municipality
        let tutorAssignment: Assignment, tutor: Person, tutorant: Person
        let mentorAssignment: Assignment, mentor: Person, mentorSchool: School
        /// A teacher of the municipality who is not the tutor's tutorant (nor the tutor).
        let freeTeacher: Person
        /// Schools of the municipality the mentor is not assigned to.
        let freeSchools: [School]
        let stranger: Person, strangerSchool: School
    }

    static func demo(_ app: Application) async throws -> Demo {
        let m = try #require(try await Municipality.query(on: app.db).filter(\.$code == DemoCatalog.municipalities[0].code).first())
        let tutorA = try #require(try await Assignment.query(on: app.db).filter(\.$municipalityID == m.id!)
            .filter(\.$kind == AssignmentKind.tutorTeacher.rawValue).sort(\.$createdAt).first())
        let tutor = try #require(try await Person.find(tutorA.$person.id, on: app.db))
        let tutorant = try #require(try await Person.find(tutorA.$teacher.id, on: app.db))
        let mentorA = try #require(try await Assignment.query(on: app.db).filter(\.$municipalityID == m.id!)
            .filter(\.$kind == AssignmentKind.mentorSchool.rawValue).sort(\.$createdAt).first())
        let mentor = try #require(try await Person.find(mentorA.$person.id, on: app.db))
        let school = try #require(try await School.find(mentorA.$school.id, on: app.db))
        let tutorants = try await Assignment.query(on: app.db).filter(\.$person.$id == tutor.id!).all().compactMap(\.$teacher.id)
        let free = try #require(try await Person.query(on: app.db).filter(\.$municipality.$id == m.id!).filter(\.$school.$id != nil)
            .filter(\.$id !~ (tutorants + [tutor.id!])).sort(\.$staffCode).first())
        let mentored = try await Assignment.query(on: app.db).filter(\.$person.$id == mentor.id!).all().compactMap(\.$school.id)
        let freeSchools = try await School.query(on: app.db).filter(\.$municipality.$id == m.id!).filter(\.$id !~ mentored).sort(\.$code).all()
        try #require(freeSchools.count >= 2)
        let stranger = try #require(try await Person.query(on: app.db).filter(\.$municipality.$id != m.id!).sort(\.$staffCode).first())
        let strangerSchool = try #require(try await School.query(on: app.db).filter(\.$municipality.$id != m.id!).sort(\.$code).first())
        return Demo(m: m, tutorAssignment: tutorA, tutor: tutor, tutorant: tutorant, mentorAssignment: mentorA, mentor: mentor, mentorSchool: school,
                    freeTeacher: free, freeSchools: freeSchools, stranger: stranger, strangerSchool: strangerSchool)
    }

    static func run(_ kind: MentoringFileKind, _ lines: [String], _ d: Demo, _ app: Application) async throws -> ImportOutcome {
        try await ImportPipeline.handle(.mentoring(kind), .data(Data(lines.joined(separator: "\n").utf8)), fileName: "\(kind.rawValue).csv",
                                        scope: .municipality(d.m), defaultYear: nil, actor: .commandLine, jobID: nil, now: app.now(), on: app.db)
    }

    static func today(_ app: Application) -> CalendarDay { CalendarDay(date: app.now(), timeZone: CuratorshipService.zone) }

    static func capacity(_ person: Person, _ n: Int, _ app: Application) async throws {
        let c = SupportCapacity()
        c.personID = person.id!; c.capacity = n
        try await c.create(on: app.db)
    }

    /// The message names the code, never the stranger.
    static func hidesName(_ e: ImportError?, _ p: Person) -> Bool {
        guard let e else { return false }
        return !e.message.contains(p.lastName) && !e.message.contains(p.fullName)
    }

    static let assignmentsHeader = "Вид закрепления;Код наставника/тьютора;Код школы;Код педагога;Номер приказа;Дата приказа;Дата начала;Дата окончания"
    static let interactionsHeader = "Код автора;Дата;Код школы;Код педагога;Форма;Формат;Тема;Длительность, мин;Участников"
    static let deficitsHeader = "Код педагога;Год диагностики;Область дефицита;Источник;Балл;Уровень;Дата"
    static let stepsHeader = "Код педагога;Год маршрута;Область дефицита;Шаг;Вид шага;Срок;Статус;Дата выполнения"

    // MARK: assignments

    @Test func assignmentsAreWrittenAndReimportUpdates() async throws {
        try await withTestApp { app in
            let d = try await Self.demo(app)
            try await Self.capacity(d.tutor, 100, app); try await Self.capacity(d.mentor, 100, app)
            let school = d.freeSchools[0]
            let file = [Self.assignmentsHeader,
                        "тьютор;\(d.tutor.staffCode);;\(d.freeTeacher.staffCode);№ 77;29.08.2025;01.09.2025;",
                        "наставник;\(d.mentor.staffCode);\(school.code);;78 от 29.08.2025;;;31.05.2026"]
            let before = try await Assignment.query(on: app.db).count()
            let version = try await DataVersion.current([.support(d.m.id!), .registry(d.m.id!)], on: app.db)
            let o = try await Self.run(.assignments, file, d, app)
            #expect(o.status == .done && o.created == 2 && o.updated == 0, "\(o.errors)")
            #expect(o.notes.isEmpty)
            #expect(try await Assignment.query(on: app.db).count() == before + 2)
            let tutorA = try #require(try await Assignment.query(on: app.db).filter(\.$person.$id == d.tutor.id!).filter(\.$teacher.$id == d.freeTeacher.id!).first())
            #expect(tutorA.assignmentKind == .tutorTeacher && tutorA.orderNumber == "77" && tutorA.endsOn == nil && !tutorA.overCapacity)
            #expect(CuratorshipService.day(tutorA.startsOn) == CalendarDay(year: 2025, month: 9, day: 1) && tutorA.$school.id == d.freeTeacher.$school.id)
            let mentorA = try #require(try await Assignment.query(on: app.db).filter(\.$person.$id == d.mentor.id!).filter(\.$school.$id == school.id!).first())
            // No start: since the order, as on the center's form.
            #expect(mentorA.assignmentKind == .mentorSchool && mentorA.orderNumber == "78" && CuratorshipService.day(mentorA.startsOn) == CalendarDay(year: 2025, month: 8, day: 29))
            #expect(CuratorshipService.day(mentorA.endsOn) == CalendarDay(year: 2026, month: 5, day: 31) && mentorA.municipalityID == d.m.id)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "assignment").filter(\.$entityID ~~ [tutorA.id!, mentorA.id!]).count() == 2)
            let after = try await DataVersion.current([.support(d.m.id!), .registry(d.m.id!)], on: app.db)
            #expect(zip(version, after).allSatisfy { $0 + 1 == $1 }, "each key moves once")

            // The same file again, the tutor's assignment now ended: updated, not duplicated.
            var again = file
            again[1] = "тьютор;\(d.tutor.staffCode.lowercased());;\(d.freeTeacher.staffCode);№ 77;29.08.2025;01.09.2025;30.06.2026"
            let o2 = try await Self.run(.assignments, again, d, app)
            #expect(o2.status == .done && o2.created == 0 && o2.updated == 2, "\(o2.errors)")
            #expect(try await Assignment.query(on: app.db).count() == before + 2)
            #expect(CuratorshipService.day(try await Assignment.find(tutorA.id, on: app.db)?.endsOn) == CalendarDay(year: 2026, month: 6, day: 30))
            #expect(o2.summary(.mentoring(.assignments)) == "создано: 0, обновлено: 2")
        }
    }

    @Test func badAssignmentsFileWritesNothing() async throws {
        try await withTestApp { app in
            let d = try await Self.demo(app)
            let before = try await Assignment.query(on: app.db).count()
            let o = try await Self.run(.assignments, [Self.assignmentsHeader,
                "наставник;NOPE-000-000;\(d.freeSchools[0].code);;1;;01.09.2025;",
                "наставник;\(d.stranger.staffCode);\(d.freeSchools[0].code);;2;;01.09.2025;",
                "куратор;\(d.mentor.staffCode);\(d.strangerSchool.code);;3;;01.09.2025;",
                "тьютор;\(d.tutor.staffCode);;\(d.stranger.staffCode);4;;01.09.2025;",
                // The demo's pair is in force since always: a second one of the same pair is refused.
                "тьютор;\(d.tutor.staffCode);;\(d.tutorant.staffCode);5;;01.09.2025;",
                "наставник;\(d.mentor.staffCode);\(d.freeSchools[1].code);;6;;01.09.2025;",
            ], d, app)
            #expect(o.status == .failed)
            #expect(o.errors.map(\.row) == [2, 3, 4, 5, 6])
            #expect(o.errors.map(\.column) == ["Код наставника/тьютора", "Код наставника/тьютора", "Код школы", "Код педагога", "Дата начала"])
            #expect(o.errors[0].message.contains("NOPE-000-000") && o.errors[0].message.contains("не найден"))
            #expect(Self.hidesName(o.errors[1], d.stranger) && Self.hidesName(o.errors[3], d.stranger))
            #expect(!o.errors[2].message.contains(d.strangerSchool.shortName))
            #expect(try await Assignment.query(on: app.db).count() == before, "nothing written, not even the good row 7")

            let dup = try await Self.run(.assignments, [Self.assignmentsHeader,
                "наставник;\(d.mentor.staffCode);\(d.freeSchools[0].code);;1;;01.09.2025;",
                "наставник;\(d.mentor.staffCode);\(d.freeSchools[0].code);;1;;01.09.2025;"], d, app)
            #expect(dup.status == .failed && dup.errors.map(\.row) == [3] && dup.errors.first?.column == "Код наставника/тьютора")
            // The same assignment once with its start, once by its order's date: one assignment, twice.
            let same = try await Self.run(.assignments, [Self.assignmentsHeader,
                "наставник;\(d.mentor.staffCode);\(d.freeSchools[0].code);;1;01.09.2025;01.09.2025;",
                "наставник;\(d.mentor.staffCode);\(d.freeSchools[0].code);;1;01.09.2025;;"], d, app)
            #expect(same.status == .failed && same.errors.map(\.row) == [3])
            #expect(try await Assignment.query(on: app.db).count() == before)
        }
    }

    /// Over capacity the file is not refused: the row is flagged in the report and on the assignment.
    @Test func overCapacityAssignmentIsImportedWithANote() async throws {
        try await withTestApp { app in
            let d = try await Self.demo(app)
            let day = CalendarDay(year: 2025, month: 9, day: 1)!
            let load = try await Assignment.query(on: app.db).filter(\.$person.$id == d.mentor.id!)
                .filter(\.$kind ~~ [AssignmentKind.mentorSchool.rawValue, AssignmentKind.curatorSchool.rawValue]).all()
                .filter { AssignmentRules.span($0).isActive(on: day) }.count
            // Room for one more: the file's first row fits, its second goes over.
            try await Self.capacity(d.mentor, load + 1, app)
            let o = try await Self.run(.assignments, [Self.assignmentsHeader,
                "наставник;\(d.mentor.staffCode);\(d.freeSchools[0].code);;10;;01.09.2025;",
                "куратор;\(d.mentor.staffCode);\(d.freeSchools[1].code);;11;;01.09.2025;"], d, app)
            #expect(o.status == .done && o.created == 2, "\(o.errors)")
            #expect(o.notes.count == 1)
            let note = try #require(o.notes.first)
            #expect(note.contains("Строка 3") && note.contains(d.mentor.fullName) && note.contains("\(load + 2) при норме \(load + 1)"))
            let first = try #require(try await Assignment.query(on: app.db).filter(\.$school.$id == d.freeSchools[0].id!).filter(\.$person.$id == d.mentor.id!).first())
            let second = try #require(try await Assignment.query(on: app.db).filter(\.$school.$id == d.freeSchools[1].id!).filter(\.$person.$id == d.mentor.id!).first())
            #expect(!first.overCapacity && second.overCapacity)
        }
    }

    // MARK: interactions

    @Test func interactionsAreWrittenAndReimportUpdates() async throws {
        try await withTestApp { app in
            let d = try await Self.demo(app)
            let day = Self.today(app).adding(days: -3).ru
            let file = [Self.interactionsHeader,
                        "\(d.tutor.staffCode);\(day);;\(d.tutorant.staffCode);Консультация;Дистанционно;Импорт: разбор урока;45;1",
                        "\(d.mentor.staffCode);\(day);\(d.mentorSchool.code);;Выезд в школу;Очно;Импорт: план коррекции;90;6"]
            let before = try await Interaction.query(on: app.db).count()
            let o = try await Self.run(.interactions, file, d, app)
            #expect(o.status == .done && o.created == 2, "\(o.errors)")
            #expect(try await Interaction.query(on: app.db).count() == before + 2)
            let tutorial = try #require(try await Interaction.query(on: app.db).filter(\.$topic == "Импорт: разбор урока").first())
            #expect(tutorial.$author.id == d.tutor.id && tutorial.$teacher.id == d.tutorant.id && tutorial.$school.id == nil)
            #expect(tutorial.interactionForm == .consultation && tutorial.interactionFormat == .remote && tutorial.durationMinutes == 45)
            #expect(tutorial.outcome == "" && tutorial.nextStep == "" && tutorial.createdBy == ImportActor.commandLine.login && tutorial.municipalityID == d.m.id)
            let visit = try #require(try await Interaction.query(on: app.db).filter(\.$topic == "Импорт: план коррекции").first())
            #expect(visit.$school.id == d.mentorSchool.id && visit.$teacher.id == nil && visit.participants == 6)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "interaction").filter(\.$entityID ~~ [tutorial.id!, visit.id!]).count() == 2)

            // Again, with another duration and the topic in other case: updated.
            var again = file
            again[1] = "\(d.tutor.staffCode);\(day);;\(d.tutorant.staffCode);Консультация;Очно;импорт: разбор  урока;60;1"
            let o2 = try await Self.run(.interactions, again, d, app)
            #expect(o2.status == .done && o2.created == 0 && o2.updated == 2, "\(o2.errors)")
            #expect(try await Interaction.query(on: app.db).count() == before + 2)
            let updated = try #require(try await Interaction.find(tutorial.id, on: app.db))
            #expect(updated.durationMinutes == 60 && updated.interactionFormat == .inPerson && updated.topic == "Импорт: разбор урока")
        }
    }

    @Test func interactionsOfUnassignedAuthorsAreRefused() async throws {
        try await withTestApp { app in
            let d = try await Self.demo(app)
            let today = Self.today(app)
            // The tutor's pair starts ten days ago.
            d.tutorAssignment.startsOn = today.adding(days: -10).date(timeZone: CuratorshipService.zone)
            try await d.tutorAssignment.update(on: app.db)
            let before = try await Interaction.query(on: app.db).count()
            let day = today.adding(days: -3).ru
            let o = try await Self.run(.interactions, [Self.interactionsHeader,
                "\(d.tutor.staffCode);\(day);;\(d.freeTeacher.staffCode);Консультация;Очно;Тема 1;45;",
                "\(d.stranger.staffCode);\(day);\(d.mentorSchool.code);;Консультация;Очно;Тема 2;45;",
                "\(d.tutor.staffCode);\(today.adding(days: -20).ru);;\(d.tutorant.staffCode);Консультация;Очно;Тема 3;45;",
                "\(d.mentor.staffCode);\(day);NOPE-999;;Консультация;Очно;Тема 4;45;",
                "\(d.mentor.staffCode);\(day);\(d.freeSchools[0].code);;Консультация;Очно;Тема 5;45;",
                "\(d.tutor.staffCode);\(day);;\(d.tutorant.staffCode);Консультация;Очно;Тема 6;45;",
            ], d, app)
            #expect(o.status == .failed)
            #expect(o.errors.map(\.row) == [2, 3, 4, 5, 6])
            #expect(o.errors.map(\.column) == ["Код педагога", "Код автора", "Дата", "Код школы", "Код школы"])
            #expect(o.errors[0].message.contains("не закреплён") && o.errors[2].message.contains("не был закреплён"))
            #expect(Self.hidesName(o.errors[1], d.stranger))
            #expect(try await Interaction.query(on: app.db).count() == before, "nothing written, not even the good row 7")

            let dup = try await Self.run(.interactions, [Self.interactionsHeader,
                "\(d.tutor.staffCode);\(day);;\(d.tutorant.staffCode);Консультация;Очно;Тема;45;",
                "\(d.tutor.staffCode);\(day);;\(d.tutorant.staffCode);Тьюториал;Очно;Тема;30;"], d, app)
            #expect(dup.status == .failed && dup.errors.map(\.row) == [3] && dup.errors.first?.column == "Тема")
        }
    }

    // MARK: deficits

    @Test func deficitsAreWrittenAndReimportUpdates() async throws {
        try await withTestApp { app in
            let d = try await Self.demo(app)
            let file = [Self.deficitsHeader,
                        "\(d.tutorant.staffCode);2024/2025;Предметные;Тест ИРО;12,5;ниже базового;15.09.2024",
                        "\(d.tutorant.staffCode);2024;Оценочные;Самооценка;;базовый;"]
            let before = try await DeficitRecord.query(on: app.db).count()
            let o = try await Self.run(.deficits, file, d, app)
            #expect(o.status == .done && o.created == 2, "\(o.errors)")
            #expect(try await DeficitRecord.query(on: app.db).count() == before + 2)
            let subject = try #require(try await DeficitRecord.query(on: app.db).filter(\.$teacher.$id == d.tutorant.id!).filter(\.$year == 2024)
                .filter(\.$area == DeficitArea.subject.rawValue).first())
            #expect(subject.hasDeficit && subject.score == 12.5 && subject.level == "ниже базового" && subject.dayText == "2024-09-15")
            #expect(subject.deficitSource == .iroTest && subject.$school.id == d.tutorant.$school.id && subject.municipalityID == d.m.id)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "deficit").filter(\.$entityID == subject.id).count() == 1)

            var again = file
            again[1] = "\(d.tutorant.staffCode);2024/2025;Предметные;Тест ИРО;14;базовый;15.09.2024"
            let o2 = try await Self.run(.deficits, again, d, app)
            #expect(o2.status == .done && o2.created == 0 && o2.updated == 2, "\(o2.errors)")
            #expect(try await DeficitRecord.query(on: app.db).count() == before + 2)
            let updated = try #require(try await DeficitRecord.find(subject.id, on: app.db))
            #expect(updated.score == 14 && updated.level == "базовый")
        }
    }

    @Test func badDeficitsFileWritesNothing() async throws {
        try await withTestApp { app in
            let d = try await Self.demo(app)
            let before = try await DeficitRecord.query(on: app.db).count()
            let o = try await Self.run(.deficits, [Self.deficitsHeader,
                "NOPE-1;2024;Предметные;Тест ИРО;;;",
                "\(d.stranger.staffCode);2024;Предметные;Тест ИРО;;;",
                "\(d.tutorant.staffCode);2024;Цифровые;Анкетирование;;;"], d, app)
            #expect(o.status == .failed && o.errors.map(\.row) == [2, 3] && o.errors.allSatisfy { $0.column == "Код педагога" })
            #expect(Self.hidesName(o.errors.last, d.stranger))
            #expect(try await DeficitRecord.query(on: app.db).count() == before)
            let dup = try await Self.run(.deficits, [Self.deficitsHeader,
                "\(d.tutorant.staffCode);2024;Предметные;Тест ИРО;1;;",
                "\(d.tutorant.staffCode);2024/2025;Предметные;Тест ИРО;2;;"], d, app)
            #expect(dup.status == .failed && dup.errors.map(\.row) == [3] && dup.errors.first?.column == "Область дефицита")
            #expect(try await DeficitRecord.query(on: app.db).count() == before)
        }
    }

    // MARK: route steps

    @Test func routeStepsOpenADraftRouteAndReimportUpdates() async throws {
        try await withTestApp { app in
            let d = try await Self.demo(app)
            let t = d.freeTeacher
            try #require(try await RouteRecord.query(on: app.db).filter(\.$teacher.$id == t.id!).filter(\.$year == 2024).count() == 0)
            // The teacher has a subject deficit of that year, none in assessment.
            let deficit = try await Self.run(.deficits, [Self.deficitsHeader, "\(t.staffCode);2024;Предметные;Тест ИРО;10;;"], d, app)
            #expect(deficit.status == .done)
            let file = [Self.stepsHeader,
                        "\(t.staffCode);2024/2025;Предметные;Курсы ИРО «Задачи с параметром», 36 ч;Курсы ИРО или другой организации;30.11.2024;Выполнен;21.11.2024",
                        "\(t.staffCode);2024/2025;Оценочные;Консультация тьютора по критериям;Консультация тьютора;20.12.2024;;"]
            let o = try await Self.run(.routeSteps, file, d, app)
            #expect(o.status == .done && o.created == 2, "\(o.errors)")
            #expect(o.notes.count == 1 && o.notes.first?.contains("Строка 3") == true && o.notes.first?.contains("Оценочные") == true)
            let route = try #require(try await RouteRecord.query(on: app.db).filter(\.$teacher.$id == t.id!).filter(\.$year == 2024).with(\.$steps).first())
            #expect(route.routeState == .draft && route.municipalityID == d.m.id && route.steps.count == 2)
            let course = try #require(route.steps.first { $0.stepKind == .course })
            #expect(course.area == .subject && course.stepStatus == .done && course.doneDay == "2024-11-21" && course.due == "2024-11-30")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "route_step").filter(\.$entityID ~~ route.steps.compactMap(\.id)).count() == 2)

            var again = file
            again[2] = "\(t.staffCode);2024;Оценочные;консультация тьютора  по критериям;Консультация тьютора;25.12.2024;Выполняется;"
            let o2 = try await Self.run(.routeSteps, again, d, app)
            #expect(o2.status == .done && o2.created == 0 && o2.updated == 2, "\(o2.errors)")
            #expect(try await RouteRecord.query(on: app.db).filter(\.$teacher.$id == t.id!).count() == 1)
            let steps = try await RouteStepRecord.query(on: app.db).filter(\.$route.$id == route.id!).all()
            #expect(steps.count == 2)
            let consultation = try #require(steps.first { $0.stepKind == .tutorConsultation })
            #expect(consultation.stepStatus == .inProgress && consultation.due == "2024-12-25")
        }
    }

    @Test func badRouteStepsFileWritesNothing() async throws {
        try await withTestApp { app in
            let d = try await Self.demo(app)
            let before = try await RouteStepRecord.query(on: app.db).count()
            let routes = try await RouteRecord.query(on: app.db).count()
            let o = try await Self.run(.routeSteps, [Self.stepsHeader,
                "\(d.freeTeacher.staffCode);2024;;Шаг 1;Другое;;;",
                "NOPE-2;2024;;Шаг 2;Другое;;;",
                "\(d.stranger.staffCode);2024;;Шаг 3;Другое;;;",
                "\(d.freeTeacher.staffCode);2024;;Шаг 4;Другое;;Выполнен;\(Self.today(app).adding(days: 5).ru)"], d, app)
            #expect(o.status == .failed && o.errors.map(\.row) == [3, 4, 5])
            #expect(o.errors.map(\.column) == ["Код педагога", "Код педагога", "Дата выполнения"])
            #expect(Self.hidesName(o.errors[1], d.stranger))
            let dup = try await Self.run(.routeSteps, [Self.stepsHeader,
                "\(d.freeTeacher.staffCode);2024;;Шаг 1;Другое;;;",
                "\(d.freeTeacher.staffCode);2024;;шаг 1;Другое;;;"], d, app)
            #expect(dup.status == .failed && dup.errors.map(\.row) == [3] && dup.errors.first?.column == "Шаг")
            #expect(try await RouteStepRecord.query(on: app.db).count() == before)
            #expect(try await RouteRecord.query(on: app.db).count() == routes)
        }
    }

    // MARK: the pipeline, the command line and the page

    @Test func everyMentoringKindIsOfTheArea() throws {
        #expect(ImportArea.mentoring.kinds.map(\.name) == ["assignments", "interactions", "deficits", "route_steps"])
        #expect(ImportArea.mentoring.permission == .importMentoring)
        #expect(ImportKind(name: "route_steps") == .mentoring(.routeSteps) && ImportKind(raw: "assignments") == .mentoring(.assignments))
        for kind in ImportArea.mentoring.kinds {
            #expect(try kind.template(xlsx: true).fileName == "opora-\(kind.name).xlsx")
            let csv = try kind.template(xlsx: false)
            #expect(csv.fileName == "opora-\(kind.name).csv" && !csv.data.isEmpty)
        }
    }

    /// `opora import deficits FILE --municipality CODE`: the pipeline's job and audit entry of the file.
    @Test func commandLineImportLeavesAJob() async throws {
        try await withTestApp { app in
            let d = try await Self.demo(app)
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("deficits-\(UUID()).csv")
            try Data([Self.deficitsHeader, "\(d.tutorant.staffCode);2024;Цифровые;Анкетирование;;;"].joined(separator: "\n").utf8).write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            let (job, o) = try await ImportPipeline.importFile(.mentoring(.deficits), at: url, scope: .municipality(d.m), defaultYear: nil,
                                                               actor: .commandLine, app: app)
            #expect(o.status == .done && o.created == 1)
            let saved = try #require(try await ImportJob.find(job?.id, on: app.db))
            #expect(saved.state == .done && saved.kind == "deficits" && saved.municipalityID == d.m.id)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "import").filter(\.$entityID == saved.id).first()?.entityLabel
                    == "Дефициты (диагностика): \(url.lastPathComponent) — создано: 1, обновлено: 0")
            #expect(ImportJobsController.path(saved) == "/support/imports/\(saved.id!)")
        }
    }

    @Test func uploadPageIsTheCentersAndAFileEndsOnItsJobPage() async throws {
        try await withTestApp { app in
            let d = try await Self.demo(app)
            let center = try await Browser.signIn("center", app)
            let page = try await center.get("/support/imports")
            #expect(page.status == .ok)
            let html = page.body.string
            for title in ["Закрепления наставников и тьюторов", "Журнал взаимодействий", "Дефициты (диагностика)", "Шаги ИОМ"] {
                #expect(html.contains(title), "\(title)")
            }
            #expect(html.contains("/support/imports/templates/route_steps.xlsx") && html.contains("/support/imports/templates/assignments.csv"))
            #expect(try await Browser.signIn("teacher", app).get("/support/imports").status == .forbidden)
            let template = try await center.get("/support/imports/templates/interactions.csv")
            #expect(template.status == .ok && template.body.string.contains("Код автора"))
            #expect(try await center.get("/support/imports/templates/schools.csv").status == .notFound)

            let csv = [Self.assignmentsHeader, "тьютор;\(d.tutor.staffCode);;\(d.freeTeacher.staffCode);№ 90;;01.09.2025;"].joined(separator: "\n")
            let boundary = "B0UNDARY"
            let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(center.csrf)\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nassignments\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"municipality_id\"\r\n\r\n\(d.m.id!)\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
            var location = ""
            try await app.testing().test(.POST, "/support/imports", headers: ["Cookie": center.cookies, "Content-Type": "multipart/form-data; boundary=\(boundary)"],
                                         body: ByteBuffer(string: body)) { res in
                #expect(res.status == .seeOther)
                location = res.headers.first(name: .location) ?? ""
            }
            #expect(location.hasPrefix("/support/imports/"))
            let jobID = try #require(UUID(uuidString: String(location.split(separator: "/").last ?? "")))
            var status = ""
            for _ in 0..<100 {
                status = try await ImportJob.find(jobID, on: app.db)?.status ?? ""
                if status != "running" { break }
                try await Task.sleep(nanoseconds: 50_000_000)
            }
            #expect(status == "done")
            let job = try #require(try await ImportJob.find(jobID, on: app.db))
            #expect(job.userLogin == "center" && job.kind == "assignments")
            let jobPage = try await center.get(location)
            #expect(jobPage.status == .ok && jobPage.body.string.contains("создано: 1, обновлено: 0") && jobPage.body.string.contains("Открыть «Сопровождение»"))
            #expect(try await Assignment.query(on: app.db).filter(\.$person.$id == d.tutor.id!).filter(\.$teacher.$id == d.freeTeacher.id!).count() == 1)
            #expect(try await center.get("/support/imports").body.string.contains("a.csv"))
            // Another area's job page does not show a mentoring job.
            #expect(try await center.get("/admin/imports/\(jobID)").status == .notFound)
        }
    }

    /// A form without a file is answered on the form, with nothing started.
    @Test func uploadWithoutAFileIsRefusedOnTheForm() async throws {
        try await withTestApp { app in
            let center = try await Browser.signIn("center", app)
            let before = try await ImportJob.query(on: app.db).count()
            let boundary = "B0UNDARY"
            let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(center.csrf)\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nschools\r\n--\(boundary)--\r\n"
            try await app.testing().test(.POST, "/support/imports", headers: ["Cookie": center.cookies, "Content-Type": "multipart/form-data; boundary=\(boundary)"],
                                         body: ByteBuffer(string: body)) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Выберите, что загружаем") && res.body.string.contains("Выберите файл"))
            }
            #expect(try await ImportJob.query(on: app.db).count() == before)
        }
    }
}
