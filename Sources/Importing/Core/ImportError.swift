import Foundation

/// One problem found in an uploaded file. `row` is the row number the user sees
/// in Excel (1-based; 0 means the file as a whole), `column` the header text as
/// written in the file (or the expected column's Russian title; empty for
/// file-level problems). `message` is Russian and says what to fix.
public struct ImportError: Error, Sendable, Equatable, Hashable, Codable {
    public var row: Int
    public var column: String
    public var message: String

    public init(row: Int, column: String, message: String) {
        self.row = row
        self.column = column
        self.message = message
    }

    /// A problem with the file as a whole (wrong format, no header…).
    public static func file(_ message: String) -> ImportError {
        ImportError(row: 0, column: "", message: message)
    }

    /// «Строка 5, столбец «Логин ФИС ОКО»: …»
    public var text: String {
        var prefix = ""
        if row > 0 { prefix += "Строка \(row)" }
        if !column.isEmpty { prefix += (prefix.isEmpty ? "Столбец" : ", столбец") + " «\(column)»" }
        return prefix.isEmpty ? message : prefix + ": " + message
    }
}

/// The failure of an import: every problem found, never a partial result.
public struct ImportFailure: Error, Sendable, Equatable, LocalizedError {
    public var errors: [ImportError]

    public init(_ errors: [ImportError]) { self.errors = errors }

    /// A failure of the file as a whole.
    public init(file message: String) { self.errors = [.file(message)] }

    public var errorDescription: String? { errors.map(\.text).joined(separator: "\n") }
}

/// A problem with one cell value, before the row and column are known.
public struct CellError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
