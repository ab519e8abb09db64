import Plot
import Domain

public extension EventPages {
    static func programme(_ m: ProgrammeModel) -> EventPage {
        let rows: [[Node<HTML.BodyContext>]] = m.rows.map { r in
            [.safe(r.date), .safe(r.time), Components.link(r.title, r.url), .safe(r.kind + ", " + r.format), .safe(r.place), .safe(m.teachers[r.id] ?? "")]
        }
        let body: Node<HTML.BodyContext> = .group(
            .p(.safe("Составлена центром по заявке школы: \(m.built).")),
            Components.section("Мероприятия программы", Components.table(
                [Column("Дата"), Column("Время"), Column("Тема"), Column("Вид, формат"), Column("Место / ссылка"), Column("Педагоги")],
                rows: rows, empty: Components.emptyState("В программу не вошло ни одной строки заявки."))),
            .p(Components.link("Заявки школы", m.applicationsURL))
        )
        return EventPage(title: "Персонализированная программа \(m.school), \(m.halfTitle)", crumbs: [root, Crumb("Программа школы")], body: body)
    }

    static func dayCell(_ d: DayCell) -> Node<HTML.BodyContext> {
        .group(.div(.class(d.today ? "tone-success" : d.inMonth ? "" : "muted"), .strong(.safe(d.number))),
               .ul(.class("plain-list"), .forEach(d.events) { e in .li(.span(.class("muted"), .safe(e.time + " ")), Components.link(e.title, e.url)) }))
    }

    static func calendar(_ m: CalendarModel) -> EventPage {
        let grid: Node<HTML.BodyContext> = m.view == "week"
            ? Components.table([Column("День"), Column("Мероприятия")], rows: m.days.map { d in
                [.group(.strong(.safe(d.weekday)), .div(.class(d.today ? "tone-success" : "muted"), .safe(d.number))),
                 d.events.isEmpty ? .span(.class("muted"), .safe("—")) : .ul(.class("plain-list"), .forEach(d.events) { e in
                     .li(.span(.class("muted"), .safe(e.time + " ")), Components.link(e.title, e.url)) })]
            }, empty: .empty)
            : Components.table(["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"].map { Column($0) }, rows: m.weeks.map { $0.map(dayCell) }, empty: .empty)
        let body: Node<HTML.BodyContext> = .group(
            Components.tabs([("Месяц", m.monthURL, m.view == "month"), ("Неделя", m.weekURL, m.view == "week")]),
            .div(.class("panel-actions"), Components.buttonLink("← Раньше", m.prevURL), Components.buttonLink("Сегодня", m.todayURL), Components.buttonLink("Позже →", m.nextURL)),
            Components.section(m.title, grid),
            Components.section("Календарь в телефоне и почте", .group(
                .p(.safe("Секретная ссылка в формате iCalendar: добавьте её в Яндекс Календарь, Google Календарь, Outlook или календарь телефона («подписка по ссылке»). Ссылку знает только тот, кому вы её дали; если она попала не туда — обновите её, старая перестанет работать.")),
                .unwrap(m.feedURL) { url in .div(.class("panel"), .p(.strong(.safe("Ссылка \(m.feedOwner) (сохраните — повторно она не показывается):"))), .p(.code(.safe(url)))) },
                Form.form(action: m.feedAction, csrf: m.csrf, .group(
                    m.schoolFeeds.isEmpty ? Form.hidden("owner", "user")
                        : Form.select("owner", "Чей календарь", options: [Option("user", "мой личный")] + m.schoolFeeds, selected: "user", errors: [])
                ), submit: m.userFeedExists ? "Выдать новую ссылку" : "Получить ссылку")
            ))
        )
        return EventPage(title: "Календарь мероприятий: \(m.title)", crumbs: [root, Crumb("Календарь")], body: body)
    }

    static func coverage(_ m: CoverageModel) -> EventPage {
        let titles = EventCoverage.figures
        let body: Node<HTML.BodyContext> = .group(
            Form.filters(path: SiteURL.eventCoverage().path, .group(
                m.municipalities.count > 1 ? Form.select("municipality", "Муниципалитет", options: m.municipalities, selected: m.municipalityID, errors: [])
                    : Form.hidden("municipality", m.municipalityID),
                Form.text("from", "С", value: m.from, errors: [], type: "date"), Form.text("to", "По", value: m.to, errors: [], type: "date"))),
            Components.section("Охват школ мероприятиями, \(m.fromRu) — \(m.toRu)", Components.table(
                [Column("Школа")] + titles.map { Column(figureTitle($0), numeric: true) },
                rows: m.rows.map { r in
                    [.safe(r.school)] + r.figures.map { f in
                        .group(Markup.el("span", .attr("data-figure", f.figure),
                                         .attribute(named: "data-value", value: Markup.escape(f.value), ignoreIfValueIsEmpty: false), .attr("title", f.formula), .safe(f.ru)),
                               ["share", "groups_covered"].contains(f.figure) ? .div(.class("muted"), .safe(f.formula)) : .empty)
                    }
                }, empty: Components.emptyState("Школ с педагогами нет."))),
            Components.section("Как считается", .group(
                .p(.safe("Считаются только мероприятия периода, посещаемость которых подписана организатором. Строка «Все школы» — суммы по школам, доля — от сумм.")),
                Components.table([Column("Показатель"), Column("Код"), Column("Определение")],
                                 rows: EventCoverage.methodText.map { [.safe(figureTitle($0.figure)), .code(.safe($0.figure)), .safe($0.definition)] }, empty: .empty),
                .p(.safe("Те же числа печатает команда: "), .code(.safe(m.command)))))
        )
        return EventPage(title: "Охват мероприятиями: \(m.municipalityName)", crumbs: [root, Crumb("Охват")], body: body)
    }

    static func myList(_ rows: [MyRow], csrf: String, empty: String) -> Node<HTML.BodyContext> {
        rows.isEmpty ? Components.emptyState(empty) : .ul(.class("step-list"), .forEach(rows) { r in
            .li(.class("step"), .div(.strong(Components.link(r.title, r.url))),
                .div(.safe("\(r.date), \(r.time)")),
                .div(.class("muted"), .safe([r.kind, r.place, r.seats].filter { !$0.isEmpty }.joined(separator: " · "))),
                r.status.isEmpty ? .empty : .div(Components.badge(r.status, .success)),
                .unwrap(r.registerURL) { Components.postButton("Записаться", action: $0, csrf: csrf) })
        })
    }

    static func my(_ m: MyModel) -> EventPage {
        let body: Node<HTML.BodyContext> = .group(
            .div(.class("panel-actions"), Components.buttonLink("Календарь", m.calendarURL), .unwrap(m.routeURL) { Components.buttonLink("Мой ИОМ", $0) }),
            Components.section("Я записан(а)", myList(m.upcoming, csrf: m.csrf, empty: "Вы пока никуда не записаны — выберите мероприятие ниже.")),
            Components.section("Можно записаться", myList(m.open, csrf: m.csrf, empty: "Открытых для записи мероприятий нет.")),
            Components.section("Я посетил(а)", myList(m.attended, csrf: m.csrf, empty: "Посещённых мероприятий с подписанной посещаемостью пока нет."))
        )
        return EventPage(title: "Мои мероприятия", crumbs: [root, Crumb("Мои мероприятия")], body: body)
    }
}
