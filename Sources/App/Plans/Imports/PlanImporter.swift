import Vapor
import Fluent
import Domain
import Importing

/// Which plan a file fills: the plan of the page (its id), or — the command line — the plan of an
/// owner, kind, year and title, created as a draft when there is none.
struct PlanImportTarget: Hashable, Sendable {
    var planID: UUID?
    /// A school's code or `municipality`.
    var owner = ""
    var kindCode = ""
    var year: Int?
    var title = ""
}

/// A plan file → the items of a draft plan (`ImportPipeline.handle` calls `run`): the owner must be
/// the municipality or one of its schools and inside the importer's write scope; a re-import of the
/// same owner, kind, year and title replaces the items of a draft and is refused for an approved plan;
/// nothing is written unless every row is right (one transaction).
struct PlanImporter {
    let municipality: Municipality
    let actor: ImportActor
    let db: any Database
    let now: Date

    func run(_ target: PlanImportTarget, data: Data, fileName: String) async throws -> ImportOutcome {
        let resolved: (plan: Plan?, schoolID: UUID?, kind: String, year: Int, title: String)
        switch try await resolve(target) {
        case .failure(let message): return ImportOutcome(errors: [.file(message)])
        case .success(let r): resolved = r
        }
        let owner = Access.PlanOwner(municipality: municipality.ref, schoolID: resolved.schoolID)
        if let p = actor.principal, !Access.canEditPlan(of: owner, p) {
            return ImportOutcome(errors: [.file("У вас нет прав менять этот план: загрузка возможна только в планы вашей школы или муниципалитета.")])
        }
        if let plan = resolved.plan, plan.isApproved {
            return ImportOutcome(errors: [.file("План «\(plan.title)» утверждён (версия \(plan.version)): повторная загрузка заменила бы утверждённые пункты. "
                + "Внесите изменения на странице плана с указанием причины или скопируйте план на следующий год.")])
        }
        let rows = try PlanImport.read(data: data, fileName: fileName)
        let login = actor.login, userID = actor.userID, m = municipality
        return try await db.transaction { db in
            let plan: Plan
            var replaced = 0
            if let existing = resolved.plan {
                plan = existing
                let old = try await PlanItem.query(on: db).filter(\.$plan.$id == plan.id!).all().compactMap(\.id)
                replaced = old.count
                if !old.isEmpty {
                    try await PlanExecution.query(on: db).filter(\.$item.$id ~~ old).delete()
                    try await PlanItem.query(on: db).filter(\.$plan.$id == plan.id!).delete()
                }
            } else {
                plan = Plan()
                plan.municipalityID = m.id!; plan.$school.id = resolved.schoolID; plan.kindCode = resolved.kind; plan.year = resolved.year
                plan.title = resolved.title; plan.state = PlanState.draft.rawValue; plan.version = 0; plan.orderNumber = ""; plan.approvedBy = ""
                try await plan.create(on: db)
                try await Audit.record(on: db, actor: userID, actorLogin: login, action: .create, entity: "plan", id: plan.id, label: plan.title,
                                       municipalityID: m.id, at: now, bumpVersion: false)
            }
            for (n, r) in rows.enumerated() {
                let item = PlanItem()
                item.$plan.id = plan.id!; item.position = n + 1
                PlanService.apply(PlanImportValues(section: r.section, measure: r.measure, start: r.start, deadline: r.deadline, recurrence: r.recurrence,
                                                   responsible: r.responsible, targets: r.targets, addresses: r.addresses, status: r.status), to: item)
                try await item.create(on: db)
                for (due, done) in zip(item.occurrences, r.doneDates) {
                    let e = PlanExecution()
                    e.$item.id = item.id!; e.dueDay = due.iso; e.doneDay = done.iso; e.evidence = "из файла \(fileName)"; e.evidenceURL = ""
                    try await e.create(on: db)
                }
            }
            try await Audit.record(on: db, actor: userID, actorLogin: login, action: .update, entity: "plan", id: plan.id,
                                   label: "\(plan.title): пункты из файла \(fileName)", municipalityID: m.id,
                                   before: ["items": replaced], after: ["items": rows.count], at: now)
            var o = ImportOutcome(created: rows.count, updated: 0)
            o.notes = [replaced > 0 ? "Пункты проекта плана «\(plan.title)» заменены: было \(replaced), стало \(rows.count)."
                                    : "В план «\(plan.title)» загружено пунктов: \(rows.count)."]
            return o
        }
    }

    enum Resolution { case success((plan: Plan?, schoolID: UUID?, kind: String, year: Int, title: String)), failure(String) }

    func resolve(_ t: PlanImportTarget) async throws -> Resolution {
        if let id = t.planID {
            guard let p = try await Plan.find(id, on: db), p.municipalityID == municipality.id else { return .failure("План не найден в этом муниципалитете.") }
            return .success((p, p.$school.id, p.kindCode, p.year, p.title))
        }
        var schoolID: UUID?
        let owner = t.owner.trimmingCharacters(in: .whitespaces)
        if owner.isEmpty { return .failure("Укажите --owner: код школы или municipality (план муниципалитета).") }
        if owner.lowercased() != "municipality" {
            let candidates = try await School.query(on: db).filter(\.$code ~~ [owner, owner.uppercased(), owner.lowercased()]).all()
            guard let s = candidates.first(where: { $0.$municipality.id == municipality.id }) else {
                return .failure("Школа с кодом «\(owner)» не найдена в муниципалитете «\(municipality.name)»: план можно загрузить только своей школе или муниципалитету.")
            }
            schoolID = s.id
        }
        guard let kind = try await PlanKind.query(on: db).filter(\.$code == t.kindCode.lowercased()).first(), kind.active else {
            let codes = try await PlanKind.query(on: db).filter(\.$active == true).sort(\.$position).all().map(\.code)
            return .failure("Вид плана «\(t.kindCode)» не найден. Укажите --kind одним из кодов: \(codes.joined(separator: ", ")).")
        }
        guard kind.owner.admits(school: schoolID != nil) else {
            return .failure("План вида «\(kind.title)» ведёт \(kind.owner.title), а не \(schoolID == nil ? "муниципалитет" : "школа"): проверьте --owner или --kind.")
        }
        guard let year = t.year, (1990...2100).contains(year) else { return .failure("Укажите --year: год плана, например 2025 (для учебного года — год его начала).") }
        let title = t.title.trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty else { return .failure("Укажите --title: название плана, например «Дорожная карта на 2026 год».") }
        var q = Plan.query(on: db).filter(\.$municipalityID == municipality.id!).filter(\.$kindCode == kind.code).filter(\.$year == year).filter(\.$title == title)
        q = schoolID.map { id in q.filter(\.$school.$id == id) } ?? q.filter(\.$school.$id == nil)
        return .success((try await q.first(), schoolID, kind.code, year, title))
    }
}
