import Plot
import Domain

/// «Решения и рекомендации»: the register, the form (also prefilled from a monitoring row), a decision's page.
public enum DecisionPages {
    public static let root = Crumb("Решения и рекомендации", SiteURL.control(.decisions()).path)

    public struct Row: Sendable {
        public var url = "", issued = "", number = "", type = "", to = "", content = "", deadline = "", responsible = ""
        public var state = "", stateValue = "", overdue = false, late = false
        public init() {}
    }

    public struct IndexModel: Sendable {
        public var municipalityName = "", municipalityID = "", municipalities: [Option] = [], state = "", overdueOnly = false
        public var rows: [Row] = [], overdueCount = 0, newURL: String?
        /// The section's other registers («Риски и решения»): the risk matrix and the audits, when readable.
        public var riskMatrixURL: String?, auditsURL: String?
        public init() {}
    }

    public struct FormModel: Sendable {
        public var action = "", municipalityName = "", schools: [Option] = [], issuer = ""
        public var values: [String: String] = [:], errors: [FieldError] = [], csrf = "", fromMonitoring = false
        public init() {}
        func v(_ k: String) -> String { values[k] ?? "" }
    }

    public struct ShowModel: Sendable {
        public var title = "", facts: [(String, String)] = [], state = "", stateValue = "", overdue = false, late = false
        public var content = "", source = "", report = "", reportDay = "", reportedBy = "", controlComment = "", controlled = ""
        public var reportAction: String?, controlAction: String?
        public var values: [String: String] = [:], errors: [FieldError] = [], csrf = ""
        public init() {}
        func v(_ k: String) -> String { values[k] ?? "" }
    }

    public static func stateBadge(_ state: String, _ value: String, overdue: Bool, late: Bool) -> Node<HTML.BodyContext> {
        let kind: Components.BadgeKind = value == DecisionState.accepted.rawValue ? .success : value == DecisionState.returned.rawValue ? .warning : .neutral
        return .group(Components.badge(state, kind), overdue ? .group(.safe(" "), Components.badge("просрочено", .danger)) : .empty,
                      late ? .group(.safe(" "), Components.badge("исполнено позже срока", .warning)) : .empty)
    }

    public static func index(_ m: IndexModel) -> ControlPage {
        let body: Node<HTML.BodyContext> = .group(
            Form.filters(path: SiteURL.control(.decisions()).path, .group(
                m.municipalities.count > 1 ? Form.select("municipality", "Муниципалитет", options: m.municipalities, selected: m.municipalityID, errors: []) : Form.hidden("municipality", m.municipalityID),
                Form.select("state", "Состояние", options: DecisionState.allCases.map { Option($0.rawValue, $0.title) }, selected: m.state, errors: [], includeBlank: "все"),
                Form.checkbox("overdue", "только просроченные", checked: m.overdueOnly)
            )),
            .div(.class("panel-actions"), .unwrap(m.newURL) { Components.buttonLink("Новое решение или рекомендация", $0, primary: true) },
                 .unwrap(m.riskMatrixURL) { Components.buttonLink("Матрица рисков школ", $0) },
                 .unwrap(m.auditsURL) { Components.buttonLink("Проверки документов", $0) }),
            Components.section("Реестр" + (m.overdueCount > 0 ? ": просрочено \(m.overdueCount)" : ""), Components.table(
                [Column("Дата, №"), Column("Вид"), Column("Кому"), Column("Содержание"), Column("Срок"), Column("Ответственный"), Column("Исполнение")],
                rows: m.rows.map { r in
                    [.group(.safe(r.issued), r.number.isEmpty ? .empty : .div(.class("muted"), .safe("№ " + r.number))), .safe(r.type), .safe(r.to),
                     Components.link(r.content, r.url), .safe(r.deadline), .safe(r.responsible), stateBadge(r.state, r.stateValue, overdue: r.overdue, late: r.late)]
                }, empty: Components.emptyState("Решений и рекомендаций пока нет" + (m.newURL == nil ? "." : ": создайте первое кнопкой выше или из строки сводной таблицы мониторинга."))))
        )
        return ControlPage(title: "Решения и рекомендации: \(m.municipalityName)", crumbs: [Crumb("Решения и рекомендации")], body: body)
    }

    public static func form(_ m: FormModel) -> ControlPage {
        let opts = { (pairs: [(String, String)]) in pairs.map { Option($0.0, $0.1) } }
        let body: Node<HTML.BodyContext> = Components.section(m.fromMonitoring ? "Рекомендация по строке мониторинга" : "Новое решение или рекомендация",
            Form.form(action: m.action, csrf: m.csrf, errors: m.errors, .group(
                .p(.class("muted"), .safe("Выдаёт: \(m.issuer). Кто выдал, тот и контролирует исполнение: принимает отчёт или возвращает его.")),
                Form.row(
                    Form.select("type", "Вид", options: opts(DecisionType.allCases.map { ($0.rawValue, $0.title) }), selected: m.v("type"), errors: m.errors, required: true),
                    Form.select("horizon", "Характер", options: opts(DecisionHorizon.allCases.map { ($0.rawValue, $0.title) }), selected: m.v("horizon"), errors: m.errors, required: true),
                    Form.select("form", "Форма", options: opts(DecisionForm.allCases.map { ($0.rawValue, $0.title) }), selected: m.v("form"), errors: m.errors, required: true)
                ),
                Form.row(
                    Form.select("addressee", "Кому", options: opts(DecisionAddressee.allCases.map { ($0.rawValue, $0.title) }), selected: m.v("addressee"), errors: m.errors,
                                required: true, includeBlank: "— выберите —"),
                    Form.select("school", "Школа", options: m.schools, selected: m.v("school"), errors: m.errors, includeBlank: "— для директора или школы —")
                ),
                Form.textarea("content", "Содержание", value: m.v("content"), errors: m.errors, required: true, rows: 6),
                Form.row(
                    Form.text("deadline", "Срок исполнения", value: m.v("deadline"), errors: m.errors, required: true, type: "date"),
                    Form.text("number", "Номер документа", value: m.v("number"), errors: m.errors, hint: "приказа, распоряжения или письма, если есть")
                ),
                Form.row(
                    Form.text("responsible", "Ответственный", value: m.v("responsible"), errors: m.errors, required: true),
                    Form.text("report_form", "Форма отчёта", value: m.v("report_form"), errors: m.errors, required: true, hint: "например «Аналитическая справка»")
                ),
                m.v("source").isEmpty ? .empty : .group(Form.hidden("source", m.v("source")), .p(.class("muted"), .safe("Основание: " + m.v("source"))))
            ), submit: "Выдать", cancelURL: SiteURL.control(.decisions()).path))
        return ControlPage(title: m.fromMonitoring ? "Рекомендация по итогам мониторинга" : "Новое решение или рекомендация", crumbs: [root, Crumb("Новое")], body: body)
    }

    public static func show(_ m: ShowModel) -> ControlPage {
        let body: Node<HTML.BodyContext> = .group(
            Components.details(m.facts.map { ($0.0, .safe($0.1)) } + [("Исполнение", stateBadge(m.state, m.stateValue, overdue: m.overdue, late: m.late))]),
            Components.section("Содержание", .group(.p(.safe(m.content)), m.source.isEmpty ? .empty : .p(.class("muted"), .safe("Основание: " + m.source)))),
            Components.section("Отчёт об исполнении", m.report.isEmpty ? Components.emptyState("Отчёта пока нет.")
                : Components.details([("Отчёт", .safe(m.report)), ("Дата исполнения", .safe(m.reportDay)), ("Представил", .safe(m.reportedBy))]
                                     + (m.controlComment.isEmpty && m.controlled.isEmpty ? [] : [("Контроль", .safe([m.controlled, m.controlComment].filter { !$0.isEmpty }.joined(separator: ": ")))]))),
            .unwrap(m.reportAction) { action in
                Components.section("Отчитаться об исполнении", Form.form(action: action, csrf: m.csrf, errors: m.errors, .group(
                    Form.textarea("report", "Что сделано", value: m.v("report"), errors: m.errors, required: true, rows: 4),
                    Form.text("report_day", "Дата исполнения", value: m.v("report_day"), errors: m.errors, required: true, type: "date")
                ), submit: "Отправить отчёт"))
            },
            .unwrap(m.controlAction) { action in
                Components.section("Контроль исполнения", Form.form(action: action, csrf: m.csrf, errors: m.errors, .group(
                    Form.select("action", "Решение", options: [Option("accept", "Принять отчёт — исполнено"), Option("return", "Вернуть отчёт на доработку")],
                                selected: m.v("action"), errors: m.errors, required: true),
                    Form.textarea("comment", "Комментарий", value: m.v("comment"), errors: m.errors, hint: "обязателен при возврате", rows: 3)
                ), submit: "Сохранить"))
            }
        )
        return ControlPage(title: m.title, crumbs: [root, Crumb(m.title)], body: body)
    }
}
