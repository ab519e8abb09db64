import Foundation

/// Reads an uploaded table (.xlsx or CSV) into rows of text cells.
public enum ImportFile {
    static let emptyMessage = "Файл пустой: в нём нет ни одной строки. Заполните таблицу по образцу (шаблон можно скачать на этой странице) и загрузите снова."
    static let headerOnlyMessage = "В файле только одна строка (заголовок) и нет строк с данными. Добавьте строки под заголовком и загрузите снова."

    /// Chooses the format by content (zip signature → .xlsx, otherwise text),
    /// not by the file name. `sheet` picks an .xlsx sheet by name (default: the first).
    public static func read(data: Data, fileName: String, sheet: String? = nil) throws(ImportFailure) -> [[String]] {
        guard !data.isEmpty else { throw ImportFailure(file: emptyMessage) }
        let rows: [[String]]
        if data.starts(with: FileMagic.zip) {
            rows = try XLSXReader.read(data, sheet: sheet)
        } else if data.starts(with: FileMagic.oldExcel) {
            throw FileMagic.oldExcelFailure
        } else if fileName.lowercased().hasSuffix(".xlsx") {
            throw ImportFailure(file: "Файл «\(fileName)» назван как .xlsx, но таблицей Excel не является (возможно, он повреждён или переименован). Откройте таблицу в Excel, сохраните как .xlsx и загрузите снова.")
        } else {
            rows = CSVReader.read(try TextDecoding.decode(data))
        }
        let filled = rows.filter { $0.contains { !$0.trimmed.isEmpty } }
        if filled.isEmpty { throw ImportFailure(file: emptyMessage) }
        if filled.count == 1 { throw ImportFailure(file: headerOnlyMessage) }
        return rows
    }
}
