import Fluent
import Foundation
import Domain
import DemoData
import Views

/// Writes the demo's documents under review, decisions and notifications (DemoData/DemoControl) for
/// the home municipality's schools that have a mentor, in the order of the catalog's assignments.
enum DemoControlSeed {
    static func seed(_ db: any Database, municipality m: Municipality, today: CalendarDay) async throws {
        let mentored = try await Assignment.query(on: db).filter(\.$municipalityID == m.id!).filter(\.$kind == AssignmentKind.mentorSchool.rawValue)
            .sort(\.$createdAt).all().compactMap { $0.$school.id }
        var order: [UUID] = []
        for s in mentored where !order.contains(s) { order.append(s) }
        // The «school» login's school first, as the demo's users see it.
        if let grant = try await RoleGrant.query(on: db).filter(\.$role == Role.schoolAdmin.rawValue).filter(\.$schoolID != nil).first(),
           let s = grant.schoolID, let k = order.firstIndex(of: s) { order.remove(at: k); order.insert(s, at: 0) }
        let at = today.date(timeZone: PlanService.zone)
        for dd in DemoControl.documents where dd.school < order.count {
            let d = SchoolDocument()
            d.municipalityID = m.id!; d.$school.id = order[dd.school]; d.kind = dd.kind.rawValue; d.risk = dd.risk
            d.dueDay = today.adding(days: dd.dueInDays).iso; d.state = dd.state.rawValue; d.version = dd.versions.count
            try await d.create(on: db)
            for (k, v) in dd.versions.enumerated() {
                let row = SchoolDocumentVersion()
                row.$document.id = d.id!; row.version = k + 1; row.note = k > 0 ? "Исправлено по замечаниям" : ""
                row.submittedAt = at.addingTimeInterval(Double(dd.dueInDays - 3 + k * 4) * 86_400); row.submittedBy = "Администрация школы"
                row.outcome = v.outcome?.rawValue ?? ""; row.comment = v.comment
                row.reviewedAt = v.outcome == nil ? nil : row.submittedAt.addingTimeInterval(2 * 86_400); row.reviewedBy = v.outcome == nil ? "" : "Наставник"
                try await row.create(on: db)
            }
        }
        let admins = order.isEmpty ? [] : try await Notifier.schoolAdmins(order[0], on: db)
        let reviewers = order.isEmpty ? [] : try await Notifier.reviewers(of: order[0], on: today, db: db)
        for dd in DemoControl.decisions {
            let d = Decision()
            d.municipalityID = m.id!; d.type = dd.type.rawValue; d.addressee = dd.addressee.rawValue
            d.$school.id = dd.school.flatMap { $0 < order.count ? order[$0] : nil }
            if dd.addressee.needsSchool && d.$school.id == nil { continue }
            d.horizon = dd.horizon.rawValue; d.form = dd.form.rawValue; d.number = dd.number; d.content = dd.content
            d.deadline = today.adding(days: dd.deadlineInDays).iso; d.responsible = dd.responsible; d.reportForm = dd.reportForm
            d.source = dd.type == .recommendation ? "Мониторинг динамики образовательных результатов" : ""
            d.issuer = dd.addressee == .center ? DecisionIssuer.department.rawValue : DecisionIssuer.center.rawValue
            d.issuedBy = dd.addressee == .center ? "Управление образования" : "Специалист центра"; d.issuedOn = today.adding(days: -dd.issuedDaysAgo).iso
            d.report = dd.reported?.text ?? ""; d.reportDay = dd.reported.map { today.adding(days: -$0.daysAgo).iso }
            d.reportedBy = dd.reported == nil ? "" : "Специалист центра"
            d.state = (dd.reported == nil ? DecisionState.issued : .reported).rawValue
            d.controlComment = ""; d.controlledBy = ""
            try await d.create(on: db)
            let url = SiteURL.control(.decision(d.id!.uuidString)).path
            if dd.addressee.needsSchool {
                try await Notifier.send(.decisionAddressed, "Адресная рекомендация до \(d.deadlineDay?.ru ?? ""): \(dd.content.prefix(150))", url: url, to: admins, except: nil, at: at, on: db)
            }
        }
        if let doc = try await SchoolDocument.query(on: db).filter(\.$school.$id ~~ order.prefix(1)).all().first(where: { $0.documentState == .returned }) {
            try await Notifier.send(.documentReturned, "«\(doc.title)» (версия 1) возвращён с замечаниями.", url: SiteURL.control(.document(doc.id!.uuidString)).path,
                                    to: admins, except: nil, at: at, on: db)
        }
        if let doc = try await SchoolDocument.query(on: db).filter(\.$school.$id ~~ order.prefix(1)).all().first(where: { $0.documentState == .submitted }) {
            try await Notifier.send(.documentSubmitted, "Школа сдала на проверку «\(doc.title)», версия 2.", url: SiteURL.control(.document(doc.id!.uuidString)).path,
                                    to: reviewers, except: nil, at: at, on: db)
        }
    }
}
