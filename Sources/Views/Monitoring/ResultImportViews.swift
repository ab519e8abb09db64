import Plot
import Domain

/// «Загрузка результатов»: upload form with templates, and the matching of unknown schools.
public enum ResultImportViews {
    public static func upload(kinds: [Option], action: String, year: Int, jobs: [ImportsIndex.Job], errors: [FieldError], csrf: String,
                              templates: [(String, String)]) -> Node<HTML.BodyContext> {
        .group(
            Components.section("Загрузить файл с результатами", .group(
                .p(.class("muted"), .safe("Принимаются файлы так, как их скачивают: «Статистика по отметкам», «Сравнение отметок с отметками по журналу» и «Индивидуальные результаты» из ФИС ОКО, протоколы и сводные таблицы РИС ГИА (РЦОИ), а также простые таблицы CSV/XLSX по шаблонам. Школа определяется по логину ФИС ОКО в строке (…(edu233006)), по Коду ОО или по коду школы; если школу не удалось узнать, система попросит сопоставить её один раз и запомнит. Файл записывается целиком или не записывается совсем; повторная загрузка заменяет результаты той же школы, предмета, класса и года.")),
                Form.form(action: action, csrf: csrf, errors: errors, multipart: true, .group(
                    Form.row(
                        Form.select("kind", "Что загружаем", options: kinds, selected: "vpr", errors: errors, required: true),
                        Form.text("year", "Год (если его нет в файле)", value: String(year), errors: errors, type: "number", hint: "Календарный год экзамена")
                    ),
                    Form.file("file", "Файл", accept: ".csv,.xlsx,.xls", errors: errors, hint: "CSV или XLSX; старый .xls сохраните как .xlsx")
                ), submit: "Загрузить"),
                .p(.strong(.safe("Шаблоны простых таблиц: ")), .group(templates.enumerated().map { i, t in
                    .group(i > 0 ? .safe(" · ") : .empty, Components.link(t.0, t.1))
                }))
            )),
            Components.section("Последние загрузки результатов", Components.table(
                [Column("Когда"), Column("Что"), Column("Файл"), Column("Кто"), Column("Состояние"), Column("Итог")],
                rows: jobs.map { j in [.safe(j.when), .safe(j.kind), Components.link(j.file, SiteURL.resultImport(j.id).path), .safe(j.user),
                                       Components.badge(j.status, j.statusKind), .safe(j.summary)] },
                empty: Components.emptyState("Результаты ещё не загружались.")))
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

    /// One result file's page: its job, the file's notes, the matching form while schools are
    /// unknown, and the way to the summary once it is written.
    public struct Matching: Sendable {
        public var unknown: [Unknown], schools: [Option], action: String, csrf: String
        public init(unknown: [Unknown], schools: [Option], action: String, csrf: String) {
            self.unknown = unknown; self.schools = schools; self.action = action; self.csrf = csrf
        }
    }

    public static func job(_ job: ImportJobView.Model, notes: [String], matching: Matching?, summaryURL: String?) -> Node<HTML.BodyContext> {
        .group(
            ImportJobView.body(job),
            notes.isEmpty ? .empty : Components.section("Примечания к файлу", .ul(.forEach(notes) { .li(.safe($0)) })),
            matching.map { self.matching($0.unknown, schools: $0.schools, action: $0.action, csrf: $0.csrf) } ?? .empty,
            summaryURL.map { .p(Components.buttonLink("Открыть сводную таблицу", $0, primary: true)) } ?? .empty
        )
    }
}
