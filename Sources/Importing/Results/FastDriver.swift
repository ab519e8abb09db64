import Foundation

/// Runs `FastCSVScanner` over a simple-format file: finds the header among the
/// first 20 rows (as `Table` does), then hands every non-blank record to `record`.
enum FastDriver {
    enum Source {
        case file(URL)
        case data(Data)
    }

    enum Outcome {
        /// The header is not the expected simple format (the caller may use the general path).
        case notThisFormat
        case done(FastCells)
    }

    /// `accept` checks the rows up to the header (e.g. that the layout is the simple ВПР).
    /// `strict`: a missing header throws (else the caller falls back to the general path).
    static func run(_ source: Source, specs: [ColumnSpec], strict: Bool, hasDefaultYear: Bool, accept: ([[String]]) -> Bool,
                    record: (FastCells, FastCSVRow) throws(ImportFailure) -> Void) throws(ImportFailure) -> Outcome {
        var scanner = FastCSVScanner()
        var prefix: [[String]] = [], cells: FastCells?, rejected = false, dataRows = 0
        let required = specs.filter(\.required)
        let body = { (row: inout FastCSVRow) throws(ImportFailure) -> Bool in
            guard let c = cells else {
                let strings = row.strings
                prefix.append(strings)
                let mapped = HeaderFinder.map(strings, specs)
                if !mapped.isEmpty && required.allSatisfy({ mapped[$0.key] != nil }) {
                    guard accept(prefix) else { rejected = true; return false }
                    let match = try HeaderFinder.find(in: prefix, columns: specs)
                    if match.columns["year"] == nil && !hasDefaultYear {
                        throw ImportFailure(file: "В файле нет столбца «Год». Добавьте столбец «Год» (например 2025) или выберите год при загрузке.")
                    }
                    cells = FastCells(specs: specs, match: match)
                    return true
                }
                return prefix.count < HeaderFinder.searchDepth
            }
            if c.isEmpty(row) { return true }
            dataRows += 1
            try record(c, row)
            let full = c.errors.count >= FastCells.limit
            if full { c.errors.append(.file(ResultMessages.tooManyErrors)) }
            return !full
        }
        switch source {
        case .file(let url): try scanner.scan(fileURL: url, body)
        case .data(let data): try scanner.scan(data: data, body)
        }
        guard !rejected, let cells else {
            if rejected || !strict { return .notThisFormat }
            if prefix.allSatisfy({ $0.allSatisfy(\.isEmpty) }) { throw ImportFailure(file: ImportFile.emptyMessage) }
            _ = try HeaderFinder.find(in: prefix, columns: specs)   // throws the «header not found» message
            return .notThisFormat
        }
        if dataRows == 0 && cells.errors.isEmpty {
            if prefix.filter({ $0.contains { !$0.isEmpty } }).count == 1 { throw ImportFailure(file: ImportFile.headerOnlyMessage) }
            throw ImportFailure(file: "В файле есть строка заголовка (строка \(cells.match.row + 1)), но под ней нет ни одной строки с данными. Заполните строки под заголовком и загрузите снова.")
        }
        if !cells.errors.isEmpty { throw ImportFailure(cells.errors) }
        return .done(cells)
    }

    /// Whether `data` is a text file the fast path may read (not .xlsx / .xls / UTF-16).
    static func isPlainText(_ data: Data) -> Bool {
        !data.isEmpty && !data.starts(with: FileMagic.zip) && !data.starts(with: FileMagic.oldExcel)
            && !data.starts(with: [0xFF, 0xFE]) && !data.starts(with: [0xFE, 0xFF]) && !data.prefix(4096).contains(0)
    }

    /// Rethrows an error of the caller's row handler as an import failure.
    static func wrap(_ error: any Error) -> ImportFailure {
        (error as? ImportFailure) ?? ImportFailure(file: "Загрузка прервана: \(error.localizedDescription)")
    }
}
