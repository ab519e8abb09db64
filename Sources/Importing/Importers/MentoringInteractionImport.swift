import Foundation
import Domain

/// One parsed row of an interactions file (the work log of mentors, curators and tutors).
public struct InteractionImportRow: Sendable, Equatable {
    public var row: Int
    /// The staff code of the mentor, curator or tutor who held the interaction.
    public var authorCode: String
    public var date: CalendarDay
    /// At least one of the school and the teacher is set.
    public var schoolCode: String?
    public var teacherCode: String?
    public var form: InteractionForm
    public var format: InteractionFormat
    public var topic: String
    /// 1…1440.
    public var durationMinutes: Int
    public var participants: Int?
}

/// Imports interactions: consultations, visits to schools, master classes…
public enum InteractionImport {
    public enum Key {
        public static let authorCode = "author_code", date = "date"
        public static let schoolCode = MentoringColumns.schoolCode, teacherCode = MentoringColumns.teacherCode
        public static let form = "form", format = "format", topic = "topic"
        public static let durationMinutes = "duration_min", participants = "participants"
    }

    public static let durations = 1...1440

    public static let columns: [ColumnSpec] = [
        ColumnSpec(Key.authorCode, "Код автора", aliases: [
            "автор", "код наставника", "код тьютора", "код куратора", "код наставника/тьютора", "код сотрудника", "author_code", "author",
        ], required: true),
        ColumnSpec(Key.date, "Дата", aliases: ["дата взаимодействия", "дата проведения", "date", "day"], required: true),
        MentoringColumns.school(),
        MentoringColumns.teacher(aliases: ["код тьюторанта", "тьюторант"]),
        ColumnSpec(Key.form, "Форма", aliases: ["форма взаимодействия", "форма работы", "вид взаимодействия", "form"], required: true),
        ColumnSpec(Key.format, "Формат", aliases: ["формат проведения", "очно/дистанционно", "format"], required: true),
        ColumnSpec(Key.topic, "Тема", aliases: ["тема взаимодействия", "тема мероприятия", "тема консультации", "topic"], required: true),
        ColumnSpec(Key.durationMinutes, "Длительность, мин", aliases: [
            "длительность", "длительность (мин)", "длительность, минут", "длительность в минутах", "продолжительность",
            "продолжительность, мин", "минут", "duration_min", "duration", "minutes",
        ], required: true),
        ColumnSpec(Key.participants, "Участников", aliases: ["число участников", "количество участников", "кол-во участников", "участники", "participants"]),
    ]

    /// Header + two example rows (a mentor's visit to a school, a tutor's remote consultation).
    public static func template() -> [[String]] {
        [
            columns.map(\.title),
            ["ARM-006-014", "17.09.2025", "ARM-011", "", "Выезд в школу", "Очно",
             "Анализ результатов ВПР по математике и план коррекции", "90", "6"],
            ["ARM-018-003", "24.09.2025", "", "ARM-006-021", "Консультация", "Дистанционно",
             "Технологическая карта урока по теме «Квадратные уравнения»", "45", ""],
        ]
    }

    public static func read(data: Data, fileName: String) throws(ImportFailure) -> [InteractionImportRow] {
        try parse(rows: ImportFile.read(data: data, fileName: fileName))
    }

    /// Every row or, when any row is wrong, every error (never a partial result).
    public static func parse(rows: [[String]]) throws(ImportFailure) -> [InteractionImportRow] {
        let table = try Table(rows: rows, columns: columns)
        if !table.has(Key.schoolCode) && !table.has(Key.teacherCode) {
            throw ImportFailure(file: "Нет столбцов «Код школы» и «Код педагога»: у каждого взаимодействия есть школа или педагог. Добавьте нужный столбец по образцу шаблона.")
        }
        var out: [InteractionImportRow] = []
        var errors: [ImportError] = []
        var seen = FirstSeen()
        for record in table.records {
            var r = RowReader(table: table, record: record)
            let author = MentoringCells.required(&r, Key.authorCode,
                "Укажите код автора — код сотрудника наставника, куратора или тьютора из реестра, например ARM-006-014.")
            let date = MentoringCells.day(&r, Key.date, missing: "Укажите дату взаимодействия. \(MentoringCells.dateHint)")
            let school = r.optionalText(Key.schoolCode), teacher = r.optionalText(Key.teacherCode)
            if school == nil && teacher == nil {
                let column = table.has(Key.schoolCode) ? Key.schoolCode : Key.teacherCode
                r.fail(column, "Укажите, с кем было взаимодействие: код школы или код педагога (можно оба).")
            }
            let form: InteractionForm? = MentoringCells.term(&r, Key.form, "форму взаимодействия")
            let format: InteractionFormat? = MentoringCells.term(&r, Key.format, "формат")
            let topic = MentoringCells.required(&r, Key.topic, "Укажите тему взаимодействия, например «Анализ результатов ВПР».")
                .map(MentoringCells.squeezed)
            let duration = readDuration(&r)
            let participants = MentoringCells.integer(&r, Key.participants, in: 0...Int.max,
                hint: "число участников — целое неотрицательное число, например 6; пустая ячейка — не указано.")
            let dateKey = r.text(Key.date).isEmpty ? nil : date?.iso
            if school != nil || teacher != nil,
               let key = MentoringCells.key(author, dateKey, school ?? "", teacher ?? "", topic),
               let first = seen.earlierRow(of: key, row: r.row) {
                r.fail(Key.topic, "Такое же взаимодействие (автор, дата, школа или педагог, тема) уже есть в строке \(first). Удалите повторяющуюся строку.")
            }
            errors += r.errors
            if let author, let date, let form, let format, let topic, let duration {
                out.append(InteractionImportRow(row: r.row, authorCode: author, date: date, schoolCode: school, teacherCode: teacher,
                                                form: form, format: format, topic: topic, durationMinutes: duration,
                                                participants: participants))
            }
        }
        return try allOrNothing(out, errors)
    }

    static func readDuration(_ r: inout RowReader) -> Int? {
        let hint = "длительность — целое число минут от \(durations.lowerBound) до \(durations.upperBound), например 45."
        guard !r.text(Key.durationMinutes).isEmpty else {
            r.fail(Key.durationMinutes, "Укажите \(hint)")
            return nil
        }
        return MentoringCells.integer(&r, Key.durationMinutes, in: durations, hint: hint)
    }
}
