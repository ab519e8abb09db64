import Vapor
import Fluent
import Views
import Domain

/// A document's page: its versions with files, plans and comments; the school submits a version,
/// the assigned mentor or curator takes it for review, returns it with comments or accepts it.
extension DocumentsController {
    @Sendable static func show(req: Request) async throws -> Response {
        let (d, s) = try await load(req)
        return try await showPage(req, d, s, values: [:], errors: [])
    }

    static func showPage(_ req: Request, _ d: SchoolDocument, _ s: School, values: [String: String], errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let p = try req.principal()
        let today = today(req)
        let versions = try await SchoolDocumentVersion.query(on: req.db).filter(\.$document.$id == d.id!).sort(\.$version, .descending).all()
        let files = try await AttachmentsController.list(.schoolDocumentVersion, versions.compactMap(\.id), on: req.db)
        let planIDs = versions.compactMap(\.planID)
        let planTitles = planIDs.isEmpty ? [:] : Dictionary(try await Plan.query(on: req.db).filter(\.$id ~~ planIDs).all().map { ($0.id!, $0.title) }, uniquingKeysWith: { a, _ in a })
        let id = d.id!.uuidString
        var m = DocumentPages.ShowModel()
        m.id = id; m.title = d.title; m.schoolName = s.shortName; m.schoolURL = SiteURL.school(s.id!.uuidString).path
        m.listURL = SiteURL.control(.schoolDocuments(s.id!.uuidString)).path
        m.facts = [("Школа", s.shortName), ("Вид", d.documentKind.title)] + (d.risk.isEmpty ? [] : [("Риск", d.risk)])
            + [("Срок сдачи", d.due?.ru ?? "—"), ("Версий", String(d.version))]
        m.state = d.documentState.title; m.stateValue = d.state
        m.overdue = DocumentWorkflow.isOverdue(due: d.due, state: d.documentState, today: today)
        m.versions = versions.map { v in
            var r = DocumentPages.VersionRow()
            r.number = v.version; r.submitted = RuFormat.dateTime(v.submittedAt, timeZone: PlanService.zone); r.by = v.submittedBy; r.note = v.note
            r.files = files[v.id!] ?? []
            if let pid = v.planID { r.planTitle = planTitles[pid] ?? "план"; r.planURL = SiteURL.plan(pid.uuidString).path }
            r.outcome = SchoolDocumentState(rawValue: v.outcome)?.title ?? ""; r.comment = v.comment
            r.reviewedBy = v.reviewedBy; r.reviewed = v.reviewedAt.map { RuFormat.dateTime($0, timeZone: PlanService.zone) } ?? ""
            return r
        }
        if Access.canKeepDocuments(of: s.place, p), d.documentState.waitsForSchool {
            m.submitAction = SiteURL.control(.documentSubmit(id)).path
            m.plans = try await Plan.query(on: req.db).filter(\.$school.$id == s.id!).sort(\.$year, .descending).all()
                .map { Views.Option($0.id!.uuidString, "\($0.title) (\($0.year))") }
        }
        if Access.canReviewDocuments(of: s.place, p), d.documentState.waitsForReview {
            m.reviewAction = SiteURL.control(.documentReview(id)).path; m.canStart = d.documentState == .submitted
        }
        m.values = values; m.errors = errors; m.csrf = req.csrfToken
        return render(req, DocumentPages.show(m), status: status)
    }

    struct SubmitForm: Content { var file: File?; var plan: String?; var note: String? }

    @Sendable static func submit(req: Request) async throws -> Response {
        let (d, s) = try await load(req)
        let p = try req.principal()
        guard Access.canKeepDocuments(of: s.place, p) else { throw AppError.forbidden }
        let form = (try? req.content.decode(SubmitForm.self)) ?? SubmitForm()
        let file = form.file.flatMap { $0.data.readableBytes > 0 ? $0 : nil }
        let note = String((form.note ?? "").prefix(2000))
        var errors: [FieldError] = []
        var plan: Plan?
        if let raw = form.plan, !raw.isEmpty {
            plan = try await UUID(uuidString: raw).asyncMap { try await Plan.find($0, on: req.db) } ?? nil
            if plan?.$school.id != s.id { plan = nil; errors.append(.init(field: "plan", message: "Этот план не из планов школы: выберите план из списка.")) }
        }
        if let file, file.data.readableBytes > AttachmentsController.maxBytes {
            errors.append(.init(field: "file", message: "Файл больше 10 МБ: уменьшите его или сдайте план из раздела «Планы»."))
        }
        if errors.isEmpty, let problem = DocumentWorkflow.submitProblem(state: d.documentState, hasFile: file != nil, hasPlan: plan != nil) {
            errors.append(.init(field: "file", message: problem))
        }
        guard errors.isEmpty else {
            return try await showPage(req, d, s, values: ["form": "submit", "note": note, "plan": form.plan ?? ""], errors: errors, status: .unprocessableEntity)
        }
        let user = try req.requireUser()
        let v = SchoolDocumentVersion()
        v.$document.id = d.id!; v.version = d.version + 1; v.planID = plan?.id; v.note = note
        v.submittedAt = req.now; v.submittedBy = user.displayName; v.outcome = ""; v.comment = ""; v.reviewedBy = ""
        let before = d.state
        d.version = v.version; d.state = SchoolDocumentState.submitted.rawValue
        let reviewers = try await Notifier.reviewers(of: s.id!, on: today(req), db: req.db)
        let url = SiteURL.control(.document(d.id!.uuidString)).path
        try await req.db.transaction { db in
            try await v.create(on: db)
            try await d.update(on: db)
            try await Audit.record(req, on: db, .update, entity: "school_document", id: d.id, label: "\(s.shortName): \(d.title) — сдана версия \(v.version)",
                                   municipalityID: s.$municipality.id, before: ["state": before], after: ["state": d.state, "version": String(v.version)])
            try await Notifier.send(.documentSubmitted, "\(s.shortName) сдала на проверку «\(d.title)», версия \(v.version).", url: url,
                                    to: reviewers, except: user.id, at: req.now, on: db)
        }
        if let file {
            try await AttachmentsController.save(req, file, owner: .schoolDocumentVersion, id: v.id!, municipalityID: s.$municipality.id,
                                                 label: "\(s.shortName): \(d.title), версия \(v.version)")
        }
        let flash = reviewers.isEmpty ? "Версия \(v.version) сдана. У школы нет закреплённого наставника или куратора — сообщите в центр." : "Версия \(v.version) сдана на проверку."
        return req.redirect(url, flash: flash)
    }

    @Sendable static func review(req: Request) async throws -> Response {
        let (d, s) = try await load(req)
        guard Access.canReviewDocuments(of: s.place, try req.principal()) else { throw AppError.forbidden }
        let f = FormFields(req)
        let comment = String(f["comment"].prefix(5000))
        guard let action = DocumentReviewAction(rawValue: f["action"]) else {
            return try await showPage(req, d, s, values: f.flat.merging(["form": "review"]) { $1 },
                                      errors: [.init(field: "action", message: "Выберите решение: вернуть с замечаниями или принять.")], status: .unprocessableEntity)
        }
        let next: SchoolDocumentState
        switch DocumentWorkflow.review(action, state: d.documentState, comment: comment) {
        case .failure(let r):
            return try await showPage(req, d, s, values: f.flat.merging(["form": "review"]) { $1 }, errors: [.init(field: r.field, message: r.message)],
                                      status: .unprocessableEntity)
        case .success(let state): next = state
        }
        guard let v = try await SchoolDocumentVersion.query(on: req.db).filter(\.$document.$id == d.id!).filter(\.$version == d.version).first() else {
            throw AppError.notFound("Версия документа")
        }
        let user = try req.requireUser()
        let before = d.state
        d.state = next.rawValue
        if action != .start {
            v.outcome = next.rawValue; v.comment = comment; v.reviewedAt = req.now; v.reviewedBy = user.displayName
        }
        let admins = try await Notifier.schoolAdmins(s.id!, on: req.db)
        let url = SiteURL.control(.document(d.id!.uuidString)).path
        try await req.db.transaction { db in
            try await d.update(on: db)
            try await v.update(on: db)
            try await Audit.record(req, on: db, .update, entity: "school_document", id: d.id, label: "\(s.shortName): \(d.title), версия \(v.version) — \(next.title)",
                                   municipalityID: s.$municipality.id, before: ["state": before], after: ["state": next.rawValue, "comment": comment])
            switch action {
            case .start: break
            case .return:
                try await Notifier.send(.documentReturned, "«\(d.title)» (версия \(v.version)) возвращён с замечаниями: \(comment)", url: url,
                                        to: admins, except: user.id, at: req.now, on: db)
            case .accept:
                try await Notifier.send(.documentAccepted, "«\(d.title)» (версия \(v.version)) принят.", url: url, to: admins, except: user.id, at: req.now, on: db)
            }
        }
        let flash = switch action {
        case .start: "Документ взят на проверку."
        case .return: "Документ возвращён школе с замечаниями."
        case .accept: "Документ принят."
        }
        return req.redirect(url, flash: flash)
    }

    /// Whether the user reads the document a version's file belongs to (the file download's decision).
    static func readsVersion(_ versionID: UUID, _ req: Request) async throws -> Bool {
        guard let v = try await SchoolDocumentVersion.query(on: req.db).filter(\.$id == versionID).with(\.$document).first(),
              let s = try await School.find(v.document.$school.id, on: req.db) else { return false }
        return Access.canReadDocuments(of: s.place, try req.principal())
    }
}
