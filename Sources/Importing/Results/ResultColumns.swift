import Foundation
import Domain

/// Columns of the simple result formats (our templates). Russian headers are the
/// titles; English keys and usual Russian variants are accepted too.
public enum ResultColumns {
    static let school = ColumnSpec("school_code", "Код школы", aliases: ["школа", "school", "код оо", "логин", "логин фис око",
        "код школы или логин фис око", "оо", "code"], required: true)
    static let examYear = ColumnSpec("year", "Год", aliases: ["year", "год проведения"])
    static let schoolYear = ColumnSpec("year", "Учебный год", aliases: ["year", "год"])
    static let subject = ColumnSpec("subject", "Предмет", aliases: ["subject", "учебный предмет"], required: true)
    static let participants = ColumnSpec("participants", "Число участников", aliases: ["participants", "кол-во участников",
        "количество участников", "участников", "участники", "приняли участие", "кол-во уч.", "число участников, чел."], required: true)

    /// Count columns «2»…«5» of the ВПР format.
    static func markCount(_ m: Int) -> ColumnSpec {
        ColumnSpec("mark\(m)", "Отметка «\(m)»", aliases: ["\(m)", "«\(m)»", "mark\(m)", "mark_\(m)", "отметка \(m)", "n\(m)",
            "кол-во \(m)", "кол-во «\(m)»", "количество \(m)", "количество «\(m)»", "число \(m)", "число «\(m)»", "отметка «\(m)», чел."])
    }

    /// Share columns «% 2»…«% 5» of the percentages variant.
    static func markShare(_ m: Int) -> ColumnSpec {
        ColumnSpec("pct\(m)", "Доля «\(m)», %", aliases: ["% \(m)", "%\(m)", "% «\(m)»", "доля \(m)", "доля «\(m)»", "доля \(m), %",
            "доля «\(m)» %", "\(m) (%)", "\(m)(%)", "«\(m)» (%)", "\(m) %", "\(m)%", "\(m), %", "p\(m)", "p_\(m)", "pct\(m)",
            "share\(m)", "процент \(m)", "процент «\(m)»", "отметка «\(m)», %"])
    }

    public static let ege: [ColumnSpec] = [
        school, examYear, ColumnSpec("subject", "Предмет", aliases: ["subject", "учебный предмет"], required: true), participants,
        ColumnSpec("average_score", "Средний балл", aliases: ["average_score", "average", "средний тестовый балл"], required: true),
        ColumnSpec("sd", "Стандартное отклонение", aliases: ["sd", "std", "ско", "среднеквадратичное отклонение"]),
        ColumnSpec("below_minimum", "Не преодолели минимальный порог", aliases: ["below_minimum", "не преодолели порог",
            "ниже минимального порога", "не преодолели минимальный порог, чел."]),
        ColumnSpec("high_scorers", "Высокобалльники (80–100)", aliases: ["high_scorers", "высокобалльники", "высокобалльников",
            "80-100 баллов", "80–100 баллов", "81-100 баллов"]),
    ]

    public static let vprBase: [ColumnSpec] = [
        school, examYear, subject,
        ColumnSpec("grade", "Класс", aliases: ["grade", "параллель", "класс (параллель)"], required: true), participants,
    ]
    public static let vpr: [ColumnSpec] = vprBase + (2...5).map(markCount) + (2...5).map(markShare)

    public static let oge: [ColumnSpec] = [
        school, examYear, subject, participants,
        ColumnSpec("average_mark", "Средняя отметка", aliases: ["average_mark", "средняя оценка", "средний балл (отметка)"]),
        ColumnSpec("average_score", "Средний первичный балл", aliases: ["average_score", "средний балл (первичный)"]),
        ColumnSpec("below_threshold", "Получили «2»", aliases: ["below_threshold", "не преодолели порог", "не преодолели минимальный порог",
            "кол-во «2»", "число «2»", "количество «2»", "получили 2"]),
        ColumnSpec("below_threshold_share", "Доля «2», %", aliases: ["below_threshold_share", "доля не преодолевших порог", "% «2»",
            "доля «2»", "доля 2, %"]),
    ]

    public static let term: [ColumnSpec] = [
        school, schoolYear,
        ColumnSpec("period", "Период", aliases: ["period", "четверть", "четверть / полугодие", "четверть/полугодие", "учебный период"], required: true),
        ColumnSpec("grade", "Параллель", aliases: ["grade", "класс (параллель)"]),
        ColumnSpec("class", "Класс", aliases: ["class", "class_name", "класс (буква)"]), subject, participants,
        ColumnSpec("success_rate", "Успеваемость, %", aliases: ["success_rate", "успеваемость", "успеваемость %", "% успеваемости"], required: true),
        ColumnSpec("quality_rate", "Качество знаний, %", aliases: ["quality_rate", "качество знаний", "качество", "качество знаний %",
            "% качества"], required: true),
    ]

    public static let objectivity: [ColumnSpec] = [
        school, examYear,
        ColumnSpec("procedure", "Процедура", aliases: ["procedure", "оценочная процедура", "признаки необъективности"], required: true),
    ]

    public static let vprParticipants: [ColumnSpec] = [
        school, examYear, subject,
        ColumnSpec("grade", "Параллель", aliases: ["grade", "класс (параллель)"], required: true),
        ColumnSpec("class", "Класс", aliases: ["class", "class_name", "класс (буква)"], required: true),
        ColumnSpec("participant", "Код участника", aliases: ["participant", "участник", "код"], required: true),
        ColumnSpec("primary_score", "Первичный балл", aliases: ["primary_score", "итого баллов", "сумма баллов"]),
        ColumnSpec("mark", "Отметка", aliases: ["mark", "оценка", "отметка за впр"]),
        ColumnSpec("journal_mark", "Отметка по журналу", aliases: ["journal_mark", "отметка в журнале"]),
    ]

    /// (key, Russian title, is a share in %, is a head count), as the school card shows them
    /// (`SchoolContextDraft.figures`).
    public static let contextKeys: [(key: String, title: String, share: Bool, count: Bool)] =
        SchoolContextDraft.figures.map { ($0.key, $0.title, $0.percent, $0.isCount) }

    static let contextAliases: [String: [String]] = [
        "students_count": ["обучающихся", "число обучающихся", "контингент"],
        "teachers_count": ["педагогов", "число педагогов"],
        "low_income_share": ["малообеспеченные, %", "доля малообеспеченных"],
        "disabled_share": ["овз, %", "доля детей с овз"],
        "non_native_share": ["неродной русский, %", "доля детей с неродным русским"],
        "risk_families_share": ["соп, %", "семьи в соп, %"],
        "social_wellbeing_index": ["исбш", "индекс социального благополучия"],
        "qualified_teachers_share": ["доля педагогов высшей и первой категории"],
        // Only headers that name НОКО: a ВПР or ОГЭ report with «Средний процент выполнения» is not a context file.
        "noko_completion": ["ноко, % выполнения", "ноко: процент выполнения", "ноко: средний процент выполнения, %", "ноко, средний процент выполнения"],
        "noko_below_base_share": ["ноко: ниже базового уровня, %", "ноко, ниже базового уровня, %", "ноко: не достигли базового уровня"],
    ]

    public static let context: [ColumnSpec] = [school, examYear] + contextKeys.map {
        ColumnSpec($0.key, $0.title, aliases: contextAliases[$0.key] ?? [])
    }

    public static func columns(_ kind: ResultFileKind) -> [ColumnSpec] {
        switch kind {
        case .ege: ege
        case .vpr: vpr
        case .oge: oge
        case .term: term
        case .objectivity: objectivity
        case .vprParticipants: vprParticipants
        case .context: context
        case .journalComparison: vprBase + [
            ColumnSpec("lowered", "Понизили", aliases: ["lowered"], required: true),
            ColumnSpec("confirmed", "Подтвердили", aliases: ["confirmed"], required: true),
            ColumnSpec("raised", "Повысили", aliases: ["raised"], required: true),
        ]
        }
    }
}
