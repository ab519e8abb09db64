import Foundation

/// One data row of a mapped table: the values of the recognised columns.
public struct Record: Sendable, Equatable {
    /// The row number as the user sees it in Excel (1-based).
    public let row: Int
    let values: [String: String]

    /// The trimmed value of column `key`, "" when the column is absent or empty.
    public subscript(key: String) -> String { values[key] ?? "" }
}

/// A file's rows mapped onto expected columns by their header.
public struct Table: Sendable {
    /// Row number (1-based) of the header row.
    public let headerRow: Int
    /// Column index (0-based) of every recognised column, by key.
    public let columnIndex: [String: Int]
    /// Header text as written in the file, by key.
    public let headers: [String: String]
    public let specs: [ColumnSpec]
    /// Non-blank rows under the header.
    public let records: [Record]

    /// Finds the header among the first 20 rows (the first row holding every
    /// required column) and maps the rows under it.
    public init(rows: [[String]], columns: [ColumnSpec]) throws(ImportFailure) {
        let match = try HeaderFinder.find(in: rows, columns: columns)
        headerRow = match.row + 1
        columnIndex = match.columns
        headers = match.headers
        specs = columns
        var records: [Record] = []
        for (i, cells) in rows.enumerated().dropFirst(match.row + 1) {
            var values: [String: String] = [:]
            for (key, col) in match.columns where col < cells.count {
                let v = cells[col].trimmed
                if !v.isEmpty { values[key] = v }
            }
            if !values.isEmpty { records.append(Record(row: i + 1, values: values)) }
        }
        guard !records.isEmpty else {
            throw ImportFailure(file: "В файле есть строка заголовка (строка \(match.row + 1)), но под ней нет ни одной строки с данными. Заполните строки под заголовком и загрузите снова.")
        }
        self.records = records
    }

    /// Whether the file has column `key`.
    public func has(_ key: String) -> Bool { columnIndex[key] != nil }

    /// The column's name for messages: the header as in the file, else the expected title.
    public func title(_ key: String) -> String {
        headers[key] ?? specs.first { $0.key == key }?.title ?? key
    }

    /// An error about one cell.
    public func error(_ record: Record, _ key: String, _ message: String) -> ImportError {
        ImportError(row: record.row, column: title(key), message: message)
    }
}
