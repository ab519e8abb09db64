import Foundation
import Testing
import Domain
@testable import Importing

@Suite struct StaffImportTests {
    @Test func templateParses() throws {
        let template = StaffImport.template()
        let rows = try StaffImport.read(data: XLSXWriter.write(template), fileName: "staff.xlsx")
        #expect(rows.count == 2)
        #expect(rows[0].draft.fullName == "Иванова Мария Петровна")
        #expect(rows[0].draft.functions == [.teacher, .mentor])
        #expect(rows[0].draft.subjects == ["Русский язык", "Литература"])
        #expect(rows[0].draft.category == .highest)
        #expect(rows[0].schoolCode == "23-ARM-006")
        #expect(rows[1].schoolCode == nil)
        #expect(rows[1].draft.functions == [.centerSpecialist, .curator])
        #expect(rows[1].draft.category == .first)
    }

    @Test func singleFIOColumnAndDefaultRole() throws {
        let text = "Табельный номер,ФИО,Предметы,Код школы,Углубленное\r\n"
            + "T-1,Алиев Руслан Магомед оглы,Математика,23-1,да\r\n"
            + "T-2,  Петрова   Анна  ,\"Физика, Астрономия\",,\r\n"
        let rows = try StaffImport.read(data: CP1251.encode(text), fileName: "staff.csv")
        #expect(rows.count == 2)
        #expect(rows[0].draft.lastName == "Алиев")
        #expect(rows[0].draft.firstName == "Руслан")
        #expect(rows[0].draft.middleName == "Магомед оглы")
        #expect(rows[0].draft.functions == [.teacher])
        #expect(rows[0].draft.advancedLevel)
        #expect(rows[1].draft.middleName == "")
        #expect(rows[1].draft.subjects == ["Физика", "Астрономия"])
        #expect(rows[1].schoolCode == nil)
    }

    @Test func fioErrorsPointAtFIOColumn() {
        let rows = [["Код сотрудника", "ФИО", "Роли"], ["T-1", "Иванов", "наставник"]]
        let f = #expect(throws: ImportFailure.self) { try StaffImport.parse(rows: rows) }
        #expect(f?.errors == [ImportError(row: 2, column: "ФИО", message: "Укажите имя.")])
    }

    @Test func noNameColumns() {
        let rows = [["Код сотрудника", "Фамилия", "Должность"], ["T-1", "Иванов", "учитель"]]
        let f = #expect(throws: ImportFailure.self) { try StaffImport.parse(rows: rows) }
        #expect(f?.errors.first?.message.contains("«ФИО»") == true)
    }

    @Test func badValuesAndDuplicateCode() {
        let rows = [
            ["Код сотрудника", "Фамилия", "Имя", "Роли", "Предметы", "Категория", "Углублённое обучение"],
            ["T-1", "Иванов", "Иван", "учитель", "Химия", "высшая", ""],
            ["T-2", "Петров", "Пётр", "учитель, волшебник", "Химия", "вторая", "может быть"],
            ["T-1", "Сидоров", "Олег", "наставник", "", "", "нет"],
        ]
        let f = #expect(throws: ImportFailure.self) { try StaffImport.parse(rows: rows) }
        let errors = f?.errors ?? []
        #expect(errors.count == 4)
        #expect(errors.contains { $0.row == 3 && $0.column == "Роли" && $0.message.contains("«волшебник»") })
        #expect(errors.contains { $0.row == 3 && $0.column == "Категория" && $0.message.contains("«вторая»") })
        #expect(errors.contains { $0.row == 3 && $0.column == "Углублённое обучение" && $0.message.contains("«может быть»") })
        #expect(errors.contains { $0.row == 4 && $0.column == "Код сотрудника" && $0.message.contains("строке 2") })
    }

    @Test func emptyRolesCellIsAnError() {
        let rows = [["Код сотрудника", "Фамилия", "Имя", "Роли"], ["T-1", "Иванов", "Иван", ""]]
        let f = #expect(throws: ImportFailure.self) { try StaffImport.parse(rows: rows) }
        #expect(f?.errors.first?.column == "Роли")
    }
}
