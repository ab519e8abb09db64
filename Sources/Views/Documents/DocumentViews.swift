import Plot
import Domain

public extension DocumentPages {
    static func rowsTable(_ rows: [Row], withSchool: Bool, empty: String) -> Node<HTML.BodyContext> {
        let cols = (withSchool ? [Column("Школа")] : []) + [Column("Документ"), Column("Срок сдачи"), Column("Состояние"), Column("Версия", numeric: true)]
        return Components.table(cols, rows: rows.map { r in
            (withSchool ? [Components.link(r.school, r.schoolURL)] : [])
                + [Components.link(r.title, r.url), .safe(r.due), badge(r.state, r.stateValue, overdue: r.overdue), .safe(r.version > 0 ? String(r.version) : "—")]
        }, empty: Components.emptyState(empty))
    }

    /// The center's control: per school what is not submitted (overdue first) and what waits for review.
    static func index(_ m: IndexModel) -> ControlPage {
        let body: Node<HTML.BodyContext> = .group(
            m.municipalities.count > 1 ? Form.filters(path: SiteURL.control(.documents()).path,
                Form.select("municipality", "Муниципалитет", options: m.municipalities, selected: m.municipalityID, errors: [])) : .empty,
            Components.section("По школам на \(m.today)", Components.table(
                [Column("Школа"), Column("Не сдано", numeric: true), Column("Из них просрочено", numeric: true), Column("Ждут проверки", numeric: true), Column("Принято", numeric: true)],
                rows: m.schools.map { s in
                    [Components.link(s.school, s.url), .safe(String(s.notSubmitted)),
                     s.overdue > 0 ? Components.badge(String(s.overdue), .danger) : .safe("0"), .safe(String(s.waiting)), .safe(String(s.accepted))]
                }, empty: Components.emptyState("Документов пока нет: добавьте документы на странице школы (срок сдачи, вид)."))),
            Components.section("Документы: сначала просроченные", rowsTable(m.rows, withSchool: true, empty: "Документов пока нет."))
        )
        return ControlPage(title: "Документы школ: \(m.municipalityName)", crumbs: [Crumb("Документы школ")], body: body)
    }

    static func school(_ m: SchoolModel) -> ControlPage {
        let body: Node<HTML.BodyContext> = .group(
            Components.section("Документы школы", rowsTable(m.rows, withSchool: false,
                empty: "Школе пока не назначены документы" + (m.addAction == nil ? "." : ": добавьте документ формой ниже."))),
            .unwrap(m.addAction) { action in
                Components.section("Добавить документ", Form.form(action: action, csrf: m.csrf, errors: m.errors, .group(
                    Form.select("kind", "Вид документа", options: SchoolDocumentKind.allCases.map { Option($0.rawValue, $0.title) }, selected: m.v("kind"),
                                errors: m.errors, required: true, includeBlank: "— выберите —"),
                    Form.text("risk", "Риск (для антирисковой программы)", value: m.v("risk"), errors: m.errors,
                              hint: "одна программа — один риск, например «Высокая доля обучающихся с рисками учебной неуспешности»"),
                    Form.text("due", "Срок сдачи", value: m.v("due"), errors: m.errors, required: true, type: "date")
                ), submit: "Добавить"))
            }
        )
        return ControlPage(title: "Документы: \(m.schoolName)", crumbs: [root, Crumb(m.schoolName)], body: body)
    }

    static func show(_ m: ShowModel) -> ControlPage {
        let body: Node<HTML.BodyContext> = .group(
            Components.details(m.facts.map { ($0.0, .safe($0.1)) } + [("Состояние", badge(m.state, m.stateValue, overdue: m.overdue))]),
            Components.section("Версии и замечания", versions(m.versions)),
            .unwrap(m.submitAction) { submitForm(m, action: $0) },
            .unwrap(m.reviewAction) { reviewForm(m, action: $0) }
        )
        return ControlPage(title: "\(m.title): \(m.schoolName)", crumbs: [root, Crumb(m.schoolName, m.listURL), Crumb(m.title)], body: body)
    }

    static func versions(_ rows: [VersionRow]) -> Node<HTML.BodyContext> {
        Components.table([Column("Версия", numeric: true), Column("Сдана"), Column("Документ"), Column("Решение"), Column("Замечания")],
                         rows: rows.map { v in
                             [.safe(String(v.number)),
                              .group(.safe(v.submitted), .div(.class("muted"), .safe(v.by))),
                              .group(.ul(.class("plain-list"), .forEach(v.files) { f in .li(Components.link(f.name, f.url), .span(.class("muted"), .safe(" " + f.size))) }),
                                     v.planTitle.isEmpty ? .empty : .div(.safe("План: "), Components.link(v.planTitle, v.planURL)),
                                     v.note.isEmpty ? .empty : .div(.class("muted"), .safe(v.note))),
                              v.outcome.isEmpty ? .span(.class("muted"), .safe("ждёт проверки"))
                                  : .group(Components.badge(v.outcome, v.outcome == SchoolDocumentState.accepted.title ? .success : .warning),
                                           .div(.class("muted"), .safe("\(v.reviewed), \(v.reviewedBy)"))),
                              .safe(v.comment.isEmpty ? "—" : v.comment)]
                         }, empty: Components.emptyState("Документ ещё не сдавался."))
    }

    static func submitForm(_ m: ShowModel, action: String) -> Node<HTML.BodyContext> {
        Components.section(m.versions.isEmpty ? "Сдать документ на проверку" : "Сдать новую версию", Form.form(action: action, csrf: m.csrf,
            errors: m.v("form") == "submit" ? m.errors : [], multipart: true, .group(
                Form.file("file", "Файл документа", accept: ".pdf,.doc,.docx,.odt,.xlsx,.xls", errors: m.errors, hint: "до 10 МБ; или выберите план ниже"),
                m.plans.isEmpty ? .empty : Form.select("plan", "Или план из раздела «Планы»", options: m.plans, selected: m.v("plan"), errors: m.errors, includeBlank: "— без плана —"),
                Form.textarea("note", "Пояснение", value: m.v("note"), errors: m.errors, hint: "что изменено по замечаниям", rows: 2)
            ), submit: "Сдать на проверку"))
    }

    static func reviewForm(_ m: ShowModel, action: String) -> Node<HTML.BodyContext> {
        Components.section("Проверка", .group(
            m.canStart ? Form.form(action: action, csrf: m.csrf, Form.hidden("action", DocumentReviewAction.start.rawValue), submit: DocumentReviewAction.start.title) : .empty,
            Form.form(action: action, csrf: m.csrf, errors: m.v("form") == "review" ? m.errors : [], .group(
                Form.select("action", "Решение", options: [DocumentReviewAction.return, .accept].map { Option($0.rawValue, $0.title) }, selected: m.v("action"),
                            errors: m.errors, required: true),
                Form.textarea("comment", "Замечания", value: m.v("comment"), errors: m.errors, hint: "обязательны при возврате; сохраняются при версии", rows: 4)
            ), submit: "Сохранить решение")
        ))
    }

    /// The school card's section: the school's documents with their states.
    static func cardSection(_ rows: [Row], listURL: String) -> Node<HTML.BodyContext> {
        Components.section("Документы на проверке", actions: Components.buttonLink("Все документы школы", listURL),
                           rowsTable(rows, withSchool: false, empty: "Школе пока не назначены документы."))
    }
}
