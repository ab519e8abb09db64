import Plot
import Domain

/// The «Сопровождение» section of the card: mentor, curator, leader school, experts — the
/// active ones with their period, the ended ones as history — and the work of the supporters.
enum SchoolSupport {
    static func section(_ m: SchoolShow.Model) -> Node<HTML.BodyContext> {
        let rows: [[Node<HTML.BodyContext>]] = m.assignments.map { a in
            let who: Node<HTML.BodyContext> = a.whoURL.map { Components.link(a.who, $0) } ?? .safe(a.who)
            return [.safe(a.kind), .group(who, flags(ended: a.ended, overCapacity: a.overCapacity)), .safe(a.order), .safe(a.span.isEmpty ? "—" : a.span),
                    actions(endURL: a.endURL, deleteURL: a.deleteURL, csrf: m.csrf, replacing: "наставника")]
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

    /// The badges of an assignment row: ended (history), over capacity.
    static func flags(ended: Bool, overCapacity: Bool) -> Node<HTML.BodyContext> {
        .group(ended ? .group(.safe(" "), Components.badge("завершено", .neutral)) : .empty,
               overCapacity ? .group(.safe(" "), Components.badge("сверх нормы", .warning)) : .empty)
    }

    /// «Завершить» (keeps the history) and «Удалить» (a mistaken row) of an assignment row.
    static func actions(endURL: String?, deleteURL: String?, csrf: String, replacing who: String) -> Node<HTML.BodyContext> {
        .group(
            endURL.map { Components.postButton("Завершить", action: $0, csrf: csrf, confirm: "Завершить закрепление сегодняшним днём? Оно останется в истории.") } ?? .empty,
            deleteURL.map { Components.postButton("Удалить", action: $0, csrf: csrf, danger: true,
                                                  confirm: "Удалить ошибочную запись? Для смены \(who) завершите закрепление, а не удаляйте его.") } ?? .empty)
    }
}
