import Plot
import Domain

/// «Сопровождение → Загрузка»: the upload form of assignments, interactions, deficits and
/// route steps, the templates of each, and the recent jobs of the area.
public enum SupportImportViews {
    public struct Template: Sendable {
        public var title: String, xlsx: String, csv: String
        public init(title: String, xlsx: String, csv: String) { self.title = title; self.xlsx = xlsx; self.csv = csv }
    }

    public struct Model: Sendable {
        public var kinds: [Option], kind: String
        /// More than one: the form asks where the file goes; one: it goes there.
        public var municipalities: [Option], municipalityID: String
        public var templates: [Template], jobs: [ImportsIndex.Job], errors: [FieldError], csrf: String
        public init(kinds: [Option], kind: String, municipalities: [Option], municipalityID: String, templates: [Template],
                    jobs: [ImportsIndex.Job], errors: [FieldError], csrf: String) {
            self.kinds = kinds; self.kind = kind; self.municipalities = municipalities; self.municipalityID = municipalityID
            self.templates = templates; self.jobs = jobs; self.errors = errors; self.csrf = csrf
        }
    }

    public static func body(_ m: Model) -> Node<HTML.BodyContext> {
        .group(
            Components.section("Загрузить файл", .group(
                .p(.class("muted"), .safe("Закрепления наставников, кураторов и тьюторов, журнал взаимодействий, дефициты по итогам диагностики и шаги ИОМ — таблицей CSV (UTF-8 или Windows-1251, разделитель «;» или «,») или XLSX по шаблону. Педагогов, наставников и школы называют их кодами из реестра; коды сотрудников и школ другого муниципалитета не принимаются.")),
                .p(.class("muted"), .safe("Файл загружается целиком или не загружается совсем: при любой ошибке ничего не записывается, а вы получите список ошибок со строкой и столбцом. Повторная загрузка того же файла обновляет записи, а не дублирует их. Закрепление сверх нормы нагрузки загружается и отмечается в итогах загрузки.")),
                Form.form(action: SiteURL.supportImports.path, csrf: m.csrf, errors: m.errors, multipart: true, .group(
                    Form.row(
                        Form.select("kind", "Что загружаем", options: m.kinds, selected: m.kind, errors: m.errors, required: true),
                        m.municipalities.count > 1
                            ? Form.select("municipality_id", "Муниципалитет", options: m.municipalities, selected: m.municipalityID, errors: m.errors, required: true)
                            : Form.hidden("municipality_id", m.municipalityID)
                    ),
                    Form.file("file", "Файл", accept: ".csv,.xlsx,.xls,text/csv", errors: m.errors, hint: "CSV или XLSX, до 25 МБ; старый .xls сохраните как .xlsx")
                ), submit: "Загрузить"),
                .p(.strong(.safe("Шаблоны: ")), .group(m.templates.enumerated().map { i, t in
                    .group(i > 0 ? .safe(" · ") : .empty, .safe(t.title + " — "), Components.link("XLSX", t.xlsx), .safe(", "), Components.link("CSV", t.csv))
                })),
                .p(.class("muted"), .safe("То же из командной строки: opora import assignments|interactions|deficits|route_steps ФАЙЛ --municipality КОД."))
            )),
            Components.section("Последние загрузки", Components.table(
                [Column("Когда"), Column("Что"), Column("Файл"), Column("Кто"), Column("Состояние"), Column("Итог")],
                rows: m.jobs.map { j in [.safe(j.when), .safe(j.kind), Components.link(j.file, SiteURL.supportImport(j.id).path), .safe(j.user),
                                         Components.badge(j.status, j.statusKind), .safe(j.summary)] },
                empty: Components.emptyState("Загрузок ещё не было.")))
        )
    }
}
