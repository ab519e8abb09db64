import Fluent
import SQLKit
import Vapor
import Foundation
import Domain

/// The mentoring area's data of one municipality, read once and handed to the domain's rules:
/// the pairs (assignments with their interactions), deficits, route steps and people — the
/// input of `CuratorshipFigures`, which the page «Сопровождение» and `opora curatorship figures`
/// both print (one computation, so the page equals the command).
enum CuratorshipService {
    /// The day counter of the mentoring, plans and events areas: the same zone dates are shown in.
    static var zone: TimeZone { AppConfig.processTimeZone }

    /// One assignment of a mentor, curator or tutor, with the names the pages show.
    struct PairInfo: Sendable {
        let assignmentID: UUID
        let pool: SupportPool
        let authorID: UUID, authorCode: String, authorName: String
        let targetID: UUID, targetCode: String, targetName: String
        let span: AssignmentSpan
        let order: String
        let overCapacity: Bool
        var code: String { "\(authorCode)>\(targetCode)" }
    }

    struct Snapshot: Sendable {
        let input: CuratorshipFigures.Input
        let rows: [FigureRow]
        let pairs: [PairInfo]
        /// Staff code → name, school code → short name.
        let names: [String: String]
        let settings: MentoringSettings
        /// Person id → their own capacity, when set.
        let capacities: [UUID: Int]

        func value(_ scope: CuratorshipFigures.Scope, _ code: String, _ figure: String) -> String {
            rows.first { $0.scope == scope.rawValue && $0.scopeCode == code && $0.figure == figure }?.value ?? ""
        }
    }

    static func pool(_ kind: AssignmentKind?) -> SupportPool? {
        switch kind {
        case .mentorSchool: .mentor
        case .curatorSchool: .curator
        case .tutorTeacher: .tutor
        default: nil
        }
    }

    static func day(_ d: Date?) -> CalendarDay? { d.map { CalendarDay(date: $0, timeZone: zone) } }

    /// The pairs of a municipality (optionally only those of one supporter).
    static func pairs(_ municipalityID: UUID, author: UUID? = nil, on db: any Database) async throws -> [PairInfo] {
        var q = Assignment.query(on: db).filter(\.$municipalityID == municipalityID)
            .filter(\.$kind ~~ [AssignmentKind.mentorSchool, .curatorSchool, .tutorTeacher].map(\.rawValue))
            .with(\.$person).with(\.$school).with(\.$teacher)
        if let author { q = q.filter(\.$person.$id == author) }
        return try await q.all().compactMap { a in
            guard let pool = pool(a.assignmentKind), let person = a.person else { return nil }
            let span = AssignmentSpan(from: day(a.startsOn), to: day(a.endsOn))
            let order = a.orderNumber.isEmpty ? "" : "№ \(a.orderNumber)" + (a.orderDate.map { " от " + RuFormat.date($0, timeZone: zone) } ?? "")
            if pool == .tutor {
                guard let t = a.teacher else { return nil }
                return PairInfo(assignmentID: a.id!, pool: pool, authorID: person.id!, authorCode: person.staffCode, authorName: person.fullName,
                                targetID: t.id!, targetCode: t.staffCode, targetName: t.fullName, span: span, order: order, overCapacity: a.overCapacity)
            }
            guard let s = a.school else { return nil }
            return PairInfo(assignmentID: a.id!, pool: pool, authorID: person.id!, authorCode: person.staffCode, authorName: person.fullName,
                            targetID: s.id!, targetCode: s.code, targetName: s.shortName, span: span, order: order, overCapacity: a.overCapacity)
        }
    }

    /// Everything the figures of [from, to] need, in a handful of queries.
    static func snapshot(_ m: Municipality, from: CalendarDay, to: CalendarDay, on db: any Database) async throws -> Snapshot {
        let mid = try m.requireID()
        let settings = try await MentoringSettings.load(mid, on: db)
        let pairs = try await pairs(mid, on: db)
        // A year of work logs and every person of a large municipality are tens of thousands of
        // rows: read the few columns the figures use (Fluent's models decode each row by reflection).
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError) }
        var byPair: [String: [CuratorshipFigures.Interaction]] = [:]
        for row in try await sql.select().columns("author_id", "school_id", "teacher_id", "day", "duration_min").from(Interaction.schema)
            .where("municipality_id", .equal, mid).all() {
            guard let d = CalendarDay(iso: try row.decode(column: "day", as: String.self)),
                  let target = try row.decode(column: "teacher_id", as: UUID?.self) ?? row.decode(column: "school_id", as: UUID?.self) else { continue }
            byPair["\(try row.decode(column: "author_id", as: UUID.self))|\(target)", default: []]
                .append(.init(date: d, minutes: try row.decode(column: "duration_min", as: Int.self)))
        }
        let schools = try await School.query(on: db).filter(\.$municipality.$id == mid).all()
        let schoolCode = Dictionary(schools.map { ($0.id!, $0.code) }, uniquingKeysWith: { a, _ in a })
        var personByID: [UUID: (staffCode: String, schoolCode: String)] = [:]
        var names: [String: String] = [:]
        for row in try await sql.select().columns("id", "staff_code", "last_name", "first_name", "middle_name", "school_id").from(Person.schema)
            .where("municipality_id", .equal, mid).all() {
            let code = try row.decode(column: "staff_code", as: String.self)
            personByID[try row.decode(column: "id", as: UUID.self)] = (code, try row.decode(column: "school_id", as: UUID?.self).flatMap { schoolCode[$0] } ?? "")
            names[code] = try ["last_name", "first_name", "middle_name"].map { try row.decode(column: $0, as: String.self) }.filter { !$0.isEmpty }.joined(separator: " ")
        }
        for s in schools { names[s.code] = s.shortName }

        let records = try await DeficitRecord.query(on: db).filter(\.$municipalityID == mid).filter(\.$hasDeficit == true).all()
        let deficits: [ProfessionalDeficit] = records.compactMap { r in
            guard let area = r.deficitArea, let t = personByID[r.$teacher.id] else { return nil }
            let date = r.diagnosticDay
            return ProfessionalDeficit(teacher: t.staffCode, school: t.schoolCode, area: area, date: date, year: r.year, source: r.deficitSource)
        }
        let routes = try await RouteRecord.query(on: db).filter(\.$municipalityID == mid).allWithSteps()
        let steps: [CuratorshipFigures.RouteStep] = routes.flatMap { route in
            route.steps.compactMap { s in
                guard let area = s.area, let t = personByID[route.$teacher.id] else { return nil }
                return CuratorshipFigures.RouteStep(teacher: t.staffCode, year: route.year, area: area, status: s.stepStatus)
            }
        }
        let figurePairs = pairs.map { p in
            CuratorshipFigures.Pair(author: p.authorCode, target: p.targetCode, pool: p.pool, span: p.span,
                                    interactions: byPair["\(p.authorID)|\(p.targetID)"] ?? [])
        }
        var spans: [String: [AssignmentSpan]] = [:]
        for p in pairs { spans[p.authorCode, default: []].append(p.span) }
        let supported = Set(pairs.filter { $0.pool != .tutor }.map(\.targetCode))
        var input = CuratorshipFigures.Input(from: from, to: to, quietThresholdDays: settings.quietDays, pairs: figurePairs,
                                             schools: schools.map(\.code).filter(supported.contains), deficits: deficits, steps: steps,
                                             people: spans.map { .init(staffCode: $0.key, assignments: $0.value) })
        // Supported schools: ШНОР or ШССУ in the latest status year of the municipality.
        let statuses = try await SchoolStatus.query(on: db).filter(\.$school.$id ~~ schools.compactMap(\.id)).all()
        let statusYear = statuses.map(\.year).max()
        let codeByID = Dictionary(schools.map { ($0.id!, $0.code) }, uniquingKeysWith: { a, _ in a })
        input.municipality = m.code
        input.supportedSchools = statuses.filter { $0.year == statusYear && ($0.lowResults || $0.difficultConditions) }.compactMap { codeByID[$0.$school.id] }
        let capacities = try await SupportCapacity.query(on: db).filter(\.$personID ~~ Array(Set(pairs.map(\.authorID)))).all()
        return Snapshot(input: input, rows: CuratorshipFigures.rows(input), pairs: pairs, names: names, settings: settings,
                        capacities: Dictionary(capacities.filter { $0.capacity > 0 }.map { ($0.personID, $0.capacity) }, uniquingKeysWith: { a, _ in a }))
    }

    /// The capacity of a supporter: their own, or the municipal default of their pool.
    static func capacity(_ personID: UUID, pool: SupportPool, _ snap: Snapshot) -> Int {
        Capacity.effective(personal: snap.capacities[personID], municipalDefault: pool == .tutor ? snap.settings.tutorCapacity : snap.settings.mentorCapacity)
    }
}
