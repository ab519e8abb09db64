import Fluent
import Foundation
import Domain
import Views

/// «Мои задачи» of the mentoring area on the overview: overdue route steps (to the teacher,
/// their tutor and the center), unanswered questions (to the tutor), quiet pairs (to the
/// supporter and the center). A handful of queries per page, none per row.
enum MyTasks {
    static func tasks(_ p: Principal, today: CalendarDay, on db: any Database) async throws -> [(text: String, url: String, urgent: Bool)] {
        var out: [(text: String, url: String, urgent: Bool)] = []
        let year = DeficitRules.diagnosticsYear(of: today)
        func overdue(_ teacherIDs: [UUID]) async throws -> [(UUID, Int)] {
            guard !teacherIDs.isEmpty else { return [] }
            let routes = try await RouteRecord.query(on: db).filter(\.$teacher.$id ~~ teacherIDs).filter(\.$year == year).with(\.$steps).all()
            return routes.compactMap { r in
                let n = r.steps.filter { RouteWorkflow.isOverdue(step: $0.dueDay, status: $0.stepStatus, today: today) }.count
                return n > 0 ? (r.$teacher.id, n) : nil
            }
        }
        if let me = p.personID {
            if let (_, n) = try await overdue([me]).first {
                out.append(("В вашем маршруте (ИОМ) просрочено шагов: \(n)", SiteURL.route(me.uuidString).path, true))
            }
            if Access.isSupporter(p) {
                let questions = try await SupportRequest.query(on: db).filter(\.$to.$id == me).filter(\.$answeredBy == nil).count()
                if questions > 0 { out.append(("Вопросов тьюторантов без ответа: \(questions)", SiteURL.supportLog.path, false)) }
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
                        out.append(("Пары без контакта дольше \(settings.quietDays) дней: \(quiet.map(\.targetName).joined(separator: ", "))", SiteURL.support().path, true))
                    }
                }
            }
            if p.has(.tutor), !p.tutorantIDs.isEmpty {
                let late = try await overdue(Array(p.tutorantIDs))
                if !late.isEmpty { out.append(("Тьюторантов с просроченными шагами ИОМ: \(late.count)", SiteURL.routes.path, true)) }
            }
        }
        for m in Access.municipalWriters(p) {
            let teachers = try await RouteRecord.query(on: db).filter(\.$municipalityID == m).filter(\.$year == year).all().map(\.$teacher.id)
            let late = try await overdue(teachers)
            if !late.isEmpty { out.append(("Педагогов с просроченными шагами ИОМ: \(late.count)", SiteURL.routes.path, false)) }
        }
        return out
    }
}
