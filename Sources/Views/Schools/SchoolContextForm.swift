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

    /// (field key, label, group) of the contextual figures, in card order.
    public static let fields: [(String, String, String)] = [
        ("students_count", "Обучающихся, чел.", contingent),
        ("teachers_count", "Педагогов, чел.", contingent),
        ("low_income_share", "Дети из малообеспеченных семей, %", passport),
        ("disabled_share", "Дети с ОВЗ и инвалидностью, %", passport),
        ("non_native_share", "Дети, для которых русский язык не родной, %", passport),
        ("risk_families_share", "Семьи в социально опасном положении, %", passport),
        ("social_wellbeing_index", "Индекс социального благополучия школы", wellbeing),
        ("qualified_teachers_share", "Педагоги с высшей и первой категорией, %", wellbeing),
        ("noko_completion", "НОКО: средний процент выполнения", noko),
        ("noko_below_base_share", "НОКО: не достигли базового уровня, %", noko),
    ]
    static let contingent = "Контингент", passport = "Социальный паспорт", wellbeing = "ИСБШ и самообследование"
    static let noko = "Независимая оценка качества образования (НОКО)"
    /// What each group is, under its legend.
    static let hints: [String: String] = [
        passport: "Доли в процентах от числа обучающихся (семей), как в социальном паспорте школы.",
        wellbeing: "Индекс — как его рассчитал регион (от 0 до 1); доля педагогов — из отчёта о самообследовании.",
        noko: "Результаты школы в процедуре НОКО этого года: средний процент выполнения работы и доля участников ниже базового уровня.",
    ]

    public static func body(_ m: Model) -> Node<HTML.BodyContext> {
        let v = { (k: String) in m.values[k] ?? "" }
        var groups: [String] = []
        for f in fields where !groups.contains(f.2) { groups.append(f.2) }
        return Form.form(action: m.action, csrf: m.csrf, errors: m.errors, .group(
            Form.text("year", "Год", value: v("year"), errors: m.errors, required: true, hint: "Например 2025 или 2024/2025"),
            .group(groups.map { g in
                Form.fieldset(g, hint: hints[g], .div(.class("form-grid"), .group(fields.filter { $0.2 == g }.map { f in
                    Form.text(f.0, f.1, value: v(f.0), errors: m.errors)
                })))
            }),
            Form.textarea("self_examination", "Самообследование: выводы", value: v("self_examination"), errors: m.errors)
        ), cancelURL: m.cancelURL)
    }
}
