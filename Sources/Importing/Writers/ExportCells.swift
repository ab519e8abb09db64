import Domain
import Foundation

extension Cell {
    /// A page's export cell in a spreadsheet: a figure is a number with the page's
    /// decimals as its format, so Excel sums and sorts it; anything else is text.
    public init(_ cell: ExportCell) {
        if let x = cell.number { self = .number(x, format: .decimals(cell.places)) } else { self = .text(cell.text) }
    }
}

extension CSVWriter {
    /// Export cells as CSV: the page's texts, which `write` turns into numbers Excel reads.
    public static func write(export rows: [[ExportCell]], separator: Character = ";", bom: Bool = true) -> Data {
        write(rows.map { $0.map(\.text) }, separator: separator, bom: bom)
    }
}

extension XLSXWriter {
    public static func write(export rows: [[ExportCell]], sheetName: String = "Лист1", boldHeader: Bool = true) throws -> Data {
        try write(cells: rows.map { $0.map(Cell.init) }, sheetName: sheetName, boldHeader: boldHeader)
    }
}
