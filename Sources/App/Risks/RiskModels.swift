import Fluent
import Foundation
import Domain

/// A kind of risk or a «500+» risk-profile factor (M021): editable reference data, shared by every municipality.
final class RiskKind: Model, @unchecked Sendable {
    static let schema = "risk_kinds"
    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "title") var title: String
    @Field(key: "factor_500") var factor500: Bool
    @Field(key: "position") var position: Int
    /// The factor's model (indicators → weights → cut-points) as JSON text, validated by `RiskFactorModel`.
    @Field(key: "model") var model: String
    @Field(key: "active") var active: Bool
    init() {}
}

/// One risk of a school's register (M021).
final class SchoolRisk: Model, @unchecked Sendable {
    static let schema = "school_risks"
    @ID(key: .id) var id: UUID?
    @Field(key: "municipality_id") var municipalityID: UUID
    @Parent(key: "school_id") var school: School
    @Field(key: "kind_code") var kindCode: String
    @Field(key: "manageability") var manageability: String
    @Field(key: "level") var level: String
    @Field(key: "evidence") var evidence: String
    @Field(key: "owner") var owner: String
    @Field(key: "cyclic") var cyclic: Bool
    @Field(key: "registered_on") var registeredOn: String
    @OptionalField(key: "next_occurrence") var nextOccurrence: String?
    @OptionalField(key: "decided_on") var decidedOn: String?
    /// The measures: plan items' ids, comma-separated.
    @Field(key: "measure_item_ids") var measureItemIDs: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    init() {}

    var riskLevel: RiskLevel { RiskLevel(rawValue: level) ?? .low }
    var measures: [UUID] { measureItemIDs.split(separator: ",").compactMap { UUID(uuidString: String($0)) } }
    var registered: CalendarDay? { CalendarDay(iso: registeredOn) }
    var decided: CalendarDay? { decidedOn.flatMap(CalendarDay.init(iso:)) }
    var deadlines: (decision: CalendarDay?, measures: CalendarDay?) {
        RiskDeadlines.due(registered: registered ?? CalendarDay(dayNumber: 0), cyclic: cyclic, nextOccurrence: nextOccurrence.flatMap(CalendarDay.init(iso:)))
    }

    func apply(_ d: RiskDraft) {
        kindCode = d.kind; manageability = d.manageability.rawValue; level = d.level.rawValue; evidence = d.evidence; owner = d.owner
        cyclic = d.cyclic; registeredOn = d.registered.iso; nextOccurrence = d.nextOccurrence?.iso; decidedOn = d.decided?.iso
        measureItemIDs = d.measures.map(\.uuidString).joined(separator: ",")
    }

    var values: [String: String] {
        ["kind": kindCode, "manageability": manageability, "level": level, "evidence": evidence, "owner": owner, "cyclic": cyclic ? "1" : "",
         "registered": registeredOn, "next_occurrence": nextOccurrence ?? "", "decided": decidedOn ?? ""]
    }
}

/// A kind of audit of documents with its editable checklist, one item per line (M021).
final class DocumentAuditKind: Model, @unchecked Sendable {
    static let schema = "document_audit_kinds"
    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "title") var title: String
    @Field(key: "checklist") var checklist: String
    init() {}
}

/// A planned audit of a school's (or, without a school, the center's) documents, its protocol and re-check (M021).
final class DocumentAudit: Model, @unchecked Sendable {
    static let schema = "document_audits"
    @ID(key: .id) var id: UUID?
    @Field(key: "municipality_id") var municipalityID: UUID
    @OptionalParent(key: "school_id") var school: School?
    @Field(key: "kind_code") var kindCode: String
    @Field(key: "planned_on") var plannedOn: String
    @Field(key: "state") var state: String
    @OptionalField(key: "held_on") var heldOn: String?
    /// The protocol: `[DocumentAuditFinding]` as JSON.
    @Field(key: "findings") var findings: String
    @OptionalField(key: "fix_deadline") var fixDeadline: String?
    @OptionalField(key: "rechecked_on") var recheckedOn: String?
    @Field(key: "recheck_note") var recheckNote: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    init() {}

    var auditState: DocumentAuditState { DocumentAuditState(rawValue: state) ?? .planned }
    var findingList: [DocumentAuditFinding] { (try? JSONDecoder().decode([DocumentAuditFinding].self, from: Data(findings.utf8))) ?? [] }
}
