import Fluent
import Foundation
import Domain

/// A kind of plan of the editable list (`PlanKindCatalog.initial` to start with).
final class PlanKind: Model, @unchecked Sendable {
    static let schema = "plan_kinds"
    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "title") var title: String
    @Field(key: "owner_level") var ownerLevel: String
    @Field(key: "position") var position: Int
    @Field(key: "active") var active: Bool
    init() {}
    var owner: PlanOwnerLevel { PlanOwnerLevel(rawValue: ownerLevel) ?? .any }
}

/// A roadmap or work plan of a municipality (no school) or of one of its schools.
final class Plan: Model, @unchecked Sendable {
    static let schema = "plans"
    @ID(key: .id) var id: UUID?
    @Field(key: "municipality_id") var municipalityID: UUID
    @OptionalParent(key: "school_id") var school: School?
    @Field(key: "kind_code") var kindCode: String
    /// The start year of a school year (2025 = 2025/2026) or the calendar year, as the municipality plans.
    @Field(key: "year") var year: Int
    @Field(key: "title") var title: String
    @Field(key: "state") var state: String
    /// The number of the current version: 0 before the first approval.
    @Field(key: "version") var version: Int
    @Field(key: "order_number") var orderNumber: String
    @OptionalField(key: "order_date") var orderDate: String?
    @Field(key: "approved_by") var approvedBy: String
    @OptionalField(key: "copied_from_id") var copiedFromID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    init() {}

    var planState: PlanState { PlanState(rawValue: state) ?? .draft }
    var isApproved: Bool { planState == .approved }
}

final class PlanItem: Model, @unchecked Sendable {
    static let schema = "plan_items"
    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: Plan
    @Field(key: "position") var position: Int
    @Field(key: "section") var section: String
    @Field(key: "measure") var measure: String
    @OptionalField(key: "start_day") var startDay: String?
    @Field(key: "deadline") var deadline: String
    @Field(key: "recurrence") var recurrence: String
    @Field(key: "responsible") var responsible: String
    /// Linked people (registry ids), comma-separated.
    @Field(key: "responsible_person_ids") var responsiblePersonIDs: String
    /// Target groups (`PlanTargetGroup` raw values), comma-separated.
    @Field(key: "targets") var targets: String
    @Field(key: "addresses") var addresses: String
    @Field(key: "expected_result") var expectedResult: String
    @Field(key: "report_form") var reportForm: String
    @Field(key: "status") var status: String
    init() {}

    var start: CalendarDay? { startDay.flatMap(CalendarDay.init(iso:)) }
    var deadlineDay: CalendarDay? { CalendarDay(iso: deadline) }
    var itemRecurrence: PlanRecurrence { PlanRecurrence(rawValue: recurrence) ?? .none }
    var itemStatus: PlanItemStatus { PlanItemStatus(rawValue: status) ?? .planned }
    var targetGroups: [PlanTargetGroup] { targets.split(separator: ",").compactMap { PlanTargetGroup(rawValue: String($0)) } }
    var personIDs: [UUID] { responsiblePersonIDs.split(separator: ",").compactMap { UUID(uuidString: String($0)) } }
    var occurrences: [CalendarDay] { deadlineDay.map { PlanOccurrences.dueDays(start: start, deadline: $0, recurrence: itemRecurrence) } ?? [] }
}

/// The execution of one occurrence of an item: the actual day and the evidence.
final class PlanExecution: Model, @unchecked Sendable {
    static let schema = "plan_executions"
    @ID(key: .id) var id: UUID?
    @Parent(key: "item_id") var item: PlanItem
    @Field(key: "due_day") var dueDay: String
    @Field(key: "done_day") var doneDay: String
    @Field(key: "evidence") var evidence: String
    @Field(key: "evidence_url") var evidenceURL: String
    /// The event that executed the occurrence (the events area links it later).
    @OptionalField(key: "event_id") var eventID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

/// A read-only copy of a plan kept at an approval or at a change after it.
final class PlanVersion: Model, @unchecked Sendable {
    static let schema = "plan_versions"
    enum Kind: String { case approval, change }
    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: Plan
    @Field(key: "version") var version: Int
    @Field(key: "kind") var kind: String
    @Field(key: "at") var at: Date
    @Field(key: "by_login") var byLogin: String
    @Field(key: "reason") var reason: String
    @Field(key: "snapshot_json") var snapshotJSON: String
    init() {}
}
