import Plot
import Domain

/// The draft of the order on assignments: an editable text the center corrects, then prints.
public enum OrderDraftViews {
    public static func edit(text: String, action: String, csrf: String) -> Node<HTML.BodyContext> {
        Components.section("Проект приказа", .group(
            .p(.class("muted"), .safe("Текст составлен по действующим закреплениям муниципалитета. Исправьте реквизиты и формулировки, затем откройте версию для печати. Текст не сохраняется в системе: приказ подписывается и регистрируется в управлении образования.")),
            Form.form(action: action, csrf: csrf, Form.textarea("text", "Текст приказа", value: text, errors: [], rows: 28), submit: "Версия для печати")
        ))
    }

    /// The printed order: paragraphs and the appendix tables as the text has them (tab-separated rows become tables).
    public static func print(text: String) -> Node<HTML.BodyContext> {
        var nodes: [Node<HTML.BodyContext>] = []
        var table: [[String]] = []
        func flush() {
            guard !table.isEmpty else { return }
            let head = table[0], rows = Array(table.dropFirst())
            // A plain table (no row count or sorting): the appendix as the order prints it.
            nodes.append(Markup.el("table", .class("data-table order-table"),
                                   Markup.el("thead", Markup.el("tr", head.map { Markup.el("th", .safe($0)) })),
                                   Markup.el("tbody", rows.map { r in Markup.el("tr", r.map { Markup.el("td", .safe($0)) }) })))
            table = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.contains("\t") { table.append(line.components(separatedBy: "\t")); continue }
            flush()
            if !line.trimmingCharacters(in: .whitespaces).isEmpty { nodes.append(.p(.class("order-line"), .text(line))) }
        }
        flush()
        return .div(.class("order-print"), .group(nodes))
    }
}
