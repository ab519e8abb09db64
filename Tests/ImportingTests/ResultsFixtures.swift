import Foundation
@testable import Importing

/// Fixtures shaped like the real ФИС ОКО and РИС ГИА files (RESULT-FILES.md).
enum ResultsFixtures {
    static func csv(_ rows: [[String]]) -> Data { CSVWriter.write(rows) }

    /// A workbook with several sheets (XLSXWriter writes one; this reuses its parts).
    static func workbook(_ sheets: [(String, [[String]])]) throws -> Data {
        let ns = XLSXParts.mainNS, rel = XLSXParts.relNS, pkg = XLSXParts.pkgRelNS
        var types = XLSXParts.header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        var book = XLSXParts.header + #"<workbook xmlns="\#(ns)" xmlns:r="\#(rel)"><sheets>"#
        var rels = XLSXParts.header + #"<Relationships xmlns="\#(pkg)">"#
        var parts: [(String, Data)] = []
        for (i, sheet) in sheets.enumerated() {
            let n = i + 1
            types += #"<Override PartName="/xl/worksheets/sheet\#(n).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
            book += #"<sheet name="\#(XLSXWriter.escape(sheet.0))" sheetId="\#(n)" r:id="rId\#(n)"/>"#
            rels += #"<Relationship Id="rId\#(n)" Type="\#(rel)/worksheet" Target="worksheets/sheet\#(n).xml"/>"#
            let cells = sheet.1.map { $0.map { XLSXWriter.cell(guessing: $0) } }
            parts.append(("xl/worksheets/sheet\(n).xml", Data(XLSXWriter.sheetXML(cells, boldHeader: false).utf8)))
        }
        types += "</Types>"
        book += "</sheets></workbook>"
        rels += "</Relationships>"
        return try XLSXWriter.zip([("[Content_Types].xml", Data(types.utf8)), ("_rels/.rels", Data(XLSXParts.rootRels.utf8)),
                                   ("xl/workbook.xml", Data(book.utf8)), ("xl/_rels/workbook.xml.rels", Data(rels.utf8))] + parts)
    }

    /// The header block of a ФИС ОКО report.
    static func fisOkoHead(_ title: String, _ work: String = "ВПР 2026 Русский язык 4 класс", subject: String = "Русский язык") -> [[String]] {
        [[title], [""], [work], ["Предмет:", subject], ["Максимальный первичный балл:", "24"], ["Дата:", "20.04.2026"], [""]]
    }

    /// «Статистика по отметкам» with the whole sample, region, municipality, two schools
    /// and a school whose shares need an adjusted rebuild (15/15/35/35 of 10 → 2+2+4+4 = 12).
    static func marksSheet(work: String = "ВПР 2026 Русский язык 4 класс") -> [[String]] {
        fisOkoHead("Статистика по отметкам", work) + [
            ["Группы участников", "Кол-во ОО", "Кол-во участников", "2", "3", "4", "5"],
            ["Вся выборка", "35589", "1722202", "5.06", "32.92", "44.33", "17.69"],
            ["Краснодарский край", "1021", "61240", "4.1", "30.2", "46.01", "19.69"],
            ["Армавир(reg23_m012)", "14", "1210", "3.2", "31.4", "45.6", "19.8"],
            ["МБОУ «СОШ № 6»(edu233006)", "", "89", "12.36", "52.81", "26.97", "7.87"],
            ["МБОУ «СОШ № 11»(sch233011)", "", "10", "15", "15", "35", "35"],
        ]
    }

    static func journalSheet() -> [[String]] {
        fisOkoHead("Сравнение отметок с отметками по журналу", "ВПР 2026 Математика 4 класс", subject: "Математика") + [
            ["Группы участников", "Кол-во участников(всего)",
             "Понизили (Отметка < Отметка по журналу) %", "Понизили (Отметка < Отметка по журналу) Кол-во участников",
             "Подтвердили (Отметка = Отметке по журналу) %", "Подтвердили (Отметка = Отметке по журналу) Кол-во участников",
             "Повысили (Отметка > Отметка по журналу) %", "Повысили (Отметка > Отметка по журналу) Кол-во участников"],
            ["Вся выборка", "1700000", "20.1", "341700", "70.2", "1193400", "9.7", "164900"],
            ["Краснодарский край", "60000", "18.5", "11100", "72", "43200", "9.5", "5700"],
            ["Армавир(reg23_m012)", "1200", "30", "360", "60", "720", "10", "120"],
            ["МБОУ «СОШ № 6»(edu233006)", "93", "55.91", "52", "39.78", "37", "4.3", "4"],
        ]
    }

    static func individualSheet() -> [[String]] {
        fisOkoHead("Индивидуальные результаты") + [
            ["", "", "", "", "", "", "Б", "Б", "П", ""],
            ["ОО", "Муниципалитет", "Название ОО", "Код участника", "Класс", "Вариант", "1 (2б)", "2 (1б)", "9.1 (1б)",
             "Первичный балл", "Отметка", "Отметка по журналу"],
            ["МБОУ «СОШ № 6»(edu233006)", "Кол-во участников: 3"],
            ["edu233006", "Армавир", "МБОУ «СОШ № 6»(edu233006)", "40001", "1", "1", "2", "1", "1", "4", "4", "5"],
            ["edu233006", "Армавир", "МБОУ «СОШ № 6»(edu233006)", "40002", "1", "2", "X", "Х", "1", "3", "2", "нет отметки"],
            ["edu233006", "Армавир", "МБОУ «СОШ № 6»(edu233006)", "40003", "2", "отсутствовал", "", "", "", "", "", "4"],
        ]
    }

    /// An ОГЭ protocol sheet with two blocks (Обществознание, Химия), spacer columns and «Средние».
    static func protocolSheet(ege: Bool = false) -> [[String]] {
        let header = ["№", "Код ОО", "Класс", "", "Код ППЭ", "", "Аудитория", "", "Код МСУ", "", "Фамилия", "", "Имя", "Отчество",
                      "Задания с кратким ответом", "", "", "Задания с развёрнутым ответом", "Первичный балл", "", ege ? "Тестовый балл" : "Оценка"]
        func p(_ n: Int, _ school: String, _ primary: Int, _ result: Int) -> [String] {
            ["\(n)", school, "9А", "", "1003", "", "109", "", "209", "", "Иванов", "", "Иван", "Иванович",
             "++++-+", "", "", "1(2)2(3)", "\(primary)", "", "\(result)"]
        }
        return [
            ["Протокол проверки результатов"], ["20 - Чеченская Республика"], ["12 - Обществознание 2026.07.03"], header,
            p(1, "9306", 27, ege ? 70 : 4), p(2, "9306", 12, ege ? 40 : 2), p(3, "9311", 30, ege ? 90 : 5),
            ["Средние", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "23", "", "3.7"],
            [""],
            ["Протокол проверки результатов"], ["20 - Чеченская Республика"], ["04 - Химия 2026.07.03"], header,
            p(1, "9306", 20, ege ? 81 : 5), p(2, "9306", 18, ege ? 61 : 3),
        ]
    }
}
