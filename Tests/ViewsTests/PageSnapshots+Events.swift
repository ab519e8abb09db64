import Domain
import Foundation
import Plot
import Testing
@testable import Views

/// «Мероприятия»: the programme, the form with errors, an event's page for the organiser and for a
/// teacher, the applications, a school's programme, the calendar (month, week), coverage, the teacher's list.
extension PageSnapshots {
    static var eventRow: EventPages.Row {
        var r = EventPages.Row()
        r.id = Self.id(201); r.url = "/events/\(Self.id(201))"; r.title = "Формирующее оценивание на уроке"; r.kind = "семинар-практикум"; r.format = "очно"
        r.module = "Оценочная деятельность педагога"; r.project = "Методический абонемент"; r.date = "10.03.2026"; r.time = "14:30–16:00"
        r.place = "Центр, ауд. 12"; r.audience = "ШМО, педагоги"; r.seats = "12 из 25"; r.state = "опубликовано"; r.stateValue = "published"
        r.plan = "Дорожная карта: Постоянно действующий семинар, срок 31.03.2026"
        return r
    }

    @Test func eventsPages() {
        var index = EventPages.IndexModel()
        index.municipalityName = "город Армавир"; index.municipalityID = Self.id(101); index.half = "2026-1"; index.halfTitle = "I полугодие 2026 года"
        index.halves = [Option("2026-1", "I полугодие 2026 года"), Option("2026-2", "II полугодие 2026 года")]
        index.rows = [Self.eventRow]; index.drafts = 2; index.newURL = "/events/new"; index.publishURL = "/events/publish"
        index.applicationsURL = "/events/applications"; index.coverageURL = "/events/coverage"; index.csrf = Self.csrf
        var form = EventPages.FormModel()
        form.action = "/events"; form.cancelURL = "/events"; form.municipalityName = "город Армавир"; form.csrf = Self.csrf
        form.values = ["title": "Семинар по ВПР", "kind": "seminar", "format": "in_person", "day": "2026-03-10", "start": "15:00", "end": "14:00"]
        form.errors = [FieldError(field: "end", message: "Окончание 14:00 не позже начала 15:00: исправьте время.")]
        form.planOptions = [Option("\(Self.id(92))|2026-03-31", "Дорожная карта: Семинар — срок 31.03.2026")]
        assertSnapshot(html: EventPages.index(index).body.render() + EventPages.form(form).body.render(), named: "EventsIndexAndForm")

        var show = EventPages.ShowModel()
        show.id = Self.id(201); show.title = "Формирующее оценивание на уроке"; show.state = "опубликовано"; show.stateValue = "published"
        show.facts = [("Вид", "семинар-практикум"), ("Формат", "очно"), ("Дата и время", "10.03.2026, 14:30–16:00")]
        show.planText = "Дорожная карта: Постоянно действующий семинар, срок 31.03.2026"; show.planURL = "/plans/\(Self.id(91))"
        show.editURL = "/events/\(Self.id(201))/edit"; show.seats = "2 из 25"; show.csrf = Self.csrf
        var reg = EventPages.RegistrationRow(); reg.personID = Self.id(301); reg.name = "Власова Оксана Владимировна"; reg.school = "МБОУ-СОШ № 6"
        reg.source = "по заявке школы"; reg.attended = true; reg.step = "Открытый урок"
        show.registrations = [reg]; show.attendanceURL = "/events/\(Self.id(201))/attendance"; show.signOffURL = "/events/\(Self.id(201))/sign-off"
        show.walkIns = [Option(Self.id(302), "Иванов Иван Иванович, МБОУ-СОШ № 6")]; show.people = show.walkIns; show.centerRegisterURL = "/events/\(Self.id(201))/register"
        var teacherView = show
        teacherView.editURL = nil; teacherView.registrations = []; teacherView.attendanceURL = nil; teacherView.signOffURL = nil; teacherView.centerRegisterURL = nil
        teacherView.registered = true; teacherView.unregisterURL = "/events/\(Self.id(201))/unregister"; teacherView.stepURL = "/events/\(Self.id(201))/route-step"
        teacherView.stepOptions = [Option(Self.id(401), "Открытый урок (срок 31.03.2026)")]; teacherView.linkedStep = Self.id(401)
        assertSnapshot(html: EventPages.show(show).body.render() + EventPages.show(teacherView).body.render(), named: "EventShow")

        var apps = EventPages.ApplicationsModel()
        apps.municipalityName = "город Армавир"; apps.half = "2026-1"; apps.halfTitle = "I полугодие 2026 года"; apps.csrf = Self.csrf
        apps.applyURL = "/events/applications"; apps.schoolID = Self.id(501); apps.schoolName = "МБОУ-СОШ № 6"
        var ae = EventPages.ApplyEvent(); ae.id = Self.id(201); ae.title = "Формирующее оценивание"; ae.date = "10.03.2026 14:30"; ae.seats = "13 из 25"; ae.audience = "педагоги"
        apps.events = [ae]; apps.teachers = [Option(Self.id(301), "Власова Оксана Владимировна"), Option(Self.id(303), "Устинова Нина Борисовна")]
        apps.checked = ["\(Self.id(201))|\(Self.id(301))"]
        apps.errors = [FieldError(field: "note", message: "В заявке можно называть только педагогов МБОУ-СОШ № 6; уберите: Петров П. П.")]
        var block = EventPages.SchoolBlock(); block.school = "МБОУ-СОШ № 6"; block.schoolID = Self.id(501); block.half = "2026-1"; block.submitted = "01.02.2026 (Администрация школы)"
        var line = EventPages.LineRow(); line.id = Self.id(601); line.event = "Формирующее оценивание"; line.eventURL = "/events/\(Self.id(201))"; line.date = "10.03.2026"
        line.teacher = "Власова Оксана Владимировна"; line.status = "на рассмотрении"; line.statusValue = "requested"; line.decideURL = "/events/application-lines/\(Self.id(601))"
        block.lines = [line]; block.buildURL = "/events/programmes"; block.programmeURL = "/events/programmes/\(Self.id(701))"
        block.built = "Программа составлена 05.02.2026 (Абрамов Д. В.); школа ещё не открывала"
        apps.blocks = [block]
        var prog = EventPages.ProgrammeModel()
        prog.school = "МБОУ-СОШ № 6"; prog.halfTitle = "I полугодие 2026 года"; prog.built = "05.02.2026, Абрамов Д. В."; prog.rows = [Self.eventRow]
        prog.teachers = [Self.id(201): "Власова Оксана Владимировна"]; prog.applicationsURL = "/events/applications"
        assertSnapshot(html: EventPages.applications(apps).body.render() + EventPages.programme(prog).body.render(), named: "EventApplicationsProgramme")

        var cal = EventPages.CalendarModel()
        cal.title = "март 2026"; cal.prevURL = "/events/calendar?view=month&date=2026-02-01"; cal.nextURL = "/events/calendar?view=month&date=2026-04-01"
        cal.monthURL = "/events/calendar?view=month"; cal.weekURL = "/events/calendar?view=week"; cal.todayURL = "/events/calendar"; cal.feedAction = "/events/calendar/feed"
        cal.csrf = Self.csrf; cal.feedURL = "http://127.0.0.1:8080/calendar/abcdefghijklmnopqrstuvwxyz"; cal.feedOwner = "вашего календаря"
        cal.weeks = EventCalendar.monthGrid(containing: CalendarDay(iso: "2026-03-10")!).map { week in week.map { d in
            var c = EventPages.DayCell(); c.iso = d.iso; c.number = String(d.day); c.inMonth = d.month == 3; c.today = d.day == 10 && d.month == 3
            if c.today { c.events = [(time: "14:30", title: "Формирующее оценивание", url: "/events/\(Self.id(201))")] }
            return c
        } }
        var week = cal
        week.view = "week"; week.title = "неделя 09.03.2026 — 15.03.2026"; week.weeks = []; week.feedURL = nil; week.days = cal.weeks[2]
        week.days = week.days.map { var d = $0; d.weekday = d.iso; return d }
        assertSnapshot(html: EventPages.calendar(cal).body.render() + EventPages.calendar(week).body.render(), named: "EventCalendar")

        var cov = EventPages.CoverageModel()
        cov.municipalityName = "город Армавир"; cov.municipalityID = Self.id(101); cov.from = "2026-01-01"; cov.to = "2026-06-30"; cov.fromRu = "01.01.2026"; cov.toRu = "30.06.2026"
        cov.command = "opora events coverage --municipality armavir --from 2026-01-01 --to 2026-06-30 --format csv"
        let results = EventCoverage.compute([EventCoverage.School(code: "ARM-006", name: "МБОУ-СОШ № 6", teachers: [UUID(uuidString: Self.id(301))!, UUID(uuidString: Self.id(303))!],
                                                                  people: [UUID(uuidString: Self.id(301))!, UUID(uuidString: Self.id(303))!])],
                                            events: [EventCoverage.Event(id: UUID(uuidString: Self.id(201))!, day: CalendarDay(iso: "2026-03-10")!, signedOff: true,
                                                                         audience: [.teachers, .shmo], attended: [UUID(uuidString: Self.id(301))!])],
                                            from: CalendarDay(iso: "2026-01-01")!, to: CalendarDay(iso: "2026-06-30")!)
        cov.rows = results.map { r in
            var row = EventPages.CoverageRow(); row.code = r.code; row.school = r.name
            row.figures = EventCoverage.values(r).map { v in var f = EventPages.CoverageFigure(); f.figure = v.figure; f.value = v.value; f.ru = v.ru; f.formula = v.formula; return f }
            return row
        }
        var my = EventPages.MyModel()
        my.name = "Власова Оксана Владимировна"; my.routeURL = "/deficits/\(Self.id(301))"; my.calendarURL = "/events/calendar?view=week"; my.csrf = Self.csrf
        var mr = EventPages.MyRow(); mr.title = "Формирующее оценивание"; mr.url = "/events/\(Self.id(201))"; mr.date = "10.03.2026"; mr.time = "14:30–16:00"
        mr.place = "Центр, ауд. 12"; mr.kind = "семинар-практикум"
        var upcoming = mr; upcoming.status = "записан(а)"
        var open = mr; open.registerURL = "/events/\(Self.id(201))/register"; open.seats = "мест: 3"
        var attended = mr; attended.status = "посещено"
        my.upcoming = [upcoming]; my.open = [open]; my.attended = [attended]
        assertSnapshot(html: EventPages.coverage(cov).body.render() + EventPages.my(my).body.render(), named: "EventCoverageAndMy")
    }
}
