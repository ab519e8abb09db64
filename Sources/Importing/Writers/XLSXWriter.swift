import Foundation
import ZIPFoundation

/// A cell written to an .xlsx sheet.
public enum Cell: Sendable, Equatable {
    case text(String)
    /// A numeric cell. Without a format it shows the decimals the value has
    /// (up to 10), so Excel can sum and sort it either way.
    case number(Double, format: NumberFormat? = nil)
    /// A calendar day, its UTC date (as `RuFormat.parseDate` makes them), stored as an
    /// Excel day number with a date format.
    case date(Date)
}

/// Writes a minimal single-sheet .xlsx workbook (inline strings, numbers with
/// number formats, optional bold header row) that Excel and LibreOffice open.
public enum XLSXWriter {
    public struct WriteError: Error, Sendable { public var message: String }

    /// Writes text cells; when `detectNumbers` is set, cells holding a plain
    /// number (e.g. "25", "-3.5") become numeric cells.
    public static func write(_ rows: [[String]], sheetName: String = "Лист1", boldHeader: Bool = true,
                             detectNumbers: Bool = false) throws -> Data {
        let cells = rows.map { row in row.map { detectNumbers ? cell(guessing: $0) : .text($0) } }
        return try write(cells: cells, sheetName: sheetName, boldHeader: boldHeader)
    }

    public static func write(cells rows: [[Cell]], sheetName: String = "Лист1", boldHeader: Bool = true) throws -> Data {
        var styles = XLSXStyles()
        let sheet = sheetXML(rows, boldHeader: boldHeader, styles: &styles)
        let parts: [(String, String)] = [
            ("[Content_Types].xml", XLSXParts.contentTypes),
            ("_rels/.rels", XLSXParts.rootRels),
            ("xl/workbook.xml", XLSXParts.workbook(sheetName: safeSheetName(sheetName))),
            ("xl/_rels/workbook.xml.rels", XLSXParts.workbookRels),
            ("xl/styles.xml", styles.xml),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        return try zip(parts.map { ($0.0, Data($0.1.utf8)) })
    }

    /// A deflated zip archive of the given entries, in order.
    static func zip(_ entries: [(path: String, data: Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        for (path, data) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: Date(timeIntervalSince1970: 1_704_067_200),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
            }
        }
        guard let data = archive.data else { throw WriteError(message: "Не удалось собрать файл .xlsx.") }
        return data
    }

    /// A plain ASCII number ("25", "-3.50") becomes a number shown with the decimals
    /// it was written with; codes with leading zeros ("007") stay text.
    static func cell(guessing text: String) -> Cell {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t == text, !t.isEmpty, t.count <= 15, !(t.hasPrefix("0") && t.count > 1 && !t.hasPrefix("0.")),
              t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
              let x = Double(t), x.isFinite else { return .text(text) }
        let decimals = t.firstIndex(of: ".").map { t.distance(from: $0, to: t.endIndex) - 1 } ?? 0
        return .number(x, format: .decimals(decimals))
    }

    /// The sheet part; a throwaway style table (for fixtures that write no styles part).
    static func sheetXML(_ rows: [[Cell]], boldHeader: Bool) -> String {
        var styles = XLSXStyles()
        return sheetXML(rows, boldHeader: boldHeader, styles: &styles)
    }

    static func sheetXML(_ rows: [[Cell]], boldHeader: Bool, styles: inout XLSXStyles) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        let widths = columnWidths(rows)
        if !widths.isEmpty {
            xml += "<cols>"
            for (i, w) in widths.enumerated() { xml += #"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(w)" customWidth="1"/>"# }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (r, row) in rows.enumerated() {
            xml += #"<row r="\#(r + 1)">"#
            let bold = boldHeader && r == 0
            for (c, cell) in row.enumerated() {
                let ref = CellReference.columnLetters(c) + String(r + 1)
                switch XLSXCellValue(cell) {
                case .empty: continue
                case .text(let s):
                    let style = bold ? #" s="1""# : ""
                    xml += #"<c r="\#(ref)"\#(style) t="inlineStr"><is><t xml:space="preserve">\#(escape(s))</t></is></c>"#
                case .number(let v, let format):
                    xml += #"<c r="\#(ref)" s="\#(styles.index(bold: bold, format: format))"><v>\#(v)</v></c>"#
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    static func columnWidths(_ rows: [[Cell]]) -> [Int] {
        var widths: [Int] = []
        for row in rows.prefix(200) {
            for (i, cell) in row.enumerated() {
                let n: Int
                switch XLSXCellValue(cell) {
                case .empty: n = 0
                case .text(let s): n = s.split(separator: "\n").map(\.count).max() ?? 0
                case .number(let v, let format): n = format == .date ? 10 : max(v.count, format?.code.count ?? 0)
                }
                if widths.count <= i { widths.append(8) }
                widths[i] = min(60, max(widths[i], n + 2))
            }
        }
        return widths
    }

    /// XML text escaping; characters XML 1.0 forbids are dropped.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value >= 0x20 && u.value != 0xFFFE && u.value != 0xFFFF { out.unicodeScalars.append(u) }
            }
        }
        return out
    }

    /// Excel sheet names: at most 31 characters, none of []:*?/\.
    static func safeSheetName(_ name: String) -> String {
        let cleaned = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31)).trimmingCharacters(in: .whitespaces)
        return cleaned.isEmpty ? "Лист1" : cleaned
    }
}
