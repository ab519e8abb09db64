import Foundation
import Domain

/// One parsed row of a route steps file: a step of a teacher's individual educational route (ИОМ).
public struct RouteStepImportRow: Sendable, Equatable {
    public var row: Int
    public var teacherCode: String
    /// The diagnostics year of the route, by its start: «2025/2026» → 2025.
    public var year: Int
    /// The deficit the step fills; nil for a step not tied to one.
    public var deficitArea: DeficitArea?
    /// What the teacher does, as written (inner runs of spaces as one).
    public var step: String
    public var kind: RouteStepKind
    public var due: CalendarDay?
    /// `.planned` for an empty cell.
    public var status: RouteStepStatus
    /// Set exactly when the status is `.done`.
    public var doneDate: CalendarDay?
}

/// Imports the steps of teachers' individual educational routes.
public enum RouteStepImport {
    public enum Key {
        public static let teacherCode = MentoringColumns.teacherCode, year = "year", deficitArea = "deficit_area"
        public static let step = "step", kind = "kind", due = "due", status = "status", doneDate = "done_date"
    }

    public static let columns: [ColumnSpec] = [
        MentoringColumns.teacher(required: true, aliases: ["код сотрудника"]),
        ColumnSpec(Key.year, "Год маршрута", aliases: ["год", "год диагностики", "учебный год", "year"], required: true),
        ColumnSpec(Key.deficitArea, "Область дефицита", aliases: ["область", "дефицит", "deficit_area", "area"]),
        ColumnSpec(Key.step, "Шаг", aliases: ["шаг маршрута", "содержание шага", "мероприятие", "что сделать", "step", "title"],
                   required: true),
        ColumnSpec(Key.kind, "Вид шага", aliases: ["вид", "вид мероприятия", "тип шага", "kind", "step_kind"], required: true),
        ColumnSpec(Key.due, "Срок", aliases: ["срок выполнения", "выполнить до", "due", "due_date"]),
        ColumnSpec(Key.status, "Статус", aliases: ["статус шага", "status"]),
        ColumnSpec(Key.doneDate, "Дата выполнения", aliases: ["дата исполнения", "выполнено (дата)", "done_date", "done_day"]),
    ]

    /// Header + two example rows (a finished course, a planned consultation of the tutor).
    public static func template() -> [[String]] {
        [
            columns.map(\.title),
            ["ARM-006-021", "2025/2026", "Предметные", "Курсы ИРО «Решение задач с параметром», 36 ч",
             "Курсы ИРО или другой организации", "30.11.2025", "Выполнен", "21.11.2025"],
            ["ARM-006-021", "2025/2026", "Оценочные", "Консультация тьютора по критериям оценивания ВПР",
             "Консультация тьютора", "20.12.2025", "", ""],
        ]
    }

    public static func read(data: Data, fileName: String) throws(ImportFailure) -> [RouteStepImportRow] {
        try parse(rows: ImportFile.read(data: data, fileName: fileName))
    }

    /// Every row or, when any row is wrong, every error (never a partial result).
    public static func parse(rows: [[String]]) throws(ImportFailure) -> [RouteStepImportRow] {
        let table = try Table(rows: rows, columns: columns)
        var out: [RouteStepImportRow] = []
        var errors: [ImportError] = []
        var seen = FirstSeen()
        for record in table.records {
            var r = RowReader(table: table, record: record)
            let teacher = MentoringCells.required(&r, Key.teacherCode,
                "Укажите код педагога — его код сотрудника из реестра, например ARM-006-021.")
            let year = MentoringCells.year(&r, Key.year, missing: "Укажите год маршрута (год диагностики, по которой он составлен).")
            let area: DeficitArea? = MentoringCells.term(&r, Key.deficitArea, "область дефицита", required: false)
            let step = MentoringCells.required(&r, Key.step, "Укажите шаг маршрута — что сделает педагог, например «Курсы ИРО по оцениванию ВПР».")
                .map(MentoringCells.squeezed)
            let kind: RouteStepKind? = MentoringCells.term(&r, Key.kind, "вид шага")
            let due = MentoringCells.day(&r, Key.due)
            let statusCell = !r.text(Key.status).isEmpty
            let status: RouteStepStatus? = statusCell ? MentoringCells.term(&r, Key.status, "статус шага") : .planned
            let doneDate = MentoringCells.day(&r, Key.doneDate)
            let doneCell = !r.text(Key.doneDate).isEmpty
            if status == .done && !doneCell {
                r.fail(Key.doneDate, "У выполненного шага укажите дату выполнения. \(MentoringCells.dateHint)")
            } else if let status, status != .done, doneCell {
                r.fail(Key.doneDate, "Дата выполнения ставится только у выполненного шага, а статус — «\(status.title)». Поставьте статус «\(RouteStepStatus.done.title)» или очистите ячейку.")
            }
            if let key = MentoringCells.key(teacher, year.map(String.init), step), let first = seen.earlierRow(of: key, row: r.row) {
                r.fail(Key.step, "Такой шаг маршрута этого педагога за тот же год уже есть в строке \(first). Удалите повторяющуюся строку или уточните формулировку шага.")
            }
            errors += r.errors
            if let teacher, let year, let step, let kind, let status {
                out.append(RouteStepImportRow(row: r.row, teacherCode: teacher, year: year, deficitArea: area, step: step, kind: kind,
                                              due: due, status: status, doneDate: doneDate))
            }
        }
        return try allOrNothing(out, errors)
    }
}
