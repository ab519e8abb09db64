import Foundation
import Domain

/// Remembers the first row where each value occurred, to report duplicates.
struct FirstSeen {
    private var rows: [String: Int] = [:]

    /// Returns the earlier row holding `value` (compared case-insensitively), or
    /// records this row and returns nil. Empty values are never duplicates.
    mutating func earlierRow(of value: String, row: Int) -> Int? {
        let key = value.lowercased()
        guard !key.isEmpty else { return nil }
        if let first = rows[key] { return first }
        rows[key] = row
        return nil
    }
}

extension RowReader {
    /// Adds Domain validation errors, naming each field by its column.
    mutating func add(_ fieldErrors: [FieldError]) {
        for e in fieldErrors { fail(e.field, e.message) }
    }
}

/// Order references written in one cell: «№ 123 от 01.09.2024».
enum OrderText {
    static func parse(_ text: String) -> (number: String, date: Date?) {
        let t = text.trimmed
        guard let range = t.range(of: " от ", options: .caseInsensitive) else { return (stripNumberSign(t), nil) }
        let datePart = t[range.upperBound...].trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: " г.", with: "").replacingOccurrences(of: "г.", with: "")
        guard let date = RuFormat.parseDate(datePart) else { return (stripNumberSign(t), nil) }
        return (stripNumberSign(String(t[..<range.lowerBound])), date)
    }

    static func stripNumberSign(_ s: String) -> String {
        var t = s.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("№") { t.removeFirst() }
        return t.trimmingCharacters(in: .whitespaces)
    }
}

/// Rows parsed all-or-nothing: the rows when there are no errors.
func allOrNothing<T>(_ rows: [T], _ errors: [ImportError]) throws(ImportFailure) -> [T] {
    if !errors.isEmpty { throw ImportFailure(errors) }
    return rows
}
