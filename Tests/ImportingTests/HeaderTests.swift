import Testing
@testable import Importing

@Suite struct HeaderTests {
    let specs = [
        ColumnSpec("code", "Код школы", aliases: ["school_code"], required: true),
        ColumnSpec("name", "Краткое наименование", aliases: ["short_name"], required: true),
        ColumnSpec("note", "Примечание"),
    ]

    @Test func headerBelowTitleRowsAndAliases() throws {
        let rows = [["Реестр школ на 2024 год"], [], ["  КОД   школы* ", "Лишний", "SHORT_NAME"], ["1", "zzz", "СОШ 1"], ["", "только лишнее", ""], ["2", "", "СОШ 2"]]
        let table = try Table(rows: rows, columns: specs)
        #expect(table.headerRow == 3)
        #expect(table.columnIndex == ["code": 0, "name": 2])
        #expect(table.title("code") == "КОД   школы*")
        #expect(table.title("note") == "Примечание")
        #expect(table.records.map(\.row) == [4, 6])
        #expect(table.records[1]["name"] == "СОШ 2")
    }

    @Test func normalisation() {
        #expect(HeaderText.normalize(" Углублённое\u{00A0} \n обучение: ") == "углубленное обучение")
    }

    @Test func missingRequiredColumnListsWhatIsMissingAndFound() {
        let rows = [["Код", "Краткое наименование", "Адрес"], ["1", "СОШ", "ул."]]
        let f = #expect(throws: ImportFailure.self) { try Table(rows: rows, columns: specs) }
        let message = f?.errors.first?.message ?? ""
        #expect(message.contains("нет обязательного столбца «Код школы»"))
        #expect(message.contains("найдены столбцы: «Код», «Краткое наименование», «Адрес»"))
        #expect(f?.errors.first?.row == 0)
    }

    @Test func duplicateHeader() {
        let rows = [["Код школы", "Краткое наименование", "school_code"], ["1", "СОШ", "2"]]
        let f = #expect(throws: ImportFailure.self) { try Table(rows: rows, columns: specs) }
        #expect(f?.errors.first?.message.contains("встречается несколько раз (столбцы A, C)") == true)
        #expect(f?.errors.first?.row == 1)
    }

    @Test func headerWithoutData() {
        let rows = [["Код школы", "Краткое наименование"], ["", " "]]
        let f = #expect(throws: ImportFailure.self) { try Table(rows: rows, columns: specs) }
        #expect(f?.errors.first?.message.contains("нет ни одной строки с данными") == true)
    }
}
