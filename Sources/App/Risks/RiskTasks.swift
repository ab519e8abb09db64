import Fluent
import Foundation
import Domain
import Views

/// «Мои задачи» from the risk register: a cyclic risk's decision not yet taken (due at once), and its
/// measures due before the next possible occurrence — for who keeps the school's risks.
extension MyTasks {
    static func risks(_ p: Principal, today: CalendarDay, on db: any Database) async throws -> [TaskItem] {
        let schools = Array(Access.adminSchools(p))
        let municipal = Array(Access.municipalWriters(p))
        var rows: [SchoolRisk] = []
        if !schools.isEmpty { rows += try await SchoolRisk.query(on: db).filter(\.$school.$id ~~ schools).filter(\.$cyclic == true).all() }
        if !municipal.isEmpty { rows += try await SchoolRisk.query(on: db).filter(\.$municipalityID ~~ municipal).filter(\.$cyclic == true).all() }
        var seen = Set<UUID>()
        return rows.filter { seen.insert($0.id!).inserted }.flatMap { r -> [TaskItem] in
            let due = r.deadlines, url = SiteURL.risks(.school(r.$school.id.uuidString)).path
            if r.decided == nil, let d = due.decision {
                return [TaskItem(area: .risks, title: "Принять решение по циклическому риску: \(r.evidence.prefix(100))", detail: "Реестр рисков школы", due: d, url: url)]
            }
            if let m = due.measures, TaskList.isListed(due: m, today: today) {
                return [TaskItem(area: .risks, title: "Исполнить меры до проявления риска: \(r.evidence.prefix(100))", detail: "Реестр рисков школы", due: m, url: url)]
            }
            return []
        }
    }
}
