import Foundation

/// Locates the header row of a file and maps its cells onto column specs.
public enum HeaderFinder {
    public struct Match: Sendable, Equatable {
        /// 0-based index of the header row.
        public var row: Int
        public var columns: [String: Int]
        public var headers: [String: String]
    }

    public static let searchDepth = 20

    public static func find(in rows: [[String]], columns specs: [ColumnSpec]) throws(ImportFailure) -> Match {
        guard rows.contains(where: { $0.contains { !$0.trimmed.isEmpty } }) else {
            throw ImportFailure(file: ImportFile.emptyMessage)
        }
        let required = specs.filter(\.required)
        var best: (row: Int, found: Int)? = nil
        for (i, cells) in rows.prefix(searchDepth).enumerated() {
            let mapped = map(cells, specs)
            if required.allSatisfy({ mapped[$0.key] != nil }) && !mapped.isEmpty {
                return try match(row: i, cells: cells, specs: specs)
            }
            if mapped.count > (best?.found ?? 0) { best = (i, mapped.count) }
        }
        let row = best?.row ?? rows.firstIndex { $0.contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty } } ?? 0
        let mapped = map(rows[row], specs)
        let missing = required.filter { mapped[$0.key] == nil }.map { "«\($0.title)»" }
        let found = rows[row].map { $0.trimmed }.filter { !$0.isEmpty }.map { "«\($0)»" }
        var message = "Не найдена строка заголовка: нет " + (missing.count == 1 ? "обязательного столбца " : "обязательных столбцов ")
            + missing.joined(separator: ", ") + "."
        message += found.isEmpty ? "" : " В строке \(row + 1) найдены столбцы: " + found.prefix(30).joined(separator: ", ") + "."
        message += " Проверьте названия столбцов по образцу (шаблон можно скачать на этой странице)."
        throw ImportFailure(file: message)
    }

    /// key → column indexes of the cells that name it.
    static func map(_ cells: [String], _ specs: [ColumnSpec]) -> [String: [Int]] {
        var out: [String: [Int]] = [:]
        let names = specs.map { ($0.key, $0.names) }
        for (col, cell) in cells.enumerated() {
            let text = HeaderText.normalize(cell)
            guard !text.isEmpty, let key = names.first(where: { $0.1.contains(text) })?.0 else { continue }
            out[key, default: []].append(col)
        }
        return out
    }

    static func match(row: Int, cells: [String], specs: [ColumnSpec]) throws(ImportFailure) -> Match {
        var columns: [String: Int] = [:]
        var headers: [String: String] = [:]
        var errors: [ImportError] = []
        for (key, cols) in map(cells, specs).sorted(by: { $0.value[0] < $1.value[0] }) {
            let header = cells[cols[0]].trimmed
            if cols.count > 1 {
                let letters = cols.map(CellReference.columnLetters).joined(separator: ", ")
                let title = specs.first { $0.key == key }?.title ?? key
                errors.append(ImportError(row: row + 1, column: header,
                    message: "Столбец «\(title)» встречается несколько раз (столбцы \(letters)). Оставьте один такой столбец."))
            }
            columns[key] = cols[0]
            headers[key] = header
        }
        if !errors.isEmpty { throw ImportFailure(errors) }
        return Match(row: row, columns: columns, headers: headers)
    }
}
