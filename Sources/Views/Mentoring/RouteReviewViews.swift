import Plot
import Domain

/// The route page's quarterly reviews and the five subject-competence indicators of the year.
public enum RouteReviewViews {
    public static func sections(reviews: [(day: String, author: String, corrected: String)],
                                indicators: [(key: String, title: String, value: String)],
                                reviewURL: String?, competenceURL: String?, year: Int, csrf: String) -> Node<HTML.BodyContext> {
        .group(
            Components.section("Показатели предметной компетенции (Концепция, п. 5.1)", .group(
                Components.details(indicators.map { ($0.title, .safe($0.value.isEmpty ? "—" : $0.value)) }),
                competenceURL.map { url in Components.disclosure("Внести показатели года", Form.form(action: url, csrf: csrf, .group(
                    Form.hidden("year", String(year)),
                    .group(indicators.map { Form.text($0.key, $0.title, value: $0.value, errors: [], hint: "Уровень, балл, «да» / «нет» или категория") })
                ), submit: "Сохранить показатели")) } ?? .empty
            )),
            reviews.isEmpty && reviewURL == nil ? .empty : Components.section("Квартальные ревизии маршрута", .group(
                reviews.isEmpty ? .p(.class("muted"), .safe("Ревизий ещё не было. Маршрут пересматривается раз в квартал: что выполнено, что скорректировано.")) :
                    Markup.el("ul", [.class("step-list")] + reviews.map { r in
                        Markup.el("li", .class("step"), .div(.class("step-head"), .strong(.safe(r.day)), .safe(" · " + r.author)), .p(.safe(r.corrected)))
                    }),
                reviewURL.map { url in Components.disclosure("Записать ревизию", Form.form(action: url, csrf: csrf, .group(
                    Form.hidden("year", String(year)),
                    Form.textarea("corrected", "Что скорректировано", value: "", errors: [], required: true, rows: 3)
                ), submit: "Записать")) } ?? .empty
            ))
        )
    }
}
