import Vapor
import Fluent
import Views
import Domain

/// «Пулы наставников и тьюторов»: the municipality's mentors, curators and tutors with their
/// home organisation, position, qualification, subjects, regional-tutor training, capacity
/// (their own or the municipal default) and load today.
enum PoolController {
    struct Query: PageQuery {
        var municipality: UUID?, pool: SupportPool?
        static let keys = ["municipality", "pool"]
        init(_ q: QueryValues) { municipality = q.uuid("municipality"); pool = q.value("pool", as: SupportPool.self) }
        var items: [String: String] { .query([("municipality", municipality?.uuidString), ("pool", pool?.rawValue)]) }
    }

    static func function(_ pool: SupportPool) -> PersonFunction {
        switch pool { case .mentor: .mentor; case .curator: .curator; case .tutor: .tutor }
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let p = try req.principal()
        let q = req.query(Query.self)
        let all = try await req.municipalityDirectory().filter { Access.canReadMunicipality($0.id, regionID: $0.regionID, p) }
        guard let e = all.first(where: { $0.id == q.municipality }) ?? all.first, q.municipality == nil || e.id == q.municipality,
              let m = try await Municipality.find(e.id, on: req.db) else { throw AppError.forbidden }
        let pools = q.pool.map { [$0] } ?? SupportPool.allCases
        let people = try await Person.query(on: req.db).filter(\.$municipality.$id == m.id!).with(\.$school).sort(\.$lastName).all()
            .filter { person in pools.contains { person.functionSet.contains(function($0)) } }
        let ids = people.compactMap(\.id)
        let profiles = Dictionary(try await SupportCapacity.query(on: req.db).filter(\.$personID ~~ ids).all().map { ($0.personID, $0) }, uniquingKeysWith: { a, _ in a })
        let settings = try await MentoringSettings.load(m.id!, on: req.db)
        let today = SupportController.today(req)
        let assignments = try await Assignment.query(on: req.db).filter(\.$person.$id ~~ ids)
            .filter(\.$kind ~~ [AssignmentKind.mentorSchool, .curatorSchool, .tutorTeacher].map(\.rawValue)).all()
        let byPerson = Dictionary(grouping: assignments, by: { $0.$person.id! })
        let rows: [PoolViews.Row] = people.map { person in
            let isTutor = person.functionSet.contains(.tutor) && !person.functionSet.contains(.mentor) && !person.functionSet.contains(.curator)
            let own = profiles[person.id!]?.capacity.nonZero
            let capacity = Capacity.effective(personal: own, municipalDefault: isTutor ? settings.tutorCapacity : settings.mentorCapacity)
            let load = Capacity.load(assignments: (byPerson[person.id!] ?? []).map(AssignmentRules.span), at: today)
            return .init(name: person.fullName, url: SiteURL.person(person.id!.uuidString).path,
                         pools: SupportPool.allCases.filter { person.functionSet.contains(function($0)) }.map(\.title).joined(separator: ", "),
                         home: person.school?.shortName ?? "Центр", position: Present.orDash(person.position),
                         category: (QualificationCategory(rawValue: person.category) ?? .none).title, subjects: Present.orDash(person.subjects),
                         regionalTraining: profiles[person.id!]?.regionalTraining ?? false,
                         capacity: own.map { "\($0) (своя)" } ?? "\(capacity) (норма)", load: load, over: Capacity.isOver(load: load, capacity: capacity))
        }
        let model = PoolViews.Model(rows: rows, municipalityID: m.id!.uuidString, pool: q.pool?.rawValue ?? "",
                                    pools: SupportPool.allCases.map { Views.Option($0.rawValue, $0.title) })
        return req.page("Наставники, кураторы и тьюторы: \(m.name)", section: .support, crumbs: SupportController.crumbs + [Crumb("Пулы")], PoolViews.body(model))
    }
}
