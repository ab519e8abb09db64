import Fluent
import Foundation
import Domain

final class User: Model, @unchecked Sendable {
    static let schema = "users"
    @ID(key: .id) var id: UUID?
    @Field(key: "login") var login: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "display_name") var displayName: String
    @OptionalParent(key: "person_id") var person: Person?
    @Field(key: "is_active") var isActive: Bool
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @Field(key: "failed_attempts") var failedAttempts: Int
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    @OptionalField(key: "last_login_at") var lastLoginAt: Date?
    @Children(for: \.$user) var grants: [RoleGrant]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
    init(login: String, passwordHash: String, displayName: String, personID: UUID? = nil, mustChangePassword: Bool = false) {
        self.login = login; self.passwordHash = passwordHash; self.displayName = displayName; self.$person.id = personID
        self.isActive = true; self.mustChangePassword = mustChangePassword; self.failedAttempts = 0
    }
}

final class RoleGrant: Model, @unchecked Sendable {
    static let schema = "role_grants"
    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "role") var role: String
    @OptionalField(key: "region_id") var regionID: UUID?
    @OptionalField(key: "municipality_id") var municipalityID: UUID?
    @OptionalField(key: "school_id") var schoolID: UUID?
    init() {}
    init(userID: UUID, grant: Grant) {
        self.$user.id = userID; role = grant.role.rawValue; regionID = grant.regionID
        municipalityID = grant.municipalityID; schoolID = grant.schoolID
    }
    var grant: Grant? {
        Role(rawValue: role).map { Grant(role: $0, regionID: regionID, municipalityID: municipalityID, schoolID: schoolID) }
    }
}

/// A signed-in browser session; the cookie carries a random token, the table its SHA-256.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "user_sessions"
    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: User
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @Field(key: "user_agent") var userAgent: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

/// A bearer token for API clients, issued to a user; only its hash is stored.
final class ApiToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"
    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: User
    @Field(key: "name") var name: String
    @OptionalField(key: "expires_at") var expiresAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"
    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "user_login") var userLogin: String
    @Field(key: "action") var action: String
    @Field(key: "entity") var entity: String
    @OptionalField(key: "entity_id") var entityID: UUID?
    @Field(key: "entity_label") var entityLabel: String
    @OptionalField(key: "municipality_id") var municipalityID: UUID?
    @OptionalField(key: "before_json") var beforeJSON: String?
    @OptionalField(key: "after_json") var afterJSON: String?
    init() {}
}

final class ImportJob: Model, @unchecked Sendable {
    static let schema = "import_jobs"
    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "file_name") var fileName: String
    @Field(key: "municipality_id") var municipalityID: UUID
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "user_login") var userLogin: String
    /// queued → running → done | failed
    @Field(key: "status") var status: String
    @Field(key: "total_rows") var totalRows: Int
    @Field(key: "processed_rows") var processedRows: Int
    @Field(key: "created_count") var createdCount: Int
    @Field(key: "updated_count") var updatedCount: Int
    @Field(key: "errors_json") var errorsJSON: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "finished_at") var finishedAt: Date?
    /// The typed status; the column keeps the raw value.
    var state: ImportStatus {
        get { ImportStatus(rawValue: status) ?? .failed }
        set { status = newValue.rawValue }
    }
    init() {}
}
