import Fluent
import Foundation
import Domain
import Views

/// The school card's view of the mentoring area: interactions per month, the last contact,
/// open routes and the deficit coverage of the school's teachers — coverage by the same
/// rule as «Сопровождение» (`CuratorshipFigures`), over this school only.
enum SchoolSupportFigures {
    static let months = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"]

    static func figures(_ school: School, principal p: Principal, today: CalendarDay, on db: any Database) async throws -> [(label: String, value: String, url: String?)] {
        let id = try school.requireID()
        let teachers = try await Person.query(on: db).filter(\.$school.$id == id).all()
        let teacherIDs = teachers.compactMap(\.id)
        let codes = Dictionary(teachers.map { ($0.id!, $0.staffCode) }, uniquingKeysWith: { a, _ in a })
        let interactions = try await Interaction.query(on: db).group(.or) { g in
            g.filter(\.$school.$id == id)
            if !teacherIDs.isEmpty { g.filter(\.$teacher.$id ~~ teacherIDs) }
        }.all()
        let days = interactions.compactMap(\.day)
        // The last six calendar months, oldest first.
        var monthly: [String] = []
        for back in (0..<6).reversed() {
            let index = today.year * 12 + today.month - 1 - back
            let (y, mo) = (index / 12, index % 12 + 1)
            monthly.append("\(months[mo - 1]) \(days.filter { $0.year == y && $0.month == mo }.count)")
        }
        let year = DeficitRules.diagnosticsYear(of: today)
        let routes = try await RouteRecord.query(on: db).filter(\.$teacher.$id ~~ teacherIDs).filter(\.$year == year).allWithSteps()
        let open = routes.filter { $0.routeState != .completed }.count
        let deficits = try await DeficitRecord.query(on: db).filter(\.$teacher.$id ~~ teacherIDs).filter(\.$year == year).filter(\.$hasDeficit == true).all()
        let input = CuratorshipFigures.Input(
            from: today, to: today, schools: [school.code],
            deficits: deficits.compactMap { d in
                guard let area = d.deficitArea, let code = codes[d.$teacher.id] else { return nil }
                return ProfessionalDeficit(teacher: code, school: school.code, area: area, date: d.diagnosticDay, year: year)
            },
            steps: routes.flatMap { r in r.steps.compactMap { s in
                guard let area = s.area, let code = codes[r.$teacher.id] else { return nil }
                return CuratorshipFigures.RouteStep(teacher: code, year: r.year, area: area, status: s.stepStatus)
            } })
        let rows = CuratorshipFigures.rows(input)
        func value(_ figure: String) -> String { rows.first { $0.scope == "school" && $0.figure == figure }?.value ?? "" }
        let coverage = Double(value("deficit_coverage")).map { RuFormat.decimal($0 * 100, digits: 1) + " %" } ?? "—"
        let readsRoutes = Access.allows(.readRoutes, p)
        return [
            ("Взаимодействий по месяцам", monthly.joined(separator: " · "), nil),
            ("Последний контакт", days.max()?.ru ?? "не было", nil),
            ("ИОМ \(YearLabel.schoolYear(year)) в работе", "\(open) из \(routes.count)", readsRoutes ? SiteURL.routes.path : nil),
            ("Охват дефицитов маршрутами", "\(coverage) (\(value("deficits_covered")) из \(value("deficits")))", nil),
        ]
    }
}
