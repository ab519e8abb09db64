import Vapor
import Fluent
import Views
import Domain

enum SchoolContextController {
    static func parse(_ f: FormFields) -> (SchoolContextDraft, [FieldError]) {
        var errors: [FieldError] = []
        let year = YearLabel.parse(f["year"])
        if year == nil { errors.append(.init(field: "year", message: "Укажите год: 2025 или учебный год 2024/2025.")) }
        var d = SchoolContextDraft(year: year ?? 0, selfExamination: f["self_examination"])
        for figure in SchoolContextDraft.figures {
            if let message = figure.read(f[figure.key], into: &d) { errors.append(.init(field: figure.key, message: message)) }
        }
        if year != nil { errors += d.validate().filter { e in !errors.contains { $0.field == e.field } } }
        return (d, errors)
    }

    static func page(_ req: Request, _ school: School, values: [String: String], action: String, errors: [FieldError], status: HTTPStatus) -> Response {
        let model = SchoolContextForm.Model(action: action, cancelURL: SiteURL.school(school.id!.uuidString, anchor: .context).path, values: values, errors: errors, csrf: req.csrfToken)
        return req.page("Контекст школы: \(school.shortName)", section: .schools,
                        crumbs: SchoolsController.crumbs + [Crumb(school.shortName, SiteURL.school(school.id!.uuidString).path), Crumb("Контекст")],
                        status: status, SchoolContextForm.body(model))
    }

    @Sendable static func new(req: Request) async throws -> Response {
        let school = try await SchoolsController.load(req, write: true)
        return page(req, school, values: [:], action: SiteURL.schoolContexts(school.id!.uuidString).path, errors: [], status: .ok)
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        let school = try await SchoolsController.load(req, write: true)
        guard let c = try await SchoolContext.query(on: req.db).filter(\.$id == req.id("cid")).filter(\.$school.$id == school.id!).first() else {
            throw AppError.notFound("Контекст")
        }
        let draft = c.draft
        var values = ["year": String(c.year), "self_examination": c.selfExamination]
        for figure in SchoolContextDraft.figures { values[figure.key] = figure.formText(draft) }
        return page(req, school, values: values, action: SiteURL.schoolContext(school.id!.uuidString, c.id!.uuidString).path, errors: [], status: .ok)
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let school = try await SchoolsController.load(req, write: true)
        let f = FormFields(req)
        // A malformed id in the route is a 404, never a silent "create".
        let existingID: UUID? = req.parameters.get("cid") == nil ? nil : try req.id("cid")
        let action = (existingID.map { SiteURL.schoolContext(school.id!.uuidString, $0.uuidString) } ?? .schoolContexts(school.id!.uuidString)).path
        var (draft, errors) = parse(f)
        if let same = try await SchoolContext.query(on: req.db).filter(\.$school.$id == school.id!).filter(\.$year == draft.year).first(), same.id != existingID {
            errors.append(.init(field: "year", message: "Данные за этот год уже внесены — измените их, а не добавляйте второй раз."))
        }
        guard errors.isEmpty else { return page(req, school, values: f.flat, action: action, errors: errors, status: .unprocessableEntity) }
        let ctx: SchoolContext
        var before: SchoolContextDraft?
        if let existingID {
            guard let c = try await SchoolContext.query(on: req.db).filter(\.$id == existingID).filter(\.$school.$id == school.id!).first() else {
                throw AppError.notFound("Контекст")
            }
            ctx = c; before = c.draft
        } else {
            ctx = SchoolContext(); ctx.$school.id = school.id!
        }
        draft.selfExamination = draft.selfExamination.trimmingCharacters(in: .whitespacesAndNewlines)
        ctx.apply(draft)
        let (frozenBefore, frozenDraft) = (before, draft)
        try await req.db.transaction { db in
            try await ctx.save(on: db)
            try await Audit.record(req, on: db, frozenBefore == nil ? .create : .update, entity: "school_context", id: ctx.id,
                                   label: "\(school.shortName), \(frozenDraft.year)", municipalityID: school.$municipality.id, before: frozenBefore, after: frozenDraft)
        }
        return req.redirect(.school(school.id!.uuidString, anchor: .context), flash: "Контекстные данные сохранены.")
    }
}
