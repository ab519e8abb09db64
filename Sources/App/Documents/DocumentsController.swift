import Vapor
import Fluent
import Views
import Domain

/// «Документы школ» (issue 11): a supported school's documents with due dates, their versions (a file
/// or an in-system plan) and the review by the school's assigned mentor or curator; the center's
/// control table per school of its municipality.
enum DocumentsController {
    static func render(_ req: Request, _ page: ControlPage, status: HTTPStatus = .ok) -> Response {
        req.page(page.title, section: .plans, crumbs: page.crumbs, status: status, page.body)
    }

    static func today(_ req: Request) -> CalendarDay { PlanService.today(req) }

    /// The school of `:id` if the user reads its documents (404 / 403 first).
    static func school(_ req: Request, id: UUID? = nil) async throws -> School {
        guard let s = try await School.find(try id ?? req.id(), on: req.db) else { throw AppError.notFound("Школа") }
        guard Access.canReadDocuments(of: s.place, try req.principal()) else { throw AppError.forbidden }
        return s
    }

    /// The document of `:id` with its school, if the user reads it.
    static func load(_ req: Request) async throws -> (SchoolDocument, School) {
        guard let d = try await SchoolDocument.find(req.id(), on: req.db) else { throw AppError.notFound("Документ") }
        return (d, try await school(req, id: d.$school.id))
    }

    static func row(_ d: SchoolDocument, school: School?, today: CalendarDay) -> DocumentPages.Row {
        var r = DocumentPages.Row()
        r.school = school?.shortName ?? ""; r.schoolURL = school.map { SiteURL.control(.schoolDocuments($0.id!.uuidString)).path } ?? ""
        r.title = d.title; r.url = SiteURL.control(.document(d.id!.uuidString)).path
        r.due = d.due?.ru ?? "—"; r.state = d.documentState.title; r.stateValue = d.state; r.version = d.version
        r.overdue = DocumentWorkflow.isOverdue(due: d.due, state: d.documentState, today: today)
        return r
    }

    static func ranked(_ docs: [SchoolDocument], today: CalendarDay) -> [SchoolDocument] {
        docs.sorted { a, b in
            let ra = DocumentWorkflow.controlRank(due: a.due, state: a.documentState, today: today)
            let rb = DocumentWorkflow.controlRank(due: b.due, state: b.documentState, today: today)
            return ra != rb ? ra < rb : a.title < b.title
        }
    }

    struct IndexQuery: PageQuery {
        var municipality: UUID?
        static let keys = ["municipality"]
        init(_ q: QueryValues) { municipality = q.uuid("municipality") }
        var items: [String: String] { .query([("municipality", municipality?.uuidString)]) }
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let p = try req.principal()
        let q = req.query(IndexQuery.self)
        let own = Access.documentSchools(p)
        let ownSchools = own.isEmpty ? [] : try await School.query(on: req.db).filter(\.$id ~~ Array(own)).all()
        let all = try await req.municipalityDirectory().filter { e in
            Access.canReadMunicipality(e.id, regionID: e.regionID, p) || ownSchools.contains { $0.$municipality.id == e.id }
        }
        guard let e = all.first(where: { $0.id == q.municipality }) ?? all.first else { throw AppError.forbidden }
        let whole = Access.canReadMunicipality(e.id, regionID: e.regionID, p)
        let schools = whole ? try await School.query(on: req.db).filter(\.$municipality.$id == e.id).sort(\.$shortName).all()
                            : ownSchools.filter { $0.$municipality.id == e.id }.sorted { $0.shortName < $1.shortName }
        let byID = Dictionary(schools.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let docs = try await SchoolDocument.query(on: req.db).filter(\.$municipalityID == e.id).filter(\.$school.$id ~~ Array(byID.keys)).all()
        let today = today(req)
        var m = DocumentPages.IndexModel()
        m.municipalityName = e.name; m.municipalityID = e.id.uuidString; m.today = today.ru
        m.municipalities = all.map { Views.Option($0.id.uuidString, $0.name) }
        m.rows = ranked(docs, today: today).map { row($0, school: byID[$0.$school.id], today: today) }
        let grouped = Dictionary(grouping: docs, by: { $0.$school.id })
        m.schools = schools.compactMap { s in
            guard let ds = grouped[s.id!] else { return nil }
            var r = DocumentPages.SchoolSummary()
            r.school = s.shortName; r.url = SiteURL.control(.schoolDocuments(s.id!.uuidString)).path
            r.notSubmitted = ds.filter { $0.documentState.waitsForSchool }.count
            r.overdue = ds.filter { DocumentWorkflow.isOverdue(due: $0.due, state: $0.documentState, today: today) }.count
            r.waiting = ds.filter { $0.documentState.waitsForReview }.count
            r.accepted = ds.filter { $0.documentState == .accepted }.count
            return r
        }.sorted { ($0.overdue, $0.notSubmitted, $0.waiting) > ($1.overdue, $1.notSubmitted, $1.waiting) }
        return render(req, DocumentPages.index(m))
    }

    // MARK: a school's list

    @Sendable static func schoolList(req: Request) async throws -> Response {
        try await schoolPage(req, try await school(req), values: [:], errors: [])
    }

    static func schoolPage(_ req: Request, _ s: School, values: [String: String], errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let today = today(req)
        let docs = try await SchoolDocument.query(on: req.db).filter(\.$school.$id == s.id!).all()
        var m = DocumentPages.SchoolModel()
        m.schoolName = s.shortName; m.schoolURL = SiteURL.school(s.id!.uuidString).path
        m.rows = ranked(docs, today: today).map { row($0, school: s, today: today) }
        if Access.canKeepDocuments(of: s.place, try req.principal()) { m.addAction = SiteURL.control(.schoolDocuments(s.id!.uuidString)).path }
        m.values = values; m.errors = errors; m.csrf = req.csrfToken
        return render(req, DocumentPages.school(m), status: status)
    }

    /// Rows for the school card (the same order as the list).
    static func cardRows(_ s: School, _ p: Principal, today: CalendarDay, on db: any Database) async throws -> [DocumentPages.Row]? {
        guard Access.canReadDocuments(of: s.place, p) else { return nil }
        let docs = try await SchoolDocument.query(on: db).filter(\.$school.$id == s.id!).all()
        return ranked(docs, today: today).map { row($0, school: s, today: today) }
    }

    @Sendable static func add(req: Request) async throws -> Response {
        let s = try await school(req)
        guard Access.canKeepDocuments(of: s.place, try req.principal()) else { throw AppError.forbidden }
        let f = FormFields(req)
        var (draft, errors) = SchoolDocumentDraft.parse(kind: f["kind"], risk: f["risk"], due: f["due"])
        if let draft {
            let same = try await SchoolDocument.query(on: req.db).filter(\.$school.$id == s.id!).filter(\.$kind == draft.kind.rawValue).all()
                .contains { $0.risk.lowercased() == draft.risk.lowercased() }
            if same { errors.append(.init(field: draft.kind.needsRisk ? "risk" : "kind", message: "Такой документ у школы уже есть: откройте его в списке выше.")) }
        }
        guard errors.isEmpty, let draft else { return try await schoolPage(req, s, values: f.flat, errors: errors, status: .unprocessableEntity) }
        let d = SchoolDocument()
        d.municipalityID = s.$municipality.id; d.$school.id = s.id!; d.kind = draft.kind.rawValue; d.risk = draft.risk
        d.dueDay = draft.due.iso; d.state = SchoolDocumentState.required.rawValue; d.version = 0
        try await req.db.transaction { db in
            try await d.create(on: db)
            try await Audit.record(req, on: db, .create, entity: "school_document", id: d.id, label: "\(s.shortName): \(d.title), срок \(draft.due.ru)",
                                   municipalityID: s.$municipality.id)
        }
        return req.redirect(SiteURL.control(.schoolDocuments(s.id!.uuidString)).path, flash: "Документ добавлен: срок сдачи \(draft.due.ru).")
    }
}
