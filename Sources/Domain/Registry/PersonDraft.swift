import Foundation

/// The editable fields of a person (staff of a school or of the center, mentor,
/// tutor, curator, expert). The home organisation is a school (by its code) or
/// the municipality's center (schoolCode empty).
public struct PersonDraft: Sendable, Equatable, Codable {
    public var staffCode: String
    public var lastName: String
    public var firstName: String
    public var middleName: String
    public var position: String
    public var functions: Set<PersonFunction>
    public var subjects: [String]
    public var category: QualificationCategory
    public var advancedLevel: Bool
    public var email: String
    public var phone: String

    public init(staffCode: String = "", lastName: String = "", firstName: String = "", middleName: String = "",
                position: String = "", functions: Set<PersonFunction> = [], subjects: [String] = [],
                category: QualificationCategory = .none, advancedLevel: Bool = false, email: String = "", phone: String = "") {
        self.staffCode = staffCode; self.lastName = lastName; self.firstName = firstName; self.middleName = middleName
        self.position = position; self.functions = functions; self.subjects = subjects; self.category = category
        self.advancedLevel = advancedLevel; self.email = email; self.phone = phone
    }

    public enum Field {
        public static let staffCode = "staff_code", lastName = "last_name", firstName = "first_name"
        public static let middleName = "middle_name", position = "position", functions = "functions"
        public static let subjects = "subjects", category = "category", advancedLevel = "advanced_level"
        public static let email = "email", phone = "phone", organisation = "organisation"
    }

    public var fullName: String { [lastName, firstName, middleName].filter { !$0.isEmpty }.joined(separator: " ") }

    /// «Иванова А. П.»
    public var shortName: String {
        let initials = [firstName, middleName].compactMap { $0.first.map { "\($0)." } }.joined(separator: " ")
        return initials.isEmpty ? lastName : lastName + " " + initials
    }

    public func normalized() -> PersonDraft {
        var d = self
        for kp in [\PersonDraft.staffCode, \.lastName, \.firstName, \.middleName, \.position, \.email, \.phone] {
            d[keyPath: kp] = d[keyPath: kp].trimmed
        }
        d.subjects = subjects.map { $0.trimmed }.filter { !$0.isEmpty }
        return d
    }

    /// Splits «Русский язык, Литература; История» into subjects.
    public static func parseSubjects(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public func validate() -> [FieldError] {
        var e: [FieldError] = []
        if staffCode.isEmpty {
            e.append(.init(field: Field.staffCode, message: "Укажите код сотрудника — по нему человек узнаётся при повторной загрузке."))
        } else if staffCode.count > 40 || staffCode.contains(where: \.isWhitespace) {
            e.append(.init(field: Field.staffCode, message: "Код сотрудника — до 40 символов без пробелов."))
        }
        if lastName.isEmpty { e.append(.init(field: Field.lastName, message: "Укажите фамилию.")) }
        if firstName.isEmpty { e.append(.init(field: Field.firstName, message: "Укажите имя.")) }
        for (key, value) in [(Field.lastName, lastName), (Field.firstName, firstName), (Field.middleName, middleName)] {
            if value.contains(where: { $0.isNumber }) { e.append(.init(field: key, message: "В имени не должно быть цифр.")) }
        }
        if functions.isEmpty {
            e.append(.init(field: Field.functions, message: "Отметьте хотя бы одну роль человека: учитель, наставник, тьютор…"))
        }
        if functions.contains(.teacher) || functions.contains(.tutor), subjects.isEmpty {
            e.append(.init(field: Field.subjects, message: "Для учителя и тьютора укажите предметы (через запятую)."))
        }
        if !email.isEmpty && !SchoolDraft.looksLikeEmail(email) {
            e.append(.init(field: Field.email, message: "Адрес электронной почты должен быть вида name@example.ru."))
        }
        return e
    }
}
