import Plot
import Domain

/// «Аудиты документов» (Concept §6.1): the plan of audits, an audit's protocol and re-check, the kinds' checklists.
public enum AuditPages {
    public struct Row: Sendable {
        public var url = "", object = "", kind = "", planned = "", held = "", state = "", stateValue = "", fixDeadline = "", overdue = false
        public init() {}
    }

    public struct IndexModel: Sendable {
        public var municipalityName = "", municipalityID = "", municipalities: [Option] = [], rows: [Row] = [], kindsURL = ""
        public var planAction: String?, kinds: [Option] = [], schools: [Option] = [], values: [String: String] = [:], errors: [FieldError] = [], csrf = ""
        public init() {}
        func v(_ k: String) -> String { values[k] ?? "" }
    }

    public struct ShowModel: Sendable {
        public var title = "", facts: [(String, String)] = [], state = "", stateValue = "", overdue = false, items: [String] = []
        public var findings: [DocumentAuditFinding] = [], recheck = "", protocolAction: String?, recheckAction: String?
        public var values: [String: String] = [:], errors: [FieldError] = [], csrf = "", indexURL = ""
        public init() {}
        func v(_ k: String) -> String { values[k] ?? "" }
    }

    public struct KindsModel: Sendable {
        public var rows: [(code: String, title: String, items: [String])] = [], action: String?, values: [String: String] = [:], errors: [FieldError] = [], csrf = ""
        public init() {}
        func v(_ k: String) -> String { values[k] ?? "" }
    }

    static func stateBadge(_ title: String, _ value: String, overdue: Bool) -> Node<HTML.BodyContext> {
        let kind: Components.BadgeKind = value == DocumentAuditState.closed.rawValue ? .success : value == DocumentAuditState.violations.rawValue ? .warning : .neutral
        return .group(Components.badge(title, kind), overdue ? .group(.safe(" "), Components.badge("срок устранения прошёл", .danger)) : .empty)
    }

    public static func index(_ m: IndexModel) -> ControlPage {
        let body: Node<HTML.BodyContext> = .group(
            Form.filters(path: SiteURL.risks(.audits()).path,
                         m.municipalities.count > 1 ? Form.select("municipality", "Муниципалитет", options: m.municipalities, selected: m.municipalityID, errors: [])
                             : Form.hidden("municipality", m.municipalityID)),
            .div(.class("panel-actions"), Components.buttonLink("Виды аудитов и чек-листы", m.kindsURL)),
            Components.section("План аудитов", Components.table(
                [Column("Объект"), Column("Вид аудита"), Column("Дата по плану"), Column("Проведён"), Column("Срок устранения"), Column("Состояние")],
                rows: m.rows.map { r in
                    [Components.link(r.object, r.url), .safe(r.kind), .safe(r.planned), .safe(r.held.isEmpty ? "—" : r.held), .safe(r.fixDeadline.isEmpty ? "—" : r.fixDeadline),
                     stateBadge(r.state, r.stateValue, overdue: r.overdue)]
                }, empty: Components.emptyState("Аудиты не запланированы."))),
            .unwrap(m.planAction) { action in
                Components.section("Запланировать аудит", Form.form(action: action, csrf: m.csrf, errors: m.errors, .group(
                    Form.row(
                        Form.select("kind", "Вид аудита", options: m.kinds, selected: m.v("kind"), errors: m.errors, required: true, includeBlank: "— выберите —"),
                        Form.select("school", "Объект", options: m.schools, selected: m.v("school"), errors: m.errors, includeBlank: "документы центра"),
                        Form.text("planned", "Дата по плану", value: m.v("planned"), errors: m.errors, required: true, type: "date")
                    )
                ), submit: "Запланировать"))
            }
        )
        return ControlPage(title: "Аудиты документов: \(m.municipalityName)", crumbs: [Crumb("Аудиты документов")], body: body)
    }

    public static func show(_ m: ShowModel) -> ControlPage {
        let body: Node<HTML.BodyContext> = .group(
            Components.details(m.facts.map { ($0.0, .safe($0.1)) } + [("Состояние", stateBadge(m.state, m.stateValue, overdue: m.overdue))]),
            Components.section("Протокол", m.findings.isEmpty ? Components.emptyState("Протокол ещё не составлен.") : Components.table(
                [Column("Пункт чек-листа"), Column("Результат"), Column("Нарушение")],
                rows: m.findings.map { [.safe($0.item), $0.ok ? Components.badge("соответствует", .success) : Components.badge("нарушение", .danger), .safe($0.note)] },
                empty: .empty)),
            m.recheck.isEmpty ? .empty : Components.section("Повторная проверка", .p(.safe(m.recheck))),
            .unwrap(m.protocolAction) { action in
                Components.section("Составить протокол", Form.form(action: action, csrf: m.csrf, errors: m.errors, .group(
                    .group(m.items.enumerated().map { k, item in
                        Form.row(
                            Form.select("mark_\(k)", item, options: [Option("ok", "соответствует"), Option("violation", "нарушение")], selected: m.v("mark_\(k)"),
                                        errors: m.errors, required: true, includeBlank: "— отметьте —"),
                            Form.text("note_\(k)", "Нарушение", value: m.v("note_\(k)"), errors: m.errors)
                        )
                    }),
                    Form.row(
                        Form.text("held", "Дата проверки", value: m.v("held"), errors: m.errors, required: true, type: "date"),
                        Form.text("fix_deadline", "Срок устранения нарушений", value: m.v("fix_deadline"), errors: m.errors, type: "date", hint: "обязателен при нарушениях")
                    )
                ), submit: "Сохранить протокол"))
            },
            .unwrap(m.recheckAction) { action in
                Components.section("Повторная проверка", Form.form(action: action, csrf: m.csrf, errors: m.errors, .group(
                    Form.row(
                        Form.select("fixed", "Результат", options: [Option("yes", "нарушения устранены"), Option("no", "устранены не все")], selected: m.v("fixed"),
                                    errors: m.errors, required: true, includeBlank: "— выберите —"),
                        Form.text("recheck_day", "Дата", value: m.v("recheck_day"), errors: m.errors, required: true, type: "date"),
                        Form.text("fix_deadline", "Новый срок устранения", value: m.v("fix_deadline"), errors: m.errors, type: "date", hint: "если устранены не все")
                    ),
                    Form.textarea("recheck_note", "Комментарий", value: m.v("recheck_note"), errors: m.errors, rows: 2)
                ), submit: "Сохранить"))
            }
        )
        return ControlPage(title: m.title, crumbs: [Crumb("Аудиты документов", m.indexURL), Crumb(m.title)], body: body)
    }

    public static func kinds(_ m: KindsModel) -> ControlPage {
        let body: Node<HTML.BodyContext> = .group(
            Components.section("Виды аудитов и чек-листы", Components.table([Column("Код"), Column("Наименование"), Column("Чек-лист")], rows: m.rows.map { r in
                [.safe(r.code), .safe(r.title), .ol(.forEach(r.items) { .li(.safe($0)) })]
            }, empty: Components.emptyState("Справочник пуст."))),
            .unwrap(m.action) { action in
                Components.section("Добавить или изменить вид аудита", Form.form(action: action, csrf: m.csrf, errors: m.errors, .group(
                    Form.row(Form.text("code", "Код", value: m.v("code"), errors: m.errors, required: true, hint: "существующий код — изменение"),
                             Form.text("title", "Наименование", value: m.v("title"), errors: m.errors, required: true)),
                    Form.textarea("checklist", "Чек-лист: один пункт в строке", value: m.v("checklist"), errors: m.errors, required: true, rows: 6)
                ), submit: Strings.save))
            }
        )
        return ControlPage(title: "Виды аудитов документов", crumbs: [Crumb("Аудиты документов", SiteURL.risks(.audits()).path), Crumb("Виды аудитов")], body: body)
    }
}
