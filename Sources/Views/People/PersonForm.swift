import Plot
import Domain

public enum PersonForm {
    public struct Model: Sendable {
        public var action: String, cancelURL: String, draft: PersonDraft
        public var organisation: String            // school id, or "center:<municipality id>"
        public var organisations: [Option]
        public var errors: [FieldError], csrf: String
        public init(action: String, cancelURL: String, draft: PersonDraft, organisation: String, organisations: [Option],
                    errors: [FieldError], csrf: String) {
            self.action = action; self.cancelURL = cancelURL; self.draft = draft; self.organisation = organisation
            self.organisations = organisations; self.errors = errors; self.csrf = csrf
        }
    }

    public static func body(_ m: Model) -> Node<HTML.BodyContext> {
        typealias F = PersonDraft.Field
        let d = m.draft, e = m.errors
        return Form.form(action: m.action, csrf: m.csrf, errors: e, .group(
            Form.row(
                Form.text(F.lastName, "Фамилия", value: d.lastName, errors: e, required: true),
                Form.text(F.firstName, "Имя", value: d.firstName, errors: e, required: true),
                Form.text(F.middleName, "Отчество", value: d.middleName, errors: e)
            ),
            Form.row(
                Form.text(F.staffCode, "Код сотрудника", value: d.staffCode, errors: e, required: true, hint: "Постоянный код, по нему человек узнаётся при загрузке кадров"),
                Form.select(F.organisation, "Место работы", options: m.organisations, selected: m.organisation, errors: e, required: true)
            ),
            Form.text(F.position, "Должность", value: d.position, errors: e),
            Form.checkboxes(F.functions, "Роли в системе сопровождения", options: PersonFunction.allCases.map { Option($0.rawValue, $0.title) },
                            checked: Set(d.functions.map(\.rawValue)), errors: e),
            Form.row(
                Form.text(F.subjects, "Предметы", value: d.subjects.joined(separator: ", "), errors: e, hint: "Через запятую: Русский язык, Литература"),
                Form.select(F.category, "Квалификационная категория", options: QualificationCategory.allCases.map { Option($0.rawValue, $0.title) },
                            selected: d.category.rawValue, errors: e)
            ),
            Form.checkbox(F.advancedLevel, "Ведёт обучение на углублённом уровне", checked: d.advancedLevel),
            Form.row(
                Form.text(F.email, "Эл. почта", value: d.email, errors: e, type: "email"),
                Form.text(F.phone, "Телефон", value: d.phone, errors: e, type: "tel")
            )
        ), cancelURL: m.cancelURL)
    }
}
