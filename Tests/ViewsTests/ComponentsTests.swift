import Domain
import Plot
import Testing
@testable import Views

@Suite struct ComponentsTests {
    @Test func numericColumnIsRightAlignedAndCountIsShown() {
        let html = Components.table(
            [Column("Школа"), Column("Учеников", numeric: true)],
            rows: [[.text("СОШ № 1"), .text("1 234")], [.text("СОШ № 2"), .text("87")]],
            count: 12_345,
            empty: Components.emptyState("Нет школ")
        ).render()
        #expect(html.contains(#"<th scope="col" class="num">Учеников</th>"#))
        #expect(html.contains(#"<td class="num">87</td>"#))
        #expect(html.contains("<td>СОШ № 1</td>"))
        #expect(html.contains("<caption>Найдено: 12\u{2009}345</caption>"))
        #expect(html.contains(#"class="table-wrap""#))
    }

    @Test func rowCountDefaultsToNumberOfRows() {
        let html = Components.table([Column("A")], rows: [[.text("x")], [.text("y")], [.text("z")]], empty: .empty).render()
        #expect(html.contains("Найдено: 3"))
    }

    @Test func emptyTableShowsEmptyState() {
        let html = Components.table(
            [Column("Школа")], rows: [],
            empty: Components.emptyState("Результаты ВПР ещё не загружены", action: ("Загрузить", "/imports/new"))
        ).render()
        #expect(!html.contains("<table"))
        #expect(html.contains("Результаты ВПР ещё не загружены"))
        #expect(html.contains(#"<a class="button button-primary" href="/imports/new">Загрузить</a>"#))
    }

    @Test func sortLinksToggleDirectionAndKeepFilters() {
        let sort = SortState(key: "name", ascending: true, baseQuery: [("year", "2025"), ("page", "3"), ("sort", "old")])
        #expect(sort.link(for: "name") == "?year=2025&sort=name&dir=desc")
        #expect(sort.link(for: "pupils") == "?year=2025&sort=pupils&dir=asc")
        let desc = SortState(key: "name", ascending: false)
        #expect(desc.link(for: "name") == "?sort=name&dir=asc")

        let html = Components.table(
            [Column("Название", sortKey: "name"), Column("Учеников", numeric: true, sortKey: "pupils")],
            rows: [[.text("a"), .text("1")]], sort: sort, empty: .empty
        ).render()
        #expect(html.contains(#"aria-sort="ascending""#))
        #expect(html.contains(#"href="?year=2025&amp;sort=name&amp;dir=desc""#))
        #expect(html.contains(#"href="?year=2025&amp;sort=pupils&amp;dir=asc""#))
    }

    @Test func queryStringPercentEncodesCyrillicAndDropsEmptyValues() {
        let q = Components.queryString([("q", "Школа №1"), ("status", ""), ("year", "2025/2026")])
        #expect(q == "?q=%D0%A8%D0%BA%D0%BE%D0%BB%D0%B0%20%E2%84%961&year=2025%2F2026")
        #expect(Components.queryString([]) == "")
        #expect(Components.queryString([("a", "")]) == "")
        #expect(Components.queryString([("a&b", "1=2")]) == "?a%26b=1%3D2")
    }

    @Test func paginationShowsWindowAndKeepsFilters() {
        let html = Components.pagination(page: 5, pageCount: 20, baseQuery: [("q", "лицей"), ("page", "5")], path: "/schools").render()
        #expect(Components.pageNumbers(current: 5, count: 20) == [1, 3, 4, 5, 6, 7, 20])
        #expect(html.contains(#"<span class="page-current" aria-current="page">5</span>"#))
        #expect(html.contains(#"href="/schools?q=%D0%BB%D0%B8%D1%86%D0%B5%D0%B9&amp;page=4""#))
        // page 1 carries no page parameter
        #expect(html.contains(#"href="/schools?q=%D0%BB%D0%B8%D1%86%D0%B5%D0%B9" aria-label="Страница 1""#))
        #expect(Components.pagination(page: 1, pageCount: 1, baseQuery: [], path: "/x").render().isEmpty)
    }

    @Test func badgeCarriesTextAndKindClass() {
        #expect(Components.badge("ШНОР", .lowResults).render() == #"<span class="badge badge-low-results">ШНОР</span>"#)
        #expect(Components.badge("группа риска", .risk).render().contains("группа риска"))
    }

    @Test func attributeValuesAreEscaped() {
        let html = Components.link("<b>Школа</b>", #"/schools?q="x"&a=<1>"#).render()
        #expect(html == #"<a href="/schools?q=&quot;x&quot;&amp;a=&lt;1&gt;">&lt;b&gt;Школа&lt;/b&gt;</a>"#)
    }

    @Test func detailsShowDashForEmptyValues() {
        let html = Components.details([("ИНН", .text("2302012345")), ("Сайт", .empty), ("Телефон", .text("  "))]).render()
        #expect(html.contains("<dt>ИНН</dt><dd>2302012345</dd>"))
        #expect(html.components(separatedBy: "—").count == 3)
    }

    @Test func postButtonCarriesCSRFAndConfirm() {
        let plain = Components.postButton("Удалить", action: "/schools/1/delete", csrf: "tok", danger: true).render()
        #expect(plain.contains(#"<form class="inline-form" method="post" action="/schools/1/delete">"#))
        #expect(plain.contains(#"<input type="hidden" name="_csrf" value="tok"/>"#))
        #expect(plain.contains(#"class="button button-danger">Удалить</button>"#))
        let confirmed = Components.postButton("Удалить", action: "/x", csrf: "t", danger: true, confirm: "Удалить школу безвозвратно?").render()
        #expect(confirmed.contains("<details class=\"confirm\">"))
        #expect(confirmed.contains("Удалить школу безвозвратно?"))
        #expect(confirmed.contains("Подтвердить: удалить"))
    }

    @Test func tabsMarkCurrent() {
        let html = Components.tabs([("Карточка", "/schools/1", true), ("Люди", "/schools/1/people", false)]).render()
        #expect(html.contains(#"<a class="tab" href="/schools/1" aria-current="page">Карточка</a>"#))
        #expect(html.contains(#"<a class="tab" href="/schools/1/people">Люди</a>"#))
    }

    @Test func statCardsRenderValuesAndHints() {
        let html = Components.statCards([("Школ ШНОР", "12", "из 31"), ("Просрочено", "3", nil)]).render()
        #expect(html.contains(#"<span class="stat-value">12</span><span class="stat-label">Школ ШНОР</span><span class="stat-hint">из 31</span>"#))
        let linked = Components.statCards([StatCard("Просрочено", "3", url: "/tasks?overdue=1", tone: .danger)]).render()
        #expect(linked.contains(#"<a class="stat-card tone-danger""#))
        #expect(linked.contains(#"href="/tasks?overdue=1""#))
    }
}
