import Fluent
import Foundation
import Domain

/// One interaction of a mentor, curator or tutor with their school or tutorant (the work log).
final class Interaction: Model, @unchecked Sendable {
    static let schema = "interactions"
    @ID(key: .id) var id: UUID?
    @Field(key: "municipality_id") var municipalityID: UUID
    @Parent(key: "author_id") var author: Person
    @OptionalParent(key: "school_id") var school: School?
    @OptionalParent(key: "teacher_id") var teacher: Person?
    @Field(key: "day") var dayText: String
    @Field(key: "form") var form: String
    @Field(key: "format") var format: String
    @Field(key: "topic") var topic: String
    @Field(key: "duration_min") var durationMinutes: Int
    @OptionalField(key: "participants") var participants: Int?
    @Field(key: "outcome") var outcome: String
    @Field(key: "next_step") var nextStep: String
    @OptionalField(key: "request_id") var requestID: UUID?
    /// The МНЦ / МТКП plan module the work belongs to (M014).
    @OptionalField(key: "module_id") var moduleID: UUID?
    @Field(key: "created_by") var createdBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}

    var day: CalendarDay? { CalendarDay(iso: dayText) }
    var interactionForm: InteractionForm? { InteractionForm(rawValue: form) }
    var interactionFormat: InteractionFormat? { InteractionFormat(rawValue: format) }
}

/// A tutorant's or a school team's question («заказ тьюторанта»): answered by an interaction.
final class SupportRequest: Model, @unchecked Sendable {
    static let schema = "support_requests"
    @ID(key: .id) var id: UUID?
    @Field(key: "municipality_id") var municipalityID: UUID
    @Parent(key: "from_person_id") var from: Person
    @Parent(key: "to_person_id") var to: Person
    @Field(key: "text") var text: String
    @OptionalField(key: "answered_by_interaction_id") var answeredBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

/// One diagnostic result of a teacher in one area: a deficit found (or, `hasDeficit` false,
/// a later diagnostic that found none — the only thing that closes a deficit).
final class DeficitRecord: Model, @unchecked Sendable {
    static let schema = "deficits"
    @ID(key: .id) var id: UUID?
    @Field(key: "municipality_id") var municipalityID: UUID
    @Parent(key: "teacher_id") var teacher: Person
    @OptionalParent(key: "school_id") var school: School?
    @Field(key: "year") var year: Int
    @Field(key: "area") var area: String
    @Field(key: "source") var source: String
    @OptionalField(key: "score") var score: Double?
    @Field(key: "level") var level: String
    @OptionalField(key: "day") var dayText: String?
    @Field(key: "has_deficit") var hasDeficit: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}

    var deficitArea: DeficitArea? { DeficitArea(rawValue: area) }
    var deficitSource: DeficitSource? { DeficitSource(rawValue: source) }
    var day: CalendarDay? { dayText.flatMap(CalendarDay.init(iso:)) }
    /// The diagnostic's day, or 1 August of its year (the start of the diagnostics year) when none was entered.
    var diagnosticDay: CalendarDay { day ?? CalendarDay(year: year, month: 8, day: 1)! }
}

/// A teacher's individual educational route (ИОМ) of one year («Route» is Vapor's).
final class RouteRecord: Model, @unchecked Sendable {
    static let schema = "routes"
    @ID(key: .id) var id: UUID?
    @Field(key: "municipality_id") var municipalityID: UUID
    @Parent(key: "teacher_id") var teacher: Person
    @Field(key: "year") var year: Int
    @Field(key: "state") var state: String
    @OptionalField(key: "agreed_by") var agreedBy: String?
    @OptionalField(key: "agreed_day") var agreedDay: String?
    @Field(key: "review_note") var reviewNote: String
    @Children(for: \.$route) var steps: [RouteStepRecord]
    init() {}

    var routeState: RouteState { RouteState(rawValue: state) ?? .draft }
}

final class RouteStepRecord: Model, @unchecked Sendable {
    static let schema = "route_steps"
    @ID(key: .id) var id: UUID?
    @Parent(key: "route_id") var route: RouteRecord
    @OptionalField(key: "deficit_area") var deficitArea: String?
    @Field(key: "title") var title: String
    @Field(key: "kind") var kind: String
    @OptionalField(key: "due") var due: String?
    @Field(key: "status") var status: String
    @OptionalField(key: "done_day") var doneDay: String?
    @Field(key: "evidence") var evidence: String
    @Field(key: "cancel_reason") var cancelReason: String
    /// A material of the bank the step uses (M013).
    @OptionalField(key: "material_id") var materialID: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    init() {}

    var stepStatus: RouteStepStatus { RouteStepStatus(rawValue: status) ?? .planned }
    var area: DeficitArea? { deficitArea.flatMap(DeficitArea.init(rawValue:)) }
    var stepKind: RouteStepKind? { RouteStepKind(rawValue: kind) }
    var dueDay: CalendarDay? { due.flatMap(CalendarDay.init(iso:)) }
}

/// A mentor's or tutor's own capacity (schools or teachers), when not the municipal default,
/// and whether they were trained as a regional tutor (M016).
final class SupportCapacity: Model, @unchecked Sendable {
    static let schema = "support_capacities"
    @ID(key: .id) var id: UUID?
    @Field(key: "person_id") var personID: UUID
    @Field(key: "capacity") var capacity: Int
    @Field(key: "regional_training") var regionalTraining: Bool
    init() { regionalTraining = false }
}

/// The area's settings of a municipality: default capacities and the quiet-pair threshold.
final class MentoringSettingsRow: Model, @unchecked Sendable {
    static let schema = "mentoring_settings"
    @ID(key: .id) var id: UUID?
    @Field(key: "municipality_id") var municipalityID: UUID
    @Field(key: "mentor_capacity") var mentorCapacity: Int
    @Field(key: "tutor_capacity") var tutorCapacity: Int
    @Field(key: "quiet_days") var quietDays: Int
    init() {}
}

/// The municipal defaults (a municipality without its own row of settings).
struct MentoringSettings: Sendable, Equatable {
    var mentorCapacity = 3
    var tutorCapacity = 5
    var quietDays = PairHealth.defaultThresholdDays

    static func load(_ municipalityID: UUID, on db: any Database) async throws -> MentoringSettings {
        guard let r = try await MentoringSettingsRow.query(on: db).filter(\.$municipalityID == municipalityID).first() else { return .init() }
        return .init(mentorCapacity: r.mentorCapacity, tutorCapacity: r.tutorCapacity, quietDays: r.quietDays)
    }
}

/// A mentor's, tutor's or the center's comment on a route or a school's programme: its own record.
final class SupportComment: Model, @unchecked Sendable {
    static let schema = "support_comments"
    enum Target: String, Sendable { case route, school }
    @ID(key: .id) var id: UUID?
    @Field(key: "municipality_id") var municipalityID: UUID
    @Field(key: "target_kind") var targetKind: String
    @Field(key: "target_id") var targetID: UUID
    @OptionalField(key: "author_id") var authorID: UUID?
    @Field(key: "author_name") var authorName: String
    @Field(key: "strength") var strength: String
    @Field(key: "improve") var improve: String
    @Field(key: "next_step") var nextStep: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

/// One item of the bank of methodological materials.
final class Material: Model, @unchecked Sendable {
    static let schema = "materials"
    @ID(key: .id) var id: UUID?
    @Field(key: "municipality_id") var municipalityID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @Field(key: "subject") var subject: String
    @OptionalField(key: "deficit_area") var deficitArea: String?
    @Field(key: "author") var author: String
    @Field(key: "link") var link: String
    @Field(key: "description") var details: String
    /// Title, subject, author and description, lowercase with ё as е: what search compares.
    @Field(key: "search_text") var searchText: String
    @Field(key: "public") var isPublic: Bool
    @Field(key: "created_by") var createdBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}

    static func normalized(_ s: String) -> String { s.lowercased().replacingOccurrences(of: "ё", with: "е") }
    func index() { searchText = Self.normalized([title, subject, author, details].joined(separator: " ")) }
}

/// A candidate of the municipal management personnel reserve (Concept §4).
final class ReserveCandidate: Model, @unchecked Sendable {
    static let schema = "reserve_candidates"
    @ID(key: .id) var id: UUID?
    @Field(key: "municipality_id") var municipalityID: UUID
    @OptionalParent(key: "person_id") var person: Person?
    @Field(key: "full_name") var fullName: String
    @Field(key: "current_post") var currentPost: String
    @Field(key: "target_post") var targetPost: String
    @Field(key: "sessions_attended") var sessionsAttended: Int
    @Field(key: "readiness") var readiness: String
    @Field(key: "notes") var notes: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

/// A school methodological association (ШМО): a group of a school's teachers with a head.
final class ShmoGroup: Model, @unchecked Sendable {
    static let schema = "shmo_groups"
    @ID(key: .id) var id: UUID?
    @Field(key: "municipality_id") var municipalityID: UUID
    @Parent(key: "school_id") var school: School
    @Field(key: "name") var name: String
    @OptionalParent(key: "head_id") var head: Person?
    /// Staff ids of the members, comma-separated.
    @Field(key: "members") var members: String
    init() {}
    var memberIDs: [UUID] { members.split(separator: ",").compactMap { UUID(uuidString: String($0)) } }
}

/// The August review of one ШМО in one year: filled by the school, reviewed by the center.
final class ShmoReview: Model, @unchecked Sendable {
    static let schema = "shmo_reviews"
    enum Status: String, Sendable, CaseIterable {
        case draft, submitted, reviewed
        var title: String { switch self { case .draft: "заполняется школой"; case .submitted: "отправлен в центр"; case .reviewed: "рассмотрен центром" } }
    }
    @ID(key: .id) var id: UUID?
    @Parent(key: "group_id") var group: ShmoGroup
    @Field(key: "year") var year: Int
    @Field(key: "has_plan") var hasPlan: Bool
    @Field(key: "meetings") var meetings: Int
    @Field(key: "open_lessons") var openLessons: Int
    @Field(key: "topics") var topics: String
    @Field(key: "deficits_addressed") var deficitsAddressed: String
    @Field(key: "status") var status: String
    @Field(key: "reviewer_note") var reviewerNote: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    init() {}
    var state: Status { Status(rawValue: status) ?? .draft }
}

/// A module of the mentoring center's (МНЦ) or the tutor point's (МТКП) plan of a year (seed 000).
final class PlanModule: Model, @unchecked Sendable {
    static let schema = "plan_modules"
    enum Plan: String, CaseIterable, Sendable {
        case mentoringCenter = "mentoring_center", tutorPoint = "tutor_point"
        var title: String { self == .mentoringCenter ? "План МНЦ" : "План МТКП" }
        var pools: [SupportPool] { self == .mentoringCenter ? [.mentor, .curator] : [.tutor] }
    }
    @ID(key: .id) var id: UUID?
    @Field(key: "municipality_id") var municipalityID: UUID
    @Field(key: "plan") var plan: String
    @Field(key: "year") var year: Int
    @Field(key: "position") var position: Int
    @Field(key: "title") var title: String
    init() {}
    var planKind: Plan { Plan(rawValue: plan) ?? .mentoringCenter }
}

/// One item of a pair's plan of interaction: what the mentor or tutor plans with the school
/// team or the tutorant, due when, done when.
final class PairPlanItem: Model, @unchecked Sendable {
    static let schema = "pair_plan_items"
    @ID(key: .id) var id: UUID?
    @Parent(key: "assignment_id") var assignment: Assignment
    @Field(key: "title") var title: String
    @OptionalField(key: "due") var due: String?
    @OptionalField(key: "done_day") var doneDay: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
    var dueDay: CalendarDay? { due.flatMap(CalendarDay.init(iso:)) }
}

/// One teacher's value of one subject-competence indicator in a diagnostics year (Concept §5.1).
final class CompetenceRecord: Model, @unchecked Sendable {
    static let schema = "competence_records"
    @ID(key: .id) var id: UUID?
    @Field(key: "municipality_id") var municipalityID: UUID
    @Parent(key: "teacher_id") var teacher: Person
    @Field(key: "year") var year: Int
    @Field(key: "indicator") var indicator: String
    @Field(key: "value") var value: String
    init() {}
}

/// A quarterly review of a route: what was corrected, by whom, when.
final class RouteReview: Model, @unchecked Sendable {
    static let schema = "route_reviews"
    @ID(key: .id) var id: UUID?
    @Parent(key: "route_id") var route: RouteRecord
    @Field(key: "day") var day: String
    @Field(key: "author_name") var authorName: String
    @Field(key: "corrected") var corrected: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

/// A file attached to an interaction, a route step or a material (M017).
final class Attachment: Model, @unchecked Sendable {
    static let schema = "attachments"
    enum Owner: String, Sendable { case interaction, routeStep = "route_step", material, schoolDocumentVersion = "school_document_version" }
    @ID(key: .id) var id: UUID?
    @Field(key: "municipality_id") var municipalityID: UUID
    @Field(key: "owner_kind") var ownerKind: String
    @Field(key: "owner_id") var ownerID: UUID
    @Field(key: "file_name") var fileName: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "data") var data: Data
    @Field(key: "created_by") var createdBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}
