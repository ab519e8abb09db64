import Plot
import Domain

public extension EventPages {
    static func stateBadge(_ title: String, _ value: String) -> Node<HTML.BodyContext> {
        Components.badge(title, value == "held" ? .success : value == "published" ? .warning : .neutral)
    }

    static func catalogTable(_ rows: [Row], empty: String) -> Node<HTML.BodyContext> {
        Components.table([Column("Дата, время"), Column("Тема"), Column("Вид, формат"), Column("Модуль, проект"), Column("Аудитория"),
                          Column("Места", numeric: true), Column("Состояние")],
                         rows: rows.map { r in
                             [.group(.safe(r.date), .div(.class("muted"), .safe(r.time))),
                              .group(Components.link(r.title, r.url), r.place.isEmpty ? .empty : .div(.class("muted"), .safe(r.place)),
                                     r.plan.isEmpty ? .empty : .div(.class("muted"), .safe("Пункт плана: " + r.plan))),
                              .group(.safe(r.kind), .div(.class("muted"), .safe(r.format))),
                              .group(.safe(r.module.isEmpty ? "—" : r.module), r.project.isEmpty ? .empty : .div(.class("muted"), .safe("«\(r.project)»"))),
                              .safe(r.audience), .safe(r.seats), stateBadge(r.state, r.stateValue)]
                         }, empty: Components.emptyState(empty))
    }

    static func index(_ m: IndexModel) -> EventPage {
        let body: Node<HTML.BodyContext> = .group(
            m.notice.isEmpty ? .empty : .div(.class("flash flash-info"), .attr("role", "status"), .safe(m.notice + " "),
                                              .unwrap(m.programmeURL) { Components.link("Открыть программу", $0) }),
            Form.filters(path: SiteURL.events().path, .group(
                m.municipalities.count > 1 ? Form.select("municipality", "Муниципалитет", options: m.municipalities, selected: m.municipalityID, errors: [])
                    : Form.hidden("municipality", m.municipalityID),
                Form.select("half", "Полугодие", options: m.halves, selected: m.half, errors: [])
            )),
            .div(.class("panel-actions"),
                 .unwrap(m.newURL) { Components.buttonLink("Новое мероприятие", $0, primary: true) },
                 Components.buttonLink("Календарь", SiteURL.eventCalendar().path),
                 Components.buttonLink("Мои мероприятия", SiteURL.eventsMy.path),
                 .unwrap(m.applicationsURL) { Components.buttonLink("Заявки школ", $0) },
                 .unwrap(m.programmeURL) { Components.buttonLink("Программа школы", $0) },
                 .unwrap(m.coverageURL) { Components.buttonLink("Охват", $0) }),
            .unwrap(m.publishURL) { url in
                Components.section("Публикация программы", .group(
                    .p(.safe("Черновиков в программе «\(m.halfTitle)»: \(m.drafts). После публикации школы видят программу, подают заявки, педагоги записываются.")),
                    Form.form(action: url, csrf: m.csrf, .group(Form.hidden("municipality", m.municipalityID), Form.hidden("half", m.half)),
                              submit: "Опубликовать программу полугодия")))
            },
            Components.section("Программа: \(m.halfTitle)", catalogTable(m.rows, empty: m.newURL == nil
                ? "Программа полугодия ещё не опубликована."
                : "Мероприятий в этом полугодии нет: добавьте их кнопкой «Новое мероприятие»."))
        )
        return EventPage(title: "Мероприятия: \(m.municipalityName), \(m.halfTitle)", crumbs: [Crumb("Мероприятия")], body: body)
    }

    static func form(_ m: FormModel) -> EventPage {
        func opts<T: TitledTerm>(_ t: T.Type) -> [Option] { T.allCases.map { Option($0.rawValue, $0.title) } }
        let e = m.errors
        let body = Components.section(m.editing ? "Изменение мероприятия" : "Новое мероприятие", Form.form(action: m.action, csrf: m.csrf, errors: e, .group(
            Form.text("title", "Тема", value: m.v("title"), errors: e, required: true),
            Form.row(Form.select("kind", "Вид", options: opts(EventKind.self), selected: m.v("kind"), errors: e, required: true, includeBlank: "— выберите —"),
                     Form.select("format", "Формат", options: opts(EventFormat.self), selected: m.v("format"), errors: e, required: true, includeBlank: "— выберите —")),
            Form.row(Form.select("module", "Модуль", options: opts(EventModule.self), selected: m.v("module"), errors: e, includeBlank: "— без модуля —"),
                     Form.select("project", "Проект", options: opts(EventProject.self), selected: m.v("project"), errors: e, includeBlank: "— вне проекта —")),
            Form.row(Form.text("day", "Дата", value: m.v("day"), errors: e, required: true, type: "date"),
                     Form.text("start", "Начало", value: m.v("start"), errors: e, required: true, type: "time"),
                     Form.text("end", "Окончание", value: m.v("end"), errors: e, required: true, type: "time")),
            Form.row(Form.text("place", "Место", value: m.v("place"), errors: e, hint: "для очного и смешанного формата"),
                     Form.text("link", "Ссылка на подключение", value: m.v("link"), errors: e, type: "url", hint: "для дистанционного и смешанного формата")),
            Form.row(Form.text("organiser", "Организатор", value: m.v("organiser"), errors: e),
                     Form.text("speakers", "Выступающие", value: m.v("speakers"), errors: e)),
            Form.checkboxes("audience", "Аудитория (целевые группы)", options: PlanTargetGroup.allCases.map { Option($0.rawValue, $0.title) }, checked: m.audience, errors: e),
            Form.text("capacity", "Мест", value: m.v("capacity"), errors: e, type: "number", hint: "0 или пусто — без ограничения"),
            Form.select("plan_occurrence", "Исполняет пункт плана", options: m.planOptions, selected: m.v("plan_occurrence"), errors: e,
                        includeBlank: "— не связано с планом —", hint: "проведение (подписанная посещаемость) отмечает исполнение этого наступления")
        ), submit: m.editing ? "Сохранить" : "Добавить в программу", cancelURL: m.cancelURL))
        return EventPage(title: m.editing ? "Изменение мероприятия" : "Новое мероприятие: \(m.municipalityName)",
                         crumbs: [root, Crumb(m.editing ? "Изменение" : "Новое мероприятие")], body: body)
    }

    static func show(_ m: ShowModel) -> EventPage {
        let facts = m.facts.map { ($0.0, Node<HTML.BodyContext>.safe($0.1)) }
            + [("Пункт плана", m.planURL.map { Components.link(m.planText, $0) } ?? .safe(m.planText)), ("Места", .safe(m.seats))]
        let body: Node<HTML.BodyContext> = .group(
            Components.section("Мероприятие", actions: .unwrap(m.editURL) { Components.buttonLink("Изменить", $0) }, .group(
                stateBadge(m.state, m.stateValue), Components.details(facts))),
            registration(m),
            attendance(m)
        )
        return EventPage(title: m.title, crumbs: [root, Crumb(m.title)], body: body)
    }

    static func registration(_ m: ShowModel) -> Node<HTML.BodyContext> {
        guard m.registerURL != nil || m.unregisterURL != nil || m.registered || m.registerRefusal != nil else { return .empty }
        return Components.section("Моя запись", .group(
            m.registered ? .p(Components.badge(m.attended ? "вы были на мероприятии" : "вы записаны", .success)) : .empty,
            .unwrap(m.registerRefusal) { .p(.class("muted"), .safe($0)) },
            .unwrap(m.registerURL) { Components.postButton("Записаться", action: $0, csrf: m.csrf) },
            .unwrap(m.unregisterURL) { Components.postButton("Отменить запись", action: $0, csrf: m.csrf) },
            .unwrap(m.stepURL) { url in
                Form.form(action: url, csrf: m.csrf, Form.select("step", "Засчитать в шаг моего ИОМ", options: m.stepOptions, selected: m.linkedStep, errors: [],
                                                                 includeBlank: "— не засчитывать —", hint: "шаг станет выполненным, когда организатор подпишет посещаемость"),
                          submit: "Сохранить")
            }
        ))
    }

    static func attendance(_ m: ShowModel) -> Node<HTML.BodyContext> {
        let rows: [[Node<HTML.BodyContext>]] = m.registrations.map { r in
            [m.attendanceURL == nil ? .safe(r.name) : Form.checkbox("present", r.name, checked: r.attended, value: r.personID),
             .safe(r.school), .safe(r.source), r.attended ? Components.badge("был", .success) : .span(.class("muted"), .safe("—")),
             .safe(r.step.isEmpty ? "—" : r.step)]
        }
        let table = Components.table([Column("Участник"), Column("Школа"), Column("Как попал в список"), Column("Присутствие"), Column("Шаг ИОМ")],
                                     rows: rows, empty: m.registrationsHidden > 0 ? .empty : Components.emptyState("Записавшихся пока нет."))
        let hidden: Node<HTML.BodyContext> = m.registrationsHidden > 0
            ? .p(.class("muted"), .safe((m.registrations.isEmpty ? "В списке участников: " : "Ещё участников из других школ: ") + "\(m.registrationsHidden)."))
            : .empty
        return Components.section("Список и посещаемость", .group(
            m.signedOff.isEmpty ? .empty : .p(Components.badge(m.signedOff, .success)),
            m.attendanceURL.map { url in
                Form.form(action: url, csrf: m.csrf, .group(table,
                    Form.select("walk_in", "Пришёл без записи", options: m.walkIns, selected: "", errors: [], includeBlank: "— никого не добавлять —",
                                hint: "люди муниципалитета; отмечается присутствующим")), submit: "Сохранить отметки")
            } ?? table,
            hidden,
            .unwrap(m.centerRegisterURL) { url in
                Components.disclosure("Записать участника", Form.form(action: url, csrf: m.csrf,
                    Form.select("person", "Кого записать", options: m.people, selected: "", errors: [], required: true, includeBlank: "— выберите —"), submit: "Записать"))
            },
            .unwrap(m.signOffURL) { Components.postButton("Подписать посещаемость", action: $0, csrf: m.csrf,
                                                          confirm: "После подписи отметки не меняются; шаги ИОМ и пункт плана отмечаются выполненными.") },
            .unwrap(m.signOffRefusal) { .p(.class("muted"), .safe($0)) }
        ))
    }
}
