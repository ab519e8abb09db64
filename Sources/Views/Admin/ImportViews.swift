import Plot
import Domain

public enum ImportsIndex {
    public struct Job: Sendable {
        public var id: String, when: String, kind: String, file: String, user: String, status: String, statusKind: Components.BadgeKind, summary: String
        public init(id: String, when: String, kind: String, file: String, user: String, status: String, statusKind: Components.BadgeKind, summary: String) {
            self.id = id; self.when = when; self.kind = kind; self.file = file; self.user = user; self.status = status
            self.statusKind = statusKind; self.summary = summary
        }
    }
    public static let kinds = [Option("schools", "Школы"), Option("staff", "Кадры (педагоги, команды, наставники, тьюторы)")]

    public static func body(municipalities: [Option], selected: String, jobs: [Job], errors: [FieldError], csrf: String) -> Node<HTML.BodyContext> {
        .group(
            Components.section("Загрузить файл", .group(
                .p(.class("muted"), .safe("CSV (UTF-8 или Windows-1251, разделитель «;» или «,») или XLSX. Файл загружается целиком или не загружается совсем: при любой ошибке ничего не записывается, а вы получите список ошибок со строкой и столбцом. Повторная загрузка того же файла обновляет записи, а не дублирует их.")),
                Form.form(action: SiteURL.adminImports.path, csrf: csrf, errors: errors, multipart: true, .group(
                    Form.row(
                        Form.select("kind", "Что загружаем", options: kinds, selected: "schools", errors: errors, required: true),
                        Form.select("municipality_id", "Муниципалитет", options: municipalities, selected: selected, errors: errors, required: true)
                    ),
                    Form.file("file", "Файл", accept: ".csv,.xlsx,text/csv", errors: errors, hint: "До 25 МБ")
                ), submit: "Загрузить"),
                .p(.strong(.safe("Шаблоны: ")),
                   Components.link("школы (XLSX)", SiteURL.adminImportTemplate("schools.xlsx").path), .safe(" · "),
                   Components.link("школы (CSV)", SiteURL.adminImportTemplate("schools.csv").path), .safe(" · "),
                   Components.link("кадры (XLSX)", SiteURL.adminImportTemplate("staff.xlsx").path), .safe(" · "),
                   Components.link("кадры (CSV)", SiteURL.adminImportTemplate("staff.csv").path))
            )),
            Components.section("Последние загрузки", Components.table(
                [Column("Когда"), Column("Что"), Column("Файл"), Column("Кто"), Column("Состояние"), Column("Итог")],
                rows: jobs.map { j in [.safe(j.when), .safe(j.kind), Components.link(j.file, SiteURL.adminImport(j.id).path), .safe(j.user),
                                       Components.badge(j.status, j.statusKind), .safe(j.summary)] },
                empty: Components.emptyState("Загрузок ещё не было.")))
        )
    }
}

public enum ImportJobView {
    public struct Model: Sendable {
        public var file: String, kind: String, status: String, statusKind: Components.BadgeKind, running: Bool
        public var processed: Int, total: Int, summary: String, errors: [(row: String, column: String, message: String)]
        public init(file: String, kind: String, status: String, statusKind: Components.BadgeKind, running: Bool, processed: Int, total: Int,
                    summary: String, errors: [(row: String, column: String, message: String)]) {
            self.file = file; self.kind = kind; self.status = status; self.statusKind = statusKind; self.running = running
            self.processed = processed; self.total = total; self.summary = summary; self.errors = errors
        }
    }

    public static func body(_ m: Model) -> Node<HTML.BodyContext> {
        let percent = m.total > 0 ? min(100, m.processed * 100 / m.total) : (m.running ? 0 : 100)
        return .group(
            Components.section("Файл «\(m.file)»", .group(
                Components.details([("Что загружаем", .safe(m.kind)), ("Состояние", Components.badge(m.status, m.statusKind)), ("Итог", .safe(m.summary))]),
                m.running ? .group(
                    .element(named: "progress", nodes: [.attribute(named: "max", value: "100"), .attribute(named: "value", value: "\(percent)"), .safe("\(percent) %")]),
                    .p(.class("muted"), .safe("Обработано строк: \(m.processed) из \(m.total). Страница обновляется сама; её можно закрыть и вернуться позже.")))
                    : .empty
            )),
            m.errors.isEmpty ? .empty : Components.section("Ошибки в файле — ничего не записано", .group(
                .p(.safe("Исправьте все ошибки в файле и загрузите его снова.")),
                Components.table([Column("Строка", numeric: true), Column("Столбец"), Column("Что не так")],
                                 rows: m.errors.map { [.safe($0.row), .safe($0.column), .safe($0.message)] }, count: m.errors.count, empty: .empty)))
        )
    }

    public struct Unknown: Sendable {
        public var index: Int, label: String, rows: String
        public init(index: Int, label: String, rows: String) { self.index = index; self.label = label; self.rows = rows }
    }

    public static func matching(_ unknown: [Unknown], schools: [Option], action: String, csrf: String) -> Node<HTML.BodyContext> {
        Components.section("Сопоставьте школы — один раз", .group(
            .p(.safe("В файле есть школы, которые система не узнала ни по логину ФИС ОКО, ни по Коду ОО. Выберите для каждой школу из реестра (сопоставление запомнится для следующих файлов) или «не наша школа» — тогда её строки будут пропущены. По названию система не угадывает.")),
            Form.form(action: action, csrf: csrf, .group(unknown.map { u in
                Form.select("match_\(u.index)", "\(u.label) — строки \(u.rows)", options: [Option("skip", "не наша школа — пропустить")] + schools,
                            selected: "", errors: [], required: true, includeBlank: "— выберите —")
            }), submit: "Сохранить сопоставление и загрузить")
        ))
    }

    /// The matching form of a job whose file names schools the registry does not know.
    public struct Matching: Sendable {
        public var unknown: [Unknown], schools: [Option], action: String, csrf: String
        public init(unknown: [Unknown], schools: [Option], action: String, csrf: String) {
            self.unknown = unknown; self.schools = schools; self.action = action; self.csrf = csrf
        }
    }

    /// One import's page, whatever its kind: the job, the file's notes, the matching form while
    /// schools are unknown, and the way on (label, link) once it is written.
    public static func page(_ job: Model, notes: [String], matching: Matching?, next: (label: String, url: String)?) -> Node<HTML.BodyContext> {
        .group(
            body(job),
            notes.isEmpty ? .empty : Components.section("Примечания к файлу", .ul(.forEach(notes) { .li(.safe($0)) })),
            matching.map { self.matching($0.unknown, schools: $0.schools, action: $0.action, csrf: $0.csrf) } ?? .empty,
            next.map { .p(Components.buttonLink($0.label, $0.url, primary: true)) } ?? .empty
        )
    }
}

public enum MunicipalityViews {
    public struct Row: Sendable {
        public var id: String, name: String, code: String, region: String, period: String, schools: Int
        public init(id: String, name: String, code: String, region: String, period: String, schools: Int) {
            self.id = id; self.name = name; self.code = code; self.region = region; self.period = period; self.schools = schools
        }
    }
    public static func index(_ rows: [Row]) -> Node<HTML.BodyContext> {
        Components.table([Column("Муниципалитет"), Column("Код"), Column("Регион"), Column("Период планирования"), Column("Школ", numeric: true)],
                         rows: rows.map { [Components.link($0.name, SiteURL.adminMunicipality($0.id).path), .safe($0.code), .safe($0.region), .safe($0.period), .safe("\($0.schools)")] },
                         count: rows.count, empty: Components.emptyState("Муниципалитетов нет. Создайте их командой opora municipality create."))
    }

    public struct Model: Sendable {
        public var id: String, values: [String: String], labels: [(year: String, low: String, difficult: String)], errors: [FieldError], csrf: String
        public init(id: String, values: [String: String], labels: [(year: String, low: String, difficult: String)], errors: [FieldError], csrf: String) {
            self.id = id; self.values = values; self.labels = labels; self.errors = errors; self.csrf = csrf
        }
    }
    public static func edit(_ m: Model) -> Node<HTML.BodyContext> {
        let v = { (k: String) in m.values[k] ?? "" }
        return .group(
            Components.section("Настройки", Form.form(action: SiteURL.adminMunicipality(m.id).path, csrf: m.csrf, errors: m.errors, .group(
                Form.text("name", "Наименование", value: v("name"), errors: m.errors, required: true),
                Form.row(
                    Form.text("fis_oko_code", "Код в ФИС ОКО", value: v("fis_oko_code"), errors: m.errors, hint: "Например reg23_m012"),
                    Form.select("planning_period", "Период планирования", options: PlanningPeriod.allCases.map { Option($0.rawValue, $0.title) },
                                selected: v("planning_period"), errors: m.errors, required: true, hint: "Армавир планирует по календарному году, другие — по учебному")
                ),
                Form.row(
                    Form.text("center_name", "Методический центр", value: v("center_name"), errors: m.errors),
                    Form.text("time_zone", "Часовой пояс", value: v("time_zone"), errors: m.errors, hint: "По умолчанию Europe/Moscow")
                )
            ))),
            Components.section("Названия статусов по годам", .group(
                .p(.class("muted"), .safe("С какого года действует название: например, с 2024 года вместо «ШНОР» — «школы с рисками низких образовательных результатов».")),
                Components.table([Column("С года"), Column("Низкие результаты"), Column("Сложные условия")],
                                 rows: m.labels.map { [.safe($0.year), .safe($0.low), .safe($0.difficult)] },
                                 empty: Components.emptyState("Используются названия по умолчанию: ШНОР и ШССУ.")),
                Form.form(action: SiteURL.adminMunicipalityLabels(m.id).path, csrf: m.csrf, Form.row(
                    Form.text("from_year", "С года", value: "", errors: [], required: true),
                    Form.text("low_results", "Название: низкие результаты", value: "ШНОР", errors: [], required: true),
                    Form.text("difficult", "Название: сложные условия", value: "ШССУ", errors: [], required: true)
                ), submit: "Добавить название")
            ))
        )
    }
}
