import Foundation
import Domain

/// One parsed row of a school registry file.
public struct SchoolImportRow: Sendable, Equatable {
    public var row: Int
    public var draft: SchoolDraft
    /// nil when the file has no municipality (the caller fixes it).
    public var municipalityCode: String?
    /// Status flags for one year when the row gives any.
    public var status: SchoolStatusDraft?
}

/// Imports the school registry (codes, names, identifiers, yearly statuses).
public enum SchoolImport {
    public enum Key {
        public static let municipality = "municipality", year = "year", lowResults = "low_results"
        public static let difficultConditions = "difficult_conditions", program500 = "program_500"
        public static let objectivityRisk = "objectivity_risk", statusOrder = "status_order"
    }
    typealias F = SchoolDraft.Field

    public static let columns: [ColumnSpec] = [
        ColumnSpec(F.code, "Код школы", aliases: ["код", "код оо в системе", "school_code", "code"], required: true),
        ColumnSpec(Key.municipality, "Код муниципалитета", aliases: ["муниципалитет", "municipality", "municipality_code"]),
        ColumnSpec(F.fullName, "Полное наименование", aliases: ["полное наименование оо", "full_name", "name"], required: true),
        ColumnSpec(F.shortName, "Краткое наименование", aliases: ["short_name"], required: true),
        ColumnSpec(F.kind, "Вид", aliases: ["вид оо", "kind"]),
        ColumnSpec(F.legalForm, "Организационно-правовая форма", aliases: ["опф", "legal_form"]),
        ColumnSpec(F.directorName, "Директор", aliases: ["фио директора", "director"]),
        ColumnSpec(F.address, "Адрес", aliases: ["address"]),
        ColumnSpec(F.phone, "Телефон", aliases: ["phone"]),
        ColumnSpec(F.email, "Эл. почта", aliases: ["email", "e-mail", "электронная почта"]),
        ColumnSpec(F.fisOkoLogin, "Логин ФИС ОКО", aliases: ["фис око", "fis_oko_login", "login"]),
        ColumnSpec(F.giaCode, "Код ОО (РИС ГИА)", aliases: ["код оо", "код оо рис гиа", "gia_code"]),
        ColumnSpec(Key.year, "Год", aliases: ["учебный год", "year"]),
        ColumnSpec(Key.lowResults, "ШНОР", aliases: ["low_results"]),
        ColumnSpec(Key.difficultConditions, "ШССУ", aliases: ["difficult_conditions"]),
        ColumnSpec(Key.program500, "500+", aliases: ["500", "program_500"]),
        ColumnSpec(Key.objectivityRisk, "Риск необъективности", aliases: ["objectivity_risk"]),
        ColumnSpec(Key.statusOrder, "Приказ о статусе", aliases: ["приказ", "status_order"]),
    ]

    static let flagKeys = [Key.lowResults, Key.difficultConditions, Key.program500, Key.objectivityRisk]

    /// Header + two example rows, for the downloadable template.
    public static func template() -> [[String]] {
        [
            columns.map(\.title),
            ["23-ARM-006", "armavir", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 6» города Армавира",
             "МБОУ СОШ № 6", "СОШ", "МБОУ", "Петрова Анна Сергеевна", "352900, г. Армавир, ул. Ленина, 12",
             "8 (86137) 3-12-45", "school6@arm.kubannet.ru", "edu233006", "2306", "2024/2025", "да", "нет", "да", "нет",
             "№ 145 от 02.09.2024"],
            ["23-ARM-011", "armavir", "Муниципальное бюджетное общеобразовательное учреждение «Основная общеобразовательная школа № 11»",
             "МБОУ ООШ № 11", "ООШ", "МБОУ", "Сидоров Олег Викторович", "352919, г. Армавир, ул. Мичурина, 4",
             "8 (86137) 5-40-21", "school11@arm.kubannet.ru", "edu233011", "2311", "", "", "", "", "", ""],
        ]
    }

    public static func read(data: Data, fileName: String) throws(ImportFailure) -> [SchoolImportRow] {
        try parse(rows: ImportFile.read(data: data, fileName: fileName))
    }

    /// Every row or, when any row is wrong, every error (never a partial result).
    public static func parse(rows: [[String]]) throws(ImportFailure) -> [SchoolImportRow] {
        let table = try Table(rows: rows, columns: columns)
        var out: [SchoolImportRow] = []
        var errors: [ImportError] = []
        var codes = FirstSeen(), logins = FirstSeen(), giaCodes = FirstSeen()
        for record in table.records {
            var r = RowReader(table: table, record: record)
            let draft = SchoolDraft(code: r.text(F.code), fullName: r.text(F.fullName), shortName: r.text(F.shortName),
                                    kind: r.text(F.kind), legalForm: r.text(F.legalForm), directorName: r.text(F.directorName),
                                    address: r.text(F.address), phone: r.text(F.phone), email: r.text(F.email),
                                    fisOkoLogin: r.text(F.fisOkoLogin), giaCode: r.text(F.giaCode)).normalized()
            r.add(draft.validate())
            if let first = codes.earlierRow(of: draft.code, row: r.row) {
                r.fail(F.code, "Код школы «\(draft.code)» уже встречался в строке \(first). У каждой школы свой код — исправьте одну из строк.")
            }
            if FisOkoLogin.digits(draft.fisOkoLogin) != nil, let first = logins.earlierRow(of: draft.fisOkoLogin, row: r.row) {
                r.fail(F.fisOkoLogin, "Логин ФИС ОКО «\(r.text(F.fisOkoLogin))» уже указан в строке \(first). У каждой школы свой логин.")
            }
            if let first = giaCodes.earlierRow(of: draft.giaCode, row: r.row) {
                r.fail(F.giaCode, "Код ОО «\(draft.giaCode)» уже указан в строке \(first). У каждой школы свой код в РИС ГИА.")
            }
            let status = readStatus(&r)
            errors += r.errors
            out.append(SchoolImportRow(row: r.row, draft: draft, municipalityCode: r.optionalText(Key.municipality), status: status))
        }
        return try allOrNothing(out, errors)
    }

    /// The status of the row's year, nil when the row has no year and no flags.
    static func readStatus(_ r: inout RowReader) -> SchoolStatusDraft? {
        let flags = flagKeys.map { r.boolean($0) }
        let orderText = r.text(Key.statusOrder)
        let yearText = r.text(Key.year)
        let hasStatusData = flagKeys.contains { !r.text($0).isEmpty } || !orderText.isEmpty
        guard !yearText.isEmpty || hasStatusData else { return nil }
        guard !yearText.isEmpty else {
            r.fail(Key.year, "Укажите год, к которому относятся статусы школы (ШНОР, ШССУ, 500+, риск необъективности), например 2024 или 2024/2025.")
            return nil
        }
        guard let year = YearLabel.parse(yearText) else {
            r.fail(Key.year, "Год «\(yearText)» не распознан. Укажите, например, 2024 или 2024/2025.")
            return nil
        }
        let order = OrderText.parse(orderText)
        let status = SchoolStatusDraft(year: year, lowResults: flags[0] ?? false, difficultConditions: flags[1] ?? false,
                                       program500: flags[2] ?? false, objectivityRisk: flags[3] ?? false,
                                       orderNumber: order.number, orderDate: order.date)
        for e in status.validate() {
            r.fail(e.field == "year" ? Key.year : Key.statusOrder, e.message)
        }
        return status
    }
}
