import Domain
import Plot
import Testing
@testable import Views

/// Control (issue 11): documents under review, decisions and recommendations, «Мои задачи», notifications.
extension PageSnapshots {
    static var documentRows: [DocumentPages.Row] {
        var late = DocumentPages.Row()
        late.school = "МБОУ-СОШ № 6"; late.schoolURL = "/documents/schools/\(Self.id(120))"; late.title = "Дорожная карта"; late.url = "/documents/\(Self.id(121))"
        late.due = "01.03.2026"; late.state = "не сдан"; late.stateValue = "required"; late.overdue = true
        var waiting = DocumentPages.Row()
        waiting.school = "МБОУ-СОШ № 6"; waiting.schoolURL = late.schoolURL; waiting.title = "Антирисковая программа: «Дефицит педагогических кадров»"
        waiting.url = "/documents/\(Self.id(122))"; waiting.due = "15.03.2026"; waiting.state = "сдан на проверку"; waiting.stateValue = "submitted"; waiting.version = 2
        return [late, waiting]
    }

    @Test func controlPages() {
        var index = DocumentPages.IndexModel()
        index.municipalityName = "город Армавир"; index.municipalityID = Self.id(101); index.today = "10.03.2026"; index.rows = Self.documentRows
        var s = DocumentPages.SchoolSummary(); s.school = "МБОУ-СОШ № 6"; s.url = Self.documentRows[0].schoolURL; s.notSubmitted = 1; s.overdue = 1; s.waiting = 1
        index.schools = [s]
        var school = DocumentPages.SchoolModel()
        school.schoolName = "МБОУ-СОШ № 6"; school.rows = Self.documentRows; school.addAction = "/documents/schools/\(Self.id(120))"; school.csrf = Self.csrf
        school.values = ["kind": "anti_risk", "due": "2026-04-01"]
        school.errors = [FieldError(field: "risk", message: "Антирисковая программа пишется на один риск: укажите его.")]
        assertSnapshot(html: DocumentPages.index(index).body.render() + DocumentPages.school(school).body.render(), named: "DocumentsIndexSchool")

        var show = DocumentPages.ShowModel()
        show.id = Self.id(122); show.title = "Антирисковая программа"; show.schoolName = "МБОУ-СОШ № 6"; show.listURL = Self.documentRows[0].schoolURL
        show.facts = [("Школа", "МБОУ-СОШ № 6"), ("Срок сдачи", "15.03.2026")]; show.state = "на проверке"; show.stateValue = "under_review"
        var v1 = DocumentPages.VersionRow(); v1.number = 1; v1.submitted = "01.03.2026 10:00"; v1.by = "Администрация школы"
        v1.files = [(name: "programma.pdf", url: "/files/\(Self.id(123))", size: "12 КБ")]; v1.outcome = "возвращён с замечаниями"
        v1.comment = "Мероприятия не связаны с причинами дефицита."; v1.reviewed = "03.03.2026 12:00"; v1.reviewedBy = "Наставник"
        var v2 = DocumentPages.VersionRow(); v2.number = 2; v2.submitted = "09.03.2026 09:00"; v2.by = "Администрация школы"; v2.planTitle = "Дорожная карта школы"; v2.planURL = "/plans/\(Self.id(124))"
        show.versions = [v2, v1]; show.reviewAction = "/documents/\(Self.id(122))/review"; show.canStart = false; show.csrf = Self.csrf
        show.values = ["form": "review", "action": "return"]; show.errors = [FieldError(field: "comment", message: "Напишите замечания: что школе исправить в документе.")]
        var submit = show; submit.reviewAction = nil; submit.submitAction = "/documents/\(Self.id(122))/submit"; submit.plans = [Option(Self.id(124), "Дорожная карта школы (2026)")]
        submit.values = ["form": "submit", "note": "исправлено"]; submit.errors = []
        assertSnapshot(html: DocumentPages.show(show).body.render() + DocumentPages.show(submit).body.render(), named: "DocumentShow")

        var register = DecisionPages.IndexModel()
        register.municipalityName = "город Армавир"; register.municipalityID = Self.id(101); register.newURL = "/decisions/new?municipality=\(Self.id(101))"
        var r = DecisionPages.Row(); r.url = "/decisions/\(Self.id(130))"; r.issued = "01.02.2026"; r.type = "Адресная рекомендация, оперативное; Методические рекомендации"
        r.to = "Школа (управленческая команда): МБОУ-СОШ № 6"; r.content = "Провести анализ причин роста доли отметок «2»"; r.deadline = "01.03.2026"
        r.responsible = "Директор школы"; r.state = "на исполнении"; r.stateValue = "issued"; r.overdue = true
        register.rows = [r]; register.overdueCount = 1
        var form = DecisionPages.FormModel()
        form.action = "/decisions?municipality=\(Self.id(101))"; form.schools = [Option(Self.id(120), "МБОУ-СОШ № 6")]; form.issuer = "Центр развития образования"
        form.values = ["type": "recommendation", "addressee": "school", "school": Self.id(120), "content": "По итогам мониторинга… рекомендуется: ", "source": "Мониторинг 2025, МБОУ-СОШ № 6"]
        form.errors = [FieldError(field: "deadline", message: "Укажите срок исполнения.")]; form.csrf = Self.csrf
        var decision = DecisionPages.ShowModel()
        decision.title = "Адресная рекомендация от 01.02.2026"; decision.facts = [("Кому", "Школа: МБОУ-СОШ № 6"), ("Срок исполнения", "01.03.2026")]
        decision.state = "отчёт на контроле"; decision.stateValue = "reported"; decision.late = true; decision.content = "Провести анализ причин"
        decision.report = "Анализ проведён"; decision.reportDay = "05.03.2026"; decision.reportedBy = "Администрация школы"
        decision.controlAction = "/decisions/\(Self.id(130))/control"; decision.csrf = Self.csrf
        assertSnapshot(html: DecisionPages.index(register).body.render() + DecisionPages.form(form).body.render() + DecisionPages.show(decision).body.render(),
                       named: "Decisions")

        let today = CalendarDay(year: 2026, month: 3, day: 10)!
        var tasks = TaskPages.Model(); tasks.today = today.ru; tasks.overdueCount = 1
        tasks.rows = [TaskItem(area: .documents, title: "Сдать: Дорожная карта", detail: "МБОУ-СОШ № 6", due: today.adding(days: -9), url: "/documents/x"),
                      TaskItem(area: .documents, title: "Проверить: Концепция развития", url: "/documents/y", urgent: true),
                      TaskItem(area: .plans, title: "Педсовет по итогам ВПР", detail: "План «Дорожная карта школы»", due: today.adding(days: 3), url: "/plans/z")]
            .map { TaskPages.Row($0, today: today) }
        var notes = TaskPages.NotificationsModel(); notes.unread = 1; notes.readAllAction = "/notifications/read-all"; notes.csrf = Self.csrf
        var n = TaskPages.NotificationRow(); n.kind = "Документ возвращён"; n.text = "«Концепция развития» (версия 1) возвращён с замечаниями."; n.when = "09.03.2026 10:00"
        n.openAction = "/notifications/\(Self.id(140))/open"
        notes.rows = [n]
        assertSnapshot(html: TaskPages.index(tasks).body.render() + TaskPages.notifications(notes).body.render(), named: "TasksNotifications")
        var ctx = Self.specialist("Мои задачи", section: .overview, crumbs: [])
        ctx.tasksURL = "/tasks"; ctx.notificationsURL = "/notifications"; ctx.unreadNotifications = 3
        assertSnapshot(html: Self.page(ctx, .empty), named: "HeaderWithTasks")
    }
}
