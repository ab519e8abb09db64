import Plot
import Domain

/// The summary table row's «Рекомендация» link (issue 11): the decision form prefilled with the
/// school, the year and the row's indicator values as text. Nothing here computes: it only reads the row.
extension MonitoringSummaryView {
    static func recommendationLink(_ r: SchoolResult, _ m: Model) -> Node<HTML.BodyContext> {
        guard let municipality = m.recommendMunicipality, let id = m.schoolIDs[r.school.code] else { return .empty }
        let url = SiteURL.control(.decisionNew(municipality: municipality, school: id, year: String(m.result.year), values: valuesText(r, m))).path
        return .div(.class("no-print"), Components.link("Рекомендация по строке", url))
    }

    /// "Показатель 1, ЕГЭ Математика: r 1,020 → 0,880; Показатель 2, ВПР Математика, 5 кл.: доля «2» 10,0 % → 20,0 %".
    static func valuesText(_ r: SchoolResult, _ m: Model) -> String {
        var parts: [String] = []
        for c in r.indicator1 {
            guard let q = c.current else { continue }
            let before = c.previous?.ratio?.ru(3) ?? "—"
            parts.append("Показатель 1, ЕГЭ \(MonFormat.subject(c.subject)): r \(before) → \(q.ratio?.ru(3) ?? "—")")
        }
        for c in r.indicator2.filter(\.inSummary) {
            parts.append("Показатель 2, ВПР \(MonFormat.subject(c.subject)), \(c.grade) кл.: доля «2» \(MonFormat.share(c.previous, mark: 2)) → \(MonFormat.share(c.current, mark: 2))")
        }
        return parts.joined(separator: "; ")
    }
}
