import Vapor
import Fluent
import Views
import Domain

/// Comments of mentors, tutors and the center on a teacher's route or a school's programme:
/// each its own record (strength, what to improve, next step, author, date).
enum CommentsController {
    struct Fields { let strength: String, improve: String, next: String }

    static func fields(_ f: FormFields) -> Fields? {
        let c = Fields(strength: String(f["strength"].prefix(2000)), improve: String(f["improve"].prefix(2000)), next: String(f["next_step"].prefix(2000)))
        return c.strength.isEmpty && c.improve.isEmpty && c.next.isEmpty ? nil : c
    }

    static func save(_ req: Request, target: SupportComment.Target, id: UUID, municipalityID: UUID, label: String, _ c: Fields) async throws {
        let user = try req.requireUser()
        let author = try await user.principal.personID.asyncMap { try await Person.find($0, on: req.db) } ?? nil
        let row = SupportComment()
        row.municipalityID = municipalityID; row.targetKind = target.rawValue; row.targetID = id
        row.authorID = author?.id; row.authorName = author?.fullName ?? user.displayName
        row.strength = c.strength; row.improve = c.improve; row.nextStep = c.next
        try await req.db.transaction { db in
            try await row.create(on: db)
            try await Audit.record(req, on: db, .create, entity: "support_comment", id: row.id, label: label, municipalityID: municipalityID)
        }
    }

    @Sendable static func onRoute(req: Request) async throws -> Response {
        let t = try await RoutesController.teacher(req)
        guard Access.canComment(onRouteOf: t.id!, at: t.place, try req.principal()) else { throw AppError.forbidden }
        let f = FormFields(req)
        let year = RoutesController.yearField(f, req)
        guard let route = try await RouteRecord.query(on: req.db).filter(\.$teacher.$id == t.id!).filter(\.$year == year).first() else {
            return RoutesController.back(req, t, year, "Маршрута этого года ещё нет: комментировать нечего.", kind: .error)
        }
        guard let c = fields(f) else { return RoutesController.back(req, t, year, "Заполните хотя бы одно поле комментария.", kind: .error) }
        try await save(req, target: .route, id: route.id!, municipalityID: t.$municipality.id, label: "ИОМ \(t.fullName), \(year)", c)
        return RoutesController.back(req, t, year, "Комментарий к маршруту сохранён.")
    }

    @Sendable static func onSchool(req: Request) async throws -> Response {
        let school = try await SchoolsController.load(req)
        guard Access.canComment(onSchool: school.place, try req.principal()) else { throw AppError.forbidden }
        guard let c = fields(FormFields(req)) else {
            return req.redirect(.school(school.id!.uuidString, anchor: .support), flash: "Заполните хотя бы одно поле комментария.", kind: .error)
        }
        try await save(req, target: .school, id: school.id!, municipalityID: school.$municipality.id, label: "Программа школы \(school.shortName)", c)
        return req.redirect(.school(school.id!.uuidString, anchor: .support), flash: "Комментарий к программе школы сохранён.")
    }

    /// The comments of one target, newest first, for a page.
    static func list(_ target: SupportComment.Target, _ id: UUID, on db: any Database, tz: TimeZone) async throws -> [CommentViews.Comment] {
        try await SupportComment.query(on: db).filter(\.$targetKind == target.rawValue).filter(\.$targetID == id).sort(\.$createdAt, .descending).all().map { c in
            .init(author: c.authorName, when: c.createdAt.map { RuFormat.date($0, timeZone: tz) } ?? "", strength: c.strength, improve: c.improve, next: c.nextStep)
        }
    }
}
