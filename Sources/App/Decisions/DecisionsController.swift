import Vapor
import Fluent
import Views
import Domain

/// «Решения и рекомендации» (issue 11): the register of a municipality, a new decision (also in one
/// step from a row of the results monitoring), the addressee's report, the issuer's control.
enum DecisionsController {
    static func render(_ req: Request, _ page: ControlPage, status: HTTPStatus = .ok) -> Response {
        req.page(page.title, section: .risks, crumbs: page.crumbs, status: status, page.body)
    }

    static func today(_ req: Request) -> CalendarDay { PlanService.today(req) }

    /// The municipalities whose register the user reads: whole ones, or those of their schools.
    static func municipalities(_ req: Request) async throws -> [Request.MunicipalityEntry] {
        let p = try req.principal()
        let own = Access.adminSchools(p)
        let homes = own.isEmpty ? [] : Set(try await School.query(on: req.db).filter(\.$id ~~ Array(own)).all().map(\.$municipality.id))
        return try await req.municipalityDirectory().filter { Access.canReadMunicipality($0.id, regionID: $0.regionID, p) || homes.contains($0.id) }
    }

    static func load(_ req: Request) async throws -> (Decision, Municipality) {
        guard let d = try await Decision.find(req.id(), on: req.db), let m = try await Municipality.find(d.municipalityID, on: req.db) else { throw AppError.notFound("Решение") }
        guard Access.canReadDecision(to: d.to, school: d.$school.id, in: m.ref, try req.principal()) else { throw AppError.forbidden }
        return (d, m)
    }

    struct IndexQuery: PageQuery {
        var municipality: UUID?, state: DecisionState?, overdue: Bool
        static let keys = ["municipality", "state", "overdue"]
        init(_ q: QueryValues) { municipality = q.uuid("municipality"); state = q.value("state", as: DecisionState.self); overdue = q.string("overdue") == "1" }
        var items: [String: String] { .query([("municipality", municipality?.uuidString), ("state", state?.rawValue), ("overdue", overdue ? "1" : nil)]) }
    }

    static func row(_ d: Decision, schools: [UUID: String], today: CalendarDay) -> DecisionPages.Row {
        var r = DecisionPages.Row()
        r.url = SiteURL.control(.decision(d.id!.uuidString)).path
        r.issued = d.issuedDay?.ru ?? ""; r.number = d.number; r.type = "\(d.decisionType.title), \(d.horizonTitle); \(d.formTitle)"
        r.to = d.to.title + (d.$school.id.flatMap { schools[$0] }.map { ": " + $0 } ?? "")
        r.content = String(d.content.prefix(200)); r.deadline = d.deadlineDay?.ru ?? ""; r.responsible = d.responsible
        r.state = d.decisionState.title; r.stateValue = d.state; r.overdue = d.isOverdue(today)
        r.late = d.decisionState == .accepted && DecisionRules.isLate(deadline: d.deadlineDay ?? today, reportDay: d.reportDay.flatMap(CalendarDay.init(iso:)))
        return r
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let p = try req.principal()
        let q = req.query(IndexQuery.self)
        let all = try await municipalities(req)
        guard let e = all.first(where: { $0.id == q.municipality }) ?? all.first else { throw AppError.forbidden }
        let today = today(req)
        var query = Decision.query(on: req.db).filter(\.$municipalityID == e.id)
        if !Access.canReadMunicipality(e.id, regionID: e.regionID, p) {
            query = query.filter(\.$school.$id ~~ Array(Access.adminSchools(p)))
        }
        if let s = q.state { query = query.filter(\.$state == s.rawValue) }
        var rows = try await query.sort(\.$deadline).all()
        if q.overdue { rows = rows.filter { $0.isOverdue(today) } }
        rows.sort { a, b in a.isOverdue(today) != b.isOverdue(today) ? a.isOverdue(today) : a.deadline < b.deadline }
        let schools = try await schoolNames(e.id, on: req.db)
        var m = DecisionPages.IndexModel()
        m.municipalityName = e.name; m.municipalityID = e.id.uuidString; m.municipalities = all.map { Views.Option($0.id.uuidString, $0.name) }
        m.state = q.state?.rawValue ?? ""; m.overdueOnly = q.overdue
        m.rows = rows.map { row($0, schools: schools, today: today) }; m.overdueCount = m.rows.filter(\.overdue).count
        if Access.decisionIssuer(p, in: MunicipalityRef(id: e.id, regionID: e.regionID)) != nil {
            m.newURL = SiteURL.control(.decisionNew(municipality: e.id.uuidString)).path
        }
        let ref = MunicipalityRef(id: e.id, regionID: e.regionID)
        if Access.allows(.readRisks, p, in: ref) { m.riskMatrixURL = SiteURL.risks(.matrix(municipality: e.id.uuidString)).path }
        if Access.allows(.readAudits, p, in: ref) { m.auditsURL = SiteURL.risks(.audits(municipality: e.id.uuidString)).path }
        return render(req, DecisionPages.index(m))
    }

    static func schoolNames(_ m: UUID, on db: any Database) async throws -> [UUID: String] {
        Dictionary(try await School.query(on: db).filter(\.$municipality.$id == m).all().map { ($0.id!, $0.shortName) }, uniquingKeysWith: { a, _ in a })
    }
}
