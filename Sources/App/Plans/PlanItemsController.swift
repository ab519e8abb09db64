import Vapor
import Fluent
import Views
import Domain

/// A plan's items: adding, changing (after approval — a new version with a reason) and the
/// execution of each occurrence (actual day and evidence).
enum PlanItemsController {
    /// An item's values from its form, or the errors naming the fields.
    static func values(_ f: FormFields, people allowed: Set<UUID>) -> (PlanImportValues?, [FieldError]) {
        var errors: [FieldError] = []
        let start = f["start"].isEmpty ? nil : CalendarDay.parse(f["start"])
        if !f["start"].isEmpty && start == nil { errors.append(.init(field: "start", message: "Начало — дата в виде дд.мм.гггг.")) }
        let deadline = CalendarDay.parse(f["deadline"])
        if !f["deadline"].isEmpty && deadline == nil { errors.append(.init(field: "deadline", message: "Срок — дата в виде дд.мм.гггг.")) }
        let recurrence = PlanRecurrence(rawValue: f["recurrence"]) ?? .none
        if errors.isEmpty {
            for (field, message) in PlanItemRules.problems(measure: f["measure"], start: start, deadline: deadline, recurrence: recurrence) {
                errors.append(.init(field: field.rawValue, message: message))
            }
        }
        let targets = f.all("targets").compactMap(PlanTargetGroup.init(rawValue:))
        let people = f.all("people").compactMap(UUID.init(uuidString:)).filter { allowed.contains($0) }
        let status = PlanItemStatus(rawValue: f["status"]) ?? .planned
        guard errors.isEmpty, let deadline else { return (nil, errors) }
        return (PlanImportValues(section: f["section"], measure: f["measure"], start: start, deadline: deadline, recurrence: recurrence,
                                 responsible: f["responsible"], personIDs: people, targets: targets, addresses: f["addresses"],
                                 expectedResult: f["expected_result"], reportForm: f["report_form"], status: status), [])
    }

    static func kept(_ f: FormFields) -> [String: String] {
        f.flat.merging(["form": "item", "targets": f.all("targets").joined(separator: ","), "people": f.all("people").joined(separator: ",")]) { $1 }
    }

    @Sendable static func add(req: Request) async throws -> Response {
        let (plan, m) = try await PlansController.load(req, edit: true)
        let f = FormFields(req)
        let allowed = Set(try await PlansController.responsiblePeople(plan, m, on: req.db).compactMap(\.id))
        var (values, errors) = values(f, people: allowed)
        if plan.isApproved && f["reason"].isEmpty { errors.append(.init(field: "reason", message: "План утверждён: укажите причину изменения — она сохранится в новой версии.")) }
        guard errors.isEmpty, let values else {
            return try await PlansController.showPage(req, plan, m, values: kept(f), errors: errors, status: .unprocessableEntity)
        }
        let count = try await PlanItem.query(on: req.db).filter(\.$plan.$id == plan.id!).count()
        let item = PlanItem()
        item.$plan.id = plan.id!; item.position = count + 1
        PlanService.apply(values, to: item)
        let login = try req.requireUser().login
        try await req.db.transaction { db in
            try await item.create(on: db)
            try await PlanService.changedAfterApproval(plan, reason: f["reason"], login: login, at: req.now, on: db)
            try await Audit.record(req, on: db, .create, entity: "plan_item", id: item.id, label: "\(plan.title): \(item.measure)", municipalityID: m.id,
                                   after: ["reason": f["reason"]])
        }
        return req.redirect(SiteURL.plan(plan.id!.uuidString).path, flash: plan.isApproved ? "Пункт добавлен; версия \(plan.version)." : "Пункт добавлен.")
    }

    static func loadItem(_ req: Request) async throws -> (PlanItem, Plan, Municipality) {
        guard let item = try await PlanItem.find(req.id(), on: req.db) else { throw AppError.notFound("Пункт плана") }
        let (plan, m) = try await PlansController.load(req, edit: true, id: item.$plan.id)
        return (item, plan, m)
    }

    static func formPage(_ req: Request, _ item: PlanItem, _ plan: Plan, _ m: Municipality, values: [String: String], people: Set<String>, targets: Set<String>,
                         errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        var model = PlanPages.ItemFormModel()
        model.action = SiteURL.planItem(item.id!.uuidString).path; model.planTitle = plan.title; model.planURL = SiteURL.plan(plan.id!.uuidString).path
        model.approved = plan.isApproved
        model.people = try await PlansController.responsiblePeople(plan, m, on: req.db).map { Views.Option($0.id!.uuidString, $0.fullName) }
        model.values = values; model.checkedPeople = people; model.checkedTargets = targets; model.errors = errors; model.csrf = req.csrfToken
        return PlansController.render(req, PlanPages.itemForm(model), status: status)
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        let (item, plan, m) = try await loadItem(req)
        let values = ["section": item.section, "measure": item.measure, "start": item.startDay ?? "", "deadline": item.deadline, "recurrence": item.recurrence,
                      "responsible": item.responsible, "addresses": item.addresses, "expected_result": item.expectedResult, "report_form": item.reportForm, "status": item.status]
        return try await formPage(req, item, plan, m, values: values, people: Set(item.personIDs.map(\.uuidString)), targets: Set(item.targetGroups.map(\.rawValue)), errors: [])
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let (item, plan, m) = try await loadItem(req)
        let f = FormFields(req)
        let allowed = Set(try await PlansController.responsiblePeople(plan, m, on: req.db).compactMap(\.id))
        var (values, errors) = values(f, people: allowed)
        if plan.isApproved && f["reason"].isEmpty { errors.append(.init(field: "reason", message: "План утверждён: укажите причину изменения — она сохранится в новой версии.")) }
        guard errors.isEmpty, let values else {
            return try await formPage(req, item, plan, m, values: f.flat, people: Set(f.all("people")), targets: Set(f.all("targets")), errors: errors, status: .unprocessableEntity)
        }
        let before = PlanService.snapshot(plan, items: [item]).items
        PlanService.apply(values, to: item)
        let login = try req.requireUser().login
        try await req.db.transaction { db in
            try await item.update(on: db)
            // Executions of occurrences the new dates no longer have are dropped.
            let keep = item.occurrences.map(\.iso)
            try await PlanExecution.query(on: db).filter(\.$item.$id == item.id!).filter(\.$dueDay !~ keep).delete()
            try await PlanService.changedAfterApproval(plan, reason: f["reason"], login: login, at: req.now, on: db)
            try await Audit.record(req, on: db, .update, entity: "plan_item", id: item.id, label: "\(plan.title): \(item.measure)", municipalityID: m.id,
                                   before: before, after: PlanService.snapshot(plan, items: [item]).items)
        }
        return req.redirect(SiteURL.plan(plan.id!.uuidString).path, flash: plan.isApproved ? "Изменения сохранены; версия \(plan.version)." : "Изменения сохранены.")
    }

    /// The actual day and evidence of one occurrence; an empty day clears the mark.
    @Sendable static func execution(req: Request) async throws -> Response {
        let (item, plan, m) = try await loadItem(req)
        let f = FormFields(req)
        let back = SiteURL.plan(plan.id!.uuidString).path
        guard let due = CalendarDay.parse(f["due"]), item.occurrences.contains(due) else {
            return req.redirect(back, flash: "Такого наступления у пункта нет: обновите страницу и отметьте снова.", kind: .error)
        }
        let today = PlanService.today(req)
        let existing = try await PlanExecution.query(on: req.db).filter(\.$item.$id == item.id!).filter(\.$dueDay == due.iso).first()
        if f["done"].isEmpty {
            guard let existing else { return req.redirect(back, flash: "Отметки не было.", kind: .info) }
            try await req.db.transaction { db in
                try await existing.delete(on: db)
                try await Audit.record(req, on: db, .delete, entity: "plan_execution", id: existing.id, label: "\(item.measure): \(due.ru) — отметка снята",
                                       municipalityID: m.id, before: ["done": existing.doneDay])
            }
            return req.redirect(back, flash: "Отметка исполнения снята.")
        }
        guard let done = CalendarDay.parse(f["done"]) else { return req.redirect(back, flash: "Фактическая дата — в виде дд.мм.гггг.", kind: .error) }
        if let refusal = PlanService.executionRefusal(item, due: due, done: done, today: today) { return req.redirect(back, flash: refusal, kind: .error) }
        let url = f["evidence_url"]
        if !url.isEmpty && !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
            return req.redirect(back, flash: "Ссылка на подтверждение должна начинаться с http:// или https://.", kind: .error)
        }
        let evidence = f["evidence"]
        try await req.db.transaction { db in
            try await PlanService.recordExecution(req, on: db, item: item, municipalityID: m.id!, due: due, done: done, evidence: evidence, evidenceURL: url)
        }
        return req.redirect(back, flash: done > due ? "Исполнение отмечено (позже срока \(due.ru))." : "Исполнение отмечено.")
    }
}
