import Plot
import Domain

/// «Риски»: a school's register and the form to register or change a risk.
public extension RiskPages {
    static func school(_ m: SchoolModel) -> ControlPage {
        let body: Node<HTML.BodyContext> = .group(
            .p(.class("muted"), .safe(m.advice)),
            .div(.class("panel-actions"), .unwrap(m.newURL) { Components.buttonLink("Зарегистрировать риск", $0, primary: true) },
                 .unwrap(m.matrixURL) { Components.buttonLink("Матрица рисков муниципалитета", $0) }),
            Components.section("Реестр рисков школы", Components.table(
                [Column("Вид риска"), Column("Уровень"), Column("Управляемость"), Column("Основания"), Column("Владелец"),
                 Column("Сроки"), Column("Меры (пункты планов)"), Column("")],
                rows: m.rows.map { r in
                    [.group(.safe(r.kind), r.factor ? .div(.class("muted"), .safe("фактор профиля «500+»")) : .empty),
                     levelBadge(r.level, r.levelValue), .safe(r.manageability), .safe(r.evidence), .safe(r.owner), deadlines(r),
                     r.measures.isEmpty ? .safe("—") : .ul(.forEach(r.measures) { .li(.safe($0)) }),
                     .unwrap(r.editURL) { Components.link("Изменить", $0) }]
                }, empty: Components.emptyState("Рисков не зарегистрировано.")))
        )
        return ControlPage(title: "Риски: \(m.schoolName)", crumbs: [Crumb(m.schoolName, m.schoolURL), Crumb("Риски")], body: body)
    }

    static func deadlines(_ r: Row) -> Node<HTML.BodyContext> {
        var lines: [String] = ["выявлен \(r.registered)"]
        if r.cyclic {
            lines.append("циклический; решение — сразу, до \(r.decisionDue)")
            if !r.measuresDue.isEmpty { lines.append("меры — до \(r.measuresDue) (проявление \(r.nextOccurrence))") }
        }
        lines.append(r.decided.isEmpty ? "решение не принято" : "решение принято \(r.decided)")
        return .group(.forEach(lines) { .div(.safe($0)) }, r.overdue ? Components.badge("решение просрочено", .danger) : .empty)
    }

    static func form(_ m: FormModel) -> ControlPage {
        let opts = { (pairs: [(String, String)]) in pairs.map { Option($0.0, $0.1) } }
        let body: Node<HTML.BodyContext> = Components.section(m.title, Form.form(action: m.action, csrf: m.csrf, errors: m.errors, .group(
            Form.row(
                Form.select("kind", "Вид риска", options: m.kinds, selected: m.v("kind"), errors: m.errors, required: true, includeBlank: "— выберите —"),
                Form.select("level", "Уровень", options: opts(RiskLevel.allCases.map { ($0.rawValue, $0.title) }), selected: m.v("level"), errors: m.errors,
                            required: true, includeBlank: "— выберите —"),
                Form.select("manageability", "Управляемость", options: opts(RiskManageability.allCases.map { ($0.rawValue, $0.title) }), selected: m.v("manageability"),
                            errors: m.errors, required: true, includeBlank: "— выберите —")
            ),
            Form.textarea("evidence", "Основания (данные, показывающие риск)", value: m.v("evidence"), errors: m.errors, required: true, rows: 3),
            Form.text("owner", "Владелец риска", value: m.v("owner"), errors: m.errors, required: true),
            Form.row(
                Form.text("registered", "Дата выявления", value: m.v("registered"), errors: m.errors, required: true, type: "date"),
                Form.text("decided", "Дата решения", value: m.v("decided"), errors: m.errors, type: "date", hint: "когда решение по риску принято")
            ),
            Form.checkbox("cyclic", "Циклический риск (повторяется): решение принимается сразу, меры — до ближайшего проявления", checked: !m.v("cyclic").isEmpty),
            Form.text("next_occurrence", "Ближайшее возможное проявление", value: m.v("next_occurrence"), errors: m.errors, type: "date",
                      hint: "обязательно для циклического риска"),
            m.items.isEmpty ? .p(.class("muted"), .safe("В планах школы и муниципалитета пока нет пунктов, которые можно связать как меры."))
                : Form.checkboxes("measures", "Меры: пункты планов школы и муниципалитета", options: m.items, checked: m.measures, errors: m.errors)
        ), submit: Strings.save, cancelURL: m.cancelURL))
        return ControlPage(title: m.title, crumbs: [Crumb(m.schoolName, m.cancelURL), Crumb(m.title)], body: body)
    }
}
