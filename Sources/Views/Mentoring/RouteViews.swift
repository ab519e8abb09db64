import Plot
import Domain

/// «Дефициты и ИОМ»: a teacher's deficits of a year and their individual educational route —
/// the page teachers open on a phone (390 px): one column, steps as cards, the action under each.
public enum RouteViews {
    public struct ListRow: Sendable {
        public var name: String, url: String, school: String, deficits: String, state: String, steps: String, overdue: Int
        public init(name: String, url: String, school: String, deficits: String, state: String, steps: String, overdue: Int) {
            self.name = name; self.url = url; self.school = school; self.deficits = deficits; self.state = state; self.steps = steps; self.overdue = overdue
        }
    }

    /// One group deficit: the same area in several teachers of a school (or the municipality).
    public struct Group: Sendable {
        public var place: String, area: String, teachers: Int, names: String
        public init(place: String, area: String, teachers: Int, names: String) { self.place = place; self.area = area; self.teachers = teachers; self.names = names }
    }

    /// The year's diagnostics campaign of the supported schools' teachers: how far it is, who is missing.
    public struct Campaign: Sendable {
        public var done: Int, total: Int, statusYear: String, missing: [(name: String, school: String, url: String)]
        public init(done: Int, total: Int, statusYear: String, missing: [(name: String, school: String, url: String)]) {
            self.done = done; self.total = total; self.statusYear = statusYear; self.missing = missing
        }
    }

    public static func index(_ rows: [ListRow], year: String, groups: [Group] = [], campaign: Campaign? = nil) -> Node<HTML.BodyContext> {
        .group(campaign.map { c in Components.section("Диагностика дефицитов \(year) (август)", .group(
            .p(.strong(.safe("Внесена у \(c.done) из \(c.total) педагогов сопровождаемых школ")),
               .safe(" — школы со статусом ШНОР или ШССУ в \(c.statusYear) году.")),
            c.missing.isEmpty ? .empty : Components.disclosure("Кому ещё не внесена (\(c.missing.count))", Components.table(
                [Column("Педагог"), Column("Школа")], rows: c.missing.map { [Components.link($0.name, $0.url), .safe($0.school)] }, empty: .empty))
        )) } ?? .empty,
        groups.isEmpty ? .empty : Components.section("Групповые дефициты, \(year)", .group(
            .p(.class("muted"), .safe("Одна и та же область дефицита у двух и более педагогов школы (или муниципалитета) — основание для корпоративного обучения по групповым дефицитам.")),
            Components.table([Column("Школа"), Column("Область дефицита"), Column("Педагогов", numeric: true), Column("Кто")],
                             rows: groups.map { [.safe($0.place), .safe($0.area), .safe(String($0.teachers)), .safe($0.names)] }, empty: .empty))),
        Components.section("Педагоги и их маршруты, \(year)", Components.table(
            [Column("Педагог"), Column("Школа"), Column("Дефицитов", numeric: true), Column("ИОМ"), Column("Шагов выполнено"), Column("Просрочено", numeric: true)],
            rows: rows.map { r in
                [Components.link(r.name, r.url), .safe(r.school), .safe(r.deficits), .safe(r.state), .safe(r.steps),
                 r.overdue > 0 ? Components.badge(String(r.overdue), .danger) : .safe("0")]
            },
            empty: Components.emptyState("Здесь появятся педагоги, которых вы сопровождаете, когда у них будут дефициты или маршрут."))))
    }

    public struct Deficit: Sendable {
        public var area: String, source: String, score: String, level: String, day: String, closed: String?
        public init(area: String, source: String, score: String, level: String, day: String, closed: String?) {
            self.area = area; self.source = source; self.score = score; self.level = level; self.day = day; self.closed = closed
        }
    }
    public struct Step: Sendable {
        public var id: String, title: String, kind: String, area: String, due: String, status: String, statusKind: Components.BadgeKind
        public var overdue: Bool, evidence: String, reason: String, doneDay: String
        /// The statuses the user may move the step to.
        public var next: [Option]
        /// The bank's material the step uses, and the materials it may be given (empty: no form).
        public var material: Option?, materials: [Option]
        /// Evidence files, and where to upload one (the route's actors).
        public var files: [FileViews.File] = [], uploadURL: String? = nil
        public init(id: String, title: String, kind: String, area: String, due: String, status: String, statusKind: Components.BadgeKind,
                    overdue: Bool, evidence: String, reason: String, doneDay: String, next: [Option], material: Option? = nil, materials: [Option] = []) {
            self.id = id; self.title = title; self.kind = kind; self.area = area; self.due = due; self.status = status; self.statusKind = statusKind
            self.overdue = overdue; self.evidence = evidence; self.reason = reason; self.doneDay = doneDay; self.next = next
            self.material = material; self.materials = materials
        }
    }
    public struct Model: Sendable {
        public var teacherID: String, name: String, school: String, year: Int, years: [Option]
        public var deficits: [Deficit], state: String?, stateKind: Components.BadgeKind, transitions: [Option], agreed: String
        public var steps: [Step], canAddStep: Bool, canRecordDeficit: Bool, canAsk: Bool, supporter: String?, csrf: String, today: String
        public init(teacherID: String, name: String, school: String, year: Int, years: [Option], deficits: [Deficit], state: String?,
                    stateKind: Components.BadgeKind, transitions: [Option], agreed: String, steps: [Step], canAddStep: Bool,
                    canRecordDeficit: Bool, canAsk: Bool, supporter: String?, csrf: String, today: String) {
            self.teacherID = teacherID; self.name = name; self.school = school; self.year = year; self.years = years; self.deficits = deficits
            self.state = state; self.stateKind = stateKind; self.transitions = transitions; self.agreed = agreed; self.steps = steps
            self.canAddStep = canAddStep; self.canRecordDeficit = canRecordDeficit; self.canAsk = canAsk; self.supporter = supporter
            self.csrf = csrf; self.today = today
        }
    }

    public static func show(_ m: Model) -> Node<HTML.BodyContext> {
        let areas = DeficitArea.allCases.map { Option($0.rawValue, $0.title) }
        return .group(
            Form.filters(path: SiteURL.route(m.teacherID).path, .group([Form.select("year", "Год диагностики", options: m.years, selected: String(m.year), errors: [])])),
            Components.section("Профессиональные дефициты", .group(
                .p(.class("muted"), .safe("Дефицит закрывается только более поздней диагностикой, которая его не нашла, — не отметками о шагах маршрута.")),
                Components.table([Column("Область"), Column("Источник"), Column("Балл", numeric: true), Column("Уровень"), Column("Дата"), Column("Состояние")],
                                 rows: m.deficits.map { d in
                                     [.safe(d.area), .safe(d.source), .safe(d.score), .safe(d.level), .safe(d.day),
                                      d.closed.map { Components.badge("закрыт диагностикой \($0)", .success) } ?? Components.badge("открыт", .warning)]
                                 },
                                 empty: Components.emptyState("Диагностика этого года ещё не внесена.")),
                m.canRecordDeficit ? Components.disclosure("Внести результат диагностики", Form.form(action: SiteURL.routeDeficits(m.teacherID).path, csrf: m.csrf, .group(
                    Form.hidden("year", String(m.year)),
                    Form.row(Form.select("area", "Область", options: areas, selected: "", errors: [], required: true),
                             Form.select("source", "Источник", options: DeficitSource.allCases.map { Option($0.rawValue, $0.title) }, selected: "", errors: [], required: true)),
                    Form.row(Form.text("score", "Балл", value: "", errors: []), Form.text("level", "Уровень", value: "", errors: []),
                             Form.text("day", "Дата", value: m.today, errors: [], type: "date")),
                    Form.checkbox("has_deficit", "Дефицит выявлен (снимите отметку, если диагностика его не нашла)", checked: true)
                ), submit: "Внести")) : .empty
            )),
            Components.section("Индивидуальный образовательный маршрут", actions: m.state.map { Components.badge($0, m.stateKind) } ?? .empty, .group(
                m.state == nil ? .p(.safe("Маршрут этого года ещё не составлен" + (m.canAddStep ? ": добавьте первый шаг — маршрут появится как черновик." : "."))) : .empty,
                m.agreed.isEmpty ? .empty : .p(.class("muted"), .safe(m.agreed)),
                m.transitions.isEmpty ? .empty : .div(.class("button-row"), .group(m.transitions.map { t in
                    Markup.el("form", .class("inline-form"), .attr("method", "post"), .attr("action", SiteURL.routeState(m.teacherID).path),
                              Markup.hidden("_csrf", m.csrf), Markup.hidden("year", String(m.year)), Markup.hidden("to", t.value),
                              Markup.el("button", .attr("type", "submit"), .class("button"), .safe(t.title)))
                })),
                m.steps.isEmpty ? .empty : Markup.el("ul", [.class("step-list")] + m.steps.map { s in step(s, m) }),
                m.canAddStep ? Components.disclosure("Добавить шаг", open: m.steps.isEmpty, Form.form(action: SiteURL.routeSteps(m.teacherID).path, csrf: m.csrf, .group(
                    Form.hidden("year", String(m.year)),
                    Form.text("title", "Шаг", value: "", errors: [], required: true, hint: "Например: курсы ИРО «Формирующее оценивание»"),
                    Form.row(Form.select("kind", "Вид", options: RouteStepKind.allCases.map { Option($0.rawValue, $0.title) }, selected: "", errors: [], required: true),
                             Form.select("deficit_area", "Какой дефицит закрывает", options: areas, selected: "", errors: [], includeBlank: "— не связан —")),
                    Form.text("due", "Срок", value: "", errors: [], type: "date")
                ), submit: "Добавить шаг")) : .empty
            )),
            m.canAsk ? Components.section("Вопрос " + (m.supporter.map { "— \($0)" } ?? "тьютору"), Form.form(action: SiteURL.routeAsk(m.teacherID).path, csrf: m.csrf, .group(
                Form.textarea("text", "Что вы хотите спросить", value: "", errors: [], required: true, rows: 3)
            ), submit: "Отправить вопрос")) : .empty
        )
    }

    static func step(_ s: Step, _ m: Model) -> Node<HTML.BodyContext> {
        let facts = [s.kind, s.area.isEmpty ? nil : "дефицит: " + s.area, s.due.isEmpty ? nil : "срок " + s.due,
                     s.doneDay.isEmpty ? nil : "выполнен " + s.doneDay].compactMap { $0 }.joined(separator: " · ")
        let overdue: Node<HTML.BodyContext> = s.overdue ? .group(.safe(" "), Components.badge("просрочен", .danger)) : .empty
        let head: Node<HTML.BodyContext> = .div(.class("step-head"), .strong(.safe(s.title)), .safe(" "), Components.badge(s.status, s.statusKind), overdue)
        let evidence: Node<HTML.BodyContext> = s.evidence.isEmpty ? .empty : .p(.safe("Подтверждение: " + s.evidence))
        let reason: Node<HTML.BodyContext> = s.reason.isEmpty ? .empty : .p(.safe("Причина отмены: " + s.reason))
        let fields: Node<HTML.BodyContext> = .group(
            Form.select("status", "Новый статус", options: s.next, selected: s.next.first?.value ?? "", errors: [], required: true),
            Form.text("done_day", "Дата выполнения", value: m.today, errors: [], type: "date"),
            Form.text("evidence", "Подтверждение (сертификат, ссылка)", value: s.evidence, errors: []),
            Form.text("reason", "Причина (для отмены)", value: "", errors: []))
        let change: Node<HTML.BodyContext> = s.next.isEmpty ? .empty
            : Components.disclosure("Изменить статус", Form.form(action: SiteURL.routeStep(s.id).path, csrf: m.csrf, fields, submit: "Сохранить"))
        let material = MaterialsViews.stepMaterial(stepID: s.id, attached: s.material, options: s.materials, csrf: m.csrf)
        let files = FileViews.files(s.files, uploadURL: s.uploadURL, csrf: m.csrf)
        return Markup.el("li", .class(s.overdue ? "step overdue" : "step"), head, .p(.class("muted"), .safe(facts)), evidence, reason, material, files, change)
    }
}
