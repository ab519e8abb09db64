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
}
