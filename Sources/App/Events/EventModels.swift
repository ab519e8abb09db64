import Fluent
import Foundation
import Domain

/// An event of the center's catalog (M019).
final class EventRecord: Model, @unchecked Sendable {
    static let schema = "events"
    @ID(key: .id) var id: UUID?
    @Field(key: "municipality_id") var municipalityID: UUID
    @Field(key: "half_year") var halfYear: String
    @Field(key: "title") var title: String
    @Field(key: "kind") var kind: String
    @Field(key: "format") var format: String
    @Field(key: "module") var module: String
    @Field(key: "project") var project: String
    @Field(key: "day") var day: String
    @Field(key: "start_time") var startTime: String
    @Field(key: "end_time") var endTime: String
    @Field(key: "place") var place: String
    @Field(key: "link") var link: String
    @Field(key: "organiser") var organiser: String
    @Field(key: "speakers") var speakers: String
    /// Target groups (`PlanTargetGroup` raw values), comma-separated.
    @Field(key: "audience") var audience: String
    /// 0: no limit.
    @Field(key: "capacity") var capacity: Int
    /// The plan item occurrence the event executes (item and its due day).
    @OptionalField(key: "plan_item_id") var planItemID: UUID?
    @OptionalField(key: "plan_due_day") var planDueDay: String?
    @Field(key: "state") var state: String
    @OptionalField(key: "published_at") var publishedAt: Date?
    @OptionalField(key: "signed_off_at") var signedOffAt: Date?
    @OptionalField(key: "signed_off_by") var signedOffBy: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    init() {}

    var eventState: EventState { EventState(rawValue: state) ?? .draft }
    var eventKind: EventKind? { EventKind(rawValue: kind) }
    var eventFormat: EventFormat? { EventFormat(rawValue: format) }
    var eventModule: EventModule? { EventModule(rawValue: module) }
    var eventProject: EventProject? { EventProject(rawValue: project) }
    var calendarDay: CalendarDay { CalendarDay(iso: day) ?? CalendarDay(year: 2000, month: 1, day: 1)! }
    var half: HalfYear { HalfYear(code: halfYear) ?? HalfYear(of: calendarDay) }
    var groups: Set<PlanTargetGroup> { Set(audience.split(separator: ",").compactMap { PlanTargetGroup(rawValue: String($0)) }) }
    var start: DayTime { DayTime(startTime) ?? DayTime(minutes: 0)! }
    var end: DayTime { DayTime(endTime) ?? DayTime(minutes: 0)! }

    func apply(_ d: EventDraft) {
        title = d.title; kind = d.kind.rawValue; format = d.format.rawValue; module = d.module?.rawValue ?? ""; project = d.project?.rawValue ?? ""
        day = d.day.iso; halfYear = HalfYear(of: d.day).code; startTime = d.start.text; endTime = d.end.text; place = d.place; link = d.link
        organiser = d.organiser; speakers = d.speakers; audience = d.audience.sorted().map(\.rawValue).joined(separator: ","); capacity = d.capacity
    }
}

/// A school's application for a half-year: the lines name the event and the teacher.
final class EventApplication: Model, @unchecked Sendable {
    static let schema = "event_applications"
    @ID(key: .id) var id: UUID?
    @Field(key: "municipality_id") var municipalityID: UUID
    @Parent(key: "school_id") var school: School
    @Field(key: "half_year") var halfYear: String
    @Field(key: "submitted_at") var submittedAt: Date
    @Field(key: "submitted_by") var submittedBy: String
    @Field(key: "note") var note: String
    @Children(for: \.$application) var lines: [EventApplicationLine]
    init() {}
}

final class EventApplicationLine: Model, @unchecked Sendable {
    static let schema = "event_application_lines"
    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: EventApplication
    @Parent(key: "event_id") var event: EventRecord
    @Parent(key: "person_id") var person: Person
    @Field(key: "status") var status: String
    @Field(key: "decided_by") var decidedBy: String
    init() {}
    var lineStatus: ApplicationLineStatus { ApplicationLineStatus(rawValue: status) ?? .requested }
}

/// The personalised programme of a school for a half-year, built from its accepted lines.
final class EventProgramme: Model, @unchecked Sendable {
    static let schema = "event_programmes"
    @ID(key: .id) var id: UUID?
    @Field(key: "municipality_id") var municipalityID: UUID
    @Parent(key: "school_id") var school: School
    @Field(key: "half_year") var halfYear: String
    @Field(key: "built_at") var builtAt: Date
    @Field(key: "built_by") var builtBy: String
    /// When the school's administration first opened it (the school is informed in-app).
    @OptionalField(key: "seen_at") var seenAt: Date?
    init() {}
}

final class EventRegistration: Model, @unchecked Sendable {
    static let schema = "event_registrations"
    @ID(key: .id) var id: UUID?
    @Parent(key: "event_id") var event: EventRecord
    @Parent(key: "person_id") var person: Person
    @Field(key: "source") var source: String
    @Field(key: "attended") var attended: Bool
    /// The step of the person's route the attendance completes.
    @OptionalField(key: "route_step_id") var routeStepID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
    var registrationSource: RegistrationSource { RegistrationSource(rawValue: source) ?? .selfRegistered }
}

/// A secret calendar address of a user or a school; only the token's hash is kept.
final class EventFeed: Model, @unchecked Sendable {
    static let schema = "event_feeds"
    enum Owner: String { case user, school }
    @ID(key: .id) var id: UUID?
    @Field(key: "owner_kind") var ownerKind: String
    @Field(key: "owner_id") var ownerID: UUID
    @Field(key: "token_hash") var tokenHash: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}
