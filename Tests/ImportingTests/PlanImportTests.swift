import Foundation
import Testing
import Domain
@testable import Importing

private func csv(_ lines: [String]) -> Data { Data(lines.joined(separator: "\r\n").utf8) }
private func day(_ text: String) -> CalendarDay { CalendarDay.parse(text)! }

private func errors(_ lines: [String]) -> [ImportError] {
    do {
        _ = try PlanImport.read(data: csv(lines), fileName: "plan.csv")
        Issue.record("expected an import failure")
        return []
    } catch {
        return error.errors
    }
}

@Suite("Plan import: a roadmap from a spreadsheet") struct PlanImportTests {
    static let header = "section;measure;start;deadline;recurrence;responsible;targets;addresses;status;done_dates"

    @Test func englishColumnsAreRead() throws {
        let rows = try PlanImport.read(data: csv([
            Self.header,
            "Модуль 1;Семинар по ВПР;;30.10.2025;none;МНЦ;management;дефицит оценивания;done;28.10.2025",
            "Модуль 1;Посещение уроков;01.09.2025;31.12.2025;monthly;Наставники;teachers, shmo;;in_progress;30.09.2025, 2025-10-31",
        ]), fileName: "plan.csv")
        #expect(rows.count == 2)
        #expect(rows[0].status == .done && rows[0].doneDates == [day("28.10.2025")] && rows[0].targets == [.management])
        #expect(rows[1].recurrence == .monthly && rows[1].targets == [.teachers, .shmo] && rows[1].doneDates.count == 2)
        #expect(rows[1].start == day("01.09.2025") && rows[1].row == 3)
    }

    @Test func russianHeadersAreAccepted() throws {
        let rows = try PlanImport.read(data: csv([
            "Раздел;Мероприятие;Начало;Срок;Периодичность;Ответственные;Целевые группы;Адресность;Статус;Даты исполнения",
            "Качество;Анализ итогов четверти;01.09.2025;31.05.2026;ежеквартально;Зам. директора;управленческая команда;риск;запланирован;",
        ]), fileName: "plan.csv")
        #expect(rows.count == 1 && rows[0].recurrence == .quarterly && rows[0].status == .planned && rows[0].targets == [.management])
    }

    @Test func badRowsAreReportedWithRowAndColumnAndNothingIsReturned() {
        let e = errors([
            Self.header,
            "A;Хорошая строка;;30.10.2025;;;;;;",
            "A;Срок раньше начала;01.11.2025;30.10.2025;;;;;;",
            "A;Нет наступлений;10.01.2026;30.03.2026;quarterly;;;;;",
            "A;Неизвестный статус;;30.10.2025;;;;;сделано;",
            "A;Неизвестное повторение;01.09.2025;30.10.2025;weekly;;;;;",
            "A;Неизвестная группа;;30.10.2025;;;parents;;;",
            "A;Лишние даты;;30.10.2025;;;;;done;01.10.2025, 02.10.2025",
            "A;Исполнено до начала;01.09.2025;31.12.2025;monthly;;;;in_progress;15.08.2025",
            "A;Выполнен без даты;;30.10.2025;;;;;done;",
            "A;;;30.10.2025;;;;;;",
            "A;Повтор без начала;;30.10.2025;monthly;;;;;",
        ])
        func at(_ row: Int, _ column: String) -> String? { e.first { $0.row == row && $0.column == column }?.message }
        #expect(e.allSatisfy { $0.row != 2 })
        #expect(at(3, "deadline")?.contains("раньше начала") == true)
        #expect(at(4, "recurrence")?.contains("ни одного наступления") == true)
        #expect(at(5, "status")?.contains("статус") == true)
        #expect(at(6, "recurrence") != nil)
        #expect(at(7, "targets")?.contains("parents") == true)
        #expect(at(8, "done_dates")?.contains("наступлений у пункта 1") == true)
        #expect(at(9, "done_dates")?.contains("раньше начала") == true)
        #expect(at(10, "done_dates") != nil)
        #expect(at(11, "measure") != nil)
        #expect(at(12, "start") != nil)
    }

    @Test func aFileWithoutTheMeasureColumnOrRowsIsRefused() {
        #expect(!errors(["section;deadline", "A;30.10.2025"]).isEmpty)
        #expect(!errors([Self.header]).isEmpty)
    }
}
