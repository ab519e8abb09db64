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
    static func load(_ user: User, on db: any Database) async throws -> Principal {
        let userID = try user.requireID()
        let grants = try await RoleGrant.query(on: db).filter(\.$user.$id == userID).all().compactMap(\.grant)
        var schools = Set<UUID>(), tutorants = Set<UUID>()
        if let personID = user.$person.id {
            let rows = try await Assignment.query(on: db).filter(\.$person.$id == personID).all()
            for a in rows {
                switch a.assignmentKind {
                case .mentorSchool, .curatorSchool, .expertSchool: if let s = a.$school.id { schools.insert(s) }
                case .tutorTeacher: if let t = a.$teacher.id { tutorants.insert(t) }
                case .leaderSchool, .none: break
                }
            }
        }
        return Principal(userID: userID, personID: user.$person.id, grants: grants, assignedSchoolIDs: schools, tutorantIDs: tutorants)
    }
}
