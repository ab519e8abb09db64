import Foundation
import Testing
import Domain
@testable import Importing

@Suite struct SchoolImportTests {
    let header = ["Код школы", "Полное наименование", "Краткое наименование", "Логин ФИС ОКО", "Код ОО (РИС ГИА)", "Год", "ШНОР", "500+", "Приказ о статусе"]

    func csv(_ rows: [[String]]) -> Data { CSVWriter.write(rows) }

    @Test func templateParsesInBothFormats() throws {
        let template = SchoolImport.template()
        #expect(template[0].first == "Код школы")
        #expect(template.allSatisfy { $0.count == SchoolImport.columns.count })
        let fromCSV = try SchoolImport.read(data: CSVWriter.write(template), fileName: "schools.csv")
        let fromXLSX = try SchoolImport.read(data: XLSXWriter.write(template), fileName: "schools.xlsx")
        #expect(fromCSV == fromXLSX)
        #expect(fromCSV.count == 2)
        let first = fromCSV[0]
        #expect(first.row == 2)
        #expect(first.draft.shortName == "МБОУ СОШ № 6")
        #expect(first.draft.fisOkoLogin == "233006")
        #expect(first.municipalityCode == "armavir")
        let status = try #require(first.status)
        #expect(status.year == 2024)
        #expect(status.lowResults && status.program500 && !status.difficultConditions && !status.objectivityRisk)
        #expect(status.orderNumber == "145")
        #expect(status.orderDate.map(RuFormat.isoDate) == "2024-09-02")
        #expect(fromCSV[1].status == nil)
    }

    @Test func invalidLoginNamesRowAndColumn() {
        let rows = [header, ["23-1", "Средняя школа № 1", "СОШ № 1", "edu23", "", "", "", "", ""]]
        let f = #expect(throws: ImportFailure.self) { try SchoolImport.read(data: csv(rows), fileName: "s.csv") }
        #expect(f?.errors == [ImportError(row: 2, column: "Логин ФИС ОКО", message: "Логин ФИС ОКО — «edu» или «sch» и 6 цифр, например edu233001.")])
    }

    @Test func duplicatesNameTheFirstRow() {
        let rows = [header,
                    ["23-1", "Средняя школа № 1", "СОШ № 1", "edu233001", "9301", "", "", "", ""],
                    ["23-2", "Средняя школа № 2", "СОШ № 2", "sch233001", "9302", "", "", "", ""],
                    ["23-1", "Средняя школа № 3", "СОШ № 3", "edu233003", "9301", "", "", "", ""]]
        let f = #expect(throws: ImportFailure.self) { try SchoolImport.parse(rows: rows) }
        let errors = f?.errors ?? []
        #expect(errors.count == 3)
        #expect(errors.contains { $0.row == 3 && $0.column == "Логин ФИС ОКО" && $0.message.contains("строке 2") })
        #expect(errors.contains { $0.row == 4 && $0.column == "Код школы" && $0.message.contains("«23-1» уже встречался в строке 2") })
        #expect(errors.contains { $0.row == 4 && $0.column == "Код ОО (РИС ГИА)" && $0.message.contains("строке 2") })
    }

    @Test func badBooleanAndYearRequiredForFlags() {
        let rows = [header,
                    ["23-1", "Средняя школа № 1", "СОШ № 1", "", "", "2024", "наверное", "", ""],
                    ["23-2", "Средняя школа № 2", "СОШ № 2", "", "", "", "да", "", ""],
                    ["23-3", "Средняя школа № 3", "СОШ № 3", "", "", "двадцать", "", "x", ""]]
        let f = #expect(throws: ImportFailure.self) { try SchoolImport.parse(rows: rows) }
        let errors = f?.errors ?? []
        #expect(errors.map(\.row) == [2, 3, 4])
        #expect(errors[0].column == "ШНОР" && errors[0].message.contains("«наверное»"))
        #expect(errors[1].column == "Год" && errors[1].message.hasPrefix("Укажите год"))
        #expect(errors[2].column == "Год" && errors[2].message.contains("«двадцать»"))
    }

    @Test func allOrNothing() {
        let rows = [header,
                    ["23-1", "Средняя школа № 1", "СОШ № 1", "edu233001", "", "", "", "", ""],
                    ["23 2", "Шк", "", "", "12a", "", "", "", ""]]
        let f = #expect(throws: ImportFailure.self) { try SchoolImport.parse(rows: rows) }
        let errors = f?.errors ?? []
        #expect(errors.allSatisfy { $0.row == 3 })
        #expect(Set(errors.map(\.column)) == ["Код школы", "Полное наименование", "Краткое наименование", "Код ОО (РИС ГИА)"])
    }

    @Test func missingCodeColumn() throws {
        let rows = [["Код", "Полное наименование", "Краткое наименование"], ["1", "Школа номер 1", "СОШ 1"]]
        #expect(try SchoolImport.parse(rows: rows).map(\.draft.code) == ["1"])   // «Код» is an alias
        let rows2 = [["Полное наименование", "Краткое наименование"], ["Школа номер 1", "СОШ 1"]]
        let g = #expect(throws: ImportFailure.self) { try SchoolImport.parse(rows: rows2) }
        #expect(g?.errors.first?.message.contains("нет обязательного столбца «Код школы»") == true)
        #expect(g?.errors.first?.message.contains("найдены столбцы: «Полное наименование», «Краткое наименование»") == true)
    }
}
