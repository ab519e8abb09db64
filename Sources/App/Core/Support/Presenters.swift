import Foundation
import Domain
import Views

/// Domain values → the strings and badges pages show.
enum Present {
    static func badges(_ s: SchoolStatus?, labels: (low: String, difficult: String)) -> [(String, Components.BadgeKind)] {
        guard let s else { return [] }
        var b: [(String, Components.BadgeKind)] = []
        if s.lowResults { b.append((labels.low, .lowResults)) }
        if s.difficultConditions { b.append((labels.difficult, .difficult)) }
        if s.program500 { b.append(("«500+»", .program500)) }
        if s.objectivityRisk { b.append(("риск необъективности", .objectivity)) }
        return b
    }

    static func order(_ number: String, _ date: Date?, tz: TimeZone) -> String {
        switch (number.isEmpty, date) {
        case (true, nil): "—"
        case (false, nil): "№ \(number)"
        case (true, let d?): "от \(RuFormat.date(d, timeZone: tz))"
        case (false, let d?): "№ \(number) от \(RuFormat.date(d, timeZone: tz))"
        }
    }

    static func optional(_ x: Double?, digits: Int = 1) -> String { x.map { RuFormat.decimal($0, digits: digits) } ?? "—" }
    static func optional(_ x: Int?) -> String { x.map(RuFormat.integer) ?? "—" }
    static func orDash(_ s: String) -> String { s.isEmpty ? "—" : s }

    static func functions(_ p: Person) -> String {
        PersonFunction.allCases.filter { p.functionSet.contains($0) }.map(\.title).joined(separator: ", ")
    }

    static func yearLabel(_ year: Int, _ m: Municipality?) -> String { YearLabel.label(year, period: m?.period ?? .schoolYear) }
}

/// Paging of an in-memory list (lists are filtered within the scope first).
struct Paged<T> {
    let items: [T], page: Int, pageCount: Int, total: Int
    init(_ all: [T], page: Int, per: Int = 50) {
        total = all.count
        pageCount = max(1, (all.count + per - 1) / per)
        self.page = min(max(1, page), pageCount)
        items = Array(all.dropFirst((self.page - 1) * per).prefix(per))
    }
}
