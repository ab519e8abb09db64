import Vapor
import Fluent
import Domain

/// Plans as values: their items with executions as Domain items, the figures at a date (one
/// pass over the rows of a municipality), the export rows, the read-only copies of versions.
enum PlanService {
    static var zone: TimeZone { CuratorshipService.zone }

    static func today(_ req: Request) -> CalendarDay { req.today }

    /// Items of the plans, by plan, in order.
    static func items(_ planIDs: [UUID], on db: any Database) async throws -> [UUID: [PlanItem]] {
        guard !planIDs.isEmpty else { return [:] }
        let rows = try await PlanItem.query(on: db).filter(\.$plan.$id ~~ planIDs).sort(\.$position).all()
        return Dictionary(grouping: rows, by: { $0.$plan.id })
    }

    /// Executions of the items, by item.
    static func executions(_ itemIDs: [UUID], on db: any Database) async throws -> [UUID: [PlanExecution]] {
        guard !itemIDs.isEmpty else { return [:] }
        var out: [UUID: [PlanExecution]] = [:]
        for start in stride(from: 0, to: itemIDs.count, by: 900) {
            let chunk = Array(itemIDs[start..<min(itemIDs.count, start + 900)])
            for e in try await PlanExecution.query(on: db).filter(\.$item.$id ~~ chunk).sort(\.$dueDay).all() { out[e.$item.id, default: []].append(e) }
        }
        return out
    }

    static func domainItem(_ i: PlanItem, _ executions: [PlanExecution]) -> PlanFigures.Item? {
        guard let deadline = i.deadlineDay else { return nil }
        var executed: [CalendarDay: CalendarDay] = [:]
        for e in executions { if let due = CalendarDay(iso: e.dueDay), let done = CalendarDay(iso: e.doneDay) { executed[due] = done } }
        return PlanFigures.Item(start: i.start, deadline: deadline, recurrence: i.itemRecurrence, status: i.itemStatus,
                                targets: Set(i.targetGroups), addresses: i.addresses, executed: executed)
    }

    /// Plans with their Domain items, loaded in two queries.
    static func domainItems(_ plans: [Plan], on db: any Database) async throws -> [UUID: [PlanFigures.Item]] {
        let byPlan = try await items(plans.compactMap(\.id), on: db)
        let execs = try await executions(byPlan.values.flatMap { $0.compactMap(\.id) }, on: db)
        return byPlan.mapValues { $0.compactMap { domainItem($0, execs[$0.id!] ?? []) } }
    }

    /// The export's owner column: the school's code or `municipality`.
    static func ownerCode(_ plan: Plan, schools: [UUID: School]) -> String {
        plan.$school.id.flatMap { schools[$0]?.code } ?? "municipality"
    }

    /// Every plan of a municipality with its figures at the date, ordered as the CLI prints them.
    static func figures(_ m: Municipality, asOf: CalendarDay, on db: any Database) async throws -> [(plan: Plan, key: PlanFigures.PlanKey, result: PlanFigures.Result)] {
        let plans = try await Plan.query(on: db).filter(\.$municipalityID == m.id!).all()
        let schools = Dictionary(try await School.query(on: db).filter(\.$municipality.$id == m.id!).all().map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let items = try await domainItems(plans, on: db)
        return plans.map { p in
            (p, PlanFigures.PlanKey(owner: ownerCode(p, schools: schools), kind: p.kindCode, year: p.year, title: p.title),
             PlanFigures.compute(items[p.id!] ?? [], asOf: asOf))
        }.sorted { ($0.key.owner == "municipality" ? "" : $0.key.owner, $0.key.kind, $0.key.year, $0.key.title) < ($1.key.owner == "municipality" ? "" : $1.key.owner, $1.key.kind, $1.key.year, $1.key.title) }
    }

    static func rows(_ m: Municipality, asOf: CalendarDay, on db: any Database) async throws -> [PlanFigureRow] {
        PlanFigures.rows(try await figures(m, asOf: asOf, on: db).map { ($0.key, $0.result) })
    }

    // MARK: versions

    struct Snapshot: Codable, Sendable {
        struct Item: Codable, Sendable {
            var section: String, measure: String, start: String?, deadline: String, recurrence: String, responsible: String
            var targets: String, addresses: String, expectedResult: String, reportForm: String, status: String
        }
        var title: String, kind: String, year: Int, orderNumber: String, orderDate: String?, approvedBy: String
        var items: [Item]
    }

    static func snapshot(_ p: Plan, items: [PlanItem]) -> Snapshot {
        Snapshot(title: p.title, kind: p.kindCode, year: p.year, orderNumber: p.orderNumber, orderDate: p.orderDate, approvedBy: p.approvedBy,
                 items: items.sorted { $0.position < $1.position }.map {
                     .init(section: $0.section, measure: $0.measure, start: $0.startDay, deadline: $0.deadline, recurrence: $0.recurrence,
                           responsible: $0.responsible, targets: $0.targets, addresses: $0.addresses, expectedResult: $0.expectedResult,
                           reportForm: $0.reportForm, status: $0.status)
                 })
    }

    /// Keeps the plan as it now is as version `plan.version` (after an approval, or a change after it).
    static func keepVersion(_ p: Plan, kind: PlanVersion.Kind, reason: String, login: String, at: Date, on db: any Database) async throws {
        let items = try await PlanItem.query(on: db).filter(\.$plan.$id == p.id!).all()
        let v = PlanVersion()
        v.$plan.id = p.id!; v.version = p.version; v.kind = kind.rawValue; v.at = at; v.byLogin = login; v.reason = reason
        let enc = JSONEncoder(); enc.outputFormatting = [.sortedKeys]
        v.snapshotJSON = String(decoding: try enc.encode(snapshot(p, items: items)), as: UTF8.self)
        try await v.create(on: db)
    }

    /// A change of an approved plan: a new version with its reason (called after the change, in its transaction).
    static func changedAfterApproval(_ p: Plan, reason: String, login: String, at: Date, on db: any Database) async throws {
        guard p.isApproved else { return }
        p.version += 1
        try await p.update(on: db)
        try await keepVersion(p, kind: .change, reason: reason, login: login, at: at, on: db)
    }

    // MARK: writing items

    static func apply(_ row: PlanImportValues, to i: PlanItem) {
        i.section = String(row.section.prefix(300)); i.measure = String(row.measure.prefix(2000)); i.startDay = row.start?.iso; i.deadline = row.deadline.iso
        i.recurrence = row.recurrence.rawValue; i.responsible = String(row.responsible.prefix(500))
        i.responsiblePersonIDs = row.personIDs.map(\.uuidString).joined(separator: ",")
        i.targets = row.targets.sorted().map(\.rawValue).joined(separator: ","); i.addresses = String(row.addresses.prefix(1000))
        i.expectedResult = String(row.expectedResult.prefix(1000)); i.reportForm = String(row.reportForm.prefix(300)); i.status = row.status.rawValue
    }

    /// The next year's draft of a plan: the same owner, kind, title (its year moved on) and items with
    /// dates a year later, planned, without executions.
    static func copyToNextYear(_ p: Plan, on db: any Database) async throws -> Plan {
        let copy = Plan()
        copy.municipalityID = p.municipalityID; copy.$school.id = p.$school.id; copy.kindCode = p.kindCode; copy.year = p.year + 1
        copy.title = p.title.replacingOccurrences(of: "\(p.year + 1)", with: "\(p.year + 2)").replacingOccurrences(of: "\(p.year)", with: "\(p.year + 1)")
        copy.state = PlanState.draft.rawValue; copy.version = 0; copy.orderNumber = ""; copy.orderDate = nil; copy.approvedBy = ""; copy.copiedFromID = p.id
        try await copy.create(on: db)
        let items = try await PlanItem.query(on: db).filter(\.$plan.$id == p.id!).sort(\.$position).all()
        let copies = items.map { i -> PlanItem in
            let n = PlanItem()
            n.$plan.id = copy.id!; n.position = i.position; n.section = i.section; n.measure = i.measure
            n.startDay = i.start.map { PlanOccurrences.nextYear($0).iso }; n.deadline = i.deadlineDay.map { PlanOccurrences.nextYear($0).iso } ?? i.deadline
            n.recurrence = i.recurrence; n.responsible = i.responsible; n.responsiblePersonIDs = i.responsiblePersonIDs; n.targets = i.targets
            n.addresses = i.addresses; n.expectedResult = i.expectedResult; n.reportForm = i.reportForm
            n.status = i.itemStatus == .cancelled ? PlanItemStatus.cancelled.rawValue : PlanItemStatus.planned.rawValue
            return n
        }
        try await ImportRows.createInBatches(copies, on: db)   // one insert per 500 items, not one per item
        return copy
    }
}

/// An item's values from a form or a file row.
struct PlanImportValues: Sendable {
    var section = ""
    var measure = ""
    var start: CalendarDay? = nil
    var deadline: CalendarDay
    var recurrence: PlanRecurrence = .none
    var responsible = ""
    var personIDs: [UUID] = []
    var targets: [PlanTargetGroup] = []
    var addresses = ""
    var expectedResult = ""
    var reportForm = ""
    var status: PlanItemStatus = .planned
}

extension Plan {
    func owner(_ m: Municipality) -> Access.PlanOwner { Access.PlanOwner(municipality: m.ref, schoolID: $school.id) }
}
