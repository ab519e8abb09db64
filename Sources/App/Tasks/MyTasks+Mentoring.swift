import Fluent
import Foundation
import Domain
import Views

/// The mentoring area's source of «Мои задачи»: a teacher's open route steps (ИОМ) with their due
/// dates, unanswered questions (to the tutor), quiet pairs (to the supporter), tutorants and
/// teachers with overdue steps (to the tutor and the center).
extension MyTasks {
    static func mentoring(_ p: Principal, today: CalendarDay, on db: any Database) async throws -> [TaskItem] {
        var out: [TaskItem] = []
        let year = DeficitRules.diagnosticsYear(of: today)
        func overdue(_ teacherIDs: [UUID]) async throws -> [(UUID, Int)] {
            guard !teacherIDs.isEmpty else { return [] }
            let routes = try await RouteRecord.query(on: db).filter(\.$teacher.$id ~~ teacherIDs).filter(\.$year == year).allWithSteps()
            return routes.compactMap { r in
                let n = r.steps.filter { RouteWorkflow.isOverdue(step: $0.dueDay, status: $0.stepStatus, today: today) }.count
                return n > 0 ? (r.$teacher.id, n) : nil
            }
        }
        if let me = p.personID {
            let routes = try await RouteRecord.query(on: db).filter(\.$teacher.$id == me).filter(\.$year == year).allWithSteps()
            for step in routes.flatMap(\.steps) where step.stepStatus.isOpen {
                guard let due = step.dueDay, TaskList.isListed(due: due, today: today) else { continue }
                out.append(TaskItem(area: .routes, title: "Шаг маршрута (ИОМ): \(step.title)", due: due, url: SiteURL.route(me.uuidString).path))
            }
            if Access.isSupporter(p) {
                let questions = try await SupportRequest.query(on: db).filter(\.$to.$id == me).filter(\.$answeredBy == nil).count()
                if questions > 0 { out.append(TaskItem(area: .support, title: "Вопросов тьюторантов без ответа: \(questions)", url: SiteURL.supportLog.path)) }
                if let person = try await Person.find(me, on: db) {
                    let pairs = try await CuratorshipService.pairs(person.$municipality.id, author: me, on: db)
                    let settings = try await MentoringSettings.load(person.$municipality.id, on: db)
                    let contacts = try await Interaction.query(on: db).filter(\.$author.$id == me).all()
                    let quiet = pairs.filter { pair in
                        let days = contacts.filter { ($0.$teacher.id ?? $0.$school.id) == pair.targetID }.compactMap(\.day)
                        return PairHealth.isQuiet(span: pair.span, lastContact: PairHealth.lastContact(in: days, onOrBefore: today), at: today,
                                                  thresholdDays: settings.quietDays)
                    }
                    if !quiet.isEmpty {
                        out.append(TaskItem(area: .support, title: "Пары без контакта дольше \(settings.quietDays) дней: \(quiet.map(\.targetName).joined(separator: ", "))",
                                            url: SiteURL.support().path, urgent: true))
                    }
                }
            }
            if p.has(.tutor), !p.tutorantIDs.isEmpty {
                let late = try await overdue(Array(p.tutorantIDs))
                if !late.isEmpty { out.append(TaskItem(area: .routes, title: "Тьюторантов с просроченными шагами ИОМ: \(late.count)", url: SiteURL.routes.path, urgent: true)) }
            }
        }
        for m in Access.municipalWriters(p) {
            let teachers = try await RouteRecord.query(on: db).filter(\.$municipalityID == m).filter(\.$year == year).all().map(\.$teacher.id)
            let late = try await overdue(teachers)
            if !late.isEmpty { out.append(TaskItem(area: .routes, title: "Педагогов с просроченными шагами ИОМ: \(late.count)", url: SiteURL.routes.path)) }
        }
        return out
    }
}
