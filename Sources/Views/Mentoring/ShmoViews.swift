import Plot
import Domain

/// «ШМО»: school methodological associations and the August monitoring of their activity —
/// the results table of the center, a school's list with its form to add a ШМО, and one
/// ШМО's page with the school's form and the center's decision.
public enum ShmoViews {
    /// One ШМО in the results table of the review year.
    public struct Row: Sendable {
        public var url: String, school: String, name: String, head: String, members: Int
        public var status: String, statusKind: Components.BadgeKind, late: Bool
        public var hasPlan: String, meetings: String, openLessons: String
        public init(url: String, school: String, name: String, head: String, members: Int, status: String, statusKind: Components.BadgeKind,
                    late: Bool, hasPlan: String, meetings: String, openLessons: String) {
            self.url = url; self.school = school; self.name = name; self.head = head; self.members = members
            self.status = status; self.statusKind = statusKind; self.late = late
            self.hasPlan = hasPlan; self.meetings = meetings; self.openLessons = openLessons
        }
    }

    /// The form that adds a ШМО to one school: name, head and members from the school's people.
    public struct CreateForm: Sendable {
        public var schoolID: String, schoolName: String, people: [Option], values: [String: String], checked: Set<String>, errors: [FieldError]
        public init(schoolID: String, schoolName: String, people: [Option], values: [String: String], checked: Set<String>, errors: [FieldError]) {
            self.schoolID = schoolID; self.schoolName = schoolName; self.people = people; self.values = values; self.checked = checked; self.errors = errors
        }
    }

    public struct IndexModel: Sendable {
        public var year: Int, period: String, yearNote: String
        public var rows: [Row], filled: Int, reviewed: Int
        /// The school filter: options (empty when the user reads one school only) and the chosen one.
        public var schools: [Option], schoolID: String
        public var empty: String
        public var create: CreateForm?
        /// Why there is no form to add a ШМО, when the user could add one (the center without a school chosen).
        public var createHint: String?
        public var csrf: String
        public init(year: Int, period: String, yearNote: String, rows: [Row], filled: Int, reviewed: Int, schools: [Option], schoolID: String,
                    empty: String, create: CreateForm?, createHint: String?, csrf: String) {
            self.year = year; self.period = period; self.yearNote = yearNote; self.rows = rows; self.filled = filled; self.reviewed = reviewed
            self.schools = schools; self.schoolID = schoolID; self.empty = empty; self.create = create; self.createHint = createHint; self.csrf = csrf
        }
    }

    public static func index(_ m: IndexModel) -> Node<HTML.BodyContext> {
        let oneSchool = m.schools.count <= 1
        var columns = [Column("ШМО"), Column("Руководитель"), Column("Участников", numeric: true), Column("Форма мониторинга"),
                       Column("План работы"), Column("Заседаний", numeric: true), Column("Открытых уроков", numeric: true)]
        if !oneSchool { columns.insert(Column("Школа"), at: 0) }
        let rows = m.rows.map { r -> [Node<HTML.BodyContext>] in
            var cells: [Node<HTML.BodyContext>] = [
                Components.link(r.name, r.url), .safe(r.head), .safe(RuFormat.integer(r.members)),
                .group(Components.badge(r.status, r.statusKind), r.late ? .group(.safe(" "), Components.badge("срок 15.08 прошёл", .warning)) : .empty),
                .safe(r.hasPlan), .safe(r.meetings), .safe(r.openLessons),
            ]
            if !oneSchool { cells.insert(.safe(r.school), at: 0) }
            return cells
        }
        return .group(
            oneSchool ? .empty : Form.filters(path: SiteURL.shmo().path, .group([
                Form.select("school", "Школа", options: m.schools, selected: m.schoolID, errors: [], includeBlank: "— все школы —"),
            ])),
            Components.section("Мониторинг деятельности ШМО, \(m.year)", .group(
                .p(.safe("Период мониторинга: \(m.period). ")
                   , .span(.class("muted"), .safe(m.yearNote))),
                m.rows.isEmpty ? .empty : .p(.strong(.safe("Формы мониторинга: заполнено \(m.filled) из \(m.rows.count)")),
                                             .safe(", рассмотрено центром — \(m.reviewed).")),
                Components.table(columns, rows: rows, empty: Components.emptyState(m.empty))
            )),
            m.create.map { createForm($0, csrf: m.csrf, open: m.rows.isEmpty) } ?? m.createHint.map { Components.section("Добавить ШМО", .p(.class("muted"), .safe($0))) } ?? .empty
        )
    }

    static func createForm(_ c: CreateForm, csrf: String, open: Bool) -> Node<HTML.BodyContext> {
        guard !c.people.isEmpty else {
            return Components.section("Добавить ШМО: \(c.schoolName)",
                                      Components.emptyState("В реестре нет сотрудников школы — сначала внесите педагогов в разделе «Люди», затем соберите из них ШМО."))
        }
        return Components.section("Добавить ШМО: \(c.schoolName)", Components.disclosure("Новое школьное методическое объединение", open: open || !c.errors.isEmpty,
            Form.form(action: SiteURL.shmo().path, csrf: csrf, errors: c.errors, .group(
                Form.hidden("school_id", c.schoolID),
                Form.text("name", "Название", value: c.values["name"] ?? "", errors: c.errors, required: true,
                          hint: "Например: ШМО учителей начальных классов"),
                Form.select("head_id", "Руководитель", options: c.people, selected: c.values["head_id"] ?? "", errors: c.errors,
                            required: true, includeBlank: "— выберите —", hint: "Руководитель входит в состав ШМО."),
                Form.checkboxes("members", "Участники", options: c.people, checked: c.checked, errors: c.errors)
            ), submit: "Добавить ШМО")))
    }

    // MARK: one ШМО

    public struct ShowModel: Sendable {
        public var name: String, school: String, schoolURL: String?, head: String, members: [String]
        public var year: Int, period: String
        /// The review of the year: its status (nil — the school has not started the form).
        public var status: String?, statusKind: Components.BadgeKind, late: Bool, note: String, updated: String
        public var hasPlan: Bool, meetings: String, openLessons: String, topics: String, deficits: String
        public var reviewURL: String, decisionURL: String
        public var canFill: Bool, canDecide: Bool
        /// What the user sees instead of the form when they may not change it now.
        public var waiting: String?
        public var errors: [FieldError], csrf: String
        public init(name: String, school: String, schoolURL: String?, head: String, members: [String], year: Int, period: String,
                    status: String?, statusKind: Components.BadgeKind, late: Bool, note: String, updated: String,
                    hasPlan: Bool, meetings: String, openLessons: String, topics: String, deficits: String,
                    reviewURL: String, decisionURL: String, canFill: Bool, canDecide: Bool, waiting: String?, errors: [FieldError], csrf: String) {
            self.name = name; self.school = school; self.schoolURL = schoolURL; self.head = head; self.members = members
            self.year = year; self.period = period; self.status = status; self.statusKind = statusKind; self.late = late
            self.note = note; self.updated = updated; self.hasPlan = hasPlan; self.meetings = meetings; self.openLessons = openLessons
            self.topics = topics; self.deficits = deficits; self.reviewURL = reviewURL; self.decisionURL = decisionURL
            self.canFill = canFill; self.canDecide = canDecide; self.waiting = waiting; self.errors = errors; self.csrf = csrf
        }
    }

    public static func show(_ m: ShowModel) -> Node<HTML.BodyContext> {
        let members: Node<HTML.BodyContext> = m.members.isEmpty ? .empty : Markup.el("ol", m.members.map { Markup.el("li", .safe($0)) })
        let badge: Node<HTML.BodyContext> = .group(Components.badge(m.status ?? "форма не начата", m.statusKind),
                                                   m.late ? .group(.safe(" "), Components.badge("срок 15.08 прошёл", .warning)) : .empty)
        return .group(
            Components.section("Состав ШМО", Components.details([
                ("Школа", m.schoolURL.map { Components.link(m.school, $0) } ?? .safe(m.school)),
                ("Руководитель", .safe(m.head)),
                ("Участников", .safe(RuFormat.integer(m.members.count))),
                ("Участники", members),
            ])),
            Components.section("Мониторинг деятельности, \(m.year)", actions: badge, .group(
                .p(.class("muted"), .safe("Период мониторинга: \(m.period). Форму заполняет школа и отправляет в центр; центр рассматривает её или возвращает с замечанием.")),
                m.note.isEmpty ? .empty : .div(.class("flash flash-warning"), .attr("role", "note"), .p(.strong(.safe("Замечание центра: ")), .safe(m.note))),
                m.canFill ? reviewForm(m) : readOnly(m),
                m.waiting.map { .p(.class("muted"), .safe($0)) } ?? .empty
            )),
            m.canDecide ? decisionForm(m) : .empty
        )
    }

    static func reviewForm(_ m: ShowModel) -> Node<HTML.BodyContext> {
        let fields: Node<HTML.BodyContext> = .group(
            Form.checkbox("has_plan", "Есть план работы ШМО на год", checked: m.hasPlan),
            Form.row(
                Form.text("meetings", "Заседаний проведено", value: m.meetings, errors: m.errors, required: true, type: "number", hint: "Целое число от 0"),
                Form.text("open_lessons", "Открытых уроков проведено", value: m.openLessons, errors: m.errors, required: true, type: "number", hint: "Целое число от 0")),
            Form.textarea("topics", "Темы заседаний", value: m.topics, errors: m.errors, rows: 3),
            Form.textarea("deficits_addressed", "Какие профессиональные дефициты педагогов прорабатывались", value: m.deficits, errors: m.errors, rows: 3)
        )
        return Markup.el(
            "form", .class("form"), .attr("method", "post"), .attr("action", m.reviewURL), .flag("novalidate"),
            Markup.hidden(Form.csrfFieldName, m.csrf),
            Form.errorSummary(m.errors),
            fields,
            .div(.class("form-actions"),
                 Markup.el("button", .attr("type", "submit"), .attr("name", "action"), .attr("value", "save"), .class("button"), .safe("Сохранить")),
                 Markup.el("button", .attr("type", "submit"), .attr("name", "action"), .attr("value", "submit"), .class("button button-primary"),
                           .safe("Отправить в центр")))
        )
    }

    static func readOnly(_ m: ShowModel) -> Node<HTML.BodyContext> {
        guard m.status != nil else { return Components.emptyState("Школа ещё не начала заполнять форму мониторинга этого года.") }
        return Components.details([
            ("План работы", .safe(m.hasPlan ? "есть" : "нет")),
            ("Заседаний", .safe(m.meetings)),
            ("Открытых уроков", .safe(m.openLessons)),
            ("Темы заседаний", .safe(m.topics)),
            ("Дефициты, которые прорабатывались", .safe(m.deficits)),
            ("Изменено", .safe(m.updated)),
        ])
    }

    static func decisionForm(_ m: ShowModel) -> Node<HTML.BodyContext> {
        Components.section("Решение центра", Markup.el(
            "form", .class("form"), .attr("method", "post"), .attr("action", m.decisionURL), .flag("novalidate"),
            Markup.hidden(Form.csrfFieldName, m.csrf),
            Form.textarea("note", "Замечание для школы", value: "", errors: [], hint: "Обязательно, если форма возвращается школе.", rows: 3),
            .div(.class("form-actions"),
                 Markup.el("button", .attr("type", "submit"), .attr("name", "decision"), .attr("value", "reviewed"), .class("button button-primary"),
                           .safe("Рассмотрено")),
                 Markup.el("button", .attr("type", "submit"), .attr("name", "decision"), .attr("value", "return"), .class("button"),
                           .safe("Вернуть школе")))
        ))
    }
}
