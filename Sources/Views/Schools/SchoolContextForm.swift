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

    /// (field key, label, hint) of the contextual figures, in card order.
    public static let fields: [(String, String, String?)] = [
        ("students_count", "Обучающихся, чел.", nil),
        ("teachers_count", "Педагогов, чел.", nil),
        ("low_income_share", "Дети из малообеспеченных семей, %", "Социальный паспорт"),
        ("disabled_share", "Дети с ОВЗ и инвалидностью, %", "Социальный паспорт"),
        ("non_native_share", "Дети, для которых русский язык не родной, %", "Социальный паспорт"),
        ("risk_families_share", "Семьи в социально опасном положении, %", "Социальный паспорт"),
        ("social_wellbeing_index", "Индекс социального благополучия школы", "ИСБШ, как его рассчитал регион"),
        ("qualified_teachers_share", "Педагоги с высшей и первой категорией, %", "Самообследование"),
        ("noko_completion", "НОКО: средний процент выполнения, %", "Независимая оценка качества образования"),
        ("noko_below_base_share", "НОКО: не достигли базового уровня, %", "Независимая оценка качества образования"),
    ]

    public static func body(_ m: Model) -> Node<HTML.BodyContext> {
        let v = { (k: String) in m.values[k] ?? "" }
        return Form.form(action: m.action, csrf: m.csrf, errors: m.errors, .group(
            Form.text("year", "Год", value: v("year"), errors: m.errors, required: true, hint: "Например 2025 или 2024/2025"),
            .div(.class("form-grid"), .group(fields.map { f in
                Form.text(f.0, f.1, value: v(f.0), errors: m.errors, hint: f.2)
            })),
            Form.textarea("self_examination", "Самообследование: выводы", value: v("self_examination"), errors: m.errors)
        ), cancelURL: m.cancelURL)
    }
}
