import Foundation
import Domain

/// One parsed row of a staff file.
public struct StaffImportRow: Sendable, Equatable {
    public var row: Int
    public var draft: PersonDraft
    /// The home school's code; nil means the municipality's center.
    public var schoolCode: String?
    public var municipalityCode: String?
}

/// Imports people (teachers, mentors, tutors, center staff).
public enum StaffImport {
    public enum Key {
        public static let fullName = "fio", schoolCode = "school_code", municipality = "municipality"
    }
    typealias F = PersonDraft.Field

    public static let columns: [ColumnSpec] = [
        ColumnSpec(F.staffCode, "Код сотрудника", aliases: ["код", "табельный номер", "staff_code", "id"], required: true),
        ColumnSpec(F.lastName, "Фамилия", aliases: ["last_name"]),
        ColumnSpec(F.firstName, "Имя", aliases: ["first_name"]),
        ColumnSpec(F.middleName, "Отчество", aliases: ["middle_name"]),
        ColumnSpec(Key.fullName, "ФИО", aliases: ["фамилия имя отчество", "фамилия, имя, отчество", "full_name"]),
        ColumnSpec(Key.schoolCode, "Код школы", aliases: ["school_code"]),
        ColumnSpec(Key.municipality, "Код муниципалитета", aliases: ["муниципалитет", "municipality", "municipality_code"]),
        ColumnSpec(F.position, "Должность", aliases: ["position"]),
        ColumnSpec(F.functions, "Роли", aliases: ["роль", "функции", "roles", "functions"]),
        ColumnSpec(F.subjects, "Предметы", aliases: ["предмет", "subjects"]),
        ColumnSpec(F.category, "Квалификационная категория", aliases: ["категория", "category"]),
        ColumnSpec(F.advancedLevel, "Углублённое обучение", aliases: ["углубленное", "advanced_level"]),
        ColumnSpec(F.email, "Эл. почта", aliases: ["email", "e-mail", "электронная почта"]),
        ColumnSpec(F.phone, "Телефон", aliases: ["phone"]),
    ]

    /// The template shows separate name columns, not «ФИО».
    public static func template() -> [[String]] {
        let titles = columns.filter { $0.key != Key.fullName }.map(\.title)
        return [
            titles,
            ["ARM-006-014", "Иванова", "Мария", "Петровна", "23-ARM-006", "armavir", "учитель русского языка и литературы",
             "учитель, наставник", "Русский язык, Литература", "высшая", "нет", "ivanova.mp@arm.kubannet.ru", "+7 918 123-45-67"],
            ["ARM-C-003", "Ковалёв", "Сергей", "Андреевич", "центр", "armavir", "методист",
             "специалист центра; куратор", "", "первая", "нет", "kovalev@imc-arm.ru", "8 (86137) 3-00-15"],
        ]
    }

    public static func read(data: Data, fileName: String) throws(ImportFailure) -> [StaffImportRow] {
        try parse(rows: ImportFile.read(data: data, fileName: fileName))
    }

    /// Every row or, when any row is wrong, every error (never a partial result).
    public static func parse(rows: [[String]]) throws(ImportFailure) -> [StaffImportRow] {
        let table = try Table(rows: rows, columns: columns)
        let splitName = !(table.has(F.lastName) && table.has(F.firstName))
        if splitName && !table.has(Key.fullName) {
            throw ImportFailure(file: "Нет столбцов «Фамилия» и «Имя» (или одного столбца «ФИО»). Добавьте их по образцу шаблона.")
        }
        var out: [StaffImportRow] = []
        var errors: [ImportError] = []
        var codes = FirstSeen()
        for record in table.records {
            var r = RowReader(table: table, record: record)
            var draft = PersonDraft(staffCode: r.text(F.staffCode), position: r.text(F.position),
                                    email: r.text(F.email), phone: r.text(F.phone))
            if splitName {
                (draft.lastName, draft.firstName, draft.middleName) = splitFullName(r.text(Key.fullName))
            } else {
                (draft.lastName, draft.firstName, draft.middleName) = (r.text(F.lastName), r.text(F.firstName), r.text(F.middleName))
            }
            draft.functions = table.has(F.functions) ? functions(&r) : [.teacher]
            draft.subjects = PersonDraft.parseSubjects(r.text(F.subjects))
            if let category = QualificationCategory.parse(r.text(F.category)) {
                draft.category = category
            } else {
                r.fail(F.category, "Категория «\(r.text(F.category))» не распознана. Допустимо: «высшая», «первая» или «без категории» (пустая ячейка).")
            }
            draft.advancedLevel = r.boolean(F.advancedLevel) ?? false
            draft = draft.normalized()
            for e in draft.validate() {
                let nameField = [F.lastName, F.firstName, F.middleName].contains(e.field)
                r.fail(splitName && nameField ? Key.fullName : e.field, e.message)
            }
            if let first = codes.earlierRow(of: draft.staffCode, row: r.row) {
                r.fail(F.staffCode, "Код сотрудника «\(draft.staffCode)» уже встречался в строке \(first). У каждого человека свой код — исправьте одну из строк.")
            }
            errors += r.errors
            out.append(StaffImportRow(row: r.row, draft: draft, schoolCode: schoolCode(r.text(Key.schoolCode)),
                                      municipalityCode: r.optionalText(Key.municipality)))
        }
        return try allOrNothing(out, errors)
    }

    static let centerWords: Set<String> = ["центр", "center", "centre"]

    /// nil (the municipality's center) for an empty cell or «центр».
    static func schoolCode(_ text: String) -> String? {
        text.isEmpty || centerWords.contains(text.lowercased()) ? nil : text
    }

    /// «Иванова Мария Петровна» → (Иванова, Мария, Петровна); extra words
    /// (e.g. «оглы») stay with the patronymic.
    static func splitFullName(_ text: String) -> (String, String, String) {
        let parts = text.split(whereSeparator: \.isWhitespace).map(String.init)
        return (parts.first ?? "", parts.count > 1 ? parts[1] : "", parts.dropFirst(2).joined(separator: " "))
    }

    static func functions(_ r: inout RowReader) -> Set<PersonFunction> {
        var out: Set<PersonFunction> = []
        for word in r.text(F.functions).split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let w = word.trimmingCharacters(in: .whitespaces)
            guard !w.isEmpty else { continue }
            if let f = PersonFunction.parse(w) { out.insert(f) } else {
                let accepted = PersonFunction.allCases.map { "«\($0.title.lowercased())»" }.joined(separator: ", ")
                r.fail(F.functions, "Роль «\(w)» не распознана. Допустимые роли: \(accepted); несколько ролей — через запятую.")
            }
        }
        return out
    }
}
