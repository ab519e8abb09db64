import Fluent
import Foundation
import Domain
import DemoData

/// Writes the demo's risk register (DemoData/DemoRisks) for three schools of the home municipality,
/// the «school» login's school first; a measure links the first item of the school's own plans.
enum DemoRisksSeed {
    static func seed(_ db: any Database, municipality m: Municipality, today: CalendarDay) async throws {
        var order = try await School.query(on: db).filter(\.$municipality.$id == m.id!).sort(\.$code).all().compactMap(\.id)
        if let grant = try await RoleGrant.query(on: db).filter(\.$role == Role.schoolAdmin.rawValue).filter(\.$schoolID != nil).first(),
           let s = grant.schoolID, let k = order.firstIndex(of: s) { order.remove(at: k); order.insert(s, at: 0) }
        for dr in DemoRisks.risks where dr.school < order.count {
            let school = order[dr.school]
            var measures = ""
            if dr.linkMeasure, let plan = try await Plan.query(on: db).filter(\.$school.$id == school).first(),
               let item = try await PlanItem.query(on: db).filter(\.$plan.$id == plan.id!).sort(\.$position).first() {
                measures = item.id!.uuidString
            }
            let r = SchoolRisk()
            r.municipalityID = m.id!; r.$school.id = school; r.kindCode = dr.kind; r.level = dr.level.rawValue; r.manageability = dr.manageability.rawValue
            r.evidence = dr.evidence; r.owner = dr.owner; r.cyclic = dr.cyclic; r.registeredOn = today.adding(days: -dr.registeredDaysAgo).iso
            r.nextOccurrence = dr.nextOccurrenceInDays.map { today.adding(days: $0).iso }; r.decidedOn = dr.decidedDaysAgo.map { today.adding(days: -$0).iso }
            r.measureItemIDs = measures
            try await r.create(on: db)
        }
    }
}
