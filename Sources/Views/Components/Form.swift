import Domain
import Plot

/// A value/title pair for selects and checkbox groups.
public struct Option: Sendable {
    public var value: String
    public var title: String
    public init(_ value: String, _ title: String) {
        self.value = value
        self.title = title
    }
}

/// Forms validated on the server: labels above fields, required marks, hints,
/// errors under fields and a summary at the top. Field ids are "field-<name>".
public enum Form {
    public static let csrfFieldName = "_csrf"

    /// A POST form with the hidden CSRF field, an error summary when `errors` is
    /// non-empty, the body, and the submit / cancel buttons. Browser validation
    /// is off (`novalidate`): the server validates and answers with errors.
    public static func form(
        action: String,
        csrf: String,
        errors: [FieldError] = [],
        multipart: Bool = false,
        _ body: Node<HTML.BodyContext>,
        submit: String = Strings.save,
        cancelURL: String? = nil
    ) -> Node<HTML.BodyContext> {
        let buttons = Node<HTML.BodyContext>.div(
            .class("form-actions"),
            Markup.el("button", .attr("type", "submit"), .class("button button-primary"), .safe(submit)),
            .unwrap(cancelURL) { Components.buttonLink(Strings.cancel, $0) }
        )
        return Markup.el(
            "form", .class("form"), .attr("method", "post"), .attr("action", action),
            .flag("novalidate"),
            .if(multipart, .attr("enctype", "multipart/form-data")),
            Markup.hidden(csrfFieldName, csrf),
            errorSummary(errors),
            body,
            buttons
        )
    }

    /// «Исправьте ошибки в форме:» with each message linking to its field.
    public static func errorSummary(_ errors: [FieldError]) -> Node<HTML.BodyContext> {
        guard !errors.isEmpty else { return .empty }
        let items = errors.map { error in
            Markup.el("li", Markup.el("a", .attr("href", "#" + Markup.fieldID(error.field)), .safe(error.message)))
        }
        return .div(
            .class("error-summary"), .attr("role", "alert"), .attr("tabindex", "-1"),
            .h2(.safe(Strings.errorSummary)),
            Markup.el("ul", items)
        )
    }

    /// A single-line input (`type` text, email, date, number, password, tel…).
    public static func text(
        _ name: String,
        _ label: String,
        value: String,
        errors: [FieldError],
        required: Bool = false,
        type: String = "text",
        hint: String? = nil,
        autocomplete: String? = nil,
        readOnly: Bool = false
    ) -> Node<HTML.BodyContext> {
        let f = FieldParts(name: name, errors: errors, hint: hint)
        var attrs: [(String, String?)] = [("type", type), ("id", f.id), ("name", name), ("value", value), ("class", "input")]
        attrs += f.ariaAttributes
        if required { attrs.append(("required", nil)) }
        if readOnly { attrs.append(("readonly", nil)) }
        if let autocomplete { attrs.append(("autocomplete", autocomplete)) }
        return f.wrap(label: label, required: required, control: Markup.void("input", attrs))
    }

    public static func textarea(
        _ name: String,
        _ label: String,
        value: String,
        errors: [FieldError],
        hint: String? = nil,
        required: Bool = false,
        rows: Int = 4
    ) -> Node<HTML.BodyContext> {
        let f = FieldParts(name: name, errors: errors, hint: hint)
        let control = Markup.el(
            "textarea", .attr("id", f.id), .attr("name", name), .class("input"),
            .attr("rows", String(rows)), .flag("required", required), f.ariaNodes, .safe(value)
        )
        return f.wrap(label: label, required: required, control: control)
    }

    public static func select(
        _ name: String,
        _ label: String,
        options: [Option],
        selected: String,
        errors: [FieldError],
        required: Bool = false,
        includeBlank: String? = nil,
        hint: String? = nil
    ) -> Node<HTML.BodyContext> {
        let f = FieldParts(name: name, errors: errors, hint: hint)
        var items = options.map { option(value: $0.value, title: $0.title, selected: $0.value == selected) }
        if let blank = includeBlank {
            items.insert(option(value: "", title: blank, selected: selected.isEmpty), at: 0)
        }
        let control = Markup.el(
            "select", [.attr("id", f.id), .attr("name", name), .class("input"), .flag("required", required), f.ariaNodes] + items
        )
        return f.wrap(label: label, required: required, control: control)
    }

    static func option(value: String, title: String, selected: Bool) -> Node<HTML.BodyContext> {
        // value="" must be kept for the blank option, hence no `attr` (which drops empty values).
        Markup.el(
            "option", .attribute(named: "value", value: Markup.escape(value), ignoreIfValueIsEmpty: false),
            .flag("selected", selected), .safe(title)
        )
    }

    public static func checkbox(_ name: String, _ label: String, checked: Bool, value: String = "1", disabled: Bool = false) -> Node<HTML.BodyContext> {
        let id = Markup.fieldID(name)
        return .div(.class("field check"), checkInput(name: name, id: id, value: value, checked: checked, extra: disabled ? [("disabled", nil)] : []),
                    checkLabel(id, label))
    }

    /// A group of checkboxes in a fieldset with a legend; values are sent as repeated `name`.
    public static func checkboxes(
        _ name: String,
        _ label: String,
        options: [Option],
        checked: Set<String>,
        errors: [FieldError]
    ) -> Node<HTML.BodyContext> {
        let f = FieldParts(name: name, errors: errors, hint: nil)
        let boxes = options.enumerated().map { index, option -> Node<HTML.BodyContext> in
            let id = f.id + "-" + String(index + 1)
            let input = checkInput(name: name, id: id, value: option.value, checked: checked.contains(option.value), extra: [])
            return .div(.class("check"), input, checkLabel(id, option.title))
        }
        return Markup.el(
            "fieldset", .class(f.error == nil ? "field checks" : "field checks has-error"),
            .attr("id", f.id), f.ariaNodes,
            Markup.el("legend", .safe(label)),
            f.errorNode,
            .div(.class("check-list"), .group(boxes))
        )
    }

    static func checkInput(name: String, id: String, value: String, checked: Bool, extra: [(String, String?)]) -> Node<HTML.BodyContext> {
        var attrs: [(String, String?)] = [("type", "checkbox"), ("id", id), ("name", name), ("value", value)]
        if checked { attrs.append(("checked", nil)) }
        return Markup.void("input", attrs + extra)
    }

    static func checkLabel(_ id: String, _ text: String) -> Node<HTML.BodyContext> {
        Markup.el("label", .attr("for", id), .safe(text))
    }

    public static func file(_ name: String, _ label: String, accept: String, errors: [FieldError], hint: String? = nil, required: Bool = false) -> Node<HTML.BodyContext> {
        let f = FieldParts(name: name, errors: errors, hint: hint)
        var attrs: [(String, String?)] = [("type", "file"), ("id", f.id), ("name", name), ("accept", accept), ("class", "input-file")]
        attrs += f.ariaAttributes
        if required { attrs.append(("required", nil)) }
        return f.wrap(label: label, required: required, control: Markup.void("input", attrs))
    }

    public static func hidden(_ name: String, _ value: String) -> Node<HTML.BodyContext> {
        Markup.hidden(name, value)
    }

    /// A group of related fields under a legend (statuses, contacts…).
    public static func fieldset(_ legend: String, hint: String? = nil, _ fields: Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> {
        Markup.el(
            "fieldset", .class("fieldset"),
            Markup.el("legend", .safe(legend)),
            .unwrap(hint) { .p(.class("hint"), .safe($0)) },
            .group(fields)
        )
    }

    /// Fields side by side on wide screens, stacked on phones.
    public static func row(_ fields: Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> {
        .div(.class("form-row"), .group(fields))
    }

    /// GET filter bar above tables: fields inline, «Показать» and a «Сбросить» link to `path`.
    public static func filters(path: String, _ fields: Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        Markup.el(
            "form", .class("filters"), .attr("method", "get"), .attr("action", path),
            .attr("role", "search"), .ariaLabel(Strings.filtersLabel),
            .div(.class("filters-fields"), fields),
            .div(
                .class("filters-actions"),
                Markup.el("button", .attr("type", "submit"), .class("button button-primary"), .safe(Strings.show)),
                Markup.el("a", .class("button button-quiet"), .attr("href", path), .safe(Strings.reset))
            )
        )
    }
}
