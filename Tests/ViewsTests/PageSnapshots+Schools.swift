import Domain
import Plot
import Testing
@testable import Views

/// «Школы»: the registry, the card and its forms.
extension PageSnapshots {
    static let schoolID = id(1)

    @Test func schoolIndex() {
        let rows = [
            SchoolIndex.Row(id: Self.id(1), code: "ARM-001", shortName: "МБОУ СОШ № 1", fullName: "Муниципальное бюджетное общеобразовательное учреждение средняя общеобразовательная школа № 1",
                            municipality: "г. Армавир", kind: "СОШ", director: "Петров Иван Сергеевич", fisOkoLogin: "sch233001", giaCode: "230101",
                            badges: [("ШНОР", .lowResults), ("«500+»", .program500)]),
            SchoolIndex.Row(id: Self.id(2), code: "ARM-006", shortName: "МБОУ СОШ № 6", fullName: "Муниципальное бюджетное общеобразовательное учреждение средняя общеобразовательная школа № 6",
                            municipality: "г. Армавир", kind: "СОШ", director: "—", fisOkoLogin: "—", giaCode: "—", badges: [("ШССУ", .difficult)]),
            SchoolIndex.Row(id: Self.id(3), code: "ARM-012", shortName: "МАОУ лицей № 12", fullName: "Муниципальное автономное общеобразовательное учреждение лицей № 12",
                            municipality: "г. Армавир", kind: "Лицей", director: "Сидорова Анна Викторовна", fisOkoLogin: "sch233012", giaCode: "230112", badges: []),
        ]
        let model = SchoolIndex.Model(rows: rows, total: 3, page: 1, pageCount: 1,
                                      municipalities: [Option(Self.id(101), "г. Армавир")],
                                      years: [Option("2025", "2025"), Option("2024", "2024")],
                                      filter: ["year": "2025", "status": "any"], canCreate: true, showMunicipality: false)
        let ctx = Self.specialist("Школы: г. Армавир", section: .schools, crumbs: [Crumb("Обзор", "/"), Crumb("Школы")])
        assertSnapshot(html: Self.page(ctx, actions: SchoolIndex.actions(model), SchoolIndex.body(model)), named: "SchoolIndex")
    }

    @Test func schoolShow() {
        let model = SchoolShow.Model(
            id: Self.schoolID,
            details: [("Код школы", "ARM-001"), ("Полное наименование", "Муниципальное бюджетное общеобразовательное учреждение средняя общеобразовательная школа № 1"),
                      ("Директор", "Петров Иван Сергеевич"), ("Логин ФИС ОКО", "sch233001"), ("Код ОО (РИС ГИА)", "230101")],
            statuses: [
                .init(year: "2025", badges: [("ШНОР", .lowResults), ("«500+»", .program500)], order: "№ 112 от 15.01.2025", note: "По итогам мониторинга 2024 года",
                      editURL: "/schools/\(Self.schoolID)/statuses/2025/edit"),
                .init(year: "2024", badges: [("ШНОР", .lowResults)], order: "№ 98 от 20.01.2024", note: "—", editURL: nil),
            ],
            contextColumns: ["Обучающихся, чел.", "Дети с ОВЗ и инвалидностью, %", "Индекс социального благополучия школы"],
            contexts: [.init(year: "2025", cells: ["612", "4,2", "0,71"], editURL: "/schools/\(Self.schoolID)/context/2025/edit"),
                       .init(year: "2024", cells: ["598", "3,9"], editURL: nil)],
            staff: [.init(id: Self.id(21), name: "Петров Иван Сергеевич", position: "Директор", functions: "Директор", subjects: "—", category: "Высшая"),
                    .init(id: Self.id(22), name: "Кузнецова Мария Андреевна", position: "Учитель русского языка", functions: "Учитель, Тьютор",
                          subjects: "Русский язык, Литература", category: "Первая")],
            assignments: [.init(kind: "Наставник", who: "Смирнова Ольга Николаевна", whoURL: "/people/" + Self.id(23), order: "№ 15 от 01.02.2025",
                                deleteURL: "/schools/\(Self.schoolID)/assignments/\(Self.id(41))/delete"),
                          .init(kind: "Школа-лидер", who: "МАОУ лицей № 12", whoURL: "/schools/" + Self.id(3), order: "—", deleteURL: nil)],
            canEdit: true, canAssign: true,
            assignKinds: [Option("mentor", "Наставник"), Option("curator", "Куратор"), Option("leader", "Школа-лидер")],
            assignPeople: [Option(Self.id(23), "Смирнова О. Н."), Option(Self.id(24), "Волков Д. А.")],
            assignSchools: [Option(Self.id(3), "МАОУ лицей № 12")],
            csrf: Self.csrf)
        let ctx = Self.specialist("МБОУ СОШ № 1", section: .schools, crumbs: [Crumb("Обзор", "/"), Crumb("Школы", "/schools"), Crumb("МБОУ СОШ № 1")],
                                  flash: Flash(.success, "Изменения сохранены"))
        assertSnapshot(html: Self.page(ctx, actions: SchoolShow.actions(model), SchoolShow.body(model)), named: "SchoolShow")
    }

    @Test func schoolForm() {
        let draft = SchoolDraft(code: "ARM-006", fullName: "Муниципальное бюджетное общеобразовательное учреждение средняя общеобразовательная школа № 6",
                                shortName: "МБОУ СОШ № 6", kind: "СОШ", legalForm: "МБОУ", directorName: "", address: "г. Армавир, ул. Ленина, 10",
                                phone: "+7 (86137) 3-00-06", email: "school6@example.ru", fisOkoLogin: "edu23300", giaCode: "230106")
        let model = SchoolForm.Model(action: "/schools/\(Self.id(2))", cancelURL: "/schools/\(Self.id(2))", draft: draft, municipalityID: Self.id(101),
                                     municipalities: [Option(Self.id(101), "г. Армавир"), Option(Self.id(102), "Новокубанский район")], isLeader: false,
                                     errors: [FieldError(field: SchoolDraft.Field.fisOkoLogin, message: "Логин ФИС ОКО — edu или sch и 6 цифр, например sch233006.")],
                                     csrf: Self.csrf)
        assertSnapshot(html: SchoolForm.body(model).render(), named: "SchoolForm")
    }

    @Test func schoolStatusForm() {
        let model = SchoolStatusForm.Model(action: "/schools/\(Self.schoolID)/statuses", cancelURL: "/schools/\(Self.schoolID)#statuses",
                                           year: "2025", lowResults: true, difficult: false, program500: true, objectivityRisk: false,
                                           orderNumber: "112", orderDate: "2025-01-15", note: "По итогам мониторинга 2024 года",
                                           lowLabel: "Школа с низкими образовательными результатами (ШНОР)",
                                           difficultLabel: "Школа, функционирующая в сложных социальных условиях (ШССУ)",
                                           yearLabelHint: "Календарный год: статусы Армавира устанавливаются на год",
                                           errors: [FieldError(field: "order_date", message: "Дата приказа — в формате ДД.ММ.ГГГГ.")], csrf: Self.csrf)
        assertSnapshot(html: SchoolStatusForm.body(model).render(), named: "SchoolStatusForm")
    }

    @Test func schoolContextForm() {
        let model = SchoolContextForm.Model(action: "/schools/\(Self.schoolID)/context", cancelURL: "/schools/\(Self.schoolID)#context",
                                            values: ["year": "2025", "students_count": "612", "disabled_share": "4,2", "social_wellbeing_index": "0,71",
                                                     "noko_completion": "120", "self_examination": "Доля педагогов высшей категории выросла."],
                                            errors: [FieldError(field: "noko_completion", message: "Процент выполнения — число от 0 до 100.")], csrf: Self.csrf)
        assertSnapshot(html: SchoolContextForm.body(model).render(), named: "SchoolContextForm")
    }
}
