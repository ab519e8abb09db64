import Foundation
import Testing
@testable import Importing

@Suite struct ResultsGIATests {
    typealias F = ResultsFixtures

    @Test func ogeProtocolTwoBlocksAggregated() throws {
        let data = try F.workbook([("Page 1", F.protocolSheet())])
        #expect(ResultImport.detect(data: data, fileName: "oge.xlsx") == .giaProtocolOGE)
        let f = try ResultImport.readOGE(data: data, fileName: "oge.xlsx", defaultYear: nil)
        #expect(f.rows == [
            OGERow(row: 5, school: .gia("9306", msu: "209"), year: 2026, subject: "social_studies", participants: 2,
                   averageMark: "3", averageScore: "19.5", belowThreshold: 1),
            OGERow(row: 7, school: .gia("9311", msu: "209"), year: 2026, subject: "social_studies", participants: 1,
                   averageMark: "5", averageScore: "30", belowThreshold: 0),
            OGERow(row: 14, school: .gia("9306", msu: "209"), year: 2026, subject: "chemistry", participants: 2,
                   averageMark: "4", averageScore: "19", belowThreshold: 0),
        ])
        let social = f.references.filter { $0.subject == "social_studies" }
        #expect(social.map(\.measure) == ["average_mark", "participants"])
        #expect(social.map(\.value) == ["3.67", "3"])
        #expect(social.allSatisfy { $0.label == "Чеченская Республика" && $0.scope == .region })
        let wrong = #expect(throws: ImportFailure.self) { try ResultImport.readEGE(data: data, fileName: "oge.xlsx", defaultYear: nil) }
        #expect(wrong?.errors.first?.message.contains("протокол РИС ГИА с результатами ОГЭ") == true)
    }

    @Test func egeProtocolAverageSdAndThresholds() throws {
        let data = try F.workbook([("Page 1", F.protocolSheet(ege: true))])
        let f = try ResultImport.readEGE(data: data, fileName: "ege.xlsx", defaultYear: nil)
        #expect(f.rows == [
            EGERow(row: 5, school: .gia("9306", msu: "209"), year: 2026, subject: "social_studies", participants: 2, average: "55",
                   sd: "21.21", belowMinimum: 1, highScorers: 0),
            EGERow(row: 7, school: .gia("9311", msu: "209"), year: 2026, subject: "social_studies", participants: 1, average: "90",
                   sd: nil, belowMinimum: 0, highScorers: 1),
            EGERow(row: 14, school: .gia("9306", msu: "209"), year: 2026, subject: "chemistry", participants: 2, average: "71",
                   sd: "14.14", belowMinimum: 0, highScorers: 1),
        ])
        #expect(f.notes.contains { $0.contains("ФИО участников не импортируются") })
    }

    @Test func protocolUnknownSubjectNamesBlockRow() throws {
        var rows = F.protocolSheet()
        rows[11] = ["99 - Физкультура 2026.07.03"]
        let e = #expect(throws: ImportFailure.self) {
            try ResultImport.readOGE(data: try F.workbook([("Page 1", rows)]), fileName: "o.xlsx", defaultYear: nil)
        }
        #expect(e?.errors.map(\.row) == [12])
        #expect(e?.errors.first?.message.hasPrefix("Предмет «Физкультура» не распознан") == true)
    }

    @Test func perSchoolSummaryMergedHeader() throws {
        let rows: [[String]] = [
            ["Результаты ЕГЭ-2025 по общеобразовательным организациям"],
            ["Муниципалитет", "ОО", "Профиль", "Всего выпускников", "Русский язык", "", "", "", "", "Химия", "", "", "", ""],
            ["", "", "", "", "приняли участие", "не преодолели минимальный порог", "высокобалльники 80–99", "100 баллов", "средний балл",
             "приняли участие", "не преодолели минимальный порог", "высокобалльники 80–99", "100 баллов", "средний балл"],
            ["Всего по краю", "", "", "30000", "29000", "100", "3000", "50", "70,1", "5000", "400", "300", "5", "56,2"],
            ["Армавир", "МБОУ СОШ № 6", "", "50", "48", "0", "10", "1", "74,5", "6", "1", "1", "0", "60"],
            ["", "МБОУ СОШ № 11(edu233011)", "", "20", "20", "1", "2", "0", "66", "", "", "", "", ""],
            ["Всего по Армавиру", "", "", "70", "68", "1", "13", "1", "72,1", "6", "1", "1", "0", "60"],
        ]
        let data = try F.workbook([("Лист1", rows)])
        #expect(ResultImport.detect(data: data, fileName: "s.xlsx") == .giaSummary)
        let f = try ResultImport.readEGE(data: data, fileName: "s.xlsx", defaultYear: nil)
        #expect(f.rows == [
            EGERow(row: 5, school: .label("МБОУ СОШ № 6"), year: 2025, subject: "chemistry", participants: 6, average: "60",
                   belowMinimum: 1, highScorers: 1),
            EGERow(row: 5, school: .label("МБОУ СОШ № 6"), year: 2025, subject: "russian", participants: 48, average: "74.5",
                   belowMinimum: 0, highScorers: 11),
            EGERow(row: 6, school: .login("233011"), year: 2025, subject: "russian", participants: 20, average: "66",
                   belowMinimum: 1, highScorers: 2),
        ])
    }
}
