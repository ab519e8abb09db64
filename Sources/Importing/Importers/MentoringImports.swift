import Foundation
import Domain

/// The kind of an assignment in a file (DOMAIN §2 «закрепление»): a mentor or a
/// curator of a school, a tutor of a teacher.
public enum AssignmentImportKind: String, TitledTerm {
    case mentor, curator, tutor

    public var title: String {
        switch self {
        case .mentor: "Наставник"
        case .curator: "Куратор"
        case .tutor: "Тьютор"
        }
    }

    /// The words of `SupportPool` and `AssignmentKind` for the same kind.
    public var aliases: [String] {
        pool.aliases + [assignmentKind.rawValue, assignmentKind.title] + {
            switch self {
            case .mentor: ["наставничество", "наставник школы"]
            case .curator: ["кураторство"]
            case .tutor: ["тьюторство"]
            }
        }()
    }

    public var pool: SupportPool {
        switch self {
        case .mentor: .mentor
        case .curator: .curator
        case .tutor: .tutor
        }
    }

    public var assignmentKind: AssignmentKind { pool.assignmentKind }

    /// Mentors and curators are assigned to a school, tutors to a teacher.
    public var targetsSchool: Bool { pool.targetsSchool }
}

/// One parsed row of an assignments file.
public struct AssignmentImportRow: Sendable, Equatable {
    public var row: Int
    public var kind: AssignmentImportKind
    /// The staff code of the mentor, curator or tutor.
    public var personCode: String
    /// Set for mentors and curators; optional (the teacher's school) for tutors.
    public var schoolCode: String?
    /// Set for tutors only.
    public var teacherCode: String?
    /// Without «№».
    public var orderNumber: String
    public var orderDate: CalendarDay?
    public var from: CalendarDay?
    /// nil: the assignment is still in force.
    public var to: CalendarDay?

    public var span: AssignmentSpan { AssignmentSpan(from: from, to: to) }
}

/// Imports assignments of mentors and curators to schools and of tutors to teachers.
public enum AssignmentImport {
    public enum Key {
        public static let kind = "kind", personCode = "person_code"
        public static let schoolCode = MentoringColumns.schoolCode, teacherCode = MentoringColumns.teacherCode
        public static let orderNumber = "order_no", orderDate = "order_date", from = "from", to = "to"
    }

    public static let columns: [ColumnSpec] = [
        ColumnSpec(Key.kind, "Вид закрепления", aliases: ["вид", "закрепление", "тип закрепления", "kind", "type"], required: true),
        ColumnSpec(Key.personCode, "Код наставника/тьютора", aliases: [
            "код наставника", "код тьютора", "код куратора", "код наставника / тьютора", "код наставника, куратора или тьютора",
            "код сотрудника", "person_code", "mentor_code", "tutor_code",
        ], required: true),
        MentoringColumns.school(),
        MentoringColumns.teacher(aliases: ["код тьюторанта", "тьюторант"]),
        ColumnSpec(Key.orderNumber, "Номер приказа", aliases: ["№ приказа", "приказ", "номер приказа о закреплении", "order_no", "order_number", "order"],
                   required: true),
        ColumnSpec(Key.orderDate, "Дата приказа", aliases: ["дата приказа о закреплении", "order_date"]),
        ColumnSpec(Key.from, "Дата начала", aliases: ["с", "с даты", "начало", "действует с", "дата закрепления", "from", "start", "date_from"]),
        ColumnSpec(Key.to, "Дата окончания", aliases: ["по", "по дату", "окончание", "действует по", "дата открепления", "to", "end", "date_to"]),
    ]

    /// Header + two example rows (a mentor of a school, a tutor of a teacher), for the downloadable template.
    public static func template() -> [[String]] {
        [
            columns.map(\.title),
            ["наставник", "ARM-006-014", "ARM-011", "", "1045", "29.08.2025", "01.09.2025", "31.05.2026"],
            ["тьютор", "ARM-018-003", "ARM-006", "ARM-006-021", "№ 1045", "29.08.2025", "01.09.2025", ""],
        ]
    }

    public static func read(data: Data, fileName: String) throws(ImportFailure) -> [AssignmentImportRow] {
        try parse(rows: ImportFile.read(data: data, fileName: fileName))
    }

    /// Every row or, when any row is wrong, every error (never a partial result).
    public static func parse(rows: [[String]]) throws(ImportFailure) -> [AssignmentImportRow] {
        let table = try Table(rows: rows, columns: columns)
        if !table.has(Key.schoolCode) && !table.has(Key.teacherCode) {
            throw ImportFailure(file: "Нет столбцов «Код школы» и «Код педагога»: наставника и куратора закрепляют за школой, тьютора — за педагогом. Добавьте нужный столбец по образцу шаблона.")
        }
        var out: [AssignmentImportRow] = []
        var errors: [ImportError] = []
        var seen = FirstSeen()
        for record in table.records {
            var r = RowReader(table: table, record: record)
            let kind: AssignmentImportKind? = MentoringCells.term(&r, Key.kind, "вид закрепления")
            let person = MentoringCells.required(&r, Key.personCode,
                "Укажите код наставника, куратора или тьютора — его код сотрудника из реестра, например ARM-006-014.")
            let school = r.optionalText(Key.schoolCode), teacher = r.optionalText(Key.teacherCode)
            if let kind {
                checkTarget(&r, kind, person: person, school: school, teacher: teacher)
            }
            let order = orderNumber(&r)
            let from = MentoringCells.day(&r, Key.from), to = MentoringCells.day(&r, Key.to)
            if let from, let to, to < from {
                r.fail(Key.to, "Дата окончания \(to.ru) раньше даты начала \(from.ru). Исправьте даты; если закрепление ещё действует, оставьте ячейку «\(table.title(Key.to))» пустой.")
            }
            if let kind, let first = duplicate(&seen, r, kind: kind, person: person, school: school, teacher: teacher, from: from) {
                r.fail(Key.personCode, "Такое же закрепление (вид, код наставника/тьютора, школа или педагог, дата начала) уже есть в строке \(first). Удалите повторяющуюся строку.")
            }
            errors += r.errors
            if let kind, let person {
                out.append(AssignmentImportRow(row: r.row, kind: kind, personCode: person, schoolCode: school, teacherCode: teacher,
                                               orderNumber: order.number, orderDate: order.date, from: from, to: to))
            }
        }
        return try allOrNothing(out, errors)
    }

    /// Mentors and curators need a school and no teacher; tutors need a teacher.
    static func checkTarget(_ r: inout RowReader, _ kind: AssignmentImportKind, person: String?, school: String?, teacher: String?) {
        if kind.targetsSchool {
            if school == nil {
                r.fail(Key.schoolCode, "\(kind.title) закрепляется за школой: укажите код школы, например ARM-006.")
            }
            if teacher != nil {
                r.fail(Key.teacherCode, "\(kind.title) закрепляется за школой, а не за педагогом: очистите эту ячейку (за педагогом закрепляют тьютора — тогда укажите вид «тьютор»).")
            }
        } else if let teacher {
            if let person, teacher.lowercased() == person.lowercased() {
                r.fail(Key.teacherCode, "Тьютор не может быть закреплён за самим собой: код педагога совпадает с кодом тьютора.")
            }
        } else {
            r.fail(Key.teacherCode, "Тьютор закрепляется за педагогом: укажите код педагога, например ARM-006-021.")
        }
    }

    /// «№ 1045 от 29.08.2025» in the number cell gives both the number and the date
    /// (when «Дата приказа» is empty or the same day).
    static func orderNumber(_ r: inout RowReader) -> (number: String, date: CalendarDay?) {
        let dateCell = MentoringCells.day(&r, Key.orderDate)
        let dateCellBad = !r.text(Key.orderDate).isEmpty && dateCell == nil
        guard let text = MentoringCells.required(&r, Key.orderNumber, "Укажите номер приказа о закреплении, например 1045.") else {
            return ("", dateCell)
        }
        var number = OrderText.stripNumberSign(text)
        var date = dateCell
        if let range = text.range(of: " от ", options: .caseInsensitive),
           let inText = MentoringCells.parseDay(String(text[range.upperBound...])) {
            number = OrderText.stripNumberSign(String(text[..<range.lowerBound]))
            if let dateCell, dateCell != inText {
                r.fail(Key.orderDate, "Дата приказа \(dateCell.ru) не совпадает с датой \(inText.ru) в ячейке «\(r.table.title(Key.orderNumber))». Оставьте одну дату или исправьте её.")
            } else if !dateCellBad {
                date = inText
            }
        }
        if number.isEmpty {
            r.fail(Key.orderNumber, "Укажите номер приказа о закреплении, например 1045.")
        }
        return (number, date)
    }

    /// The first row of the same assignment: kind, person, school (mentor, curator) or
    /// teacher (tutor), start day. Rows whose key cells are wrong are not compared.
    static func duplicate(_ seen: inout FirstSeen, _ r: RowReader, kind: AssignmentImportKind, person: String?,
                          school: String?, teacher: String?, from: CalendarDay?) -> Int? {
        let fromKey = r.text(Key.from).isEmpty ? "" : from?.iso
        guard let key = MentoringCells.key(kind.rawValue, person, kind.targetsSchool ? school : teacher, fromKey) else { return nil }
        return seen.earlierRow(of: key, row: r.row)
    }
}
