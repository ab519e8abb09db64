import Vapor
import Fluent
import Views
import Domain

/// Statuses (ШНОР / ШССУ / «500+» / objectivity risk) and context per year on the school card.
enum SchoolStatusController {
    static func parse(_ f: FormFields) -> (SchoolStatusDraft, [FieldError]) {
        var errors: [FieldError] = []
        let year = YearLabel.parse(f["year"])
        if year == nil { errors.append(.init(field: "year", message: "Укажите год: 2025 или учебный год 2024/2025.")) }
        var date: Date?
        if !f["order_date"].isEmpty {
            date = RuFormat.parseDate(f["order_date"])
            if date == nil { errors.append(.init(field: "order_date", message: "Дата приказа — в виде дд.мм.гггг.")) }
        }
        let d = SchoolStatusDraft(year: year ?? 0, lowResults: f.bool("low_results"), difficultConditions: f.bool("difficult_conditions"),
                                  program500: f.bool("program_500"), objectivityRisk: f.bool("objectivity_risk"),
                                  orderNumber: f["order_number"], orderDate: date, note: f["note"])
        return (d, errors + (year == nil ? [] : d.validate()))
    }

    static func page(_ req: Request, _ school: School, _ f: FormFields, action: String, errors: [FieldError], status: HTTPStatus) async throws -> Response {
        let m = school.municipality
        let year = YearLabel.parse(f["year"]) ?? YearLabel.currentSchoolYear(req.now, calendar: Calendar(identifier: .gregorian))
        let labels = try await SchoolDirectory.labels(for: m.id!, year: year, on: req.db)
        let model = SchoolStatusForm.Model(
            action: action, cancelURL: SiteURL.school(school.id!.uuidString, anchor: .statuses).path, year: f["year"], lowResults: f.bool("low_results"),
            difficult: f.bool("difficult_conditions"), program500: f.bool("program_500"), objectivityRisk: f.bool("objectivity_risk"),
            orderNumber: f["order_number"], orderDate: f["order_date"], note: f["note"], lowLabel: labels.low, difficultLabel: labels.difficult,
            yearLabelHint: m.period == .calendarYear ? "Календарный год, например 2025 (в муниципалитете планируют по календарному году)"
                                                     : "Учебный год: 2024/2025 или 2024 (год начала)",
            errors: errors, csrf: req.csrfToken)
        return req.page("Статус школы: \(school.shortName)", section: .schools,
                        crumbs: SchoolsController.crumbs + [Crumb(school.shortName, SiteURL.school(school.id!.uuidString).path), Crumb("Статус")],
                        status: status, SchoolStatusForm.body(model))
    }

    @Sendable static func new(req: Request) async throws -> Response {
        let school = try await SchoolsController.load(req, write: true)
        return try await page(req, school, FormFields(dictionary: [:]), action: SiteURL.schoolStatuses(school.id!.uuidString).path, errors: [], status: .ok)
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        let school = try await SchoolsController.load(req, write: true)
        guard let s = try await SchoolStatus.query(on: req.db).filter(\.$id == req.id("sid")).filter(\.$school.$id == school.id!).first() else {
            throw AppError.notFound("Статус")
        }
        let values: [String: String] = ["year": String(s.year), "low_results": s.lowResults ? "1" : "", "difficult_conditions": s.difficultConditions ? "1" : "",
                                        "program_500": s.program500 ? "1" : "", "objectivity_risk": s.objectivityRisk ? "1" : "",
                                        "order_number": s.orderNumber, "order_date": s.orderDate.map(RuFormat.isoDate) ?? "", "note": s.note]
        return try await page(req, school, FormFields(dictionary: values), action: SiteURL.schoolStatus(school.id!.uuidString, s.id!.uuidString).path, errors: [], status: .ok)
    }

    /// Create, or update when the route carries a status id; one status per school and year.
    @Sendable static func save(req: Request) async throws -> Response {
        let school = try await SchoolsController.load(req, write: true)
        let f = FormFields(req)
        // A malformed id in the route is a 404, never a silent "create".
        let existingID: UUID? = req.parameters.get("sid") == nil ? nil : try req.id("sid")
        let action = (existingID.map { SiteURL.schoolStatus(school.id!.uuidString, $0.uuidString) } ?? .schoolStatuses(school.id!.uuidString)).path
        var (draft, errors) = parse(f)
        let sameYear = try await SchoolStatus.query(on: req.db).filter(\.$school.$id == school.id!).filter(\.$year == draft.year).first()
        if let sameYear, sameYear.id != existingID {
            errors.append(.init(field: "year", message: "Статус на этот год уже есть — измените его, а не добавляйте второй."))
        }
        guard errors.isEmpty else { return try await page(req, school, f, action: action, errors: errors, status: .unprocessableEntity) }
        let status: SchoolStatus
        var before: SchoolStatusDraft?
        if let existingID {
            guard let s = try await SchoolStatus.query(on: req.db).filter(\.$id == existingID).filter(\.$school.$id == school.id!).first() else {
                throw AppError.notFound("Статус")
            }
            status = s; before = s.draft
        } else {
            status = SchoolStatus(); status.$school.id = school.id!
        }
        draft.note = draft.note.trimmingCharacters(in: .whitespacesAndNewlines)
        status.apply(draft)
        let (frozenBefore, frozenDraft) = (before, draft)
        try await req.db.transaction { db in
            try await status.save(on: db)
            try await Audit.record(req, on: db, frozenBefore == nil ? .create : .update, entity: "school_status", id: status.id,
                                   label: "\(school.shortName), \(frozenDraft.year)", municipalityID: school.$municipality.id, before: frozenBefore, after: frozenDraft)
        }
        return req.redirect(.school(school.id!.uuidString, anchor: .statuses), flash: "Статус на \(Present.yearLabel(draft.year, school.municipality)) сохранён.")
    }
}
