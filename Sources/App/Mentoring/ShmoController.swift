import Vapor
import Fluent
import Views
import Domain

/// «ШМО»: school methodological associations (a school's teachers with a head) and the August
/// monitoring of their activity (seed 001: 01.08–15.08) as a small campaign — a form per ШМО
/// filled by the school, reviewed by the center, a results table.
///
/// Who: reading follows the school (`Access.canRead(school:)` — the center, the education
/// department, the region, the school's administration, the mentor of the school); adding a ШМО
/// and filling its form needs `Access.canWrite(school:)` (the school's administration or the
/// center); the decision on a submitted form is the center's (`Access.municipalWriters`).
/// The form's states: draft → submitted (school or center), submitted → reviewed (center),
/// submitted → draft with a note (center); nothing else.
enum ShmoController {
    static let crumbs = SupportController.crumbs + [Crumb("ШМО", SiteURL.shmo().path)]

    static func today(_ req: Request) -> CalendarDay { SupportController.today(req) }

    /// The year of the August monitoring a day belongs to: from 1 August the current one, before it the previous.
    /// From 1 August, like the diagnostics year (the August review and the August diagnostics are one season).
    static func reviewYear(_ day: CalendarDay) -> Int { DeficitRules.diagnosticsYear(of: day) }
    static func period(_ year: Int) -> String { "01.08.\(year) – 15.08.\(year)" }
    static let yearNote = "С 1 августа страница показывает мониторинг текущего года, до 1 августа — прошлого."
    /// The form is late once 15 August of its year has passed and it is still not sent to the center.
    static func isLate(_ state: ShmoReview.Status?, year: Int, today: CalendarDay) -> Bool {
        (state == nil || state == .draft) && today > CalendarDay(year: year, month: 8, day: 15)!
    }

    struct Query: PageQuery {
        var school: UUID?
        static let keys = ["school"]
        init(_ q: QueryValues) { school = q.uuid("school") }
        var items: [String: String] { .query([("school", school?.uuidString)]) }
    }

    /// The ШМО of `:id` with its school, if the user may read that school (404 / 403 before anything else is read).
    static func group(_ req: Request) async throws -> ShmoGroup {
        guard let g = try await ShmoGroup.query(on: req.db).filter(\.$id == req.id()).with(\.$school).with(\.$head).first() else {
            throw AppError.notFound("ШМО")
        }
        guard Access.canRead(school: g.school.place, try req.principal()) else { throw AppError.forbidden }
        return g
    }

    static func canWrite(_ req: Request, _ g: ShmoGroup) throws -> Bool { Access.canWrite(school: g.school.place, try req.principal()) }

    /// The center of the ШМО's municipality (or admin): decides on submitted forms.
    static func isCenter(_ p: Principal, _ g: ShmoGroup) -> Bool { p.isAdmin || Access.municipalWriters(p).contains(g.school.$municipality.id) }

    static func badge(_ s: ShmoReview.Status?, note: String = "") -> (String, Components.BadgeKind) {
        switch s {
        case nil: ("форма не начата", .neutral)
        case .draft?: note.isEmpty ? (ShmoReview.Status.draft.title, .neutral) : ("возвращён школе", .danger)
        case .submitted?: (ShmoReview.Status.submitted.title, .warning)
        case .reviewed?: (ShmoReview.Status.reviewed.title, .success)
        }
    }

    // MARK: the list and the results table

    @Sendable static func index(req: Request) async throws -> Response {
        try await indexPage(req, school: req.query(Query.self).school, values: [:], checked: [], errors: [])
    }

    static func indexPage(_ req: Request, school filter: UUID?, values: [String: String], checked: Set<String>, errors: [FieldError],
                          status: HTTPStatus = .ok) async throws -> Response {
        let p = try req.principal()
        let now = today(req), year = reviewYear(now)
        let schools = try await School.query(on: req.db).within(Access.schoolScope(p, .read)).sort(\.$shortName).all()
        var selected: School?
        if let filter {
            guard let s = try await School.find(filter, on: req.db) else { throw AppError.notFound("Школа") }
            guard Access.canRead(school: s.place, p) else { throw AppError.forbidden }
            selected = s
        }
        let shown = selected.map { [$0] } ?? schools
        let names = Dictionary(shown.map { ($0.id!, $0.shortName) }, uniquingKeysWith: { a, _ in a })
        let groups = shown.isEmpty ? [] : try await ShmoGroup.query(on: req.db).filter(\.$school.$id ~~ shown.compactMap(\.id)).with(\.$head).all()
            .sorted { (names[$0.$school.id] ?? "", $0.name) < (names[$1.$school.id] ?? "", $1.name) }
        let reviews = groups.isEmpty ? [] : try await ShmoReview.query(on: req.db).filter(\.$group.$id ~~ groups.compactMap(\.id)).filter(\.$year == year).all()
        let byGroup = Dictionary(reviews.map { ($0.$group.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = groups.map { g -> ShmoViews.Row in
            let r = byGroup[g.id!]
            let (status, kind) = badge(r?.state, note: r?.reviewerNote ?? "")
            return .init(url: SiteURL.shmoGroup(g.id!.uuidString).path, school: names[g.$school.id] ?? "", name: g.name, head: g.head?.fullName ?? "—",
                         members: g.memberIDs.count, status: status, statusKind: kind, late: isLate(r?.state, year: year, today: now),
                         hasPlan: r.map { $0.hasPlan ? "есть" : "нет" } ?? "—", meetings: r.map { RuFormat.integer($0.meetings) } ?? "—",
                         openLessons: r.map { RuFormat.integer($0.openLessons) } ?? "—")
        }
        let filled = reviews.filter { $0.state != .draft }.count, reviewed = reviews.filter { $0.state == .reviewed }.count

        // The form to add a ШМО: for the school chosen (or the only one the user reads), if the user may write it.
        let target = (selected ?? (schools.count == 1 ? schools.first : nil)).flatMap { Access.canWrite(school: $0.place, p) ? $0 : nil }
        var create: ShmoViews.CreateForm?
        if let target {
            let people = try await Person.query(on: req.db).filter(\.$school.$id == target.id!).sort(\.$lastName).sort(\.$firstName).all()
            create = .init(schoolID: target.id!.uuidString, schoolName: target.shortName,
                           people: people.map { Views.Option($0.id!.uuidString, $0.position.isEmpty ? $0.fullName : "\($0.fullName) — \($0.position)") },
                           values: values, checked: checked, errors: errors)
        }
        let canAddSomewhere = schools.contains { Access.canWrite(school: $0.place, p) }
        let createHint = create == nil && canAddSomewhere ? "Чтобы добавить ШМО, выберите школу в фильтре над таблицей." : nil
        let empty: String
        if schools.isEmpty {
            empty = "За вами не закреплено ни одной школы — ШМО появятся здесь, когда центр закрепит за вами школу."
        } else if create != nil {
            empty = "В школе ещё нет ШМО — добавьте первое объединение формой ниже: название, руководитель и участники."
        } else if canAddSomewhere {
            empty = "ШМО ещё не внесены. Их добавляет администрация школы на этой странице; центр может добавить ШМО, выбрав школу в фильтре."
        } else {
            empty = "ШМО ещё не внесены — их добавляет администрация школы."
        }
        let model = ShmoViews.IndexModel(
            year: year, period: period(year), yearNote: yearNote, rows: rows, filled: filled, reviewed: reviewed,
            schools: schools.count > 1 ? schools.map { Views.Option($0.id!.uuidString, $0.shortName) } : [],
            schoolID: selected?.id?.uuidString ?? "", empty: empty, create: create, createHint: createHint, csrf: req.csrfToken)
        let title = selected.map { "ШМО: \($0.shortName), мониторинг \(year)" } ?? "ШМО и мониторинг их деятельности, \(year)"
        return req.page(title, section: .support, crumbs: [crumbs[0], crumbs[1], Crumb("ШМО")], status: status, ShmoViews.index(model))
    }

    /// Adds a ШМО to a school: a name, the head and the members from the school's people.
    @Sendable static func create(req: Request) async throws -> Response {
        let p = try req.principal()
        let f = FormFields(req)
        guard let sid = f.uuid("school_id"), let school = try await School.find(sid, on: req.db) else { throw AppError.notFound("Школа") }
        guard Access.canWrite(school: school.place, p) else { throw AppError.forbidden }
        var errors: [FieldError] = []
        let name = String(f["name"].prefix(200))
        if name.isEmpty {
            errors.append(.init(field: "name", message: "Укажите название ШМО, например «ШМО учителей начальных классов»."))
        } else {
            let existing = try await ShmoGroup.query(on: req.db).filter(\.$school.$id == sid).all()
            if existing.contains(where: { $0.name.lowercased() == name.lowercased() }) {
                errors.append(.init(field: "name", message: "В школе уже есть ШМО с таким названием."))
            }
        }
        let staff = try await Person.query(on: req.db).filter(\.$school.$id == sid).all()
        let staffIDs = Set(staff.compactMap(\.id))
        let head = f.uuid("head_id")
        if head == nil || !staffIDs.contains(head!) { errors.append(.init(field: "head_id", message: "Выберите руководителя из сотрудников школы.")) }
        let posted = f.all("members").filter { !$0.isEmpty }
        let members = posted.compactMap(UUID.init(uuidString:))
        if members.count != posted.count || !members.allSatisfy(staffIDs.contains) {
            errors.append(.init(field: "members", message: "Участниками ШМО могут быть только сотрудники этой школы."))
        }
        guard errors.isEmpty, let head else {
            return try await indexPage(req, school: sid, values: f.flat, checked: Set(posted), errors: errors, status: .unprocessableEntity)
        }
        // The head is a member; members in the order of the school's list, each once.
        let chosen = Set(members + [head])
        let ordered = staff.sorted { ($0.lastName, $0.firstName) < ($1.lastName, $1.firstName) }.compactMap(\.id).filter(chosen.contains)
        let g = ShmoGroup()
        g.municipalityID = school.$municipality.id; g.$school.id = sid; g.name = name; g.$head.id = head
        g.members = ordered.map(\.uuidString).joined(separator: ",")
        let headName = staff.first { $0.id == head }?.fullName ?? ""
        try await req.db.transaction { db in
            try await g.create(on: db)
            try await Audit.record(req, on: db, .create, entity: "shmo_group", id: g.id, label: "\(school.shortName): \(name), руководитель \(headName)",
                                   municipalityID: g.municipalityID, after: ["name": name, "head": head.uuidString, "members": String(ordered.count)])
        }
        return req.redirect(SiteURL.shmoGroup(g.id!.uuidString).path,
                            flash: "ШМО «\(name)» добавлено. Заполните форму мониторинга \(reviewYear(today(req))) года.")
    }

    // MARK: one ШМО and its form

    @Sendable static func show(req: Request) async throws -> Response {
        let g = try await group(req)
        return try await showPage(req, g, posted: nil, errors: [])
    }

    static func review(_ g: ShmoGroup, _ year: Int, on db: any Database) async throws -> ShmoReview? {
        try await ShmoReview.query(on: db).filter(\.$group.$id == g.id!).filter(\.$year == year).first()
    }

    /// The page of a ШМО; `posted` — the values of a refused form, shown again with the errors.
    static func showPage(_ req: Request, _ g: ShmoGroup, posted: FormFields?, errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let p = try req.principal()
        let now = today(req), year = reviewYear(now)
        let r = try await review(g, year, on: req.db)
        let ids = g.memberIDs
        let people = ids.isEmpty ? [] : try await Person.query(on: req.db).filter(\.$id ~~ ids).all()
        let byID = Dictionary(people.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let state = r?.state
        let writer = Access.canWrite(school: g.school.place, p), center = isCenter(p, g)
        let canFill = writer && (state ?? .draft) == .draft
        let canDecide = center && state == .submitted
        let waiting: String? = switch state {
        case .submitted?: center ? nil : "Форма отправлена в центр и ждёт решения; изменить её можно, если центр вернёт её школе."
        case .reviewed?: "Форма рассмотрена центром."
        default: canFill ? nil : "Форму заполняет администрация школы."
        }
        let (title, kind) = badge(state, note: r?.reviewerNote ?? "")
        let model = ShmoViews.ShowModel(
            name: g.name, school: g.school.shortName,
            schoolURL: Access.canRead(school: g.school.place, p) ? SiteURL.school(g.school.id!.uuidString).path : nil,
            head: g.head?.fullName ?? "—", members: ids.compactMap { byID[$0]?.fullName },
            year: year, period: period(year), status: state == nil ? nil : title, statusKind: kind, late: isLate(state, year: year, today: now),
            note: r?.reviewerNote ?? "", updated: r?.updatedAt.map { RuFormat.date($0, timeZone: req.timeZone) } ?? "",
            hasPlan: posted.map { $0.bool("has_plan") } ?? r?.hasPlan ?? false,
            meetings: posted?["meetings"] ?? r.map { String($0.meetings) } ?? "0",
            openLessons: posted?["open_lessons"] ?? r.map { String($0.openLessons) } ?? "0",
            topics: posted?["topics"] ?? r?.topics ?? "", deficits: posted?["deficits_addressed"] ?? r?.deficitsAddressed ?? "",
            reviewURL: SiteURL.shmoReview(g.id!.uuidString).path, decisionURL: SiteURL.shmoDecision(g.id!.uuidString).path,
            canFill: canFill, canDecide: canDecide, waiting: waiting, errors: errors, csrf: req.csrfToken)
        return req.page("\(g.name): \(g.school.shortName)", section: .support, crumbs: crumbs + [Crumb(g.name)], status: status, ShmoViews.show(model))
    }

    static func back(_ req: Request, _ g: ShmoGroup, _ text: String, kind: Flash.Kind = .success) -> Response {
        req.redirect(SiteURL.shmoGroup(g.id!.uuidString).path, flash: text, kind: kind)
    }

    /// A count of the form: a whole number from 0 (an empty field is an error too).
    static func count(_ text: String) -> Int? { Int(text).flatMap { (0...1000).contains($0) ? $0 : nil } }

    struct Snapshot: Encodable {
        var status: String, hasPlan: Bool, meetings: Int, openLessons: Int, topics: String, deficitsAddressed: String, reviewerNote: String
        init(_ r: ShmoReview) {
            status = r.status; hasPlan = r.hasPlan; meetings = r.meetings; openLessons = r.openLessons
            topics = r.topics; deficitsAddressed = r.deficitsAddressed; reviewerNote = r.reviewerNote
        }
    }

    /// The school's form: «Сохранить» keeps it a draft, «Отправить в центр» submits it (draft → submitted).
    @Sendable static func saveReview(req: Request) async throws -> Response {
        let g = try await group(req)
        guard try canWrite(req, g) else { throw AppError.forbidden }
        let f = FormFields(req)
        let submit = f["action"] == "submit"
        let year = reviewYear(today(req))
        let existing = try await review(g, year, on: req.db)
        switch existing?.state {
        case .submitted?: return back(req, g, "Форма уже отправлена в центр: изменить её можно, только если центр вернёт её школе.", kind: .error)
        case .reviewed?: return back(req, g, "Форма рассмотрена центром и больше не изменяется.", kind: .error)
        default: break
        }
        var errors: [FieldError] = []
        let meetings = count(f["meetings"]), lessons = count(f["open_lessons"])
        if meetings == nil { errors.append(.init(field: "meetings", message: "Число заседаний — целое число от 0, например 4.")) }
        if lessons == nil { errors.append(.init(field: "open_lessons", message: "Число открытых уроков — целое число от 0, например 2.")) }
        guard errors.isEmpty, let meetings, let lessons else { return try await showPage(req, g, posted: f, errors: errors, status: .unprocessableEntity) }
        let r = existing ?? ShmoReview()
        let before = existing.map(Snapshot.init)
        if existing == nil { r.$group.id = g.id!; r.year = year; r.reviewerNote = "" }
        r.hasPlan = f.bool("has_plan"); r.meetings = meetings; r.openLessons = lessons
        r.topics = String(f["topics"].prefix(4000)); r.deficitsAddressed = String(f["deficits_addressed"].prefix(4000))
        r.status = (submit ? ShmoReview.Status.submitted : .draft).rawValue
        let label = "\(g.school.shortName): \(g.name), мониторинг \(year) — \(r.state.title)"
        try await req.db.transaction { db in
            if existing == nil { try await r.create(on: db) } else { try await r.update(on: db) }
            try await Audit.record(req, on: db, existing == nil ? .create : .update, entity: "shmo_review", id: r.id, label: label,
                                   municipalityID: g.municipalityID, before: before, after: Snapshot(r))
        }
        return back(req, g, submit ? "Форма отправлена в центр." : "Изменения сохранены.")
    }

    /// The center's decision on a submitted form: «Рассмотрено» (submitted → reviewed) or
    /// «Вернуть школе» (submitted → draft, with a note).
    @Sendable static func decide(req: Request) async throws -> Response {
        let g = try await group(req)
        guard try canWrite(req, g) else { throw AppError.forbidden }
        guard isCenter(try req.principal(), g) else { return back(req, g, "Решение по форме мониторинга принимает центр.", kind: .error) }
        let f = FormFields(req)
        let year = reviewYear(today(req))
        guard let r = try await review(g, year, on: req.db) else { return back(req, g, "Школа ещё не заполнила форму мониторинга этого года.", kind: .error) }
        guard r.state == .submitted else {
            return back(req, g, r.state == .reviewed ? "Форма уже рассмотрена." : "Форма ещё не отправлена в центр: решение принимается по отправленной форме.", kind: .error)
        }
        let note = String(f["note"].prefix(2000))
        let to: ShmoReview.Status
        switch f["decision"] {
        case "reviewed": to = .reviewed
        case "return":
            guard !note.isEmpty else { return back(req, g, "Напишите замечание: без него форма школе не возвращается.", kind: .error) }
            to = .draft
        default: return back(req, g, "Выберите решение: «Рассмотрено» или «Вернуть школе».", kind: .error)
        }
        let before = Snapshot(r)
        r.status = to.rawValue
        if !note.isEmpty || to == .reviewed { r.reviewerNote = note }
        try await req.db.transaction { db in
            try await r.update(on: db)
            try await Audit.record(req, on: db, .update, entity: "shmo_review", id: r.id,
                                   label: "\(g.school.shortName): \(g.name), мониторинг \(year) — \(to == .draft ? "возвращён школе" : to.title)",
                                   municipalityID: g.municipalityID, before: before, after: Snapshot(r))
        }
        return back(req, g, to == .reviewed ? "Форма рассмотрена." : "Форма возвращена школе с замечанием.")
    }
}
