import Plot
import Domain

public extension EventPages {
    static func lineBadge(_ title: String, _ value: String) -> Node<HTML.BodyContext> {
        Components.badge(title, value == "accepted" ? .success : value == "declined" ? .neutral : .warning)
    }

    static func applications(_ m: ApplicationsModel) -> EventPage {
        let body: Node<HTML.BodyContext> = .group(
            Form.filters(path: SiteURL.eventApplications().path, .group(
                Form.hidden("municipality", m.municipalityID),
                Form.select("half", "Полугодие", options: m.halves, selected: m.half, errors: []))),
            .p(.class("muted"), .safe("Порядок постоянно действующего семинара (Концепция, раздел 4): центр публикует программу полугодия → школа подаёт заявку на значимые для неё мероприятия, называя педагогов → центр по заявкам составляет персонализированную программу школы на полугодие и сообщает её школе → педагоги участвуют.")),
            .unwrap(m.applyURL) { url in applyForm(m, url) },
            .group(m.blocks.map { block($0, csrf: m.csrf) }),
            m.blocks.isEmpty && m.applyURL == nil ? Components.emptyState("Заявок на это полугодие пока нет.") : .empty
        )
        return EventPage(title: "Заявки школ: \(m.halfTitle)", crumbs: [root, Crumb("Заявки школ")], body: body)
    }

    static func applyForm(_ m: ApplicationsModel, _ url: String) -> Node<HTML.BodyContext> {
        let events: [Node<HTML.BodyContext>] = m.events.map { e in
            Form.checkboxes("t_" + e.id, "\(e.date) — \(e.title) (\(e.audience); мест: \(e.seats))",
                            options: m.teachers, checked: Set(m.checked.compactMap { $0.hasPrefix(e.id + "|") ? String($0.dropFirst(e.id.count + 1)) : nil }),
                            errors: m.errors)
        }
        return Components.section("Заявка \(m.schoolName) на \(m.halfTitle)", m.events.isEmpty
            ? Components.emptyState("Программа полугодия ещё не опубликована: подать заявку можно после публикации.")
            : Form.form(action: url, csrf: m.csrf, errors: m.errors, .group(
                Form.hidden("half", m.half), Form.hidden("school", m.schoolID),
                .p(.class("muted"), .safe("Отметьте у каждого нужного мероприятия педагогов, которым оно соответствует. Повторная подача заменяет строки, ещё не рассмотренные центром.")),
                .group(events),
                Form.textarea("note", "Пояснение (потребности педагогов)", value: m.note, errors: m.errors, rows: 2)
            ), submit: "Подать заявку"))
    }

    static func block(_ b: SchoolBlock, csrf: String) -> Node<HTML.BodyContext> {
        Components.section("\(b.school): заявка от \(b.submitted)", actions: .unwrap(b.programmeURL) { Components.buttonLink("Персонализированная программа", $0) }, .group(
            Components.table([Column("Дата"), Column("Мероприятие"), Column("Педагог"), Column("Решение"), Column("")],
                             rows: b.lines.map { l in
                                 [.safe(l.date), Components.link(l.event, l.eventURL), .safe(l.teacher), lineBadge(l.status, l.statusValue),
                                  .unwrap(l.decideURL) { url in
                                      .div(.class("button-row"),
                                           Form.form(action: url, csrf: csrf, Form.hidden("status", "accepted"), submit: "Включить"),
                                           Form.form(action: url, csrf: csrf, Form.hidden("status", "declined"), submit: "Отклонить"))
                                  }]
                             }, empty: Components.emptyState("В заявке нет строк.")),
            b.built.isEmpty ? .empty : .p(Components.badge(b.built, .success)),
            .unwrap(b.buildURL) { url in
                Form.form(action: url, csrf: csrf, .group(Form.hidden("school", b.schoolID), Form.hidden("half", b.half)), submit: "Составить программу по заявке")
            }
        ))
    }
}
