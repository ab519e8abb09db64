import Foundation
import Testing
@testable import Importing

@Suite struct ResultsFisOkoTests {
    typealias F = ResultsFixtures

    @Test func marksStatisticsRowsReferencesAndNotes() throws {
        let data = try F.workbook([("РУ 4 Статистика по отметкам", F.marksSheet())])
        #expect(ResultImport.detect(data: data, fileName: "r.xlsx") == .fisOkoMarks)
        let f = try ResultImport.readVPR(data: data, fileName: "r.xlsx", defaultYear: nil)
        #expect(f.rows == [
            VPRRow(row: 12, school: .login("233006"), year: 2026, subject: "russian", grade: 4, participants: 89,
                   marks: .percentages(["12.36", "52.81", "26.97", "7.87"])),
            VPRRow(row: 13, school: .login("233011"), year: 2026, subject: "russian", grade: 4, participants: 10,
                   marks: .percentages(["15", "15", "35", "35"])),
        ])
        let region = f.references.filter { $0.scope == .region }
        #expect(region.map(\.measure) == ["participants", "mark2", "mark3", "mark4", "mark5"])
        #expect(region.map(\.value) == ["61240", "4.1", "30.2", "46.01", "19.69"])
        #expect(region.allSatisfy { $0.label == "Краснодарский край" && $0.subject == "russian" && $0.grade == 4 && $0.year == 2026 })
        #expect(f.references.first { $0.scope == .wholeSample && $0.measure == "mark5" }?.value == "17.69")
        #expect(f.notes.first?.contains("round(доля × участники / 100)") == true)
        #expect(f.notes.first?.contains("в 1 строке сумма не сошлась") == true)
    }

    @Test func olderMergedHeaderAndSheetNameOnly() throws {
        let rows: [[String]] = [["Статистика по отметкам"], ["Дата:", "15.04.2021"], [""],
            ["Группы участников", "Кол-во ОО", "Кол-во уч.", "Распределение групп баллов в %", "", "", ""],
            ["", "", "", "2", "3", "4", "5"],
            ["Вся выборка", "30000", "1500000", "6", "33", "44", "17"],
            ["Краснодарский край", "900", "60000", "5", "30", "45", "20"],
            ["Армавир(reg23_m012)", "14", "1210", "3", "31", "46", "20"],
            ["МБОУ «СОШ № 6»(sch233006)", "", "20", "5", "25", "50", "20"],
            ["Средние", "", "", "", "", "", ""]]
        let f = try ResultImport.readVPR(data: try F.workbook([("МА 5 Статистика по отметкам", rows)]), fileName: "x.xlsx", defaultYear: nil)
        #expect(f.rows.map(\.school) == [.login("233006")])
        #expect(f.rows.first.map { ($0.subject, $0.grade, $0.year, $0.row) } ?? ("", 0, 0, 0) == ("math", 5, 2021, 9))
    }

    @Test func multiSheetWorkbookReadsEveryMarksSheet() throws {
        let data = try F.workbook([("РУ 4 Статистика по отметкам", F.marksSheet()),
                                   ("МА 4 Статистика по отметкам", F.marksSheet(work: "ВПР 2026 Математика 4 класс"))])
        let f = try ResultImport.readVPR(data: data, fileName: "x.xlsx", defaultYear: nil)
        #expect(f.rows.map(\.subject) == ["russian", "russian", "math", "math"])
    }

    @Test func marksErrorsCarrySheetRowAndColumn() throws {
        var bad = F.marksSheet()
        bad[11][4] = "девять"
        bad[12][5] = "50"   // sums to 135
        let e = #expect(throws: ImportFailure.self) {
            try ResultImport.readVPR(data: try F.workbook([("РУ 4 Статистика по отметкам", bad), ("МА 4 Статистика по отметкам", F.marksSheet())]),
                                     fileName: "x.xlsx", defaultYear: nil)
        }
        #expect(e?.errors.map(\.row) == [12, 13])
        #expect(e?.errors.map(\.column) == ["«3»", "«2»"])
        #expect(e?.errors.allSatisfy { $0.message.hasPrefix("Лист «РУ 4 Статистика по отметкам»: ") } == true)
    }

    @Test func journalComparisonWithCheck() throws {
        let data = try F.workbook([("МА 4 Сравнение отметок с отметк", F.journalSheet())])
        #expect(ResultImport.detect(data: data, fileName: "j.xlsx") == .fisOkoJournal)
        let f = try ResultImport.readJournalComparison(data: data, fileName: "j.xlsx", defaultYear: nil)
        #expect(f.rows == [JournalComparisonRow(row: 12, school: .login("233006"), year: 2026, subject: "math", grade: 4,
                                                participants: 93, lowered: 52, confirmed: 37, raised: 4)])
        #expect(f.references.filter { $0.scope == .region }.map(\.value) == ["18.5", "72", "9.5"])
        var bad = F.journalSheet()
        bad[11][3] = "60"; bad[11][5] = "29"
        let e = #expect(throws: ImportFailure.self) {
            try ResultImport.readJournalComparison(data: try F.workbook([("x", bad)]), fileName: "j.xlsx", defaultYear: nil)
        }
        #expect(e?.errors.count == 2)
        #expect(e?.errors.first?.row == 12)
        #expect(e?.errors.first?.column.hasPrefix("Понизили") == true)
        #expect(e?.errors.first?.message.contains("55.91 % от 93 участников") == true)
        // The wrong report for the ВПР upload says what it is.
        let wrong = #expect(throws: ImportFailure.self) { try ResultImport.readVPR(data: data, fileName: "j.xlsx", defaultYear: nil) }
        #expect(wrong?.errors.first?.message.contains("«Сравнение отметок с отметками по журналу»") == true)
    }

    @Test func journalVerticalLayout() throws {
        let rows: [[String]] = F.fisOkoHead("Сравнение отметок с отметками по журналу", "ВПР 2024 Математика 5 класс") + [
            ["Группы участников", "Кол-во участников", "%"],
            ["МБОУ «СОШ № 6»(edu233006)", "", ""],
            ["Понизили (Отметка < Отметка по журналу)", "10", "25"], ["Подтвердили (Отметка = Отметке по журналу)", "28", "70"],
            ["Повысили (Отметка > Отметка по журналу)", "2", "5"], ["Всего", "40", "100"]]
        let f = try ResultImport.readJournalComparison(data: try F.workbook([("x", rows)]), fileName: "j.xlsx", defaultYear: nil)
        #expect(f.rows.map { [$0.participants, $0.lowered, $0.confirmed, $0.raised, $0.grade, $0.year] } == [[40, 10, 28, 2, 5, 2024]])
    }

    @Test func individualResultsRecomputed() throws {
        let data = try F.workbook([("РУ 4 Индивидуальные результаты", F.individualSheet())])
        #expect(ResultImport.detect(data: data, fileName: "i.xlsx") == .fisOkoIndividual)
        let f = try ResultImport.readVPRParticipants(data: data, fileName: "i.xlsx", defaultYear: nil)
        #expect(f.rows == [
            VPRParticipantRow(row: 11, school: .login("233006"), year: 2026, subject: "russian", grade: 4, className: "1",
                              participant: "40001", primaryScore: 4, mark: 4, journalMark: 5),
            VPRParticipantRow(row: 12, school: .login("233006"), year: 2026, subject: "russian", grade: 4, className: "1",
                              participant: "40002", primaryScore: 1, mark: 2, journalMark: nil),
        ])
        #expect(f.notes.contains { $0.contains("«отсутствовал» — 1") })
        #expect(f.notes.contains { $0.contains("в 1 строке он не совпал") })
        var bad = F.individualSheet()
        bad[10][6] = "3"   // task 1 is worth 2 points
        let e = #expect(throws: ImportFailure.self) {
            try ResultImport.readVPRParticipants(data: try F.workbook([("x", bad)]), fileName: "i.xlsx", defaultYear: nil)
        }
        #expect(e?.errors == [ImportError(row: 11, column: "1 (2б)", message: "Балл 3 за задание вне диапазона 0–2.")])
    }

    @Test func uploadFormRejected() throws {
        let data = try F.workbook([("Протокол", [["Код участника", "Вариант"]]), ("Служебный", [["x"]]), ("Порядковый номер класса", [["1"]])])
        #expect(ResultImport.detect(data: data, fileName: "f.xlsx") == .fisOkoUploadForm)
        let e = #expect(throws: ImportFailure.self) { try ResultImport.readVPR(data: data, fileName: "f.xlsx", defaultYear: nil) }
        #expect(e?.errors.first?.message.hasPrefix("Это пустая форма сбора результатов ФИС ОКО, а не отчёт. Скачайте из личного кабинета") == true)
    }

    @Test func headerBlockParsing() {
        var info = FisOkoInfo()
        FisOko.readTitle("ВПР 2026 Русский язык 4 класс", into: &info)
        #expect(info == FisOkoInfo(subjectText: "Русский язык", subject: "russian", grade: 4, year: 2026))
        #expect(FisOko.classify("Армавир(reg23_m012)", seenDetail: false) == .municipality)
        #expect(FisOko.classify("Чеченская Республика", seenDetail: false) == .region)
        #expect(FisOko.classify("Школа без логина", seenDetail: true) == .school(.label("Школа без логина")))
    }
}
