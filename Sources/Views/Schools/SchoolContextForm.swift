import Plot
import Domain

public enum SchoolContextForm {
    public struct Model: Sendable {
        public var action: String, cancelURL: String
        public var values: [String: String]
        public var errors: [FieldError], csrf: String
        public init(action: String, cancelURL: String, values: [String: String], errors: [FieldError], csrf: String) {
            self.action = action; self.cancelURL = cancelURL; self.values = values; self.errors = errors; self.csrf = csrf
        }
    }

    static var fields: [ContextFigure] { SchoolContextDraft.figures }
    /// What each group is, under its legend.
    static let hints: [String: String] = [
        "Социальный паспорт": "Доли в процентах от числа обучающихся (семей), как в социальном паспорте школы.",
        "ИСБШ и самообследование": "Индекс — как его рассчитал регион (от 0 до 1); доля педагогов — из отчёта о самообследовании.",
        "Независимая оценка качества образования (НОКО)":
            "Результаты школы в процедуре НОКО этого года: средний процент выполнения работы и доля участников ниже базового уровня.",
    ]

    public static func body(_ m: Model) -> Node<HTML.BodyContext> {
        let v = { (k: String) in m.values[k] ?? "" }
        var groups: [String] = []
        for f in fields where !groups.contains(f.group) { groups.append(f.group) }
        return Form.form(action: m.action, csrf: m.csrf, errors: m.errors, .group(
            Form.text("year", "Год", value: v("year"), errors: m.errors, required: true, hint: "Например 2025 или 2024/2025"),
            .group(groups.map { g in
                Form.fieldset(g, hint: hints[g], .div(.class("form-grid"), .group(fields.filter { $0.group == g }.map { f in
                    Form.text(f.key, f.title, value: v(f.key), errors: m.errors)
                })))
            }),
            Form.textarea("self_examination", "Самообследование: выводы", value: v("self_examination"), errors: m.errors)
        ), cancelURL: m.cancelURL)
    }
}
