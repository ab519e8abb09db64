import Fluent
import Foundation
import Domain
import Views

/// «Мои задачи» (issue 11, «Deadlines people can't miss»): one list of what is due for the signed-in
/// person from every area — plan items, route steps and the mentoring area's signals, decisions
/// addressed to them, document reviews and documents due — ordered by `TaskList` (overdue first).
/// Each area is one source below; a handful of queries per source, none per row.
enum MyTasks {
    static func tasks(_ p: Principal, today: CalendarDay, on db: any Database) async throws -> [TaskItem] {
        var out: [TaskItem] = []
        out += try await mentoring(p, today: today, on: db)
        out += try await plans(p, today: today, on: db)
        out += try await decisions(p, today: today, on: db)
        out += try await documents(p, today: today, on: db)
        out += try await risks(p, today: today, on: db)
        return TaskList.ordered(out, today: today)
    }

    // MARK: plans — occurrences not executed of the items one is responsible for, or of one's school's plans

    static func plans(_ p: Principal, today: CalendarDay, on db: any Database) async throws -> [TaskItem] {
        let schools = Array(Access.adminSchools(p))
        var items: [PlanItem] = []
        if let me = p.personID {
            items += try await PlanItem.query(on: db).filter(\.$responsiblePersonIDs ~~ me.uuidString).with(\.$plan).all()
                .filter { $0.personIDs.contains(me) }
        }
        if !schools.isEmpty {
            let plans = try await Plan.query(on: db).filter(\.$school.$id ~~ schools).filter(\.$year >= today.year - 1).all().compactMap(\.id)
            if !plans.isEmpty { items += try await PlanItem.query(on: db).filter(\.$plan.$id ~~ plans).with(\.$plan).all() }
        }
        var seen = Set<UUID>()
        items = items.filter { $0.itemStatus != .cancelled && $0.plan.year >= today.year - 1 && seen.insert($0.id!).inserted }
        let execs = try await PlanService.executions(items.compactMap(\.id), on: db)
        return items.flatMap { item -> [TaskItem] in
            let done = Set((execs[item.id!] ?? []).map(\.dueDay))
            return item.occurrences.filter { !done.contains($0.iso) && TaskList.isListed(due: $0, today: today) }.map { due in
                TaskItem(area: .plans, title: item.measure, detail: "План «\(item.plan.title)»", due: due, url: SiteURL.plan(item.plan.id!.uuidString).path)
            }
        }
    }

    // MARK: decisions — addressed to one's organisation or school and not reported; reports waiting for one's control

    static func decisions(_ p: Principal, today: CalendarDay, on db: any Database) async throws -> [TaskItem] {
        let schools = Array(Access.adminSchools(p))
        let municipal = Array(Set(p.grants.compactMap { ($0.role == .centerSpecialist || $0.role == .educationDepartment) ? $0.municipalityID : nil }))
        guard !schools.isEmpty || !municipal.isEmpty else { return [] }
        var rows: [Decision] = []
        if !schools.isEmpty { rows += try await Decision.query(on: db).filter(\.$school.$id ~~ schools).filter(\.$state != DecisionState.accepted.rawValue).all() }
        if !municipal.isEmpty { rows += try await Decision.query(on: db).filter(\.$municipalityID ~~ municipal).filter(\.$state != DecisionState.accepted.rawValue).all() }
        var seen = Set<UUID>()
        rows = rows.filter { seen.insert($0.id!).inserted }
        // The decisions' municipalities as Access reads them (with their region), in one query.
        let refs = Dictionary(try await Municipality.query(on: db).filter(\.$id ~~ Array(Set(rows.map(\.municipalityID)))).all().map { ($0.id!, $0.ref) },
                              uniquingKeysWith: { a, _ in a })
        return rows.compactMap { d in
            guard let m = refs[d.municipalityID] else { return nil }
            let url = SiteURL.control(.decision(d.id!.uuidString)).path
            if d.decisionState.waitsForAddressee && Access.canReportDecision(to: d.to, school: d.$school.id, in: m, p) {
                return TaskItem(area: .decisions, title: "Исполнить: \(d.content.prefix(120))", detail: "\(d.formTitle), форма отчёта: \(d.reportForm)",
                                due: d.deadlineDay, url: url)
            }
            if d.decisionState == .reported && Access.canControlDecision(issuedBy: d.issuedBy_, in: m, p) {
                return TaskItem(area: .decisions, title: "Принять или вернуть отчёт: \(d.content.prefix(120))", detail: d.formTitle, url: url, urgent: true)
            }
            return nil
        }
    }

    // MARK: documents — reviews waiting for the assigned mentor or curator; documents due from the school

    static func documents(_ p: Principal, today: CalendarDay, on db: any Database) async throws -> [TaskItem] {
        var out: [TaskItem] = []
        let reviewed = Access.isSupporter(p) ? Array(p.mentoredSchoolIDs) : []
        let schools = Array(Access.adminSchools(p))
        let ids = Array(Set(reviewed + schools))
        guard !ids.isEmpty else { return [] }
        let docs = try await SchoolDocument.query(on: db).filter(\.$school.$id ~~ ids).with(\.$school).all()
        for d in docs {
            let url = SiteURL.control(.document(d.id!.uuidString)).path
            if reviewed.contains(d.$school.id) && d.documentState.waitsForReview {
                out.append(TaskItem(area: .documents, title: "Проверить: \(d.title)", detail: "\(d.school.shortName), версия \(d.version)", url: url, urgent: true))
            }
            if schools.contains(d.$school.id), d.documentState.waitsForSchool, let due = d.due, TaskList.isListed(due: due, today: today) {
                out.append(TaskItem(area: .documents, title: (d.documentState == .returned ? "Доработать и сдать: " : "Сдать: ") + d.title,
                                    detail: d.school.shortName, due: due, url: url))
            }
        }
        return out
    }
}
