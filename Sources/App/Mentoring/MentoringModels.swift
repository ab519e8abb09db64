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
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    init() {}

    var stepStatus: RouteStepStatus { RouteStepStatus(rawValue: status) ?? .planned }
    var area: DeficitArea? { deficitArea.flatMap(DeficitArea.init(rawValue:)) }
    var stepKind: RouteStepKind? { RouteStepKind(rawValue: kind) }
    var dueDay: CalendarDay? { due.flatMap(CalendarDay.init(iso:)) }
}

/// A mentor's or tutor's own capacity (schools or teachers), when not the municipal default.
final class SupportCapacity: Model, @unchecked Sendable {
    static let schema = "support_capacities"
    @ID(key: .id) var id: UUID?
    @Field(key: "person_id") var personID: UUID
    @Field(key: "capacity") var capacity: Int
    init() {}
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
