import Foundation
import Testing
import Domain
@testable import Importing

/// Semicolon-separated CSV text, as Russian Excel saves it.
private func csv(_ lines: [String]) -> Data { Data(lines.joined(separator: "\r\n").utf8) }

private func day(_ text: String) -> CalendarDay { CalendarDay.parse(text)! }

private func failure(_ body: () throws -> Void) -> [ImportError] {
    do {
        try body()
        Issue.record("expected an import failure")
        return []
    } catch let f as ImportFailure {
        return f.errors
    } catch {
        Issue.record("unexpected error \(error)")
        return []
    }
}

/// The error of `row` in `column`, asserting there is exactly one.
private func error(_ errors: [ImportError], _ row: Int, _ column: String, sourceLocation: SourceLocation = #_sourceLocation) -> ImportError? {
    let found = errors.filter { $0.row == row && $0.column == column }
    #expect(found.count == 1, "row \(row), column «\(column)»: \(errors.map(\.text))", sourceLocation: sourceLocation)
    return found.first
}

@Suite struct AssignmentImportTests {
    @Test func templateParsesBack() throws {
        let expected = [
            AssignmentImportRow(row: 2, kind: .mentor, personCode: "ARM-006-014", schoolCode: "ARM-011", teacherCode: nil,
                                orderNumber: "1045", orderDate: day("29.08.2025"), from: day("01.09.2025"), to: day("31.05.2026")),
            AssignmentImportRow(row: 3, kind: .tutor, personCode: "ARM-018-003", schoolCode: "ARM-006", teacherCode: "ARM-006-021",
                                orderNumber: "1045", orderDate: day("29.08.2025"), from: day("01.09.2025"), to: nil),
        ]
        #expect(try AssignmentImport.parse(rows: AssignmentImport.template()) == expected)
        let xlsx = try XLSXWriter.write(AssignmentImport.template())
        #expect(try AssignmentImport.read(data: xlsx, fileName: "закрепления.xlsx") == expected)
        #expect(AssignmentImport.template()[0] == AssignmentImport.columns.map(\.title))
    }

    @Test func englishHeaders() throws {
        let rows = try AssignmentImport.read(data: csv([
            "kind;person_code;school_code;teacher_code;order_no;order_date;from;to",
            "curator;ARM-C-003;ARM-018;;№ 77 от 01.09.2025;;2025-09-01;",
            "Тьютор;ARM-018-003;;ARM-006-021;78;02.09.2025;02.09.2025;2026-05-31",
            "куратор-наставник;ARM-C-004;ARM-019;;79;;;",
        ]), fileName: "assignments.csv")
        #expect(rows == [
            AssignmentImportRow(row: 2, kind: .curator, personCode: "ARM-C-003", schoolCode: "ARM-018", teacherCode: nil,
                                orderNumber: "77", orderDate: day("01.09.2025"), from: day("01.09.2025"), to: nil),
            AssignmentImportRow(row: 3, kind: .tutor, personCode: "ARM-018-003", schoolCode: nil, teacherCode: "ARM-006-021",
                                orderNumber: "78", orderDate: day("02.09.2025"), from: day("02.09.2025"), to: day("31.05.2026")),
            AssignmentImportRow(row: 4, kind: .curator, personCode: "ARM-C-004", schoolCode: "ARM-019", teacherCode: nil,
                                orderNumber: "79", orderDate: nil, from: nil, to: nil),
        ])
        #expect(rows[1].kind.assignmentKind == .tutorTeacher)
        #expect(rows[0].span == AssignmentSpan(from: day("01.09.2025")))
    }

    @Test func russianHeaderVariants() throws {
        let rows = try AssignmentImport.read(data: csv([
            "Вид;Код наставника;Код школы;Приказ;С;По",
            "наставник;ARM-006-014;ARM-011;12;01.09.2025;",
        ]), fileName: "a.csv")
        #expect(rows.map(\.from) == [day("01.09.2025")])
    }

    @Test func badFileCollectsEveryError() {
        let errors = failure {
            _ = try AssignmentImport.read(data: csv([
                "Вид закрепления;Код наставника/тьютора;Код школы;Код педагога;Номер приказа;Дата приказа;Дата начала;Дата окончания",
                "наставник;ARM-006-014;ARM-011;;1045;29.08.2025;01.09.2025;",
                "волшебник;ARM-006-015;ARM-011;;1045;29.08.2025;01.09.2025;",
                "тьютор;ARM-018-003;ARM-006;;1045;29.08.2025;01.09.2025;",
                "куратор;ARM-C-003;ARM-006;;1045;29.08.2025;01.09.2025;31.08.2025",
                "куратор;ARM-C-003;ARM-018;;1045;29.08.2025;31.02.2025;",
                "куратор;ARM-C-003;ARM-019;;;29.08.2025;01.09.2025;",
                "Наставник;arm-006-014;ARM-011;;1046;30.08.2025;01.09.2025;31.05.2026",
                "наставник;ARM-006-014;ARM-018;ARM-018-005;1045;29.08.2025;01.09.2025;",
            ]), fileName: "a.csv")
        }
        #expect(errors.count == 7, "\(errors.map(\.text))")
        #expect(error(errors, 3, "Вид закрепления")?.message.contains("«волшебник»") == true)
        #expect(error(errors, 3, "Вид закрепления")?.message.contains("«Наставник», «Куратор», «Тьютор»") == true)
        #expect(error(errors, 4, "Код педагога")?.message.contains("Тьютор закрепляется за педагогом") == true)
        #expect(error(errors, 5, "Дата окончания")?.message.contains("раньше даты начала 01.09.2025") == true)
        #expect(error(errors, 6, "Дата начала")?.message.contains("дд.мм.гггг") == true)
        #expect(error(errors, 7, "Номер приказа")?.message.contains("Укажите номер приказа") == true)
        #expect(error(errors, 8, "Код наставника/тьютора")?.message.contains("строке 2") == true)
        #expect(error(errors, 9, "Код педагога")?.message.contains("очистите") == true)
    }

    @Test func mentorWithoutSchool() {
        let errors = failure {
            _ = try AssignmentImport.parse(rows: [["kind", "person_code", "teacher_code", "order_no"], ["mentor", "ARM-006-014", "", "12"]])
        }
        #expect(errors.map(\.column) == ["Код школы"])
        #expect(errors.first?.row == 2)
    }

    @Test func missingRequiredColumn() {
        let errors = failure {
            _ = try AssignmentImport.read(data: csv([
                "Вид закрепления;Код наставника/тьютора;Код школы;Дата начала",
                "наставник;ARM-006-014;ARM-011;01.09.2025",
            ]), fileName: "a.csv")
        }
        #expect(errors.count == 1)
        #expect(errors.first?.row == 0)
        #expect(errors.first?.message.contains("«Номер приказа»") == true)
    }

    @Test func noTargetColumns() {
        let errors = failure {
            _ = try AssignmentImport.parse(rows: [["Вид закрепления", "Код наставника/тьютора", "Номер приказа"], ["наставник", "ARM-006-014", "1"]])
        }
        #expect(errors.count == 1)
        #expect(errors.first?.row == 0)
        #expect(errors.first?.message.contains("«Код школы» и «Код педагога»") == true)
    }

    @Test func orderDateConflictsWithNumberCell() {
        let errors = failure {
            _ = try AssignmentImport.parse(rows: [
                ["Вид закрепления", "Код наставника/тьютора", "Код школы", "Номер приказа", "Дата приказа"],
                ["наставник", "ARM-006-014", "ARM-011", "№ 12 от 01.09.2025", "02.09.2025"],
            ])
        }
        #expect(errors.map(\.column) == ["Дата приказа"])
    }
}

@Suite struct InteractionImportTests {
    @Test func templateParsesBack() throws {
        let expected = [
            InteractionImportRow(row: 2, authorCode: "ARM-006-014", date: day("17.09.2025"), schoolCode: "ARM-011", teacherCode: nil,
                                 form: .schoolVisit, format: .inPerson, topic: "Анализ результатов ВПР по математике и план коррекции",
                                 durationMinutes: 90, participants: 6),
            InteractionImportRow(row: 3, authorCode: "ARM-018-003", date: day("24.09.2025"), schoolCode: nil, teacherCode: "ARM-006-021",
                                 form: .consultation, format: .remote, topic: "Технологическая карта урока по теме «Квадратные уравнения»",
                                 durationMinutes: 45, participants: nil),
        ]
        #expect(try InteractionImport.parse(rows: InteractionImport.template()) == expected)
        let xlsx = try XLSXWriter.write(InteractionImport.template(), detectNumbers: true)
        #expect(try InteractionImport.read(data: xlsx, fileName: "взаимодействия.xlsx") == expected)
    }

    @Test func englishHeaders() throws {
        let rows = try InteractionImport.read(data: csv([
            "author_code;date;school_code;teacher_code;form;format;topic;duration_min;participants",
            "ARM-006-014;2025-10-02;ARM-011;;master_class;in_person;Смысловое чтение на уроках;60;25",
            "ARM-018-003;03.10.2025;ARM-006;ARM-006-021;мастер класс;онлайн;Смысловое  чтение;30,0;1",
        ]), fileName: "interactions.csv")
        #expect(rows == [
            InteractionImportRow(row: 2, authorCode: "ARM-006-014", date: day("02.10.2025"), schoolCode: "ARM-011", teacherCode: nil,
                                 form: .masterClass, format: .inPerson, topic: "Смысловое чтение на уроках", durationMinutes: 60, participants: 25),
            InteractionImportRow(row: 3, authorCode: "ARM-018-003", date: day("03.10.2025"), schoolCode: "ARM-006", teacherCode: "ARM-006-021",
                                 form: .masterClass, format: .remote, topic: "Смысловое чтение", durationMinutes: 30, participants: 1),
        ])
    }

    @Test func excelDateCells() throws {
        let date = RuFormat.parseDate("17.09.2025")!
        let xlsx = try XLSXWriter.write(cells: [
            InteractionImport.columns.map { .text($0.title) },
            [.text("ARM-006-014"), .date(date), .text("ARM-011"), .text(""), .text("Консультация"), .text("Очно"), .text("ВПР"),
             .number(45), .number(3)],
        ])
        let rows = try InteractionImport.read(data: xlsx, fileName: "i.xlsx")
        #expect(rows.map(\.date) == [day("17.09.2025")])
        #expect(rows.map(\.durationMinutes) == [45])
    }

    @Test func badFileCollectsEveryError() {
        let errors = failure {
            _ = try InteractionImport.read(data: csv([
                "Код автора;Дата;Код школы;Код педагога;Форма;Формат;Тема;Длительность, мин;Участников",
                "ARM-006-014;17.09.2025;ARM-011;;Выезд в школу;Очно;Анализ ВПР;90;6",
                "ARM-006-014;18.09.2025;ARM-011;;вебинар;Очно;Анализ ВПР;90;6",
                "ARM-006-014;2025-13-01;ARM-011;;Консультация;Очно;Анализ ВПР;90;",
                "ARM-006-014;19.09.2025;ARM-011;;Консультация;Очно;;90;",
                "ARM-006-014;19.09.2025;;;Консультация;Очно;Анализ ОГЭ;90;",
                "ARM-006-014;20.09.2025;ARM-011;;Консультация;заочно;Анализ ОГЭ;0;-3",
                "ARM-006-014;21.09.2025;ARM-011;;Консультация;Очно;Анализ ОГЭ;полтора часа;",
                "ARM-006-014;2025-09-17;ARM-011;;Консультация;дистанционно;анализ  впр;45;",
            ]), fileName: "i.csv")
        }
        #expect(errors.count == 9, "\(errors.map(\.text))")
        #expect(error(errors, 3, "Форма")?.message.contains("«вебинар»") == true)
        #expect(error(errors, 3, "Форма")?.message.contains("«Выезд в школу»") == true)
        #expect(error(errors, 4, "Дата")?.message.contains("«2025-13-01»") == true)
        #expect(error(errors, 5, "Тема")?.message.contains("Укажите тему") == true)
        #expect(error(errors, 6, "Код школы")?.message.contains("код школы или код педагога") == true)
        #expect(error(errors, 7, "Формат")?.message.contains("«Дистанционно», «Очно»") == true)
        #expect(error(errors, 7, "Длительность, мин")?.message.contains("от 1 до 1440") == true)
        #expect(error(errors, 7, "Участников")?.message.contains("«-3»") == true)
        #expect(error(errors, 8, "Длительность, мин")?.message.contains("«полтора часа»") == true)
        #expect(error(errors, 9, "Тема")?.message.contains("строке 2") == true)
    }

    @Test func missingRequiredColumn() {
        let errors = failure {
            _ = try InteractionImport.parse(rows: [
                ["Код автора", "Дата", "Код школы", "Форма", "Тема", "Длительность, мин"],
                ["ARM-006-014", "17.09.2025", "ARM-011", "Консультация", "ВПР", "45"],
            ])
        }
        #expect(errors.count == 1)
        #expect(errors.first?.row == 0)
        #expect(errors.first?.message.contains("«Формат»") == true)
    }
}

@Suite struct DeficitImportTests {
    @Test func templateParsesBack() throws {
        let expected = [
            DeficitImportRow(row: 2, teacherCode: "ARM-006-021", year: 2025, area: .subject, source: .iroTest, score: 42.5,
                             level: "ниже базового", date: day("28.08.2025")),
            DeficitImportRow(row: 3, teacherCode: "ARM-006-021", year: 2025, area: .assessment, source: .lessonObservation, score: nil,
                             level: "базовый", date: day("15.09.2025")),
        ]
        #expect(try DeficitImport.parse(rows: DeficitImport.template()) == expected)
        #expect(try DeficitImport.read(data: XLSXWriter.write(DeficitImport.template()), fileName: "дефициты.xlsx") == expected)
    }

    @Test func englishHeaders() throws {
        let rows = try DeficitImport.read(data: csv([
            "teacher_code;year;area;source;score;level;date",
            "ARM-006-021;2025;methodological;expert;17.5;;2025-09-10",
            "ARM-006-022;2025/26;психолого-педагогическая компетентность;self_assessment;;высокий;",
        ]), fileName: "deficits.csv")
        #expect(rows == [
            DeficitImportRow(row: 2, teacherCode: "ARM-006-021", year: 2025, area: .methodological, source: .expertAssessment,
                             score: 17.5, level: nil, date: day("10.09.2025")),
            DeficitImportRow(row: 3, teacherCode: "ARM-006-022", year: 2025, area: .psychoPedagogical, source: .selfAssessment,
                             score: nil, level: "высокий", date: nil),
        ])
    }

    @Test func badFileCollectsEveryError() {
        let errors = failure {
            _ = try DeficitImport.read(data: csv([
                "Код педагога;Год диагностики;Область дефицита;Источник;Балл;Уровень;Дата",
                "ARM-006-021;2025/2026;Предметные;Тест ИРО;42,5;;28.08.2025",
                "ARM-006-022;25/26;Предметные;Тест ИРО;;;",
                "ARM-006-023;2025;Художественные;Тест ИРО;много;;",
                "ARM-006-024;2025;Оценочные;;-1;;15.07.2025",
                ";2025;Оценочные;Анкетирование;;;01.09.2025",
                "arm-006-021;2025;предметная компетентность;iro_test;30;;10.09.2025",
            ]), fileName: "d.csv")
        }
        #expect(errors.count == 8, "\(errors.map(\.text))")
        #expect(error(errors, 3, "Год диагностики")?.message.contains("«25/26»") == true)
        #expect(error(errors, 4, "Область дефицита")?.message.contains("«Художественные»") == true)
        #expect(error(errors, 4, "Балл")?.message.contains("«много»") == true)
        #expect(error(errors, 5, "Источник")?.message.contains("Укажите источник") == true)
        #expect(error(errors, 5, "Балл")?.message.contains("отрицательный") == true)
        #expect(error(errors, 5, "Дата")?.message.contains("2025/2026") == true)
        #expect(error(errors, 6, "Код педагога")?.message.contains("Укажите код педагога") == true)
        #expect(error(errors, 7, "Область дефицита")?.message.contains("строке 2") == true)
    }

    @Test func missingRequiredColumn() {
        let errors = failure {
            _ = try DeficitImport.read(data: csv(["Код педагога;Год диагностики;Область дефицита;Балл", "ARM-006-021;2025;Предметные;3"]),
                                       fileName: "d.csv")
        }
        #expect(errors.count == 1)
        #expect(errors.first?.row == 0)
        #expect(errors.first?.message.contains("«Источник»") == true)
    }
}

@Suite struct RouteStepImportTests {
    @Test func templateParsesBack() throws {
        let expected = [
            RouteStepImportRow(row: 2, teacherCode: "ARM-006-021", year: 2025, deficitArea: .subject,
                               step: "Курсы ИРО «Решение задач с параметром», 36 ч", kind: .course, due: day("30.11.2025"),
                               status: .done, doneDate: day("21.11.2025")),
            RouteStepImportRow(row: 3, teacherCode: "ARM-006-021", year: 2025, deficitArea: .assessment,
                               step: "Консультация тьютора по критериям оценивания ВПР", kind: .tutorConsultation, due: day("20.12.2025"),
                               status: .planned, doneDate: nil),
        ]
        #expect(try RouteStepImport.parse(rows: RouteStepImport.template()) == expected)
        #expect(try RouteStepImport.read(data: XLSXWriter.write(RouteStepImport.template()), fileName: "иом.xlsx") == expected)
    }

    @Test func englishHeaders() throws {
        let rows = try RouteStepImport.read(data: csv([
            "teacher_code;year;deficit_area;step;kind;due;status;done_date",
            "ARM-006-021;2025;digital;Вебинар по цифровым сервисам;center_event;2025-10-15;done;2025-10-15",
            "ARM-006-021;2025;;Чтение методической литературы;самообразование;;;",
            "ARM-006-021;2025;subject;Стажировка в школе № 6;other;;cancelled;",
            "ARM-006-021;2025;;Методическая сессия «Оценивание»;method_session;01.12.2025;in_progress;",
        ]), fileName: "route.csv")
        #expect(rows == [
            RouteStepImportRow(row: 2, teacherCode: "ARM-006-021", year: 2025, deficitArea: .digital, step: "Вебинар по цифровым сервисам",
                               kind: .centerEvent, due: day("15.10.2025"), status: .done, doneDate: day("15.10.2025")),
            RouteStepImportRow(row: 3, teacherCode: "ARM-006-021", year: 2025, deficitArea: nil, step: "Чтение методической литературы",
                               kind: .selfEducation, due: nil, status: .planned, doneDate: nil),
            RouteStepImportRow(row: 4, teacherCode: "ARM-006-021", year: 2025, deficitArea: .subject, step: "Стажировка в школе № 6",
                               kind: .other, due: nil, status: .cancelled, doneDate: nil),
            RouteStepImportRow(row: 5, teacherCode: "ARM-006-021", year: 2025, deficitArea: nil, step: "Методическая сессия «Оценивание»",
                               kind: .methodSession, due: day("01.12.2025"), status: .inProgress, doneDate: nil),
        ])
    }

    @Test func badFileCollectsEveryError() {
        let errors = failure {
            _ = try RouteStepImport.read(data: csv([
                "Код педагога;Год маршрута;Область дефицита;Шаг;Вид шага;Срок;Статус;Дата выполнения",
                "ARM-006-021;2025;Предметные;Курсы ИРО по ВПР;Курсы;30.11.2025;;",
                "ARM-006-021;2025;Предметные;Консультация по ВПР;Консультация тьютора;30.11.2025;Выполнен;",
                "ARM-006-021;2025;Предметные;Открытый урок;Открытый урок;30.11.2025;;",
                "ARM-006-021;2025;Предметные;Самоанализ урока;самообразование;31.11.2025;Запланирован;20.11.2025",
                "ARM-006-021;2025;;Вебинар;Мероприятие программы центра;;закончен;",
                "ARM-006-021;2025/2026;;курсы  иро по впр;курсы;;;",
            ]), fileName: "r.csv")
        }
        #expect(errors.count == 6, "\(errors.map(\.text))")
        #expect(error(errors, 3, "Дата выполнения")?.message.contains("укажите дату выполнения") == true)
        #expect(error(errors, 4, "Вид шага")?.message.contains("«Открытый урок»") == true)
        #expect(error(errors, 5, "Срок")?.message.contains("«31.11.2025»") == true)
        #expect(error(errors, 5, "Дата выполнения")?.message.contains("«Запланирован»") == true)
        #expect(error(errors, 6, "Статус")?.message.contains("«Выполнен»") == true)
        #expect(error(errors, 7, "Шаг")?.message.contains("строке 2") == true)
    }

    @Test func missingRequiredColumn() {
        let errors = failure {
            _ = try RouteStepImport.read(data: csv(["Код педагога;Год маршрута;Вид шага", "ARM-006-021;2025;Курсы"]), fileName: "r.csv")
        }
        #expect(errors.count == 1)
        #expect(errors.first?.row == 0)
        #expect(errors.first?.message.contains("«Шаг»") == true)
    }
}

@Suite struct MentoringCellsTests {
    @Test func days() {
        #expect(MentoringCells.parseDay("01.09.2025") == day("2025-09-01"))
        #expect(MentoringCells.parseDay("1.9.2025") == day("2025-09-01"))
        #expect(MentoringCells.parseDay("01.09.2025 г.") == day("2025-09-01"))
        #expect(MentoringCells.parseDay("01.09.2025 10:30") == day("2025-09-01"))
        #expect(MentoringCells.parseDay("2025-09-01T10:30:00Z") == day("2025-09-01"))
        #expect(MentoringCells.parseDay("01.09.25") == nil)
        #expect(MentoringCells.parseDay("01.09.2025 вечером") == nil)
        #expect(MentoringCells.parseDay("2025-02-29") == nil)
    }

    @Test func assignmentKinds() {
        #expect(AssignmentImportKind.parse("НАСТАВНИК") == .mentor)
        #expect(AssignmentImportKind.parse("mentor_school") == .mentor)
        #expect(AssignmentImportKind.parse("Куратор школы") == .curator)
        #expect(AssignmentImportKind.parse("тьютор") == .tutor)
        #expect(AssignmentImportKind.parse("Тьютор педагога") == .tutor)
        #expect(AssignmentImportKind.parse("эксперт") == nil)
    }
}
