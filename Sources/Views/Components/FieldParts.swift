import Domain
import Plot

/// The shared parts of a form field: id, hint, error and their aria wiring.
struct FieldParts {
    let id: String
    let hint: String?
    let error: String?

    init(name: String, errors: [FieldError], hint: String?) {
        self.id = Markup.fieldID(name)
        self.hint = hint
        self.error = errors.message(for: name)
    }

    var hintID: String { id + "-hint" }
    var errorID: String { id + "-error" }

    var describedBy: String? {
        let ids = [hint == nil ? nil : hintID, error == nil ? nil : errorID].compactMap { $0 }
        return ids.isEmpty ? nil : ids.joined(separator: " ")
    }

    var ariaAttributes: [(String, String?)] {
        var attrs: [(String, String?)] = []
        if error != nil { attrs.append(("aria-invalid", "true")) }
        if let describedBy { attrs.append(("aria-describedby", describedBy)) }
        return attrs
    }

    var ariaNodes: Node<HTML.BodyContext> {
        .group(ariaAttributes.map { Node<HTML.BodyContext>.attr($0.0, $0.1 ?? "") })
    }

    var hintNode: Node<HTML.BodyContext> {
        .unwrap(hint) { .p(.class("hint"), .id(hintID), .safe($0)) }
    }

    var errorNode: Node<HTML.BodyContext> {
        .unwrap(error) {
            .p(
                .class("field-error"), .id(errorID),
                .span(.class("visually-hidden"), .safe(Strings.errorPrefix)),
                .safe($0)
            )
        }
    }

    func label(_ text: String, required: Bool) -> Node<HTML.BodyContext> {
        let mark: Node<HTML.BodyContext> = .span(
            .class("required-mark"), .attr("title", Strings.required),
            .safe("*"),
            .span(.class("visually-hidden"), .safe(" (" + Strings.required + ")"))
        )
        return Markup.el("label", .attr("for", id), .safe(text), .if(required, mark))
    }

    /// label, hint, control, error — in reading order.
    func wrap(label text: String, required: Bool, control: Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        .div(
            .class(error == nil ? "field" : "field has-error"),
            label(text, required: required),
            hintNode,
            control,
            errorNode
        )
    }
}
