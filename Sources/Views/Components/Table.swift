import Domain
import Plot

/// A table column; `sortKey` makes its header a sort link; `kind` is a class on its
/// header and cells (e.g. for the widths of a printed table).
public struct Column: Sendable {
    public var title: String
    public var numeric: Bool
    public var sortKey: String?
    public var kind: String?
    public init(_ title: String, numeric: Bool = false, sortKey: String? = nil, kind: String? = nil) {
        self.title = title
        self.numeric = numeric
        self.sortKey = sortKey
        self.kind = kind
    }

    /// The classes of its header and cells: "num" for numbers, then the kind.
    var classes: String? {
        let c = [numeric ? "num" : nil, kind].compactMap { $0 }.joined(separator: " ")
        return c.isEmpty ? nil : c
    }
}

/// The current sort of a table and the filters to keep in its sort links.
public struct SortState: Sendable {
    public var key: String
    public var ascending: Bool
    /// Current filters (without sort/dir/page) to keep in the sort links.
    public var baseQuery: [(String, String)]
    public init(key: String, ascending: Bool = true, baseQuery: [(String, String)] = []) {
        self.key = key
        self.ascending = ascending
        self.baseQuery = baseQuery
    }

    /// The query string of the header link of the column `key`: toggles the
    /// direction on the current column, ascending on any other; drops the page.
    public func link(for key: String) -> String {
        let ascendingNext = key == self.key ? !ascending : true
        let kept = baseQuery.filter { !["sort", "dir", "page"].contains($0.0) }
        return Components.queryString(kept + [("sort", key), ("dir", ascendingNext ? "asc" : "desc")])
    }
}

public extension Components {
    /// Table with sticky header, zebra rows, numeric columns right-aligned,
    /// sortable headers and a caption «Найдено: N»; `empty` when there are no rows.
    static func table(
        _ columns: [Column],
        rows: [[Node<HTML.BodyContext>]],
        sort: SortState? = nil,
        count: Int? = nil,
        empty: Node<HTML.BodyContext>
    ) -> Node<HTML.BodyContext> {
        guard !rows.isEmpty else { return empty }
        let caption = Strings.found + ": " + RuFormat.integer(count ?? rows.count)
        let head = Markup.el("tr", columns.map { headerCell($0, sort: sort) })
        let body = rows.map { tableRow($0, columns: columns) }
        let table = Markup.el(
            "table", .class("data-table"),
            Markup.el("caption", .safe(caption)),
            Markup.el("thead", head),
            Markup.el("tbody", body)
        )
        return .div(
            .class("table-wrap"), .attr("role", "region"), .attr("tabindex", "0"),
            .ariaLabel(Strings.tableLabel + ". " + caption),
            table
        )
    }

    internal static func headerCell(_ column: Column, sort: SortState?) -> Node<HTML.BodyContext> {
        let numClass: Node<HTML.BodyContext> = .unwrap(column.classes) { .class($0) }
        guard let key = column.sortKey else {
            return Markup.el("th", .attr("scope", "col"), numClass, .safe(column.title))
        }
        let state = sort ?? SortState(key: "", ascending: true)
        let current = state.key == key
        let ariaSort = current ? (state.ascending ? "ascending" : "descending") : "none"
        let arrow = current ? (state.ascending ? "↑" : "↓") : "↕"
        let hint = current ? (state.ascending ? Strings.sortAscending : Strings.sortDescending) : Strings.sortBy
        let link = Markup.el(
            "a", .class(current ? "sort-link sorted" : "sort-link"),
            .attr("href", state.link(for: key)),
            .safe(column.title),
            .span(.class("sort-arrow"), .ariaHidden(true), .safe(arrow)),
            .span(.class("visually-hidden"), .safe(" (" + hint + ")"))
        )
        return Markup.el("th", .attr("scope", "col"), .attr("aria-sort", ariaSort), numClass, link)
    }

    internal static func tableRow(_ cells: [Node<HTML.BodyContext>], columns: [Column]) -> Node<HTML.BodyContext> {
        let tds = cells.enumerated().map { index, cell -> Node<HTML.BodyContext> in
            let classes = index < columns.count ? columns[index].classes : nil
            return Markup.el("td", .unwrap(classes) { .class($0) }, cell)
        }
        return Markup.el("tr", tds)
    }

    /// A calm message that says what to do, with an optional action button.
    static func emptyState(_ text: String, action: (title: String, url: String)? = nil) -> Node<HTML.BodyContext> {
        .div(
            .class("empty-state"),
            .p(.safe(text)),
            .unwrap(action) { buttonLink($0.title, $0.url, primary: true) }
        )
    }
}
