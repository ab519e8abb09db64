import Domain
import Plot
import Testing
@testable import Views

/// «Администрирование»: users, audit log, municipalities, imports of schools and staff.
extension PageSnapshots {
    static let grantOptions = GrantFields.Options(
        regions: [Option(Self.id(201), "Краснодарский край")],
        municipalities: [Option(Self.id(101), "г. Армавир"), Option(Self.id(102), "Новокубанский район")],
        schools: [Option(Self.id(1), "МБОУ СОШ № 1"), Option(Self.id(2), "МБОУ СОШ № 6")],
        people: [Option(Self.id(22), "Кузнецова М. А."), Option(Self.id(23), "Смирнова О. Н.")])

    static let jobs = [
        ImportsIndex.Job(id: Self.id(51), when: "15.09.2025 10:30", kind: "Школы", file: "schools-armavir.xlsx", user: "ivanova",
                         status: "загружен", statusKind: .success, summary: "Добавлено 2, обновлено 22"),
        ImportsIndex.Job(id: Self.id(52), when: "14.09.2025 16:05", kind: "Кадры", file: "staff.csv", user: "ivanova",
                         status: "ошибки в файле", statusKind: .danger, summary: "3 ошибки — ничего не записано"),
    ]

    @Test func usersIndex() {
        let rows = [
            UsersIndex.Row(id: Self.id(61), login: "admin", name: "Администратор", roles: "Администратор", active: true, lastLogin: "15.09.2025 09:00"),
            UsersIndex.Row(id: Self.id(62), login: "ivanova", name: "Иванова Е. П.", roles: "Специалист центра: г. Армавир", active: true, lastLogin: "15.09.2025 10:12"),
            UsersIndex.Row(id: Self.id(63), login: "petrov", name: "Петров И. С.", roles: "Администрация школы: МБОУ СОШ № 1", active: false, lastLogin: "—"),
        ]
        assertSnapshot(html: UsersIndex.body(rows).render(), named: "UsersIndex")
    }

    @Test func userNewView() {
        let values = ["login": "Smirnova O", "display_name": "Смирнова О. Н.", "person_id": Self.id(23), "role": "mentor"]
        let errors = [FieldError(field: "login", message: "Логин — латиница, цифры, точка или дефис, без пробелов.")]
        assertSnapshot(html: UserNewView.body(options: Self.grantOptions, values: values, errors: errors, csrf: Self.csrf).render(), named: "UserNewView")
    }

    @Test func userShowView() {
        let model = UserShowView.Model(
            id: Self.id(62),
            details: [("Логин", "ivanova"), ("Имя", "Иванова Е. П."), ("Карточка человека", "Иванова Елена Петровна"), ("Последний вход", "15.09.2025 10:12")],
            grants: [(title: "Специалист центра (муниципальный координатор): г. Армавир", deleteURL: "/admin/users/\(Self.id(62))/grants/\(Self.id(71))/delete"),
                     (title: "Эксперт", deleteURL: "/admin/users/\(Self.id(62))/grants/\(Self.id(72))/delete")],
            active: true, newPassword: "Vremya-2025-fixed", options: Self.grantOptions, errors: [], csrf: Self.csrf)
        let ctx = Self.admin("Пользователь ivanova", crumbs: [Crumb("Обзор", "/"), Crumb("Администрирование", "/admin"), Crumb("Пользователи", "/admin/users"),
                                                            Crumb("ivanova")],
                             flash: Flash(.info, "Пароль сброшен: передайте временный пароль пользователю."))
        assertSnapshot(html: Self.page(ctx, UserShowView.body(model)), named: "UserShowView")
    }

    @Test func auditView() {
        let rows = [
            AuditView.Row(at: "15.09.2025 10:31", user: "ivanova", action: "Изменение", entity: "Школа", label: "МБОУ СОШ № 1",
                          url: "/schools/" + Self.id(1), before: #"{"phone":"3-00-01"}"#, after: #"{"phone":"3-00-11"}"#),
            AuditView.Row(at: "15.09.2025 10:30", user: "ivanova", action: "Загрузка файла", entity: "Загрузка", label: "schools-armavir.xlsx",
                          url: nil, before: nil, after: nil),
        ]
        let model = AuditView.Model(rows: rows, total: 120, page: 2, pageCount: 3, filter: ["entity": "school", "from": "2025-09-01"],
                                    entities: [Option("school", "Школа"), Option("person", "Человек")],
                                    actions: [Option("update", "Изменение"), Option("import", "Загрузка файла")])
        assertSnapshot(html: AuditView.body(model).render(), named: "AuditView")
    }

    @Test func municipalityIndex() {
        let rows = [
            MunicipalityViews.Row(id: Self.id(101), name: "г. Армавир", code: "armavir", region: "Краснодарский край", period: "Календарный год", schools: 24),
            MunicipalityViews.Row(id: Self.id(102), name: "Новокубанский район", code: "novokubansk", region: "Краснодарский край", period: "Учебный год", schools: 17),
        ]
        assertSnapshot(html: MunicipalityViews.index(rows).render(), named: "MunicipalityIndex")
    }

    @Test func municipalityEdit() {
        let model = MunicipalityViews.Model(
            id: Self.id(101),
            values: ["name": "г. Армавир", "fis_oko_code": "reg23_m004", "planning_period": PlanningPeriod.allCases[0].rawValue,
                     "center_name": "МКУ «Центр развития образования»", "time_zone": ""],
            labels: [(year: "2024", low: "школы с рисками низких образовательных результатов", difficult: "ШССУ")],
            errors: [FieldError(field: "name", message: "Укажите наименование муниципалитета.")], csrf: Self.csrf)
        assertSnapshot(html: MunicipalityViews.edit(model).render(), named: "MunicipalityEdit")
    }

    @Test func importsIndex() {
        let html = ImportsIndex.body(municipalities: [Option(Self.id(101), "г. Армавир"), Option(Self.id(102), "Новокубанский район")],
                                     selected: Self.id(101), jobs: Self.jobs,
                                     errors: [FieldError(field: "file", message: "Выберите файл CSV или XLSX.")], csrf: Self.csrf)
        assertSnapshot(html: html.render(), named: "ImportsIndex")
    }

    @Test func importJobView() {
        let failed = ImportJobView.Model(file: "staff.csv", kind: "Кадры", status: "ошибки в файле", statusKind: .danger, running: false,
                                         processed: 40, total: 40, summary: "3 ошибки — ничего не записано",
                                         errors: [(row: "4", column: "Код сотрудника", message: "Пусто: укажите код сотрудника."),
                                                  (row: "9", column: "Школа", message: "Школы с кодом ARM-099 нет в реестре."),
                                                  (row: "17", column: "Эл. почта", message: "Эл. почта — в виде name@example.ru.")])
        let running = ImportJobView.Model(file: "schools-armavir.xlsx", kind: "Школы", status: "обрабатывается", statusKind: .warning, running: true,
                                          processed: 12, total: 24, summary: "—", errors: [])
        assertSnapshot(html: ImportJobView.body(failed).render() + ImportJobView.body(running).render(), named: "ImportJobView")
    }
}
