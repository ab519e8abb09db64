import Foundation

/// Reads typed values from one record, collecting Russian errors tied to the
/// row and column instead of stopping at the first one.
public struct RowReader {
    public let table: Table
    public let record: Record
    public private(set) var errors: [ImportError] = []

    public init(table: Table, record: Record) {
        self.table = table
        self.record = record
    }

    public var row: Int { record.row }

    public func text(_ key: String) -> String { record[key] }

    public func optionalText(_ key: String) -> String? {
        let v = record[key]
        return v.isEmpty ? nil : v
    }

    public mutating func fail(_ key: String, _ message: String) {
        errors.append(table.error(record, key, message))
    }

    public mutating func boolean(_ key: String) -> Bool? { parse(key, CellParser.boolean) }
    public mutating func integer(_ key: String) -> Int? { parse(key, CellParser.integer) }
    public mutating func decimal(_ key: String) -> Double? { parse(key, CellParser.decimal) }
    public mutating func percent(_ key: String) -> Double? { parse(key, CellParser.percent) }

    private mutating func parse<T>(_ key: String, _ parser: (String) throws(CellError) -> T?) -> T? {
        do {
            return try parser(record[key])
        } catch {
            fail(key, error.message)
            return nil
        }
    }
}
