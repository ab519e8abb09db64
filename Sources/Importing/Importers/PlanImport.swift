import Foundation
import Domain

/// One parsed row of a plan file: an item of a roadmap or work plan.
public struct PlanImportRow: Sendable, Equatable {
    public var row: Int
    public var section: String
    public var measure: String
    public var start: CalendarDay?
    public var deadline: CalendarDay
    public var recurrence: PlanRecurrence
    public var responsible: String
    public var targets: [PlanTargetGroup]
    public var addresses: String
    public var status: PlanItemStatus
    /// The days the occurrences were executed, in the order of the occurrences.
    public var doneDates: [CalendarDay]
}

/// Imports the items of a plan (issue 11, «Plans from spreadsheets»): columns
/// `section; measure; start; deadline; recurrence; responsible; targets; addresses; status; done_dates`,
/// or their Russian headers; all-or-nothing.
public enum PlanImport {
    public enum Key {
        public static let section = "section", measure = "measure", start = "start", deadline = "deadline", recurrence = "recurrence"
        public static let responsible = "responsible", targets = "targets", addresses = "addresses", status = "status", doneDates = "done_dates"
    }

    public static let columns: [ColumnSpec] = [
        ColumnSpec(Key.section, "Раздел", aliases: ["модуль", "направление", "раздел плана", "section"]),
        ColumnSpec(Key.measure, "Мероприятие", aliases: ["содержание", "мероприятие (содержание работы)", "содержание работы", "measure"], required: true),
        ColumnSpec(Key.start, "Начало", aliases: ["дата начала", "с", "start"]),
        ColumnSpec(Key.deadline, "Срок", aliases: ["срок исполнения", "сроки", "срок выполнения", "дата", "deadline"], required: true),
        ColumnSpec(Key.recurrence, "Повторение", aliases: ["периодичность", "цикличность", "recurrence"]),
        ColumnSpec(Key.responsible, "Ответственные", aliases: ["ответственный", "исполнители", "ответственные исполнители", "responsible"]),
        ColumnSpec(Key.targets, "Целевые группы", aliases: ["целевая группа", "участники", "для кого", "targets"]),
        ColumnSpec(Key.addresses, "Адресность", aliases: ["дефициты и риски", "на какие дефициты и риски", "адресность (дефициты, риски)", "addresses"]),
        ColumnSpec(Key.status, "Статус", aliases: ["состояние", "исполнение", "status"]),
        ColumnSpec(Key.doneDates, "Даты исполнения", aliases: ["дата исполнения", "фактическая дата", "исполнено", "done_dates"]),
    ]

    public static func template() -> [[String]] {
        [
            columns.map(\.title),
            ["Методическая помощь", "Семинар для управленческих команд «Анализ результатов ВПР»", "", "30.10.2025", "без повторения",
             "Руководитель МНЦ", "management", "дефицит: анализ и интерпретация результатов", "done", "28.10.2025"],
            ["Наставничество", "Посещение уроков наставником", "01.09.2025", "31.05.2026", "monthly",
             "Наставники МНЦ", "teachers, shmo", "риск учебной неуспешности", "in_progress", "30.09.2025, 31.10.2025"],
        ]
    }

    public static func read(data: Data, fileName: String) throws(ImportFailure) -> [PlanImportRow] {
        try parse(rows: ImportFile.read(data: data, fileName: fileName))
    }

    public static func parse(rows: [[String]]) throws(ImportFailure) -> [PlanImportRow] {
        let table = try Table(rows: rows, columns: columns)
        var out: [PlanImportRow] = [], errors: [ImportError] = []
        for record in table.records {
            var r = RowReader(table: table, record: record)
            let measure = MentoringCells.squeezed(r.text(Key.measure))
            let start = MentoringCells.day(&r, Key.start)
            let deadline = MentoringCells.day(&r, Key.deadline)
            let recurrence: PlanRecurrence? = r.text(Key.recurrence).isEmpty ? PlanRecurrence.none : MentoringCells.term(&r, Key.recurrence, "повторение")
            let status: PlanItemStatus? = r.text(Key.status).isEmpty ? .planned : MentoringCells.term(&r, Key.status, "статус")
            let (targets, unknown) = PlanTargetGroup.parseList(r.text(Key.targets))
            if let unknown {
                r.fail(Key.targets, "Целевая группа «\(unknown)» не распознана. Допустимые: management (управленческая команда), shmo (ШМО), teachers (педагоги), через запятую.")
            }
            var done: [CalendarDay] = [], doneOK = true
            for part in r.text(Key.doneDates).split(whereSeparator: { $0 == "," || $0 == ";" }) {
                let t = part.trimmingCharacters(in: .whitespaces)
                if t.isEmpty { continue }
                guard let d = MentoringCells.parseDay(t) else {
                    r.fail(Key.doneDates, "Дата исполнения «\(t)» не распознана. \(MentoringCells.dateHint) Несколько дат — через запятую.")
                    doneOK = false; continue
                }
                done.append(d)
            }
            let dateCellsOK = r.errors.isEmpty
            if let recurrence, dateCellsOK {
                for (field, message) in PlanItemRules.problems(measure: measure, start: start, deadline: deadline, recurrence: recurrence, doneDates: done) {
                    r.fail(field == .start ? Key.start : field == .deadline ? Key.deadline : field == .recurrence ? Key.recurrence
                           : field == .measure ? Key.measure : Key.doneDates, message)
                }
            } else if measure.isEmpty {
                r.fail(Key.measure, "Опишите мероприятие.")
            }
            if status == .done && done.isEmpty && doneOK {
                r.fail(Key.doneDates, "У выполненного пункта укажите дату исполнения (у повторяющегося — даты исполненных наступлений через запятую).")
            }
            errors += r.errors
            if r.errors.isEmpty, let deadline, let recurrence, let status {
                out.append(PlanImportRow(row: r.row, section: MentoringCells.squeezed(r.text(Key.section)), measure: measure, start: start, deadline: deadline,
                                         recurrence: recurrence, responsible: r.text(Key.responsible), targets: targets,
                                         addresses: r.text(Key.addresses), status: status, doneDates: done))
            }
        }
        if errors.isEmpty && out.isEmpty { errors.append(.file("В файле нет ни одного пункта плана: заполните строки под заголовком.")) }
        return try allOrNothing(out, errors)
    }
}
