import Domain
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads one worksheet part into rows, placing every cell by its reference
/// (`C5` → row 5, column 3) so skipped cells and rows stay empty. Rows and columns
/// beyond Excel's sheet stop the parse with a message, and the cells the table
/// expands to (empty ones between filled ones included) stay within `cellLimit`.
final class SheetHandler: NSObject, XMLParserDelegate, FailingHandler {
    private(set) var rows: [[String]] = []
    private(set) var failure: ImportFailure?
    /// Cells and rows allocated so far: what this sheet costs against the limit.
    private(set) var cells = 0
    private let shared: [String]
    private let formats: CellFormats
    private let cellLimit: Int

    private var rowIndex = 0          // 0-based index of the current row
    private var colIndex = -1         // 0-based index of the current cell
    private var cellType = ""
    private var cellStyle: Int?
    private var value = ""
    private var inlineText = ""
    private var capture: Capture = .none
    private var inInline = false
    private var phoneticDepth = 0

    private enum Capture { case none, value, inline }

    init(sharedStrings: [String], formats: CellFormats, cellLimit: Int = XLSXLimits.standard.cells) {
        self.shared = sharedStrings
        self.formats = formats
        self.cellLimit = cellLimit
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard failure == nil else { return }
        switch localName(elementName) {
        case "row":
            if let r = attribute(attributeDict, "r"), !r.isEmpty, r.unicodeScalars.allSatisfy({ (48...57).contains($0.value) }) {
                guard let n = Int(r), n <= CellReference.maxRows else { return fail(parser, SheetMessages.rowOutside(r)) }
                if n >= 1 { rowIndex = n - 1 }
            }
            colIndex = -1
        case "c":
            switch attribute(attributeDict, "r").map(CellReference.locate) ?? .malformed {
            case .cell(let column, let row): colIndex = column; rowIndex = row
            case .outside: return fail(parser, SheetMessages.cellOutside(attribute(attributeDict, "r") ?? ""))
            case .malformed: colIndex += 1
            }
            cellType = attribute(attributeDict, "t") ?? "n"
            cellStyle = attribute(attributeDict, "s").flatMap { Int($0) }
            value = ""
            inlineText = ""
        case "v": capture = .value
        case "is": inInline = true
        case "rPh": phoneticDepth += 1
        case "t" where inInline && phoneticDepth == 0: capture = .inline
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard failure == nil else { return }
        switch localName(elementName) {
        case "row": rowIndex += 1
        case "c": store(render(), parser)
        case "v", "t": capture = .none
        case "is": inInline = false
        case "rPh": phoneticDepth -= 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        switch capture {
        case .value: value += string
        case .inline: inlineText += string
        case .none: break
        }
    }

    private func fail(_ parser: XMLParser, _ message: String) {
        failure = ImportFailure(file: message)
        parser.abortParsing()
    }

    private func render() -> String {
        switch cellType {
        case "s": return Int(value.trimmingCharacters(in: .whitespaces)).flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? ""
        case "inlineStr": return inlineText
        case "str", "e": return value
        case "b": return value.trimmingCharacters(in: .whitespaces) == "1" ? "ИСТИНА" : (value.isEmpty ? "" : "ЛОЖЬ")
        case "d": return CellText.isoDate(value)
        default:
            if value.isEmpty { return "" }
            switch formats.display(style: cellStyle) {
            case .number: return CellText.number(value)
            case .percent: return CellText.percent(value)
            case .date: return CellText.date(value, date1904: formats.date1904, timeOnly: false)
            case .time: return CellText.date(value, date1904: formats.date1904, timeOnly: true)
            }
        }
    }

    private func store(_ text: String, _ parser: XMLParser) {
        guard !text.isEmpty, colIndex >= 0 else { return }
        // Cells without references count on from the last one: they may run off the sheet too.
        guard rowIndex < CellReference.maxRows else { return fail(parser, SheetMessages.rowOutside(String(rowIndex + 1))) }
        guard colIndex < CellReference.maxColumns else { return fail(parser, SheetMessages.tooManyColumns(row: rowIndex + 1)) }
        let newRows = max(0, rowIndex + 1 - rows.count)
        let newCells = max(0, colIndex + 1 - (rowIndex < rows.count ? rows[rowIndex].count : 0))
        guard cells + newRows + newCells <= cellLimit else { return fail(parser, SheetMessages.tooManyCells(cellLimit)) }
        cells += newRows + newCells
        if newRows > 0 { rows.append(contentsOf: Array(repeating: [], count: newRows)) }
        if newCells > 0 { rows[rowIndex].append(contentsOf: Array(repeating: "", count: newCells)) }
        rows[rowIndex][colIndex] = text
    }
}

/// Russian messages about sheets that do not fit Excel's limits.
enum SheetMessages {
    static func rowOutside(_ r: String) -> String {
        "Строка \(shortened(r)) за пределами листа Excel (не больше 1 048 576 строк). Файл повреждён или собран не Excel: откройте его в Excel, сохраните заново как .xlsx и загрузите снова."
    }

    static func cellOutside(_ ref: String) -> String {
        "Ячейка \(shortened(ref)) за пределами листа Excel (не больше 16 384 столбцов, до XFD, и 1 048 576 строк). Файл повреждён или собран не Excel: откройте его в Excel, сохраните заново как .xlsx и загрузите снова."
    }

    static func tooManyColumns(row: Int) -> String {
        "Строка \(row): ячеек больше, чем столбцов в листе Excel (16 384). Файл повреждён или собран не Excel: откройте его в Excel, сохраните заново как .xlsx и загрузите снова."
    }

    static func tooManyCells(_ limit: Int) -> String {
        "Таблица слишком большая: вместе с пустыми ячейками между заполненными в ней больше \(RuFormat.integer(limit)) ячеек. Удалите лишние строки и столбцы или разделите таблицу на несколько файлов."
    }

    /// A hostile reference may be megabytes long; the message quotes its start.
    static func shortened(_ s: String) -> String {
        s.count > 24 ? String(s.prefix(24)) + "…" : s
    }
}
