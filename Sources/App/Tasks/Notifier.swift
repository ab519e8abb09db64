import Vapor
import Fluent
import Foundation
import Domain

/// In-app notifications (issue 11, «Deadlines people can't miss»): who is told what. The writers of
/// documents and decisions call it inside their transaction; a handful of queries, none per recipient.
enum Notifier {
    /// The users of a school's administration.
    static func schoolAdmins(_ school: UUID, on db: any Database) async throws -> [UUID] {
        try await RoleGrant.query(on: db).filter(\.$role == Role.schoolAdmin.rawValue).filter(\.$schoolID == school).all().map(\.$user.id)
    }

    /// The users of a municipality holding a role (the center's specialists, the education department).
    static func municipal(_ role: Role, _ municipality: UUID, on db: any Database) async throws -> [UUID] {
        try await RoleGrant.query(on: db).filter(\.$role == role.rawValue).filter(\.$municipalityID == municipality).all().map(\.$user.id)
    }

    /// The users whose person is the school's mentor or curator on `day` (the reviewers of its documents).
    static func reviewers(of school: UUID, on day: CalendarDay, db: any Database) async throws -> [UUID] {
        let people = try await Assignment.query(on: db).filter(\.$school.$id == school)
            .filter(\.$kind ~~ [AssignmentKind.mentorSchool.rawValue, AssignmentKind.curatorSchool.rawValue]).all()
            .filter { AssignmentRules.span($0).isActive(on: day) }.compactMap { $0.$person.id }
        guard !people.isEmpty else { return [] }
        return try await User.query(on: db).filter(\.$person.$id ~~ people).filter(\.$isActive == true).all().compactMap(\.id)
    }

    /// The users a decision is addressed to.
    static func addressees(_ d: Decision, on db: any Database) async throws -> [UUID] {
        switch d.to {
        case .department: try await municipal(.educationDepartment, d.municipalityID, on: db)
        case .center: try await municipal(.centerSpecialist, d.municipalityID, on: db)
        case .director, .school: try await d.$school.id.asyncMap { try await schoolAdmins($0, on: db) } ?? []
        }
    }

    /// The users of the organisation that issued a decision (who controls it).
    static func issuers(_ d: Decision, on db: any Database) async throws -> [UUID] {
        switch d.issuedBy_ {
        case .center: try await municipal(.centerSpecialist, d.municipalityID, on: db)
        case .department: try await municipal(.educationDepartment, d.municipalityID, on: db)
        case .admin: try await RoleGrant.query(on: db).filter(\.$role == Role.admin.rawValue).all().map(\.$user.id)
        }
    }

    /// One notification per user (each once), except the one who acted.
    static func send(_ kind: NotificationKind, _ text: String, url: String, to users: [UUID], except actor: UUID?, at: Date, on db: any Database) async throws {
        var seen = Set<UUID>()
        let rows: [UserNotification] = users.compactMap { u in
            guard u != actor, seen.insert(u).inserted else { return nil }
            let n = UserNotification()
            n.$user.id = u; n.kind = kind.rawValue; n.text = String(text.prefix(1000)); n.url = url; n.createdAt = at
            return n
        }
        guard !rows.isEmpty else { return }
        try await rows.create(on: db)
        try await DataVersion.bump(rows.map { DataKey.notifications($0.$user.id) }, on: db)
        Mailer.shared.enqueue(rows.map { (user: $0.$user.id, subject: kind.title, text: $0.text, url: $0.url) })
    }

    /// The header's count, kept per user while their notifications are unchanged.
    static func unread(_ user: UUID, _ req: Request) async throws -> Int {
        try await req.cached("unread-notifications|\(user)", dependsOn: [.notifications(user)]) { try await unread(user, on: req.db) }
    }

    static func unread(_ user: UUID, on db: any Database) async throws -> Int {
        try await UserNotification.query(on: db).filter(\.$user.$id == user).filter(\.$readAt == nil).count()
    }
}
