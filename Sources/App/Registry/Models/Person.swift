import Fluent
import Foundation
import Domain

/// A person of the support system. The home organisation is a school (school_id)
/// or, when school_id is nil, the municipality's center.
final class Person: Model, @unchecked Sendable {
    static let schema = "people"
    @ID(key: .id) var id: UUID?
    @Field(key: "region_id") var regionID: UUID
    @Parent(key: "municipality_id") var municipality: Municipality
    @OptionalParent(key: "school_id") var school: School?
    @Field(key: "staff_code") var staffCode: String
    @Field(key: "last_name") var lastName: String
    @Field(key: "first_name") var firstName: String
    @Field(key: "middle_name") var middleName: String
    @Field(key: "position") var position: String
    /// Comma-separated PersonFunction raw values; mirrored in person_functions for filtering.
    @Field(key: "functions") var functions: String
    @Field(key: "subjects") var subjects: String
    @Field(key: "category") var category: String
    @Field(key: "advanced_level") var advancedLevel: Bool
    @Field(key: "email") var email: String
    @Field(key: "phone") var phone: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    init() {}

    var place: Place { Place(regionID: regionID, municipalityID: $municipality.id, schoolID: $school.id) }

    var functionSet: Set<PersonFunction> {
        Set(functions.split(separator: ",").compactMap { PersonFunction(rawValue: String($0)) })
    }

    var draft: PersonDraft {
        PersonDraft(staffCode: staffCode, lastName: lastName, firstName: firstName, middleName: middleName, position: position,
                    functions: functionSet, subjects: PersonDraft.parseSubjects(subjects),
                    category: QualificationCategory(rawValue: category) ?? .none, advancedLevel: advancedLevel, email: email, phone: phone)
    }

    func apply(_ d: PersonDraft) {
        staffCode = d.staffCode; lastName = d.lastName; firstName = d.firstName; middleName = d.middleName; position = d.position
        functions = PersonFunction.allCases.filter { d.functions.contains($0) }.map(\.rawValue).joined(separator: ",")
        subjects = d.subjects.joined(separator: ", "); category = d.category.rawValue; advancedLevel = d.advancedLevel
        email = d.email; phone = d.phone
    }

    /// As `draft.fullName`, without building the draft (lists sort thousands of people by it).
    var fullName: String { [lastName, firstName, middleName].filter { !$0.isEmpty }.joined(separator: " ") }
}

final class PersonFunctionRow: Model, @unchecked Sendable {
    static let schema = "person_functions"
    @ID(key: .id) var id: UUID?
    @Parent(key: "person_id") var person: Person
    @Field(key: "function") var function: String
    init() {}
    init(personID: UUID, function: PersonFunction) { self.$person.id = personID; self.function = function.rawValue }
}

/// Mentor → school, curator → school, leader school → school, tutor → teacher,
/// expert → school; set by an order (DOMAIN §2 «закрепление»).
final class Assignment: Model, @unchecked Sendable {
    static let schema = "assignments"
    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "municipality_id") var municipalityID: UUID
    @OptionalParent(key: "person_id") var person: Person?
    @OptionalParent(key: "school_id") var school: School?
    @OptionalParent(key: "leader_school_id") var leaderSchool: School?
    @OptionalParent(key: "teacher_id") var teacher: Person?
    @Field(key: "order_number") var orderNumber: String
    @OptionalField(key: "order_date") var orderDate: Date?
    @OptionalField(key: "starts_on") var startsOn: Date?
    @OptionalField(key: "ends_on") var endsOn: Date?
    /// Set when the center confirmed an assignment beyond the person's capacity (M012).
    @Field(key: "over_capacity") var overCapacity: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() { overCapacity = false }
    var assignmentKind: AssignmentKind? { AssignmentKind(rawValue: kind) }
}
