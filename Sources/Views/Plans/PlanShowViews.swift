import Plot
import Domain

public extension PlanPages {
    static func show(_ m: ShowModel) -> PlanPage {
        let crumbs = [root, Crumb(m.ownerName, m.indexURL), Crumb(m.title)]
        let body: Node<HTML.BodyContext> = .group(
            Components.details(m.facts.map { ($0.0, .safe($0.1)) }),
            .div(.class("panel-actions"),
                 .unwrap(m.editURL) { Components.buttonLink("Изменить название", $0) },
                 .unwrap(m.copyURL) { Components.postButton("Скопировать на следующий год", action: $0, csrf: m.csrf,
                                                             confirm: "Создать проект плана на следующий год с теми же пунктами (даты на год позже, без отметок исполнения)?") }),
            Components.section("Исполнение на \(m.asOfRu)", .group(
                Form.filters(path: SiteURL.plan(m.id).path, Form.text("as_of", "На дату", value: m.asOf, errors: [], type: "date")),
                figuresTable(m.figures, asOfRu: m.asOfRu),
                .p(.class("muted"), .safe("Определения — на странице "), Components.link("«Как считаются показатели»", SiteURL.plansMethod.path), .safe("."))
            )),
            .group(m.sections.map { s in Components.section(s.title.isEmpty ? "Без раздела" : s.title, itemsTable(s.items, csrf: m.csrf)) }),
            m.sections.isEmpty ? Components.section("Пункты", Components.emptyState("В плане пока нет пунктов" + (m.canEdit ? ": добавьте пункт формой ниже или загрузите таблицу." : "."))) : .empty,
            .unwrap(m.addItemURL) { addItem(m, action: $0) },
            .unwrap(m.importURL) { importForm(m, action: $0) },
            .unwrap(m.approveURL) { approveForm(m, action: $0) },
            Components.section("Версии", Components.table([Column("Версия", numeric: true), Column("Что"), Column("Когда"), Column("Кто"), Column("Причина / приказ")],
                rows: m.versions.map { v in [Components.link(String(v.number), v.url), .safe(v.kind), .safe(v.when), .safe(v.by), .safe(v.reason)] },
                empty: Components.emptyState("План ещё не утверждался: после утверждения здесь хранится его копия, а каждое изменение утверждённого плана — новая версия с причиной.")))
        )
        return PlanPage(title: m.title, crumbs: crumbs, body: body)
    }

    static func itemFields(values v: (String) -> String, errors: [FieldError], people: [Option], checkedPeople: Set<String>, checkedTargets: Set<String>,
                           withStatus: Bool) -> Node<HTML.BodyContext> {
        .group(
            Form.text("section", "Раздел (модуль)", value: v("section"), errors: errors),
            Form.textarea("measure", "Мероприятие", value: v("measure"), errors: errors, required: true, rows: 2),
            Form.row(
                Form.text("start", "Начало", value: v("start"), errors: errors, type: "date", hint: "нужно для повторяющихся пунктов"),
                Form.text("deadline", "Срок", value: v("deadline"), errors: errors, required: true, type: "date"),
                Form.select("recurrence", "Повторение", options: PlanRecurrence.allCases.map { Option($0.rawValue, $0.title) }, selected: v("recurrence"), errors: errors)
            ),
            Form.text("responsible", "Ответственные", value: v("responsible"), errors: errors),
            people.isEmpty ? .empty : Components.disclosure("Ответственные из кадров", Form.checkboxes("people", "Люди", options: people, checked: checkedPeople, errors: errors)),
            Form.checkboxes("targets", "Целевые группы", options: PlanTargetGroup.allCases.map { Option($0.rawValue, $0.title) }, checked: checkedTargets, errors: errors),
            Form.textarea("addresses", "Адресность: на какие дефициты и риски направлено", value: v("addresses"), errors: errors, rows: 2),
            Form.row(
                Form.text("expected_result", "Ожидаемый результат", value: v("expected_result"), errors: errors),
                Form.text("report_form", "Форма отчёта", value: v("report_form"), errors: errors)
            ),
            withStatus ? Form.select("status", "Статус", options: PlanItemStatus.allCases.map { Option($0.rawValue, $0.title) }, selected: v("status"), errors: errors) : .empty
        )
    }

    static func reasonField(_ approved: Bool, value: String, errors: [FieldError]) -> Node<HTML.BodyContext> {
        approved ? Form.textarea("reason", "Причина изменения утверждённого плана", value: value, errors: errors,
                                 hint: "Изменение утверждённого плана сохраняется как новая версия с этой причиной.", required: true, rows: 2) : .empty
    }

    static func addItem(_ m: ShowModel, action: String) -> Node<HTML.BodyContext> {
        let errors = m.values["form"] == "item" ? m.errors : []
        return Components.section("Добавить пункт", Components.disclosure("Форма пункта", open: !errors.isEmpty, Form.form(action: action, csrf: m.csrf, errors: errors, .group(
            itemFields(values: { m.values["form"] == "item" ? m.v($0) : "" }, errors: errors, people: m.people,
                       checkedPeople: Set((m.values["people"] ?? "").split(separator: ",").map(String.init)),
                       checkedTargets: Set((m.values["targets"] ?? "").split(separator: ",").map(String.init)), withStatus: false),
            reasonField(m.approved, value: m.v("reason"), errors: errors)
        ), submit: "Добавить пункт")))
    }

    static func importForm(_ m: ShowModel, action: String) -> Node<HTML.BodyContext> {
        Components.section("Загрузить пункты из таблицы", .group(
            .p(.safe("Столбцы: section; measure; start; deadline; recurrence; responsible; targets; addresses; status; done_dates (или русские заголовки шаблона). Файл заменяет все пункты проекта плана; при любой ошибке не записывается ничего. Шаблон: "),
               Components.link("XLSX", m.templateXLSX), .safe(", "), Components.link("CSV", m.templateCSV), .safe(".")),
            m.importErrors.isEmpty ? .empty : .div(.class("error-summary"), .attr("role", "alert"), .h2(.safe("Файл не загружен, ничего не записано. Исправьте:")),
                Components.table([Column("Строка", numeric: true), Column("Столбец"), Column("Что исправить")],
                                 rows: m.importErrors.map { [.safe($0.row), .safe($0.column), .safe($0.message)] }, empty: .empty)),
            Form.form(action: action, csrf: m.csrf, multipart: true, Form.file("file", "Файл CSV или XLSX", accept: ".csv,.xlsx,.xls", errors: m.values["form"] == "import" ? m.errors : [], required: true),
                      submit: "Загрузить")
        ))
    }

    static func approveForm(_ m: ShowModel, action: String) -> Node<HTML.BodyContext> {
        let errors = m.values["form"] == "approve" ? m.errors : []
        return Components.section("Утвердить план", Form.form(action: action, csrf: m.csrf, errors: errors, .group(
            .p(.class("muted"), .safe("При утверждении сохраняется копия плана (версия 1), её можно открыть в любое время; дальнейшие изменения — новые версии с причиной.")),
            Form.row(
                Form.text("order_number", "Приказ №", value: m.v("order_number"), errors: errors, required: true),
                Form.text("order_date", "Дата приказа", value: m.v("order_date"), errors: errors, required: true, type: "date")
            ),
            Form.text("approved_by", "Кем утверждён", value: m.v("approved_by"), errors: errors, required: true, hint: "например «Управление образования» или «МНЦ»")
        ), submit: "Утвердить"))
    }

    static func planForm(_ m: PlanFormModel) -> PlanPage {
        let body = Form.form(action: m.action, csrf: m.csrf, errors: m.errors, .group(
            m.editing ? .empty : Form.select("owner", "Чей план", options: m.owners, selected: m.v("owner"), errors: m.errors, required: true),
            m.editing ? .empty : Form.select("kind", "Вид плана", options: m.kinds, selected: m.v("kind"), errors: m.errors, required: true),
            m.editing ? .empty : Form.text("year", "Год", value: m.v("year"), errors: m.errors, required: true, hint: m.yearHint),
            Form.text("title", "Название", value: m.v("title"), errors: m.errors, required: true, hint: "например «Дорожная карта на 2026 год»"),
            reasonField(m.approved, value: m.v("reason"), errors: m.errors)
        ), submit: m.editing ? "Сохранить" : "Создать план", cancelURL: m.cancelURL)
        return PlanPage(title: m.editing ? "Название плана" : "Новый план: \(m.municipalityName)", crumbs: [root, Crumb(m.editing ? "Изменение" : "Новый план")], body: body)
    }

    static func itemForm(_ m: ItemFormModel) -> PlanPage {
        let body = Form.form(action: m.action, csrf: m.csrf, errors: m.errors, .group(
            itemFields(values: m.v, errors: m.errors, people: m.people, checkedPeople: m.checkedPeople, checkedTargets: m.checkedTargets, withStatus: true),
            reasonField(m.approved, value: m.v("reason"), errors: m.errors)
        ), cancelURL: m.planURL)
        return PlanPage(title: "Пункт плана", crumbs: [root, Crumb(m.planTitle, m.planURL), Crumb("Пункт")], body: body)
    }

    static func version(_ m: VersionModel) -> PlanPage {
        let body: Node<HTML.BodyContext> = .group(
            .p(.class("muted"), .safe("Копия только для чтения: \(m.kind), \(m.when), \(m.by)." + (m.reason.isEmpty ? "" : " \(m.reason)"))),
            Components.details(m.facts.map { ($0.0, .safe($0.1)) }),
            Components.section("Пункты версии", itemsTable(m.items, csrf: ""))
        )
        return PlanPage(title: "\(m.planTitle): версия \(m.number)", crumbs: [root, Crumb(m.planTitle, m.planURL), Crumb("Версия \(m.number)")], body: body)
    }

    static func kinds(_ m: KindsModel) -> PlanPage {
        let body: Node<HTML.BodyContext> = .group(
            .p(.class("muted"), .safe("Виды планов — общий справочник для всех муниципалитетов; код используется при загрузке («--kind») и в выгрузке показателей.")),
            Components.table([Column("Код"), Column("Название"), Column("Кто ведёт"), Column("Действует"), Column("")],
                rows: m.rows.map { r in
                    [.code(.safe(r.code)), .safe(r.title), .safe(r.owner), .safe(r.active ? "да" : "нет"),
                     .unwrap(r.updateURL) { url in Components.disclosure("Изменить", Form.form(action: url, csrf: m.csrf, .group(
                        Form.text("title", "Название", value: r.title, errors: []),
                        Form.select("owner_level", "Кто ведёт", options: m.owners, selected: r.ownerValue, errors: []),
                        Form.checkbox("active", "Действует", checked: r.active)
                     ))) }]
                }, empty: Components.emptyState("Видов планов нет.")),
            m.canEdit ? Components.section("Новый вид плана", Form.form(action: SiteURL.planKinds.path, csrf: m.csrf, errors: m.errors, .group(
                Form.row(Form.text("code", "Код", value: m.v("code"), errors: m.errors, required: true, hint: "латиница, цифры и _, например anti_risk_plan"),
                         Form.select("owner_level", "Кто ведёт", options: m.owners, selected: m.v("owner_level"), errors: m.errors)),
                Form.text("title", "Название", value: m.v("title"), errors: m.errors, required: true)
            ), submit: "Добавить")) : .empty
        )
        return PlanPage(title: "Виды планов", crumbs: [root, Crumb("Виды планов")], body: body)
    }
}
