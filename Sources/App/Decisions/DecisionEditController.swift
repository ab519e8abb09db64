import Vapor
import Fluent
import Views
import Domain

/// Issuing a decision (the form, prefilled from a monitoring row), the addressee's report and the issuer's control.
extension DecisionsController {
    struct NewQuery: PageQuery {
        var municipality: UUID?, school: UUID?, year: String, values: String
        static let keys = ["municipality", "school", "year", "values"]
        init(_ q: QueryValues) {
            municipality = q.uuid("municipality"); school = q.uuid("school")
            year = String((q.string("year") ?? "").prefix(20)); values = String((q.string("values") ?? "").prefix(2000))
        }
        var items: [String: String] { .query([("municipality", municipality?.uuidString), ("school", school?.uuidString), ("year", year), ("values", values)]) }
    }

    /// The municipality the user issues in (the one asked for, else the first), and as whom.
    static func issuing(_ req: Request, _ asked: UUID?) async throws -> (Municipality, DecisionIssuer) {
        let p = try req.principal()
        let all = try await req.municipalityDirectory().filter { Access.decisionIssuer(p, in: MunicipalityRef(id: $0.id, regionID: $0.regionID)) != nil }
        guard let e = all.first(where: { $0.id == asked }) ?? all.first, let m = try await Municipality.find(e.id, on: req.db),
              let issuer = Access.decisionIssuer(p, in: m.ref) else { throw AppError.forbidden }
        return (m, issuer)
    }

    static func formPage(_ req: Request, _ m: Municipality, _ issuer: DecisionIssuer, values: [String: String], errors: [FieldError],
                         fromMonitoring: Bool = false, status: HTTPStatus = .ok) async throws -> Response {
        var model = DecisionPages.FormModel()
        model.action = SiteURL.control(.decisions(municipality: m.id!.uuidString)).path; model.municipalityName = m.name
        model.schools = try await School.query(on: req.db).filter(\.$municipality.$id == m.id!).sort(\.$shortName).all().map { Views.Option($0.id!.uuidString, $0.shortName) }
        model.issuer = issuer == .center && !m.centerName.isEmpty ? m.centerName : issuer.title
        model.values = values; model.errors = errors; model.csrf = req.csrfToken; model.fromMonitoring = fromMonitoring || !(values["source"] ?? "").isEmpty
        return render(req, DecisionPages.form(model), status: status)
    }

    /// The form; with `school`, `year` and `values` (from a summary-table row) a recommendation to the school, prefilled.
    @Sendable static func new(req: Request) async throws -> Response {
        let q = req.query(NewQuery.self)
        let (m, issuer) = try await issuing(req, q.municipality)
        var values = ["type": DecisionType.decision.rawValue, "horizon": DecisionHorizon.operational.rawValue, "form": DecisionForm.order.rawValue]
        if let sid = q.school, let s = try await School.find(sid, on: req.db), s.$municipality.id == m.id {
            let pairs: [(String, String)] = q.values.split(separator: ";").map { part in
                let kv = part.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return (kv.first ?? "", kv.count > 1 ? kv[1] : "")
            }
            let text = DecisionDraft.fromMonitoringRow(school: s.shortName, year: q.year, values: pairs)
            values = ["type": DecisionType.recommendation.rawValue, "horizon": DecisionHorizon.operational.rawValue, "form": DecisionForm.methodRecommendations.rawValue,
                      "addressee": DecisionAddressee.school.rawValue, "school": sid.uuidString, "content": text.content, "source": text.source,
                      "responsible": "Директор школы", "report_form": "Аналитическая справка"]
        }
        return try await formPage(req, m, issuer, values: values, errors: [])
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let (m, issuer) = try await issuing(req, req.query(IndexQuery.self).municipality)
        let f = FormFields(req)
        var input = DecisionDraft.Input()
        input.type = f["type"]; input.addressee = f["addressee"]; input.school = f["school"]; input.horizon = f["horizon"]; input.form = f["form"]
        input.number = f["number"]; input.content = f["content"]; input.deadline = f["deadline"]; input.responsible = f["responsible"]
        input.reportForm = f["report_form"]; input.source = f["source"]
        let schools = Set(try await schoolNames(m.id!, on: req.db).keys)
        let today = today(req)
        let (draft, errors) = DecisionDraft.parse(input, schools: schools, today: today)
        guard errors.isEmpty, let draft else { return try await formPage(req, m, issuer, values: f.flat, errors: errors, status: .unprocessableEntity) }
        let user = try req.requireUser()
        let d = Decision()
        d.municipalityID = m.id!; d.apply(draft)
        d.issuer = issuer.rawValue; d.issuedBy = user.displayName; d.issuedOn = today.iso; d.state = DecisionState.issued.rawValue
        d.report = ""; d.reportedBy = ""; d.controlComment = ""; d.controlledBy = ""
        let to = try await Notifier.addressees(d, on: req.db)
        try await req.db.transaction { db in
            try await d.create(on: db)
            try await Audit.record(req, on: db, .create, entity: "decision", id: d.id, label: "\(draft.type.title): \(draft.content.prefix(120))", municipalityID: m.id,
                                   after: ["to": draft.addressee.rawValue, "deadline": draft.deadline.iso, "form": draft.form.rawValue])
            try await Notifier.send(.decisionAddressed, "\(draft.type.title) (\(draft.form.title)) до \(draft.deadline.ru): \(draft.content.prefix(200))",
                                    url: SiteURL.control(.decision(d.id!.uuidString)).path, to: to, except: user.id, at: req.now, on: db)
        }
        return req.redirect(SiteURL.control(.decision(d.id!.uuidString)).path, flash: "\(draft.type.title) выдано: срок \(draft.deadline.ru).")
    }

    // MARK: a decision's page, the report, the control

    @Sendable static func show(req: Request) async throws -> Response {
        let (d, m) = try await load(req)
        return try await showPage(req, d, m, values: [:], errors: [])
    }

    static func showPage(_ req: Request, _ d: Decision, _ m: Municipality, values: [String: String], errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let p = try req.principal()
        let today = today(req)
        let school = try await d.$school.id.asyncMap { try await School.find($0, on: req.db) } ?? nil
        let id = d.id!.uuidString
        var model = DecisionPages.ShowModel()
        model.title = "\(d.decisionType.title) от \(d.issuedDay?.ru ?? "")" + (d.number.isEmpty ? "" : " № \(d.number)")
        model.facts = [("Кому", d.to.title + (school.map { ": \($0.shortName)" } ?? "")), ("Характер", d.horizonTitle), ("Форма", d.formTitle),
                       ("Срок исполнения", d.deadlineDay?.ru ?? "—"), ("Ответственный", d.responsible), ("Форма отчёта", d.reportForm),
                       ("Выдал (контролирует)", "\(d.issuedBy_.title), \(d.issuedBy)")]
        model.state = d.decisionState.title; model.stateValue = d.state; model.overdue = d.isOverdue(today)
        model.late = DecisionRules.isLate(deadline: d.deadlineDay ?? today, reportDay: d.reportDay.flatMap(CalendarDay.init(iso:)))
        model.content = d.content; model.source = d.source; model.report = d.report
        model.reportDay = d.reportDay.flatMap(CalendarDay.init(iso:))?.ru ?? ""; model.reportedBy = d.reportedBy
        model.controlComment = d.controlComment
        model.controlled = d.controlledOn.flatMap(CalendarDay.init(iso:)).map { "\($0.ru), \(d.controlledBy)" } ?? ""
        if d.decisionState.waitsForAddressee && Access.canReportDecision(to: d.to, school: d.$school.id, in: m.ref, p) { model.reportAction = SiteURL.control(.decisionReport(id)).path }
        if d.decisionState == .reported && Access.canControlDecision(issuedBy: d.issuedBy_, in: m.ref, p) { model.controlAction = SiteURL.control(.decisionControl(id)).path }
        model.values = values; model.errors = errors; model.csrf = req.csrfToken
        return render(req, DecisionPages.show(model), status: status)
    }

    @Sendable static func report(req: Request) async throws -> Response {
        let (d, m) = try await load(req)
        guard Access.canReportDecision(to: d.to, school: d.$school.id, in: m.ref, try req.principal()) else { throw AppError.forbidden }
        let f = FormFields(req)
        let today = today(req)
        let day = CalendarDay.parse(f["report_day"])
        let errors = DecisionRules.reportProblems(state: d.decisionState, text: f["report"], day: day, issued: d.issuedDay ?? today, today: today)
        guard errors.isEmpty, let day else { return try await showPage(req, d, m, values: f.flat, errors: errors, status: .unprocessableEntity) }
        let user = try req.requireUser()
        let before = d.state
        d.report = String(f["report"].prefix(5000)); d.reportDay = day.iso; d.reportedBy = user.displayName; d.state = DecisionState.reported.rawValue
        let to = try await Notifier.issuers(d, on: req.db)
        try await req.db.transaction { db in
            try await d.update(on: db)
            try await Audit.record(req, on: db, .update, entity: "decision", id: d.id, label: "Отчёт об исполнении: \(d.content.prefix(120))", municipalityID: m.id,
                                   before: ["state": before], after: ["state": d.state, "report_day": day.iso])
            try await Notifier.send(.decisionReported, "Отчёт об исполнении от \(day.ru): \(d.content.prefix(150))", url: SiteURL.control(.decision(d.id!.uuidString)).path,
                                    to: to, except: user.id, at: req.now, on: db)
        }
        return req.redirect(SiteURL.control(.decision(d.id!.uuidString)).path, flash: "Отчёт отправлен на контроль.")
    }

    @Sendable static func control(req: Request) async throws -> Response {
        let (d, m) = try await load(req)
        guard Access.canControlDecision(issuedBy: d.issuedBy_, in: m.ref, try req.principal()) else { throw AppError.forbidden }
        let f = FormFields(req)
        let accept: Bool
        switch f["action"] {
        case "accept": accept = true
        case "return": accept = false
        default: return try await showPage(req, d, m, values: f.flat, errors: [.init(field: "action", message: "Выберите: принять отчёт или вернуть его.")], status: .unprocessableEntity)
        }
        let errors = DecisionRules.controlProblems(state: d.decisionState, accept: accept, comment: f["comment"])
        guard errors.isEmpty else { return try await showPage(req, d, m, values: f.flat, errors: errors, status: .unprocessableEntity) }
        let user = try req.requireUser()
        let before = d.state
        d.state = (accept ? DecisionState.accepted : .returned).rawValue; d.controlComment = String(f["comment"].prefix(3000))
        d.controlledOn = today(req).iso; d.controlledBy = user.displayName
        let to = try await Notifier.addressees(d, on: req.db)
        try await req.db.transaction { db in
            try await d.update(on: db)
            try await Audit.record(req, on: db, .update, entity: "decision", id: d.id, label: (accept ? "Исполнение принято: " : "Отчёт возвращён: ") + d.content.prefix(120),
                                   municipalityID: m.id, before: ["state": before], after: ["state": d.state, "comment": d.controlComment])
            try await Notifier.send(.decisionControlled, (accept ? "Отчёт принят: " : "Отчёт возвращён на доработку: \(d.controlComment). ") + d.content.prefix(150),
                                    url: SiteURL.control(.decision(d.id!.uuidString)).path, to: to, except: user.id, at: req.now, on: db)
        }
        return req.redirect(SiteURL.control(.decision(d.id!.uuidString)).path, flash: accept ? "Исполнение принято." : "Отчёт возвращён на доработку.")
    }
}
