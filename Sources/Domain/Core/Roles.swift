/// Access roles of users (issue 3, "Roles and what each may see").
public enum Role: String, CaseIterable, Codable, Sendable, Hashable {
    case admin
    case regionalCoordinator = "regional_coordinator"
    case centerSpecialist = "center_specialist"
    case educationDepartment = "education_department"
    case mentor
    case tutor
    case schoolAdmin = "school_admin"
    case teacher
    case expert

    public var title: String {
        switch self {
        case .admin: "Администратор"
        case .regionalCoordinator: "Региональный координатор"
        case .centerSpecialist: "Специалист центра (муниципальный координатор)"
        case .educationDepartment: "Управление образования"
        case .mentor: "Наставник"
        case .tutor: "Тьютор"
        case .schoolAdmin: "Администрация школы"
        case .teacher: "Педагог"
        case .expert: "Эксперт"
        }
    }

    /// Which scope a grant of this role is bound to.
    public var scopeKind: ScopeKind {
        switch self {
        case .admin: .none
        case .regionalCoordinator: .region
        case .centerSpecialist, .educationDepartment: .municipality
        case .schoolAdmin: .school
        case .mentor, .tutor, .teacher, .expert: .person
        }
    }

    public enum ScopeKind: String, Sendable { case none, region, municipality, school, person }
}

/// The functions a person holds in the support system. One person may hold several
/// (seed 003: a head of department of the center who is also a «куратор-наставник»).
public enum PersonFunction: String, CaseIterable, Codable, Sendable, Hashable {
    case teacher
    case director
    case managementTeam = "management_team"
    case mentor
    case tutor
    case curator
    case centerSpecialist = "center_specialist"
    case expert

    public var title: String {
        switch self {
        case .teacher: "Учитель"
        case .director: "Директор"
        case .managementTeam: "Член управленческой команды"
        case .mentor: "Наставник"
        case .tutor: "Тьютор"
        case .curator: "Куратор"
        case .centerSpecialist: "Специалист центра"
        case .expert: "Эксперт"
        }
    }

    /// Russian words accepted in imports and forms, lower-cased.
    public var aliases: [String] {
        switch self {
        case .teacher: ["учитель", "педагог", "teacher"]
        case .director: ["директор", "director"]
        case .managementTeam: ["член управленческой команды", "управленческая команда", "администрация", "заместитель директора", "management_team", "management"]
        case .mentor: ["наставник", "mentor"]
        case .tutor: ["тьютор", "tutor"]
        case .curator: ["куратор", "куратор-наставник", "curator"]
        case .centerSpecialist: ["специалист центра", "методист", "center_specialist"]
        case .expert: ["эксперт", "expert"]
        }
    }

    public static func parse(_ text: String) -> PersonFunction? {
        let key = text.trimmed.lowercased()
        return allCases.first { $0.aliases.contains(key) || $0.title.lowercased() == key }
    }
}

public enum QualificationCategory: String, CaseIterable, Codable, Sendable {
    case highest, first, none

    public var title: String {
        switch self {
        case .highest: "Высшая"
        case .first: "Первая"
        case .none: "Без категории"
        }
    }

    public static func parse(_ text: String) -> QualificationCategory? {
        switch text.trimmed.lowercased() {
        case "высшая", "высшая категория", "highest": .highest
        case "первая", "первая категория", "first", "1": .first
        case "", "нет", "без категории", "соответствие", "соответствие занимаемой должности", "none", "-": QualificationCategory.none
        default: nil
        }
    }
}

/// Kinds of assignment between supporters and the supported (DOMAIN §2 «закрепление»).
public enum AssignmentKind: String, CaseIterable, Codable, Sendable {
    case mentorSchool = "mentor_school"
    case curatorSchool = "curator_school"
    case leaderSchool = "leader_school"
    case tutorTeacher = "tutor_teacher"
    case expertSchool = "expert_school"

    public var title: String {
        switch self {
        case .mentorSchool: "Наставник управленческой команды"
        case .curatorSchool: "Куратор школы"
        case .leaderSchool: "Школа-лидер (сетевое взаимодействие)"
        case .tutorTeacher: "Тьютор педагога"
        case .expertSchool: "Эксперт (оценивает школу)"
        }
    }
}

import Foundation
