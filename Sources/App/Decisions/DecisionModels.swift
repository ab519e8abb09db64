import Fluent
import Foundation
import Domain

/// A management decision or addressed recommendation of a municipality's register (M020), with its
/// execution (report, date) and its control by the issuing organisation.
final class Decision: Model, @unchecked Sendable {
    static let schema = "decisions"
    @ID(key: .id) var id: UUID?
    @Field(key: "municipality_id") var municipalityID: UUID
    @Field(key: "type") var type: String
    @Field(key: "addressee") var addressee: String
    @OptionalParent(key: "school_id") var school: School?
    @Field(key: "horizon") var horizon: String
    @Field(key: "form") var form: String
    @Field(key: "number") var number: String
    @Field(key: "content") var content: String
    @Field(key: "deadline") var deadline: String
    @Field(key: "responsible") var responsible: String
    @Field(key: "report_form") var reportForm: String
    /// Where it came from, e.g. the monitoring row it was created from.
    @Field(key: "source") var source: String
    @Field(key: "issuer") var issuer: String
    @Field(key: "issued_by") var issuedBy: String
    @Field(key: "issued_on") var issuedOn: String
    @Field(key: "state") var state: String
    @Field(key: "report") var report: String
    @OptionalField(key: "report_day") var reportDay: String?
    @Field(key: "reported_by") var reportedBy: String
    @Field(key: "control_comment") var controlComment: String
    @OptionalField(key: "controlled_on") var controlledOn: String?
    @Field(key: "controlled_by") var controlledBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    init() {}

    var decisionType: DecisionType { DecisionType(rawValue: type) ?? .decision }
    var to: DecisionAddressee { DecisionAddressee(rawValue: addressee) ?? .school }
    var decisionState: DecisionState { DecisionState(rawValue: state) ?? .issued }
    var issuedBy_: DecisionIssuer { DecisionIssuer(rawValue: issuer) ?? .admin }
    var deadlineDay: CalendarDay? { CalendarDay(iso: deadline) }
    var issuedDay: CalendarDay? { CalendarDay(iso: issuedOn) }
    var formTitle: String { DecisionForm(rawValue: form)?.title ?? form }
    var horizonTitle: String { DecisionHorizon(rawValue: horizon)?.title ?? horizon }

    func isOverdue(_ today: CalendarDay) -> Bool {
        deadlineDay.map { DecisionRules.isOverdue(deadline: $0, state: decisionState, today: today) } ?? false
    }

    func apply(_ d: DecisionDraft) {
        type = d.type.rawValue; addressee = d.addressee.rawValue; $school.id = d.schoolID; horizon = d.horizon.rawValue; form = d.form.rawValue
        number = d.number; content = d.content; deadline = d.deadline.iso; responsible = d.responsible; reportForm = d.reportForm; source = d.source
    }
}
