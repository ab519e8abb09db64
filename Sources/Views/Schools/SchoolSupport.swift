import Plot
import Domain

/// The «Сопровождение» section of the card: mentor, curator, leader school, experts.
enum SchoolSupport {
    static func section(_ m: SchoolShow.Model) -> Node<HTML.BodyContext> {
        let rows: [[Node<HTML.BodyContext>]] = m.assignments.map { a in
            [.safe(a.kind), a.whoURL.map { Components.link(a.who, $0) } ?? .safe(a.who), .safe(a.order),
             a.deleteURL.map { Components.postButton("Снять", action: $0, csrf: m.csrf, danger: true) } ?? .empty]
        }
        return Components.section("Сопровождение: наставник, куратор, школа-лидер", .group(
            Components.table([Column("Закрепление"), Column("Кто"), Column("Приказ"), Column("")], rows: rows,
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
                    )
                 ), submit: "Закрепить")))
    }
}
