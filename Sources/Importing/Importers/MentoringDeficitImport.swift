import Foundation
import Domain

/// One parsed row of a deficits file: a professional deficit of a teacher found by a diagnostic.
public struct DeficitImportRow: Sendable, Equatable {
    public var row: Int
    public var teacherCode: String
    /// The diagnostics year (`DeficitRules.diagnosticsYear(of:)`), by its start: «2025/2026» → 2025.
    public var year: Int
    public var area: DeficitArea
    public var source: DeficitSource
    /// Non-negative; a decimal comma or point in the file.
    public var score: Double?
    /// As written («ниже базового», «дефицитный»…): the diagnostics give no common scale.
    public var level: String?
    /// Within the diagnostics year (1 August … 31 July).
    public var date: CalendarDay?
}

/// Imports the deficits found by diagnostics (tests of ИРО, lesson observations, surveys…).
public enum DeficitImport {
    public enum Key {
        public static let teacherCode = MentoringColumns.teacherCode, year = "year", area = "area", source = "source"
        public static let score = "score", level = "level", date = "date"
    }

    public static let columns: [ColumnSpec] = [
        MentoringColumns.teacher(required: true, aliases: ["код сотрудника"]),
        ColumnSpec(Key.year, "Год диагностики", aliases: ["год", "учебный год", "год выявления", "year"], required: true),
        ColumnSpec(Key.area, "Область дефицита", aliases: ["область", "дефицит", "профессиональный дефицит", "area", "deficit_area"],
                   required: true),
        ColumnSpec(Key.source, "Источник", aliases: ["источник выявления", "способ выявления", "метод диагностики", "source"],
                   required: true),
        ColumnSpec(Key.score, "Балл", aliases: ["баллы", "балл диагностики", "результат", "score"]),
        ColumnSpec(Key.level, "Уровень", aliases: ["уровень владения", "уровень сформированности", "level"]),
        ColumnSpec(Key.date, "Дата", aliases: ["дата диагностики", "дата выявления", "date", "day"]),
    ]

    /// Header + two example rows (a test of ИРО with a score, a lesson observation with a level).
    public static func template() -> [[String]] {
        [
            columns.map(\.title),
            ["ARM-006-021", "2025/2026", "Предметные", "Тест ИРО", "42,5", "ниже базового", "28.08.2025"],
            ["ARM-006-021", "2025/2026", "Оценочные", "Протокол посещения урока", "", "базовый", "15.09.2025"],
        ]
    }

    public static func read(data: Data, fileName: String) throws(ImportFailure) -> [DeficitImportRow] {
        try parse(rows: ImportFile.read(data: data, fileName: fileName))
    }

    /// Every row or, when any row is wrong, every error (never a partial result).
    public static func parse(rows: [[String]]) throws(ImportFailure) -> [DeficitImportRow] {
        let table = try Table(rows: rows, columns: columns)
        var out: [DeficitImportRow] = []
        var errors: [ImportError] = []
        var seen = FirstSeen()
        for record in table.records {
            var r = RowReader(table: table, record: record)
            let teacher = MentoringCells.required(&r, Key.teacherCode,
                "Укажите код педагога — его код сотрудника из реестра, например ARM-006-021.")
            let year = MentoringCells.year(&r, Key.year, missing: "Укажите год диагностики.")
            let area: DeficitArea? = MentoringCells.term(&r, Key.area, "область дефицита")
            let source: DeficitSource? = MentoringCells.term(&r, Key.source, "источник")
            let score = r.decimal(Key.score)
            if let score, score < 0 {
                r.fail(Key.score, "Балл «\(r.text(Key.score))» отрицательный: укажите балл диагностики — число не меньше 0, например 42,5.")
            }
            let date = MentoringCells.day(&r, Key.date)
            if let date, let year, DeficitRules.diagnosticsYear(of: date) != year {
                r.fail(Key.date, "Дата \(date.ru) не относится к году диагностики \(YearLabel.schoolYear(year)) (он длится с 01.08.\(year) по 31.07.\(year + 1)). Исправьте дату или год.")
            }
            if let key = MentoringCells.key(teacher, year.map(String.init), area?.rawValue, source?.rawValue),
               let first = seen.earlierRow(of: key, row: r.row) {
                r.fail(Key.area, "Дефицит этого педагога в той же области, за тот же год и из того же источника уже указан в строке \(first). Оставьте одну строку.")
            }
            errors += r.errors
            if let teacher, let year, let area, let source {
                out.append(DeficitImportRow(row: r.row, teacherCode: teacher, year: year, area: area, source: source,
                                            score: score, level: r.optionalText(Key.level).map(MentoringCells.squeezed), date: date))
            }
        }
        return try allOrNothing(out, errors)
    }
}
