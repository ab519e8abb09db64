import Vapor
import Fluent
import Domain

/// The signed-in user of a request with the principal that Access decides on.
struct CurrentUser: Sendable {
    let id: UUID
    let login: String
    let displayName: String
    let mustChangePassword: Bool
    let principal: Principal
    /// "session" or "token": API tokens skip CSRF, sessions don't.
    let via: Via
    enum Via: Sendable { case session(UUID), token }
}

extension Request {
    private struct CurrentUserKey: StorageKey { typealias Value = CurrentUser }
    var currentUser: CurrentUser? {
        get { storage[CurrentUserKey.self] }
        set { storage[CurrentUserKey.self] = newValue }
    }

    /// The signed-in user, or 401 (pages turn it into a redirect to /login).
    func requireUser() throws -> CurrentUser {
        guard let u = currentUser else { throw Abort(.unauthorized, reason: "Войдите в систему, чтобы продолжить.") }
        return u
    }

    func principal() throws -> Principal { try requireUser().principal }

    var isAPI: Bool { url.path.hasPrefix("/api/") }
}

enum PrincipalLoader {
    /// Builds the principal: grants plus the assignments that widen a mentor's,
    /// curator's, expert's or tutor's view. Three queries, none per row.
    /// Only assignments in force on `now` (Moscow day) count: an ended one is history, a future one
    /// grants nothing yet. Schools assigned only for expertise are kept apart (no mentor's rights there).
    static func load(_ user: User, on db: any Database, now: Date = Date()) async throws -> Principal {
        let userID = try user.requireID()
        let grants = try await RoleGrant.query(on: db).filter(\.$user.$id == userID).all().compactMap(\.grant)
        var schools = Set<UUID>(), supported = Set<UUID>(), tutorants = Set<UUID>()
        if let personID = user.$person.id {
            let today = CalendarDay(date: now, timeZone: CuratorshipService.zone)
            let rows = try await Assignment.query(on: db).filter(\.$person.$id == personID).all().filter { AssignmentRules.span($0).isActive(on: today) }
            for a in rows {
                switch a.assignmentKind {
                case .mentorSchool, .curatorSchool: if let s = a.$school.id { schools.insert(s); supported.insert(s) }
                case .expertSchool: if let s = a.$school.id { schools.insert(s) }
                case .tutorTeacher: if let t = a.$teacher.id { tutorants.insert(t) }
                case .leaderSchool, .none: break
                }
            }
        }
        var p = Principal(userID: userID, personID: user.$person.id, grants: grants, assignedSchoolIDs: schools, tutorantIDs: tutorants)
        p.expertOnlySchoolIDs = schools.subtracting(supported)
        return p
    }
}
