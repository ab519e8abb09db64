import Plot
import Domain

/// A page of «Планы»: the view decides its title, breadcrumbs and body.
public struct PlanPage {
    public var title: String
    public var crumbs: [Crumb]
    public var body: Node<HTML.BodyContext>
}

public extension PlanPages {
    static let root = Crumb("Планы", SiteURL.plans().path)

    /// The figures with their formula and inputs; each value carries the CLI's text in `data-value`.
    static func figuresTable(_ figures: [Figure], asOfRu: String) -> Node<HTML.BodyContext> {
        Components.table([Column("Показатель"), Column("Значение", numeric: true), Column("Как получено")],
                         rows: figures.map { f in
                             [.safe(f.title),
                              Markup.el("span", .attr("data-figure", f.figure), .attribute(named: "data-value", value: Markup.escape(f.value), ignoreIfValueIsEmpty: false),
                                        .safe(f.ru)),
                              .span(.class("muted"), .safe(f.formula))]
                         }, empty: .empty)
    }

    static func index(_ m: IndexModel) -> PlanPage {
        let body: Node<HTML.BodyContext> = .group(
            Form.filters(path: SiteURL.plans().path, .group(
                m.municipalities.count > 1 ? Form.select("municipality", "Муниципалитет", options: m.municipalities, selected: m.municipalityID, errors: []) : Form.hidden("municipality", m.municipalityID),
                Form.text("year", "Год плана", value: m.year, errors: [], hint: "например 2025 или 2025/2026"),
                Form.text("as_of", "Показатели на дату", value: m.asOf, errors: [], type: "date")
            )),
            .div(.class("panel-actions"),
                 .unwrap(m.newURL) { Components.buttonLink("Новый план", $0, primary: true) },
                 Components.buttonLink("Как считаются показатели", SiteURL.plansMethod.path),
                 .unwrap(m.kindsURL) { Components.buttonLink("Виды планов", $0) }),
            Components.section("Планы \(m.yearLabel.isEmpty ? "всех лет" : m.yearLabel)", Components.table(
                [Column("Владелец"), Column("Вид"), Column("Год"), Column("Название"), Column("Состояние"), Column("Пунктов", numeric: true),
                 Column("Полнота", numeric: true), Column("Своевременность", numeric: true)],
                rows: m.plans.map { r in
                    [.safe(r.owner), .safe(r.kind), .safe(r.year), Components.link(r.title, r.url),
                     Components.badge(r.state + (r.approved ? ", версия \(r.version)" : ""), r.approved ? .success : .neutral),
                     .safe(r.items), .safe(r.completeness), .safe(r.timeliness)]
                },
                empty: Components.emptyState("Планов пока нет" + (m.newURL == nil ? "." : ": создайте план кнопкой «Новый план» или загрузите его из таблицы на странице плана.")))),
            m.schools.isEmpty ? .empty : Components.section("Исполнение по школам на \(m.asOfRu)", .group(
                .p(.class("muted"), .safe("Все пункты всех планов школы за год, как один план: те же определения, что у плана.")),
                Components.table([Column("Школа"), Column("Планов", numeric: true)] + PlanFigures.figures.map { Column(figureTitle($0), numeric: true) },
                                 rows: m.schools.map { s in
                                     [.safe(s.school), .safe(String(s.plans))] + s.figures.map { f in .span(.attr("title", f.formula), .safe(f.ru)) }
                                 }, empty: .empty)))
        )
        return PlanPage(title: "Планы: \(m.municipalityName)", crumbs: [Crumb("Планы")], body: body)
    }

    static func method() -> PlanPage {
        PlanPage(title: "Как считаются показатели исполнения планов", crumbs: [root, Crumb("Как считается")], body: Components.section("Определения", .group(
            .p(.safe(PlanFigures.occurrencesText)),
            .p(.safe("Показатели считаются на дату (по умолчанию — сегодня; на страницах — поле «на дату», параметр as_of) для одного плана и для школы — по всем пунктам всех её планов года. Те же числа печатает команда «opora plans figures --municipality КОД --as-of ДАТА --format csv|json» (столбцы plan_owner, plan_kind, plan_year, plan_title, figure, value; дроби — десятичные с точкой).")),
            Components.table([Column("Показатель"), Column("Код"), Column("Определение")],
                             rows: PlanFigures.methodText.map { [.safe(figureTitle($0.figure)), .code(.safe($0.figure)), .safe($0.definition)] }, empty: .empty)
        )))
    }

    static func itemsTable(_ items: [ItemRow], csrf: String) -> Node<HTML.BodyContext> {
        Components.table([Column("Мероприятие"), Column("Сроки"), Column("Ответственные"), Column("Группы, адресность"), Column("Исполнение"), Column("")],
                         rows: items.map { i in
                             [.group(.strong(.safe(i.measure)),
                                     i.expectedResult.isEmpty ? .empty : .div(.class("muted"), .safe("Результат: " + i.expectedResult)),
                                     i.reportForm.isEmpty ? .empty : .div(.class("muted"), .safe("Форма отчёта: " + i.reportForm))),
                              .group(.safe(i.dates), .div(.class("muted"), .safe(i.recurrence))),
                              .group(.safe(i.responsible), i.people.isEmpty ? .empty : .div(.class("muted"), .safe(i.people))),
                              .group(.safe(i.targets.isEmpty ? "—" : i.targets),
                                     i.addresses.isEmpty ? .empty : .div(.class("muted"), .safe("Адресность: " + i.addresses))),
                              .group(Components.badge(i.status, i.statusValue == "done" ? .success : i.statusValue == "cancelled" ? .neutral : .warning),
                                     occurrences(i, csrf: csrf)),
                              .unwrap(i.editURL) { Components.link("Изменить", $0) }]
                         }, empty: Components.emptyState("В разделе нет пунктов."))
    }

    static func occurrences(_ i: ItemRow, csrf: String) -> Node<HTML.BodyContext> {
        .ul(.class("plain-list"), .forEach(i.occurrences) { o in
            .li(.safe(o.dueRu + ": "),
                o.done.map { d -> Node<HTML.BodyContext> in
                    .group(Components.badge("исполнено " + d + (o.late ? " (позже срока)" : ""), o.late ? .warning : .success),
                           o.evidence.isEmpty ? .empty : .span(.class("muted"), .safe(" " + o.evidence)),
                           o.evidenceURL.isEmpty ? .empty : .group(.safe(" "), Components.link("подтверждение", o.evidenceURL)))
                } ?? (o.overdue ? Components.badge("просрочено", .danger) : .span(.class("muted"), .safe("не исполнено"))),
                .unwrap(i.executionURL) { url in
                    Components.disclosure(o.done == nil ? "Отметить исполнение" : "Изменить отметку", Form.form(action: url, csrf: csrf, .group(
                        Form.hidden("due", o.due),
                        Form.row(Form.text("done", "Фактическая дата", value: o.done.flatMap { CalendarDay(ru: $0)?.iso } ?? "", errors: [], type: "date",
                                           hint: "пусто — снять отметку"),
                                 Form.text("evidence", "Подтверждение", value: o.evidence, errors: [], hint: "документ, протокол, проведённое мероприятие")),
                        Form.text("evidence_url", "Ссылка на подтверждение", value: o.evidenceURL, errors: [], type: "url")
                    ), submit: "Сохранить"))
                })
        })
    }
}
