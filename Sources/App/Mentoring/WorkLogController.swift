import Vapor
import Fluent
import Views
import Domain

/// «Записать взаимодействие»: a mentor's, curator's or tutor's work log, made for a phone —
/// one screen, the date and duration prefilled, the pair chosen from their own assignments.
enum WorkLogController {
    static let crumbs = SupportController.crumbs

    /// The user's own person and their pairs active on `day`.
    static func mine(_ req: Request, on day: CalendarDay) async throws -> (Person, [CuratorshipService.PairInfo]) {
        let p = try req.principal()
        guard Access.isSupporter(p), let pid = p.personID, let me = try await Person.find(pid, on: req.db) else { throw AppError.forbidden }
        let pairs = try await CuratorshipService.pairs(me.$municipality.id, author: pid, on: req.db).filter { $0.span.isActive(on: day) }
        return (me, pairs)
    }

    static func targetValue(_ p: CuratorshipService.PairInfo) -> String { (p.pool == .tutor ? "teacher:" : "school:") + p.targetID.uuidString }

    @Sendable static func form(req: Request) async throws -> Response {
        let today = SupportController.today(req)
        var values = ["day": today.iso, "duration_min": "45", "form": InteractionForm.consultation.rawValue, "format": InteractionFormat.inPerson.rawValue]
        let (me, pairs) = try await mine(req, on: today)
        if let rid = req.query(RequestQuery.self).request, let r = try await SupportRequest.find(rid, on: req.db), r.$to.id == me.id {
            values["request_id"] = rid.uuidString
            values["topic"] = String(r.text.prefix(200))
            if let pair = pairs.first(where: { $0.targetID == r.$from.id }) { values["target"] = targetValue(pair) }
        }
        return try await page(req, me: me, pairs: pairs, values: values, errors: [])
    }

    struct RequestQuery: PageQuery {
        var request: UUID?
        static let keys = ["request"]
        init(_ q: QueryValues) { request = q.uuid("request") }
        var items: [String: String] { .query([("request", request?.uuidString)]) }
    }

    static func page(_ req: Request, me: Person, pairs: [CuratorshipService.PairInfo], values: [String: String], errors: [FieldError],
                     status: HTTPStatus = .ok) async throws -> Response {
        let open = try await SupportRequest.query(on: req.db).filter(\.$to.$id == me.id!).filter(\.$answeredBy == nil).with(\.$from)
            .sort(\.$createdAt, .descending).all()
        let recent = try await Interaction.query(on: req.db).filter(\.$author.$id == me.id!).with(\.$school).with(\.$teacher)
            .sort(\.$dayText, .descending).sort(\.$createdAt, .descending).limit(10).all()
        let year = PairsController.planYear(SupportController.today(req))
        let modules = try await PlanModule.query(on: req.db).filter(\.$municipalityID == me.$municipality.id).filter(\.$year == year)
            .sort(\.$plan).sort(\.$position).all()
        var model = SupportViews.LogModel(
            targets: pairs.map { Views.Option(targetValue($0), "\($0.targetName) — \($0.pool.title.lowercased())") },
            values: values, errors: errors, csrf: req.csrfToken,
            requests: open.map { .init(id: $0.id!.uuidString, from: $0.from.fullName, text: $0.text,
                                       when: $0.createdAt.map { RuFormat.date($0, timeZone: req.timeZone) } ?? "") },
            recent: recent.map { i in
                .init(day: i.day?.ru ?? i.dayText, target: i.school?.shortName ?? i.teacher?.fullName ?? "—",
                      form: i.interactionForm?.title ?? i.form, topic: i.topic, minutes: String(i.durationMinutes))
            })
        model.modules = modules.map { Views.Option($0.id!.uuidString, "\($0.planKind.title): \($0.title)") }
        return req.page("Записать взаимодействие", section: .support, crumbs: crumbs + [Crumb("Журнал взаимодействий")], status: status,
                        SupportViews.log(model))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let f = FormFields(req)
        let day = CalendarDay.form(f["day"])
        let (me, pairs) = try await mine(req, on: day ?? SupportController.today(req))
        var errors: [FieldError] = []
        let pair = pairs.first { targetValue($0) == f["target"] }
        if pair == nil { errors.append(.init(field: "target", message: "Выберите школу или педагога из своих действующих закреплений на эту дату.")) }
        if day == nil { errors.append(.init(field: "day", message: "Дата — в виде дд.мм.гггг, например 15.10.2026.")) }
        if let day, day > SupportController.today(req) { errors.append(.init(field: "day", message: "Дата взаимодействия не может быть в будущем.")) }
        let minutes = Int(f["duration_min"])
        if minutes == nil || !(1...1440).contains(minutes!) { errors.append(.init(field: "duration_min", message: "Длительность — число минут от 1 до 1440.")) }
        let form = InteractionForm(rawValue: f["form"]), format = InteractionFormat(rawValue: f["format"])
        if form == nil { errors.append(.init(field: "form", message: "Выберите форму взаимодействия.")) }
        if format == nil { errors.append(.init(field: "format", message: "Выберите: очно или дистанционно.")) }
        if f["topic"].isEmpty { errors.append(.init(field: "topic", message: "Укажите тему.")) }
        let participants = f["participants"].isEmpty ? nil : Int(f["participants"])
        if !f["participants"].isEmpty && (participants == nil || participants! < 0) { errors.append(.init(field: "participants", message: "Участников — целое число.")) }
        guard errors.isEmpty, let pair, let day, let minutes, let form, let format else {
            return try await page(req, me: me, pairs: pairs, values: f.flat, errors: errors, status: .unprocessableEntity)
        }
        let i = Interaction()
        i.municipalityID = me.$municipality.id; i.$author.id = me.id!
        if pair.pool == .tutor { i.$teacher.id = pair.targetID } else { i.$school.id = pair.targetID }
        i.dayText = day.iso; i.form = form.rawValue; i.format = format.rawValue; i.topic = String(f["topic"].prefix(500))
        i.durationMinutes = minutes; i.participants = participants; i.outcome = f["outcome"]; i.nextStep = f["next_step"]
        i.createdBy = try req.requireUser().login
        if let mid = f.uuid("module_id") {
            guard let mod = try await PlanModule.find(mid, on: req.db), mod.municipalityID == me.$municipality.id else {
                return try await page(req, me: me, pairs: pairs, values: f.flat, errors: [.init(field: "module_id", message: "Выберите модуль плана из списка.")],
                                      status: .unprocessableEntity)
            }
            i.moduleID = mod.id
        }
        let request = try await f.uuid("request_id").asyncMap { try await SupportRequest.find($0, on: req.db) } ?? nil
        try await req.db.transaction { db in
            try await i.create(on: db)
            if let request, request.$to.id == me.id, request.answeredBy == nil {
                request.answeredBy = i.id
                try await request.update(on: db)
            }
            try await Audit.record(req, on: db, .create, entity: "interaction", id: i.id,
                                   label: "\(me.fullName) → \(pair.targetName), \(day.ru): \(i.topic)", municipalityID: i.municipalityID)
        }
        return req.redirect(SiteURL.supportLog.path, flash: "Взаимодействие записано: \(pair.targetName), \(day.ru).")
    }
}
