import Fluent
import Foundation
import Domain

final class School: Model, @unchecked Sendable {
    static let schema = "schools"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "region_id") var regionID: UUID
    @Field(key: "code") var code: String
    @Field(key: "full_name") var fullName: String
    @Field(key: "short_name") var shortName: String
    @Field(key: "kind") var kind: String
    @Field(key: "legal_form") var legalForm: String
    @Field(key: "director_name") var directorName: String
    @Field(key: "address") var address: String
    @Field(key: "phone") var phone: String
    @Field(key: "email") var email: String
    @OptionalField(key: "fis_oko_login") var fisOkoLogin: String?
    @OptionalField(key: "gia_code") var giaCode: String?
    @Field(key: "is_leader") var isLeader: Bool
    /// Permanent integer number (M009), given on creation by `SchoolNumbering`.
    @OptionalField(key: "no") var no: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    init() {}

    var place: Place { Place(regionID: regionID, municipalityID: $municipality.id, schoolID: id) }

    var draft: SchoolDraft {
        SchoolDraft(code: code, fullName: fullName, shortName: shortName, kind: kind, legalForm: legalForm,
                    directorName: directorName, address: address, phone: phone, email: email,
                    fisOkoLogin: fisOkoLogin.map(FisOkoLogin.display) ?? "", giaCode: giaCode ?? "")
    }

    /// A draft as a stored school reads back (`draft` after `apply`): the login as displayed.
    static func stored(_ d: SchoolDraft) -> SchoolDraft {
        var s = d
        s.fisOkoLogin = FisOkoLogin.digits(d.fisOkoLogin).map(FisOkoLogin.display) ?? ""
        return s
    }

    func apply(_ d: SchoolDraft) {
        code = d.code; fullName = d.fullName; shortName = d.shortName; kind = d.kind; legalForm = d.legalForm
        directorName = d.directorName; address = d.address; phone = d.phone; email = d.email
        fisOkoLogin = FisOkoLogin.digits(d.fisOkoLogin); giaCode = d.giaCode.isEmpty ? nil : d.giaCode
    }
}

final class SchoolStatus: Model, @unchecked Sendable {
    static let schema = "school_statuses"
    @ID(key: .id) var id: UUID?
    @Parent(key: "school_id") var school: School
    @Field(key: "year") var year: Int
    @Field(key: "low_results") var lowResults: Bool
    @Field(key: "difficult_conditions") var difficultConditions: Bool
    @Field(key: "program_500") var program500: Bool
    @Field(key: "objectivity_risk") var objectivityRisk: Bool
    @Field(key: "order_number") var orderNumber: String
    @OptionalField(key: "order_date") var orderDate: Date?
    @Field(key: "note") var note: String
    init() {}

    var draft: SchoolStatusDraft {
        SchoolStatusDraft(year: year, lowResults: lowResults, difficultConditions: difficultConditions, program500: program500,
                          objectivityRisk: objectivityRisk, orderNumber: orderNumber, orderDate: orderDate, note: note)
    }

    func apply(_ d: SchoolStatusDraft) {
        year = d.year; lowResults = d.lowResults; difficultConditions = d.difficultConditions; program500 = d.program500
        objectivityRisk = d.objectivityRisk; orderNumber = d.orderNumber; orderDate = d.orderDate; note = d.note
    }
}

final class SchoolContext: Model, @unchecked Sendable {
    static let schema = "school_contexts"
    @ID(key: .id) var id: UUID?
    @Parent(key: "school_id") var school: School
    @Field(key: "year") var year: Int
    @OptionalField(key: "students_count") var studentsCount: Int?
    @OptionalField(key: "teachers_count") var teachersCount: Int?
    @OptionalField(key: "low_income_share") var lowIncomeShare: Double?
    @OptionalField(key: "disabled_share") var disabledShare: Double?
    @OptionalField(key: "non_native_share") var nonNativeShare: Double?
    @OptionalField(key: "risk_families_share") var riskFamiliesShare: Double?
    @OptionalField(key: "social_wellbeing_index") var socialWellbeingIndex: Double?
    @Field(key: "self_examination") var selfExamination: String
    @OptionalField(key: "qualified_teachers_share") var qualifiedTeachersShare: Double?
    @OptionalField(key: "noko_completion") var nokoCompletion: Double?
    @OptionalField(key: "noko_below_base_share") var nokoBelowBaseShare: Double?
    init() {}

    var draft: SchoolContextDraft {
        SchoolContextDraft(year: year, studentsCount: studentsCount, teachersCount: teachersCount, lowIncomeShare: lowIncomeShare,
                           disabledShare: disabledShare, nonNativeShare: nonNativeShare, riskFamiliesShare: riskFamiliesShare,
                           socialWellbeingIndex: socialWellbeingIndex, selfExamination: selfExamination,
                           qualifiedTeachersShare: qualifiedTeachersShare, nokoCompletion: nokoCompletion,
                           nokoBelowBaseShare: nokoBelowBaseShare)
    }

    func apply(_ d: SchoolContextDraft) {
        year = d.year; studentsCount = d.studentsCount; teachersCount = d.teachersCount; lowIncomeShare = d.lowIncomeShare
        disabledShare = d.disabledShare; nonNativeShare = d.nonNativeShare; riskFamiliesShare = d.riskFamiliesShare
        socialWellbeingIndex = d.socialWellbeingIndex; selfExamination = d.selfExamination; qualifiedTeachersShare = d.qualifiedTeachersShare
        nokoCompletion = d.nokoCompletion; nokoBelowBaseShare = d.nokoBelowBaseShare
    }
}
