import Plot
import Domain

/// The kind of an item of the bank of methodological materials: the products of the tutor
/// community (seed 000: «кейс-материалы, модульные образовательные программы тьюториалов и др.»)
/// and the electronic methodological publications for teachers of supported schools (seed 001).
public enum MaterialKind: String, TitledTerm {
    case caseMaterial = "case"
    case tutorProgramme = "tutor_programme"
    case methodicalDevelopment = "methodical_development"
    case electronicPublication = "electronic_publication"
    case lessonVideo = "lesson_video"
    case presentation
    case other

    public var title: String {
        switch self {
        case .caseMaterial: "Кейс"
        case .tutorProgramme: "Модульная тьюторская программа"
        case .methodicalDevelopment: "Методическая разработка"
        case .electronicPublication: "Электронное методическое издание"
        case .lessonVideo: "Видеозапись урока"
        case .presentation: "Презентация"
        case .other: "Другое"
        }
    }

    public var aliases: [String] {
        switch self {
        case .caseMaterial: ["кейс-материал", "кейс-материалы", "кейсы"]
        case .tutorProgramme: ["модульная образовательная программа тьюториала", "программа тьюториала", "тьюториал"]
        case .methodicalDevelopment: ["методическая разработка урока", "разработка"]
        case .electronicPublication: ["электронное издание", "электронные методические издания"]
        case .lessonVideo: ["видеоурок", "видео урока"]
        case .presentation: []
        case .other: []
        }
    }
}

/// «Банк методических материалов»: the search with its filters, the list, the form to add one;
/// a material's page; the piece of a route step that shows (and changes) its material.
public enum MaterialsViews {
    public struct Row: Sendable {
        public var url: String, title: String, kind: String, subject: String, area: String, author: String, link: String, municipality: String
        public init(url: String, title: String, kind: String, subject: String, area: String, author: String, link: String, municipality: String) {
            self.url = url; self.title = title; self.kind = kind; self.subject = subject; self.area = area; self.author = author
            self.link = link; self.municipality = municipality
        }
    }

    /// The add form: the entered values and errors after a refusal, the municipalities the user may add to.
    /// Its kind and subject are `material_kind` and `material_subject`: `kind` and `subject` are the
    /// filters' (one page, one id per field).
    public struct AddForm: Sendable {
        public var values: [String: String], errors: [FieldError], csrf: String
        /// More than one: a select; one: a hidden field.
        public var municipalities: [Option], municipality: String
        public init(values: [String: String], errors: [FieldError], csrf: String, municipalities: [Option], municipality: String) {
            self.values = values; self.errors = errors; self.csrf = csrf; self.municipalities = municipalities; self.municipality = municipality
        }
        func v(_ k: String) -> String { values[k] ?? "" }
    }

    public struct IndexModel: Sendable {
        /// The filters as they are in the URL.
        public var q: String, kind: String, area: String, subject: String
        public var subjects: [String], rows: [Row], total: Int, showMunicipality: Bool
        /// nil: the user may not add materials.
        public var form: AddForm?
        public init(q: String, kind: String, area: String, subject: String, subjects: [String], rows: [Row], total: Int,
                    showMunicipality: Bool, form: AddForm?) {
            self.q = q; self.kind = kind; self.area = area; self.subject = subject; self.subjects = subjects; self.rows = rows
            self.total = total; self.showMunicipality = showMunicipality; self.form = form
        }
        var filtered: Bool { !(q.isEmpty && kind.isEmpty && area.isEmpty && subject.isEmpty) }
    }

    static var kinds: [Option] { MaterialKind.allCases.map { Option($0.rawValue, $0.title) } }
    static var areas: [Option] { DeficitArea.allCases.map { Option($0.rawValue, $0.title) } }

    /// The host of a link, as a short text for tables («disk.yandex.ru»).
    static func host(_ url: String) -> String {
        guard let r = url.range(of: "://") else { return url }
        let rest = url[r.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return host.isEmpty ? url : String(host)
    }

    /// An outside link: opens in a new tab, sends no referrer.
    static func outside(_ title: String, _ url: String) -> Node<HTML.BodyContext> {
        Markup.el("a", .attr("href", url), .attr("target", "_blank"), .attr("rel", "noopener noreferrer"), .safe(title))
    }

    public static func index(_ m: IndexModel) -> Node<HTML.BodyContext> {
        var columns = [Column("Название"), Column("Вид"), Column("Предмет"), Column("Область дефицита"), Column("Автор"), Column("Ссылка")]
        if m.showMunicipality { columns.append(Column("Муниципалитет")) }
        let rows = m.rows.map { r -> [Node<HTML.BodyContext>] in
            var cells: [Node<HTML.BodyContext>] = [Components.link(r.title, r.url), .safe(r.kind), .safe(r.subject), .safe(r.area), .safe(r.author),
                                                   r.link.isEmpty ? .empty : outside(host(r.link), r.link)]
            if m.showMunicipality { cells.append(.safe(r.municipality)) }
            return cells
        }
        let empty = m.filtered
            ? Components.emptyState("Ничего не найдено. Измените запрос или сбросьте фильтры.")
            : Components.emptyState("В банке пока нет материалов." + (m.form == nil ? "" : " Добавьте первый: кейс, программу тьюториала, методическую разработку, электронное издание."))
        return .group(
            Form.filters(path: SiteURL.materials().path, .group([
                Form.text("q", "Поиск", value: m.q, errors: [], type: "search", hint: "Слова из названия, предмета, автора или описания"),
                Form.select("kind", "Вид", options: kinds, selected: m.kind, errors: [], includeBlank: "— все виды —"),
                Form.select("area", "Область дефицита", options: areas, selected: m.area, errors: [], includeBlank: "— все области —"),
                m.subjects.isEmpty ? .empty
                    : Form.select("subject", "Предмет", options: m.subjects.map { Option($0, $0) }, selected: m.subject, errors: [], includeBlank: "— все предметы —"),
            ])),
            Components.section("Банк методических материалов", .group(
                .p(.class("muted"), .safe("Кейсы, модульные тьюторские программы, методические разработки и электронные издания в помощь педагогам ШНОР и ШССУ. Всего в банке: \(RuFormat.integer(m.total))."
                                       + (m.filtered ? " Найдено по запросу: \(RuFormat.integer(m.rows.count))." : ""))),
                Components.table(columns, rows: rows, empty: empty),
                m.form.map(addForm) ?? .empty
            ))
        )
    }

    static func addForm(_ f: AddForm) -> Node<HTML.BodyContext> {
        Components.disclosure("Добавить материал", open: !f.errors.isEmpty,
            Form.form(action: SiteURL.materials().path, csrf: f.csrf, errors: f.errors, .group(
                f.municipalities.count > 1
                    ? Form.select("municipality", "Муниципалитет", options: f.municipalities, selected: f.municipality, errors: f.errors, required: true)
                    : Form.hidden("municipality", f.municipality),
                Form.text("title", "Название", value: f.v("title"), errors: f.errors, required: true,
                          hint: "Например: кейс «Формирующее оценивание на уроке математики»"),
                Form.row(
                    Form.select("material_kind", "Вид", options: kinds, selected: f.v("material_kind"), errors: f.errors, required: true, includeBlank: "— выберите —"),
                    Form.select("deficit_area", "Область дефицита", options: areas, selected: f.v("deficit_area"), errors: f.errors, includeBlank: "— не связан —")
                ),
                Form.row(
                    Form.text("material_subject", "Предмет", value: f.v("material_subject"), errors: f.errors, hint: "Пусто — для всех предметов"),
                    Form.text("author", "Автор", value: f.v("author"), errors: f.errors)
                ),
                Form.text("link", "Ссылка на файл или страницу", value: f.v("link"), errors: f.errors, type: "url",
                          hint: "Адрес, начинающийся с http:// или https:// (файл на диске или сайте центра, видео, издание). Можно не указывать, если есть описание."),
                Form.textarea("description", "Описание", value: f.v("description"), errors: f.errors, rows: 3),
                Form.checkbox("public", "Можно показать на публичной странице", checked: ["1", "on", "true"].contains(f.v("public")))
            ), submit: "Добавить"))
    }

    public struct Detail: Sendable {
        public var title: String, kind: String, subject: String, area: String, author: String, link: String, description: String
        public var isPublic: Bool, municipality: String, createdBy: String, createdAt: String
        public var files: [FileViews.File] = [], uploadURL: String? = nil, csrf = ""
        public init(title: String, kind: String, subject: String, area: String, author: String, link: String, description: String,
                    isPublic: Bool, municipality: String, createdBy: String, createdAt: String) {
            self.title = title; self.kind = kind; self.subject = subject; self.area = area; self.author = author; self.link = link
            self.description = description; self.isPublic = isPublic; self.municipality = municipality; self.createdBy = createdBy
            self.createdAt = createdAt
        }
    }

    public static func show(_ d: Detail) -> Node<HTML.BodyContext> {
        let text: (String) -> Node<HTML.BodyContext> = { $0.isEmpty ? .empty : .safe($0) }
        return .group(
            Components.section("Материал", Components.details([
                ("Вид", text(d.kind)),
                ("Предмет", text(d.subject)),
                ("Область дефицита", text(d.area)),
                ("Автор", text(d.author)),
                ("Ссылка", d.link.isEmpty ? .empty : outside(d.link, d.link)),
                ("Муниципалитет", text(d.municipality)),
                ("Публичная страница", d.isPublic ? Components.badge("можно показать", .success) : Components.badge("только для участников", .neutral)),
                ("Добавлен", text([d.createdAt, d.createdBy].filter { !$0.isEmpty }.joined(separator: ", "))),
            ])),
            d.description.isEmpty ? .empty : Components.section("Описание", .group(
                d.description.split(separator: "\n", omittingEmptySubsequences: true).map { .p(.safe(String($0))) }
            )),
            d.files.isEmpty && d.uploadURL == nil ? .empty : Components.section("Файлы", FileViews.files(d.files, uploadURL: d.uploadURL, csrf: d.csrf)),
            .p(Components.link("← Ко всем материалам", SiteURL.materials().path))
        )
    }

    /// On a route step: its material (a link to the material's page), and for those who may change
    /// the route a form to attach one of the materials of the teacher's municipality or to detach it.
    /// `attached`: the material's id and title; `options`: empty when the user may not change the step.
    public static func stepMaterial(stepID: String, attached: Option?, options: [Option], csrf: String) -> Node<HTML.BodyContext> {
        let shown: Node<HTML.BodyContext> = attached.map { a in
            .p(.safe("Материал: "), Components.link(a.title, SiteURL.material(a.value).path))
        } ?? .empty
        guard !options.isEmpty else { return shown }
        let form = Form.form(action: SiteURL.routeStepMaterial(stepID).path, csrf: csrf, .group(
            Form.select("material_id", "Материал из банка", options: options, selected: attached?.value ?? "", errors: [], includeBlank: "— без материала —")
        ), submit: attached == nil ? "Прикрепить" : "Сохранить")
        return .group(shown, Components.disclosure(attached == nil ? "Прикрепить материал" : "Сменить материал", form))
    }
}
