import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads one worksheet part into rows, placing every cell by its reference
/// (`C5` → row 5, column 3) so skipped cells and rows stay empty.
final class SheetHandler: NSObject, XMLParserDelegate {
    private(set) var rows: [[String]] = []
    private let shared: [String]
    private let formats: CellFormats

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

    init(sharedStrings: [String], formats: CellFormats) {
        self.shared = sharedStrings
        self.formats = formats
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch localName(elementName) {
        case "row":
            if let r = attribute(attributeDict, "r").flatMap({ Int($0) }), r >= 1 { rowIndex = r - 1 }
            colIndex = -1
        case "c":
            if let ref = attribute(attributeDict, "r"), let cell = CellReference.parse(ref) {
                colIndex = cell.column
                rowIndex = cell.row
            } else {
                colIndex += 1
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
        switch localName(elementName) {
        case "row": rowIndex += 1
        case "c": store(render())
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

    private func store(_ text: String) {
        guard !text.isEmpty, colIndex >= 0 else { return }
        if rows.count <= rowIndex { rows.append(contentsOf: Array(repeating: [], count: rowIndex - rows.count + 1)) }
        if rows[rowIndex].count <= colIndex {
            rows[rowIndex].append(contentsOf: Array(repeating: "", count: colIndex - rows[rowIndex].count + 1))
        }
        rows[rowIndex][colIndex] = text
    }
}

/// A1-style cell references.
public enum CellReference {
    /// "C5" → (column 2, row 4), both 0-based; nil when malformed.
    public static func parse(_ ref: String) -> (column: Int, row: Int)? {
        var col = 0, row = 0, letters = 0, digits = 0
        for ch in ref.uppercased().unicodeScalars {
            if ch.value >= 65 && ch.value <= 90, digits == 0 {
                col = col * 26 + Int(ch.value - 64); letters += 1
            } else if ch.value >= 48 && ch.value <= 57 {
                row = row * 10 + Int(ch.value - 48); digits += 1
            } else if ch != "$" {
                return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, row > 0 else { return nil }
        return (col - 1, row - 1)
    }

    /// 0-based column index → letters: 0 → "A", 27 → "AB".
    public static func columnLetters(_ index: Int) -> String {
        var n = index + 1
        var out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }
}
