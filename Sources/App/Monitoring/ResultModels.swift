import Fluent
import Foundation
import Domain

/// ЕГЭ result of a school in a subject and year; `average` keeps the decimal text exactly.
final class EGEResult: Model, @unchecked Sendable {
    static let schema = "ege_results"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    /// `schools.no` (M009): the integer key of the big result tables.
    @Field(key: "school_no") var schoolNo: Int
    @Field(key: "year") var year: Int
    @Field(key: "subject") var subject: String
    @Field(key: "participants") var participants: Int
    @Field(key: "average") var average: String
    @OptionalField(key: "sd") var sd: Double?
    @OptionalField(key: "below_minimum") var belowMinimum: Int?
    @OptionalField(key: "high_scorers") var highScorers: Int?
    @OptionalField(key: "import_id") var importID: UUID?
    init() {}
}

/// ВПР result of a school, subject, grade and year: mark counts, or ФИС ОКО's published percentages.
final class VPRResult: Model, @unchecked Sendable {
    static let schema = "vpr_results"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    /// `schools.no` (M009): the integer key of the big result tables.
    @Field(key: "school_no") var schoolNo: Int
    @Field(key: "year") var year: Int
    @Field(key: "subject") var subject: String
    @Field(key: "grade") var grade: Int
    @Field(key: "participants") var participants: Int
    @OptionalField(key: "m2") var m2: Int?
    @OptionalField(key: "m3") var m3: Int?
    @OptionalField(key: "m4") var m4: Int?
    @OptionalField(key: "m5") var m5: Int?
    @OptionalField(key: "p2") var p2: String?
    @OptionalField(key: "p3") var p3: String?
    @OptionalField(key: "p4") var p4: String?
    @OptionalField(key: "p5") var p5: String?
    /// "counts" | "percentages"
    @Field(key: "source") var source: String
    @OptionalField(key: "import_id") var importID: UUID?
    init() {}
}

final class OGEResult: Model, @unchecked Sendable {
    static let schema = "oge_results"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Parent(key: "school_id") var school: School
    @Field(key: "year") var year: Int
    @Field(key: "subject") var subject: String
    @Field(key: "participants") var participants: Int
    @OptionalField(key: "average_mark") var averageMark: String?
    @OptionalField(key: "average_score") var averageScore: String?
    @OptionalField(key: "below_threshold") var belowThreshold: Int?
    @OptionalField(key: "below_share") var belowShare: String?
    @OptionalField(key: "import_id") var importID: UUID?
    init() {}
}

final class TermResult: Model, @unchecked Sendable {
    static let schema = "term_results"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Parent(key: "school_id") var school: School
    @Field(key: "year") var year: Int
    @Field(key: "period") var period: String
    @OptionalField(key: "grade") var grade: Int?
    @Field(key: "class_name") var className: String
    @Field(key: "subject") var subject: String
    @Field(key: "participants") var participants: Int
    @Field(key: "success_rate") var successRate: String
    @Field(key: "quality_rate") var qualityRate: String
    @OptionalField(key: "import_id") var importID: UUID?
    init() {}
}

final class JournalComparison: Model, @unchecked Sendable {
    static let schema = "journal_comparisons"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Parent(key: "school_id") var school: School
    @Field(key: "year") var year: Int
    @Field(key: "subject") var subject: String
    @Field(key: "grade") var grade: Int
    @Field(key: "participants") var participants: Int
    @Field(key: "lowered") var lowered: Int
    @Field(key: "confirmed") var confirmed: Int
    @Field(key: "raised") var raised: Int
    @OptionalField(key: "import_id") var importID: UUID?
    init() {}
}

final class VPRParticipant: Model, @unchecked Sendable {
    static let schema = "vpr_participants"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Parent(key: "school_id") var school: School
    @Field(key: "year") var year: Int
    @Field(key: "subject") var subject: String
    @Field(key: "grade") var grade: Int
    @Field(key: "class_name") var className: String
    @Field(key: "participant") var participant: String
    @OptionalField(key: "primary_score") var primaryScore: Int?
    @OptionalField(key: "mark") var mark: Int?
    @OptionalField(key: "journal_mark") var journalMark: Int?
    @OptionalField(key: "import_id") var importID: UUID?
    init() {}
}

final class ObjectivityFlag: Model, @unchecked Sendable {
    static let schema = "objectivity_flags"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Parent(key: "school_id") var school: School
    @Field(key: "year") var year: Int
    @Field(key: "procedure") var procedure: String
    @OptionalField(key: "import_id") var importID: UUID?
    init() {}
}

/// The region's average in a subject (the default reference of indicator 1), from files or entered.
final class ReferenceValue: Model, @unchecked Sendable {
    static let schema = "reference_values"
    @ID(key: .id) var id: UUID?
    @Field(key: "region_id") var regionID: UUID
    @Field(key: "exam") var exam: String
    @Field(key: "subject") var subject: String
    @Field(key: "grade") var grade: Int
    @Field(key: "year") var year: Int
    @Field(key: "value") var value: String
    @Field(key: "source") var source: String
    init() {}
}

/// A file's school label a municipality's center matched to one of its schools once;
/// remembered for that municipality's next files (M011).
final class SchoolKeyMatch: Model, @unchecked Sendable {
    static let schema = "school_key_matches"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "key_kind") var keyKind: String
    @Field(key: "key_value") var keyValue: String
    @Parent(key: "school_id") var school: School
    init() {}
}

/// The region-wide matches of M006, replaced by `SchoolKeyMatch` (kept for the migration).
final class SchoolKeyMapping: Model, @unchecked Sendable {
    static let schema = "school_key_mappings"
    @ID(key: .id) var id: UUID?
    @Field(key: "region_id") var regionID: UUID
    @Field(key: "key_kind") var keyKind: String
    @Field(key: "key_value") var keyValue: String
    @Parent(key: "school_id") var school: School
    init() {}
}

final class MarkBoundary: Model, @unchecked Sendable {
    static let schema = "mark_boundaries"
    @ID(key: .id) var id: UUID?
    @Field(key: "region_id") var regionID: UUID
    @Field(key: "subject") var subject: String
    @Field(key: "grade") var grade: Int
    @Field(key: "year") var year: Int
    @Field(key: "min3") var min3: Int
    @Field(key: "min4") var min4: Int
    @Field(key: "min5") var min5: Int
    init() {}
}

/// A monitoring campaign: open → data complete → approved, with a dated read-only copy of the table.
final class MonitoringCampaign: Model, @unchecked Sendable {
    static let schema = "monitoring_campaigns"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "year") var year: Int
    @Field(key: "status") var status: String
    @OptionalField(key: "deadline") var deadline: Date?
    @OptionalField(key: "approved_at") var approvedAt: Date?
    @OptionalField(key: "approved_by") var approvedBy: String?
    @OptionalField(key: "snapshot_json") var snapshotJSON: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// The typed status; the column keeps the raw value.
    var state: CampaignStatus {
        get { CampaignStatus(rawValue: status) ?? .open }
        set { status = newValue.rawValue }
    }
    init() {}
}

final class ExclusionConfirmation: Model, @unchecked Sendable {
    static let schema = "exclusion_confirmations"
    @ID(key: .id) var id: UUID?
    @Field(key: "municipality_id") var municipalityID: UUID
    @Field(key: "year") var year: Int
    @Field(key: "result_key") var resultKey: String
    @Field(key: "confirmed_by") var confirmedBy: String
    @Field(key: "at") var at: Date
    @Field(key: "comment") var comment: String
    init() {}
}

final class ImportFileBlob: Model, @unchecked Sendable {
    static let schema = "import_files"
    @ID(key: .id) var id: UUID?
    @Field(key: "job_id") var jobID: UUID
    @Field(key: "data") var data: Data
    @OptionalField(key: "default_year") var defaultYear: Int?
    init() {}
}
