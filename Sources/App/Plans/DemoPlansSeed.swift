import Fluent
import Foundation
import Domain
import DemoData

/// Writes the demo's plans (DemoData/DemoPlans) dated in the year of seeding: occurrences already due
/// are executed, except every third one; one is executed two days late; the municipal roadmap is approved.
enum DemoPlansSeed {
    static func seed(_ db: any Database, municipalities: [String: Municipality], schools: [String: School], today: CalendarDay) async throws {
        for dp in DemoPlans.plans(year: today.year) {
            guard let m = municipalities[dp.municipalityCode] else { continue }
            let plan = Plan()
            plan.municipalityID = m.id!; plan.$school.id = dp.schoolCode.flatMap { schools[$0]?.id }; plan.kindCode = dp.kind; plan.year = today.year
            plan.title = dp.title; plan.state = PlanState.draft.rawValue; plan.version = 0; plan.orderNumber = ""; plan.approvedBy = ""
            if dp.schoolCode != nil && plan.$school.id == nil { continue }
            try await plan.create(on: db)
            var n = 0
            for (k, di) in dp.items.enumerated() {
                let item = PlanItem()
                item.$plan.id = plan.id!; item.position = k + 1
                let start = di.start.flatMap { CalendarDay(year: today.year, month: $0.month, day: $0.day) }
                guard let deadline = CalendarDay(year: today.year, month: di.deadline.month, day: di.deadline.day) else { continue }
                PlanService.apply(PlanImportValues(section: di.section, measure: di.measure, start: start, deadline: deadline, recurrence: di.recurrence,
                                                   responsible: di.responsible, targets: di.targets, addresses: di.addresses,
                                                   expectedResult: di.expectedResult, reportForm: di.reportForm,
                                                   status: di.recurrence == .none && deadline < today ? .done : .inProgress), to: item)
                try await item.create(on: db)
                for due in item.occurrences where due < today {
                    n += 1
                    if n % 3 == 0 { continue }
                    let e = PlanExecution()
                    e.$item.id = item.id!; e.dueDay = due.iso; e.doneDay = (n % 4 == 1 ? due.adding(days: 2) : due.adding(days: -1)).iso
                    e.evidence = "Протокол / лист регистрации"; e.evidenceURL = ""
                    try await e.create(on: db)
                }
            }
            if dp.approved {
                plan.state = PlanState.approved.rawValue; plan.version = 1; plan.orderNumber = "9/1"
                plan.orderDate = CalendarDay(year: today.year, month: 1, day: 9)!.iso; plan.approvedBy = m.centerName.isEmpty ? "Центр (приказ центра)" : m.centerName
                try await plan.update(on: db)
                try await PlanService.keepVersion(plan, kind: .approval, reason: "приказ № 9/1 от 09.01.\(today.year)", login: "демо", at: Date(), on: db)
            }
        }
    }
}
