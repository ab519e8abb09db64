import Fluent
import Foundation

/// One in-app notification of a user (M020): what happened, where to look, when it was read.
final class UserNotification: Model, @unchecked Sendable {
    static let schema = "notifications"
    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "kind") var kind: String
    @Field(key: "text") var text: String
    @Field(key: "url") var url: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "read_at") var readAt: Date?
    init() {}
}
