import Plot
import Domain

/// Comments on a route or a school's programme: the list and the form.
public enum CommentViews {
    public struct Comment: Sendable {
        public var author: String, when: String, strength: String, improve: String, next: String
        public init(author: String, when: String, strength: String, improve: String, next: String) {
            self.author = author; self.when = when; self.strength = strength; self.improve = improve; self.next = next
        }
    }

    public static func section(_ title: String, comments: [Comment], action: String?, csrf: String, hidden: [(String, String)] = []) -> Node<HTML.BodyContext> {
        guard !comments.isEmpty || action != nil else { return .empty }
        return Components.section(title, .group(
            comments.isEmpty ? .p(.class("muted"), .safe("Комментариев ещё нет.")) : Markup.el("ul", [.class("step-list")] + comments.map { c in
                let parts: [(String, String)] = [("Сильные стороны", c.strength), ("Что улучшить", c.improve), ("Следующий шаг", c.next)].filter { !$0.1.isEmpty }
                return Markup.el("li", .class("step"), .div(.class("step-head"), .strong(.safe(c.author)), .safe(" · \(c.when)")),
                                 .group(parts.map { .p(.strong(.safe($0.0 + ": ")), .safe($0.1)) }))
            }),
            action.map { url in Components.disclosure("Добавить комментарий", Form.form(action: url, csrf: csrf, .group(
                .group(hidden.map { Form.hidden($0.0, $0.1) }),
                Form.textarea("strength", "Сильные стороны", value: "", errors: [], rows: 2),
                Form.textarea("improve", "Что улучшить", value: "", errors: [], rows: 2),
                Form.textarea("next_step", "Следующий шаг", value: "", errors: [], rows: 2)
            ), submit: "Сохранить комментарий")) } ?? .empty
        ))
    }
}
