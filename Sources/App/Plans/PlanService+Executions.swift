import Vapor
import Fluent
import Domain

extension PlanService {
    /// Why an occurrence cannot be executed on `done`, in Russian; nil when it can.
    static func executionRefusal(_ item: PlanItem, due: CalendarDay, done: CalendarDay, today: CalendarDay) -> String? {
        if !item.occurrences.contains(due) { return "У пункта «\(item.measure)» нет наступления со сроком \(due.ru)." }
        if done > today { return "Фактическая дата \(done.ru) ещё не наступила: отметьте исполнение в день проведения или позже." }
        if let start = item.start, done < start { return "Фактическая дата \(done.ru) раньше начала пункта \(start.ru): исправьте дату." }
        return nil
    }

    /// Records (or replaces) the execution of one occurrence, audited, inside the caller's transaction:
    /// the plans area's one writer of executions for other areas (an event held executes its occurrence).
    @discardableResult
    static func recordExecution(_ req: Request, on db: any Database, item: PlanItem, municipalityID: UUID, due: CalendarDay, done: CalendarDay,
                                evidence: String, evidenceURL: String = "", eventID: UUID? = nil) async throws -> PlanExecution {
        let (e, before) = try await writeExecution(on: db, item: item, due: due, done: done, evidence: evidence, evidenceURL: evidenceURL, eventID: eventID)
        try await Audit.record(req, on: db, before == nil ? .create : .update, entity: "plan_execution", id: e.id,
                               label: "\(item.measure): \(due.ru) исполнено \(done.ru)", municipalityID: municipalityID, before: before,
                               after: ["done": e.doneDay, "evidence": e.evidence, "url": e.evidenceURL, "event": eventID?.uuidString ?? ""])
        return e
    }

    /// The write itself (the demo seeding calls it without a request); returns the values it replaced.
    @discardableResult
    static func writeExecution(on db: any Database, item: PlanItem, due: CalendarDay, done: CalendarDay, evidence: String, evidenceURL: String = "",
                               eventID: UUID? = nil) async throws -> (PlanExecution, [String: String]?) {
        let existing = try await PlanExecution.query(on: db).filter(\.$item.$id == item.id!).filter(\.$dueDay == due.iso).first()
        let e = existing ?? PlanExecution()
        let before = existing.map { ["done": $0.doneDay, "evidence": $0.evidence] }
        e.$item.id = item.id!; e.dueDay = due.iso; e.doneDay = done.iso; e.evidence = String(evidence.prefix(1000)); e.evidenceURL = String(evidenceURL.prefix(1000))
        e.eventID = eventID ?? e.eventID
        try await e.save(on: db)
        return (e, before)
    }

    /// The occurrences of a municipality's plans (its own and its schools') of a year an event may execute:
    /// items not cancelled, with plan title and measure, in plan and item order.
    static func occurrenceOptions(_ municipalityID: UUID, year: Int, on db: any Database) async throws -> [(item: PlanItem, plan: Plan, due: CalendarDay)] {
        let plans = try await Plan.query(on: db).filter(\.$municipalityID == municipalityID).filter(\.$year ~~ [year - 1, year]).sort(\.$title).all()
        let byPlan = try await items(plans.compactMap(\.id), on: db)
        return plans.flatMap { p in
            (byPlan[p.id!] ?? []).filter { $0.itemStatus != .cancelled }.flatMap { i in i.occurrences.filter { $0.year == year }.map { (i, p, $0) } }
        }
    }
}
