import Plot
import Domain

/// The «Сопровождение» section of the card: mentor, curator, leader school, experts — the
/// active ones with their period, the ended ones as history — and the work of the supporters.
enum SchoolSupport {
    static func section(_ m: SchoolShow.Model) -> Node<HTML.BodyContext> {
        let rows: [[Node<HTML.BodyContext>]] = m.assignments.map { a in
            let who: Node<HTML.BodyContext> = a.whoURL.map { Components.link(a.who, $0) } ?? .safe(a.who)
            let flags: Node<HTML.BodyContext> = .group(
                a.ended ? .group(.safe(" "), Components.badge("завершено", .neutral)) : .empty,
                a.overCapacity ? .group(.safe(" "), Components.badge("сверх нормы", .warning)) : .empty)
            let end: Node<HTML.BodyContext> = a.endURL.map { Components.postButton("Завершить", action: $0, csrf: m.csrf, confirm: "Завершить закрепление сегодняшним днём? Оно останется в истории.") } ?? .empty
            let delete: Node<HTML.BodyContext> = a.deleteURL.map { Components.postButton("Удалить", action: $0, csrf: m.csrf, danger: true, confirm: "Удалить ошибочную запись? Для смены наставника завершите закрепление, а не удаляйте его.") } ?? .empty
            return [.safe(a.kind), .group(who, flags), .safe(a.order), .safe(a.span.isEmpty ? "—" : a.span), .group(end, delete)]
        }
        return Components.section("Сопровождение: наставник, куратор, школа-лидер", .group(
            m.supportFigures.isEmpty ? .empty : Components.details(m.supportFigures.map { f in (f.label, f.url.map { Components.link(f.value, $0) } ?? .safe(f.value)) }),
            Components.table([Column("Закрепление"), Column("Кто"), Column("Приказ"), Column("Срок"), Column("")], rows: rows,
                             empty: Components.emptyState("Никто не закреплён за школой.")),
            m.canAssign ? form(m) : .empty
        ))
    }

    static func form(_ m: SchoolShow.Model) -> Node<HTML.BodyContext> {
        .div(.class("assign-form"),
                 .h3(.safe("Закрепить наставника, куратора, школу-лидера или эксперта")),
                 .div(Form.form(action: SiteURL.schoolAssignments(m.id).path, csrf: m.csrf, .group(
                    Form.row(
                        Form.select("kind", "Вид закрепления", options: m.assignKinds, selected: "", errors: [], required: true),
                        Form.select("person_id", "Человек (для наставника, куратора, эксперта)", options: m.assignPeople, selected: "", errors: [], includeBlank: "—")
                    ),
                    Form.select("leader_school_id", "Школа-лидер (для сетевого взаимодействия)", options: m.assignSchools, selected: "", errors: [], includeBlank: "—"),
                    Form.row(
                        Form.text("order_number", "Номер приказа", value: "", errors: []),
                        Form.text("order_date", "Дата приказа", value: "", errors: [], type: "date")
                    ),
                    periodFields()
                 ), submit: "Закрепить")))
    }

    /// The period and the over-capacity confirmation of every assignment form (school card, person card).
    static func periodFields() -> Node<HTML.BodyContext> {
        .group(
            Form.row(
                Form.text("starts_on", "С", value: "", errors: [], type: "date", hint: "Пусто — с даты приказа"),
                Form.text("ends_on", "По", value: "", errors: [], type: "date", hint: "Пусто — бессрочно")
            ),
            Form.checkbox("confirm_over_capacity", "Закрепить сверх нормы нагрузки (если у человека уже полная нагрузка)", checked: false)
        )
    }
}
