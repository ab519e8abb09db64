import Fluent
import Foundation
import Domain

/// A document a supported school must submit (M020): its kind, the risk of an anti-risk programme,
/// the due date, the state of its review and the number of its latest version (0: none yet).
final class SchoolDocument: Model, @unchecked Sendable {
    static let schema = "school_documents"
    @ID(key: .id) var id: UUID?
    @Field(key: "municipality_id") var municipalityID: UUID
    @Parent(key: "school_id") var school: School
    @Field(key: "kind") var kind: String
    @Field(key: "risk") var risk: String
    @Field(key: "due_day") var dueDay: String
    @Field(key: "state") var state: String
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    init() {}

    var documentKind: SchoolDocumentKind { SchoolDocumentKind(rawValue: kind) ?? .concept }
    var documentState: SchoolDocumentState { SchoolDocumentState(rawValue: state) ?? .required }
    var due: CalendarDay? { CalendarDay(iso: dueDay) }
    var title: String { SchoolDocumentDraft.title(documentKind, risk: risk) }
}

/// One submitted version: its file (an attachment owned by the version) or in-system plan, the
/// school's note, and the reviewer's outcome and comments — kept per version.
final class SchoolDocumentVersion: Model, @unchecked Sendable {
    static let schema = "school_document_versions"
    @ID(key: .id) var id: UUID?
    @Parent(key: "document_id") var document: SchoolDocument
    @Field(key: "version") var version: Int
    @OptionalField(key: "plan_id") var planID: UUID?
    @Field(key: "note") var note: String
    @Field(key: "submitted_at") var submittedAt: Date
    @Field(key: "submitted_by") var submittedBy: String
    /// "" while waiting; `returned` or `accepted` once reviewed.
    @Field(key: "outcome") var outcome: String
    @Field(key: "comment") var comment: String
    @OptionalField(key: "reviewed_at") var reviewedAt: Date?
    @Field(key: "reviewed_by") var reviewedBy: String
    init() {}
}
