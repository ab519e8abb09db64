import Domain
import Plot
import Testing
@testable import Views

/// «Люди»: the list, the card and the form.
extension PageSnapshots {
    @Test func personIndex() {
        let rows = [
            PersonIndex.Row(id: Self.id(21), name: "Петров Иван Сергеевич", organisation: "МБОУ СОШ № 1", position: "Директор",
                            functions: "Директор", subjects: "—", category: "Высшая"),
            PersonIndex.Row(id: Self.id(22), name: "Кузнецова Мария Андреевна", organisation: "МБОУ СОШ № 1", position: "Учитель русского языка",
                            functions: "Учитель, Тьютор", subjects: "Русский язык, Литература", category: "Первая"),
            PersonIndex.Row(id: Self.id(23), name: "Смирнова Ольга Николаевна", organisation: "Методический центр г. Армавира", position: "Методист",
                            functions: "Наставник, Специалист центра", subjects: "Математика", category: "Высшая"),
        ]
        let model = PersonIndex.Model(rows: rows, total: 3, page: 1, pageCount: 1,
                                      municipalities: [Option(Self.id(101), "г. Армавир"), Option(Self.id(102), "Новокубанский район")],
                                      filter: ["municipality": Self.id(101), "q": "ова"], canCreate: true)
        assertSnapshot(html: PersonIndex.actions(model).render() + PersonIndex.body(model).render(), named: "PersonIndex")
    }

    @Test func personShow() {
        let model = PersonShow.Model(
            id: Self.id(23),
            details: [("ФИО", "Смирнова Ольга Николаевна"), ("Код сотрудника", "ARM-C-0007"), ("Место работы", "Методический центр г. Армавира"),
                      ("Должность", "Методист"), ("Предметы", "Математика"), ("Категория", "Высшая"), ("Эл. почта", "smirnova@example.ru")],
            functions: ["Наставник", "Специалист центра"],
            links: [.init(kind: "Наставник школы", title: "МБОУ СОШ № 1", url: "/schools/" + Self.id(1), order: "№ 15 от 01.02.2025",
                          deleteURL: "/schools/\(Self.id(1))/assignments/\(Self.id(41))/delete"),
                    .init(kind: "Тьюторант", title: "Кузнецова М. А.", url: "/people/" + Self.id(22), order: "—", deleteURL: nil)],
            canEdit: true, canAssignTutorant: true,
            teacherOptions: [Option(Self.id(22), "Кузнецова М. А. — МБОУ СОШ № 1"), Option(Self.id(25), "Орлов П. В. — МБОУ СОШ № 6")],
            csrf: Self.csrf)
        assertSnapshot(html: PersonShow.actions(model).render() + PersonShow.body(model).render(), named: "PersonShow")
    }

    @Test func personForm() {
        let draft = PersonDraft(staffCode: "ARM-001-0042", lastName: "Кузнецова", firstName: "Мария", middleName: "Андреевна",
                                position: "Учитель русского языка", functions: [.teacher, .tutor], subjects: ["Русский язык", "Литература"],
                                category: .none, advancedLevel: true, email: "kuznetsova@", phone: "")
        let model = PersonForm.Model(action: "/people/\(Self.id(22))", cancelURL: "/people/\(Self.id(22))", draft: draft, organisation: Self.id(1),
                                     organisations: [Option(Self.id(1), "МБОУ СОШ № 1"), Option(Self.id(2), "МБОУ СОШ № 6"),
                                                     Option("center:" + Self.id(101), "Методический центр г. Армавира")],
                                     errors: [FieldError(field: PersonDraft.Field.email, message: "Эл. почта — в виде name@example.ru.")], csrf: Self.csrf)
        assertSnapshot(html: PersonForm.body(model).render(), named: "PersonForm")
    }
}
