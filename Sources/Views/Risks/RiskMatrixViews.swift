import Plot
import Domain

/// «Риски»: the municipal matrix (schools × kinds) and the kinds with their method.
public extension RiskPages {
    static func matrix(_ m: MatrixModel) -> ControlPage {
        let columns = [Column("Школа")] + m.kinds.map { Column($0.title) }
        let body: Node<HTML.BodyContext> = .group(
            Form.filters(path: SiteURL.risks(.matrix()).path,
                         m.municipalities.count > 1 ? Form.select("municipality", "Муниципалитет", options: m.municipalities, selected: m.municipalityID, errors: [])
                             : Form.hidden("municipality", m.municipalityID)),
            .p(.class("muted"), .safe(m.advice)),
            .div(.class("panel-actions"), Components.buttonLink("Виды рисков и методика", m.kindsURL)),
            Components.section("Матрица рисков: школы × виды рисков", Components.table(columns, rows: m.rows.map { r in
                [Components.link(r.school, r.url)] + m.kinds.map { k -> Node<HTML.BodyContext> in
                    guard let level = r.cells[k.value].flatMap(RiskLevel.init(rawValue:)) else { return .safe("—") }
                    return levelBadge(level.title, level.rawValue)
                }
            }, empty: Components.emptyState("В школах муниципалитета рисков не зарегистрировано."))),
            Components.section("Условные обозначения", .p(
                levelBadge(RiskLevel.high.title, "high"), .safe(" "), levelBadge(RiskLevel.medium.title, "medium"), .safe(" "),
                levelBadge(RiskLevel.low.title, "low"), .safe(" — уровень риска; в ячейке — наивысший из зарегистрированных рисков этого вида; «—» — риск не выявлен. Строки — школы, где зарегистрирован хотя бы один риск; столбцы — виды, по которым риски есть.")))
        )
        return ControlPage(title: "Матрица рисков: \(m.municipalityName)", crumbs: [Crumb("Матрица рисков")], body: body)
    }

    static func kinds(_ m: KindsModel) -> ControlPage {
        let body: Node<HTML.BodyContext> = .group(
            Components.section("Методика", .group(
                .p(.safe("Фактор риска профиля «500+» описывается моделью: индикаторы (источник данных, нормировка к 0…1, вес) → взвешенное среднее нормированных значений → пороги уровня: не ниже порога «высокий» — высокий уровень, не ниже порога «средний» — средний, иначе низкий.")),
                .p(.safe("Сроки (Концепция, §7.4): решение по циклическому риску принимается сразу при его выявлении, меры исполняются до его ближайшего возможного проявления; решения по рискам следующего учебного года — не позднее 30 июня."))
            )),
            Components.section("Виды рисков и факторы «500+»", Components.table(
                [Column("Код"), Column("Наименование"), Column("Фактор «500+»"), Column("Индикаторы (источник; нормировка; вес)"), Column("Пороги")],
                rows: m.rows.map { r in
                    [.safe(r.code), .group(.safe(r.title), r.active ? .empty : .div(.class("muted"), .safe("не используется"))), .safe(r.factor ? "да" : "—"),
                     r.indicators.isEmpty ? .safe("—") : .ul(.forEach(r.indicators) { .li(.safe($0)) }), .safe(r.cutPoints.isEmpty ? "—" : r.cutPoints)]
                }, empty: Components.emptyState("Справочник пуст."))),
            .unwrap(m.action) { action in
                Components.section("Добавить или изменить вид риска", Form.form(action: action, csrf: m.csrf, errors: m.errors, .group(
                    .p(.class("muted"), .safe("Существующий код — изменение вида, новый — добавление.")),
                    Form.row(
                        Form.text("code", "Код", value: m.v("code"), errors: m.errors, required: true, hint: "латиница, цифры, «_»"),
                        Form.text("title", "Наименование", value: m.v("title"), errors: m.errors, required: true)
                    ),
                    Form.checkbox("factor_500", "Фактор риска профиля «500+»", checked: !m.v("factor_500").isEmpty),
                    Form.checkbox("active", "Используется", checked: !m.v("active").isEmpty),
                    Form.textarea("model", "Модель фактора (JSON)", value: m.v("model"), errors: m.errors,
                                  hint: "{\"indicators\": [{\"title\": …, \"source\": …, \"normalisation\": …, \"weight\": 1}], \"cutPoints\": {\"medium\": 0.3, \"high\": 0.6}}; пусто — без модели", rows: 6)
                ), submit: Strings.save))
            }
        )
        return ControlPage(title: "Виды рисков и методика", crumbs: [Crumb("Матрица рисков", SiteURL.risks(.matrix()).path), Crumb("Виды рисков")], body: body)
    }
}
