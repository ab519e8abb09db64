import Plot
import Domain

/// Create / edit a school card. Values are kept after an error (UI.md).
public enum SchoolForm {
    public struct Model: Sendable {
        public var action: String
        public var cancelURL: String
        public var draft: SchoolDraft
        public var municipalityID: String
        public var municipalities: [Option]   // empty when fixed
        public var isLeader: Bool
        public var errors: [FieldError]
        public var csrf: String
        /// The identifiers files are matched on are the center's: shown read-only to a school's administration.
        public var identifiersLocked: Bool
        public init(action: String, cancelURL: String, draft: SchoolDraft, municipalityID: String, municipalities: [Option],
                    isLeader: Bool, errors: [FieldError], csrf: String, identifiersLocked: Bool = false) {
            self.action = action; self.cancelURL = cancelURL; self.draft = draft; self.municipalityID = municipalityID
            self.municipalities = municipalities; self.isLeader = isLeader; self.errors = errors; self.csrf = csrf
            self.identifiersLocked = identifiersLocked
        }
    }

    public static func body(_ m: Model) -> Node<HTML.BodyContext> {
        typealias F = SchoolDraft.Field
        let d = m.draft, e = m.errors
        let kinds = SchoolDraft.kinds.map { Option($0, $0) }
        let forms = SchoolDraft.legalForms.map { Option($0, $0) }
        let locked = m.identifiersLocked
        let lockedHint = "Меняет муниципальный центр: по этому коду сопоставляются файлы результатов."
        return Form.form(action: m.action, csrf: m.csrf, errors: e, .group(
            m.municipalities.isEmpty ? .empty
                : Form.select("municipality_id", "Муниципалитет", options: m.municipalities, selected: m.municipalityID, errors: e, required: true),
            Form.row(
                Form.text(F.code, "Код школы в системе", value: d.code, errors: e, required: true,
                          hint: locked ? lockedHint : "Постоянный код, по нему школа узнаётся при загрузке файлов, например ARM-006.", readOnly: locked),
                Form.text(F.shortName, "Краткое наименование", value: d.shortName, errors: e, required: true, hint: "Например: МБОУ СОШ № 6")
            ),
            Form.text(F.fullName, "Полное наименование", value: d.fullName, errors: e, required: true),
            Form.row(
                Form.select(F.kind, "Вид", options: kinds, selected: d.kind, errors: e, includeBlank: "— не указан —"),
                Form.select(F.legalForm, "Организационно-правовая форма", options: forms, selected: d.legalForm, errors: e, includeBlank: "— не указана —")
            ),
            Form.row(
                Form.text(F.directorName, "Директор", value: d.directorName, errors: e, hint: "Фамилия, имя, отчество"),
                Form.text(F.phone, "Телефон", value: d.phone, errors: e, type: "tel")
            ),
            Form.row(
                Form.text(F.address, "Адрес", value: d.address, errors: e),
                Form.text(F.email, "Эл. почта", value: d.email, errors: e, type: "email")
            ),
            Form.row(
                Form.text(F.fisOkoLogin, "Логин ФИС ОКО", value: d.fisOkoLogin, errors: e,
                          hint: locked ? lockedHint : "edu или sch и 6 цифр: edu233001 и sch233001 — одна и та же школа", readOnly: locked),
                Form.text(F.giaCode, "Код ОО (РИС ГИА)", value: d.giaCode, errors: e, hint: locked ? lockedHint : "Код школы в файлах ЕГЭ и ОГЭ", readOnly: locked)
            ),
            Form.checkbox("is_leader", "Школа-лидер / эффективная школа (может быть партнёром по сетевому взаимодействию)", checked: m.isLeader, disabled: locked)
        ), cancelURL: m.cancelURL)
    }
}

public enum SchoolStatusForm {
    public struct Model: Sendable {
        public var action: String, cancelURL: String
        public var year: String, lowResults: Bool, difficult: Bool, program500: Bool, objectivityRisk: Bool
        public var orderNumber: String, orderDate: String, note: String
        public var lowLabel: String, difficultLabel: String, yearLabelHint: String
        public var errors: [FieldError], csrf: String
        public init(action: String, cancelURL: String, year: String, lowResults: Bool, difficult: Bool, program500: Bool,
                    objectivityRisk: Bool, orderNumber: String, orderDate: String, note: String, lowLabel: String,
                    difficultLabel: String, yearLabelHint: String, errors: [FieldError], csrf: String) {
            self.action = action; self.cancelURL = cancelURL; self.year = year; self.lowResults = lowResults; self.difficult = difficult
            self.program500 = program500; self.objectivityRisk = objectivityRisk; self.orderNumber = orderNumber; self.orderDate = orderDate
            self.note = note; self.lowLabel = lowLabel; self.difficultLabel = difficultLabel; self.yearLabelHint = yearLabelHint
            self.errors = errors; self.csrf = csrf
        }
    }

    public static func body(_ m: Model) -> Node<HTML.BodyContext> {
        Form.form(action: m.action, csrf: m.csrf, errors: m.errors, .group(
            Form.text("year", "Год", value: m.year, errors: m.errors, required: true, hint: m.yearLabelHint),
            .div(.class("checkbox-group"), .p(.class("group-label"), .safe("Статусы школы в этом году")),
                      Form.checkbox("low_results", m.lowLabel, checked: m.lowResults),
                      Form.checkbox("difficult_conditions", m.difficultLabel, checked: m.difficult),
                      Form.checkbox("program_500", "Участник проекта «500+»", checked: m.program500),
                      Form.checkbox("objectivity_risk", "В перечне Рособрнадзора: признаки необъективности результатов", checked: m.objectivityRisk)),
            Form.row(
                Form.text("order_number", "Номер приказа", value: m.orderNumber, errors: m.errors),
                Form.text("order_date", "Дата приказа", value: m.orderDate, errors: m.errors, type: "date")
            ),
            Form.textarea("note", "Примечание", value: m.note, errors: m.errors)
        ), cancelURL: m.cancelURL)
    }
}
