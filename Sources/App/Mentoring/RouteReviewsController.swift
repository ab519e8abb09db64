import Vapor
import Fluent
import Views
import Domain
import Plot

/// The quarterly review of a route (what was corrected) and the teacher's five subject-competence
/// indicators of a year (Concept §5.1): recorded by the tutor, the mentor of the school or the center.
enum RouteReviewsController {
    static func supporterOrCenter(_ req: Request, _ t: Person) throws {
        let actor = try RoutesController.actor(req, t)
        guard actor == .supporter || actor == .center else { throw AppError.forbidden }
    }

    @Sendable static func review(req: Request) async throws -> Response {
        let t = try await RoutesController.teacher(req)
        try supporterOrCenter(req, t)
        let f = FormFields(req)
        let year = RoutesController.yearField(f, req)
        guard let route = try await RouteRecord.query(on: req.db).filter(\.$teacher.$id == t.id!).filter(\.$year == year).first() else {
            return RoutesController.back(req, t, year, "Маршрута этого года ещё нет.", kind: .error)
        }
        guard !f["corrected"].isEmpty else { return RoutesController.back(req, t, year, "Опишите, что скорректировано по итогам ревизии.", kind: .error) }
        let r = RouteReview()
        r.$route.id = route.id!; r.day = SupportController.today(req).iso; r.authorName = try req.requireUser().displayName
        r.corrected = String(f["corrected"].prefix(4000))
        try await req.db.transaction { db in
            try await r.create(on: db)
            try await Audit.record(req, on: db, .create, entity: "route_review", id: r.id, label: "ИОМ \(t.fullName), \(year): ревизия", municipalityID: t.$municipality.id)
        }
        return RoutesController.back(req, t, year, "Ревизия маршрута записана.")
    }

    /// The five indicators at once: an empty value removes the year's record of that indicator.
    @Sendable static func competences(req: Request) async throws -> Response {
        let t = try await RoutesController.teacher(req)
        try supporterOrCenter(req, t)
        let f = FormFields(req)
        let year = RoutesController.yearField(f, req)
        let existing = try await CompetenceRecord.query(on: req.db).filter(\.$teacher.$id == t.id!).filter(\.$year == year).all()
        let byIndicator = Dictionary(existing.map { ($0.indicator, $0) }, uniquingKeysWith: { a, _ in a })
        try await req.db.transaction { db in
            for indicator in SubjectCompetenceIndicator.allCases {
                let value = String(f[indicator.rawValue].prefix(200))
                let row = byIndicator[indicator.rawValue]
                if value.isEmpty { try await row?.delete(on: db); continue }
                let r = row ?? CompetenceRecord()
                r.municipalityID = t.$municipality.id; r.$teacher.id = t.id!; r.year = year; r.indicator = indicator.rawValue; r.value = value
                try await r.save(on: db)
            }
            try await Audit.record(req, on: db, .update, entity: "competence_record", id: t.id, label: "\(t.fullName), \(year): показатели предметной компетенции",
                                   municipalityID: t.$municipality.id, before: Dictionary(existing.map { ($0.indicator, $0.value) }, uniquingKeysWith: { a, _ in a }),
                                   after: Dictionary(SubjectCompetenceIndicator.allCases.map { ($0.rawValue, f[$0.rawValue]) }, uniquingKeysWith: { a, _ in a }))
        }
        return RoutesController.back(req, t, year, "Показатели предметной компетенции сохранены.")
    }

    /// The review history and the indicators, for the route page.
    static func sections(_ req: Request, teacher t: Person, route: RouteRecord?, year: Int, canEdit: Bool) async throws -> Node<HTML.BodyContext> {
        let reviews = try await route.asyncMap { r in try await RouteReview.query(on: req.db).filter(\.$route.$id == r.id!).sort(\.$day, .descending).all() } ?? []
        let records = try await CompetenceRecord.query(on: req.db).filter(\.$teacher.$id == t.id!).filter(\.$year == year).all()
        let values = Dictionary(records.map { ($0.indicator, $0.value) }, uniquingKeysWith: { a, _ in a })
        return RouteReviewViews.sections(
            reviews: reviews.map { (CalendarDay(iso: $0.day)?.ru ?? $0.day, $0.authorName, $0.corrected) },
            indicators: SubjectCompetenceIndicator.allCases.map { (key: $0.rawValue, title: $0.title, value: values[$0.rawValue] ?? "") },
            reviewURL: canEdit && route != nil ? SiteURL.routeReviews(t.id!.uuidString).path : nil,
            competenceURL: canEdit ? SiteURL.routeCompetences(t.id!.uuidString).path : nil, year: year, csrf: req.csrfToken)
    }
}
