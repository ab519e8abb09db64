import Plot
import Domain

/// Settings, reference values and campaigns of the results monitoring.
public enum MonitoringAdminViews {
    public static func settings(_ s: MonitoringSettings, action: String, errors: [FieldError], csrf: String, canEdit: Bool) -> Node<HTML.BodyContext> {
        let fields: Node<HTML.BodyContext> = .group(
            Form.select("reading", "Правило отрицательной динамики по показателю 2", options: Indicator2Reading.allCases.map { Option($0.rawValue, $0.title) },
                        selected: s.reading.rawValue, errors: errors, required: true, hint: "Концепция: «разница долей … превышает эталонное значение»; см. «Методика»"),
            Form.row(
                Form.text("threshold", "Порог T, п.п.", value: String(s.threshold), errors: errors, required: true, type: "number"),
                Form.text("small_group", "Малая группа: меньше участников", value: String(s.smallGroup), errors: errors, required: true, type: "number")
            ),
            Form.checkbox("include_no_change", "Включать D = 0 («без изменений») в сводную таблицу", checked: s.includeNoChange),
            Form.checkbox("cohort", "ВПР: сравнивать по когорте (5 класс прошлого года → 6 класс)", checked: s.cohort),
            Form.select("objectivity", "Необъективные результаты", options: ObjectivityPolicy.allCases.map { Option($0.rawValue, $0.title) },
                        selected: s.objectivity.rawValue, errors: errors, required: true),
            Form.checkbox("exclude_list", "Исключать результаты ВПР школ из списка Рособрнадзора (только ВПР)", checked: s.excludeRosobrnadzorListForVPR),
            Form.row(
                Form.text("ci_z", "z доверительного интервала", value: RuFormat.decimal(s.ciZ, digits: 2), errors: errors),
                Form.text("vpr_margin", "Запас ВПР, отметки", value: s.vprMarginMark.ru(2), errors: errors),
                Form.text("ege_margin", "Запас ЕГЭ, баллы", value: s.egeMarginScore.ru(1), errors: errors)
            ),
            Form.row(
                Form.text("federal_share", "Группа риска: доля «2», %", value: String(s.federalRiskShare), errors: errors, type: "number"),
                Form.text("federal_procedures", "…в скольких процедурах", value: String(s.federalRiskProcedures), errors: errors, type: "number"),
                Form.text("low_wellbeing", "Низкий ИСБШ: меньше", value: s.lowWellbeingIndex?.ru(2) ?? "", errors: errors, hint: "Пусто — не учитывать")
            ),
            Form.row(
                Form.text("term_success", "Периоды: успеваемость ниже, %", value: String(s.termSuccessThreshold), errors: errors, type: "number"),
                Form.text("term_quality", "…качество знаний ниже, %", value: String(s.termQualityThreshold), errors: errors, type: "number")
            )
        )
        return canEdit ? Form.form(action: action, csrf: csrf, errors: errors, fields, submit: "Сохранить настройки")
                       : .group(.p(.class("muted"), .safe("Настройки меняет методический центр.")), MonitoringHelpView.body(settings: s, municipality: ""))
    }

    public struct Reference: Sendable {
        public var subject: String, year: Int, value: String, source: String
        public init(subject: String, year: Int, value: String, source: String) { self.subject = subject; self.year = year; self.value = value; self.source = source }
    }

    public static func references(_ rows: [Reference], action: String, region: String, errors: [FieldError], values: [String: String], csrf: String, canEdit: Bool) -> Node<HTML.BodyContext> {
        .group(
            .p(.class("muted"), .safe("Региональный средний балл ЕГЭ — эталон показателя 1 для всех муниципалитетов региона «\(region)». Он берётся из региональных строк загруженных файлов или вводится здесь.")),
            Components.table([Column("Предмет"), Column("Год"), Column("Средний балл по региону", numeric: true), Column("Источник")],
                             rows: rows.map { [.safe(MonitoringSubject.title($0.subject)), .safe(String($0.year)), .safe($0.value.replacingOccurrences(of: ".", with: ",")), .safe($0.source)] },
                             empty: Components.emptyState("Региональные значения не введены: сейчас эталон — средневзвешенный балл школ муниципалитета.")),
            canEdit ? Form.form(action: action, csrf: csrf, errors: errors, Form.row(
                Form.select("subject", "Предмет", options: [Option("russian", "Русский язык"), Option("math_profile", "Математика (профильный уровень)")],
                            selected: values["subject"] ?? "russian", errors: errors, required: true),
                Form.text("year", "Год", value: values["year"] ?? "", errors: errors, required: true, type: "number"),
                Form.text("value", "Средний балл", value: values["value"] ?? "", errors: errors, required: true, hint: "Например 68,41")
            ), submit: "Сохранить значение") : .empty
        )
    }

    public struct CampaignRow: Sendable {
        public var id: String, year: Int, status: String, statusKind: Components.BadgeKind, deadline: String, approved: String, actions: [(String, String)]
        public init(id: String, year: Int, status: String, statusKind: Components.BadgeKind, deadline: String, approved: String, actions: [(String, String)]) {
            self.id = id; self.year = year; self.status = status; self.statusKind = statusKind; self.deadline = deadline; self.approved = approved; self.actions = actions
        }
    }

    public static func campaigns(_ rows: [CampaignRow], createAction: String?, year: Int, csrf: String, errors: [FieldError]) -> Node<HTML.BodyContext> {
        .group(
            .p(.class("muted"), .safe("Кампания мониторинга: год, срок (сентябрь, не позднее двух месяцев после получения результатов), состояние: открыта → данные собраны → утверждена управлением образования. При утверждении сохраняется датированная копия сводной таблицы, которую уже нельзя изменить.")),
            Components.table([Column("Год"), Column("Состояние"), Column("Срок"), Column("Утверждена"), Column("")],
                             rows: rows.map { r in [Components.link(String(r.year), SiteURL.campaign(r.id).path), Components.badge(r.status, r.statusKind), .safe(r.deadline), .safe(r.approved),
                                                    .group(r.actions.map { Components.postButton($0.0, action: $0.1, csrf: csrf) })] },
                             empty: Components.emptyState("Кампаний ещё нет.")),
            createAction.map { Form.form(action: $0, csrf: csrf, errors: errors, Form.row(
                Form.text("year", "Год мониторинга", value: String(year), errors: errors, required: true, type: "number"),
                Form.text("deadline", "Срок", value: "\(year)-09-30", errors: errors, type: "date")
            ), submit: "Открыть кампанию") } ?? .empty
        )
    }
}
