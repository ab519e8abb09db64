import Foundation
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One worksheet read from an .xlsx file: `rows[i]` is Excel row `i + 1`.
public struct XLSXSheet: Sendable, Equatable {
    public var name: String
    public var rows: [[String]]
}

/// Reads .xlsx workbooks (Office Open XML) into text cells, within `XLSXLimits`.
public final class XLSXReader {
    /// Names of the worksheets in workbook order.
    public let sheetNames: [String]
    private let parts: XLSXPartReader
    private let cellBudget: ReadBudget
    private let sheetPaths: [String]
    private let hidden: [Bool]
    private let sharedStrings: [String]
    private let formats: CellFormats

    public init(data: Data, limits: XLSXLimits = .standard) throws(ImportFailure) {
        if data.starts(with: FileMagic.oldExcel) { throw FileMagic.oldExcelFailure }
        guard data.starts(with: FileMagic.zip), let archive = try? Archive(data: data, accessMode: .read, pathEncoding: nil) else {
            throw ImportFailure(file: "Файл не является таблицей Excel (.xlsx): его не удаётся открыть как архив .xlsx. Откройте таблицу в Excel, сохраните как .xlsx и загрузите снова.")
        }
        let parts = XLSXPartReader(archive, byteLimit: limits.bytes)
        self.parts = parts
        cellBudget = ReadBudget(limit: limits.cells)
        guard let workbookData = try parts.data("xl/workbook.xml") else {
            if let mime = try parts.data("mimetype"), String(decoding: mime, as: UTF8.self).contains("opendocument") {
                throw ImportFailure(file: "Файл в формате OpenDocument (.ods). Сохраните его как .xlsx или CSV и загрузите снова.")
            }
            throw ImportFailure(file: "Это архив, но не таблица Excel: в нём нет книги xl/workbook.xml. Сохраните таблицу как .xlsx или CSV и загрузите снова.")
        }
        let workbook = WorkbookHandler()
        try parseXML(workbookData, part: "xl/workbook.xml", with: workbook)
        let rels = RelationshipsHandler()
        if let relsData = try parts.data("xl/_rels/workbook.xml.rels") {
            try parseXML(relsData, part: "xl/_rels/workbook.xml.rels", with: rels)
        }
        sheetNames = workbook.sheets.map(\.name)
        hidden = workbook.sheets.map(\.hidden)
        sheetPaths = workbook.sheets.enumerated().map { i, sheet in
            rels.targets[sheet.relationID].map { Self.resolve($0.target) } ?? "xl/worksheets/sheet\(i + 1).xml"
        }
        let sharedPath = rels.targets.values.first { $0.type.hasSuffix("/sharedStrings") }.map { Self.resolve($0.target) }
        let strings = SharedStringsHandler()
        if let data = try parts.data(sharedPath ?? "xl/sharedStrings.xml") {
            try parseXML(data, part: "xl/sharedStrings.xml", with: strings)
        }
        sharedStrings = strings.strings
        let stylesPath = rels.targets.values.first { $0.type.hasSuffix("/styles") }.map { Self.resolve($0.target) }
        let styles = StylesHandler()
        if let data = try parts.data(stylesPath ?? "xl/styles.xml") {
            try parseXML(data, part: "xl/styles.xml", with: styles)
        }
        formats = CellFormats(styles, date1904: workbook.date1904)
    }

    /// The first visible worksheet (the first one when all are hidden).
    public func firstSheet() throws(ImportFailure) -> XLSXSheet {
        guard !sheetNames.isEmpty else { throw ImportFailure(file: "В книге Excel нет ни одного листа.") }
        return try sheet(at: hidden.firstIndex(of: false) ?? 0)
    }

    /// The worksheet with this name (compared ignoring case and surrounding spaces).
    public func sheet(named name: String) throws(ImportFailure) -> XLSXSheet {
        let key = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard let i = sheetNames.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).lowercased() == key }) else {
            throw ImportFailure(file: "В книге нет листа «\(name)». Листы в файле: " + sheetNames.map { "«\($0)»" }.joined(separator: ", ") + ".")
        }
        return try sheet(at: i)
    }

    public func allSheets() throws(ImportFailure) -> [XLSXSheet] {
        var out: [XLSXSheet] = []
        for i in sheetNames.indices { out.append(try sheet(at: i)) }
        return out
    }

    public func sheet(at index: Int) throws(ImportFailure) -> XLSXSheet {
        guard sheetNames.indices.contains(index) else { throw ImportFailure(file: "В книге нет листа номер \(index + 1).") }
        let name = sheetNames[index]
        guard let data = try parts.data(sheetPaths[index]) else {
            throw ImportFailure(file: "Файл Excel повреждён: нет данных листа «\(name)». Сохраните файл заново как .xlsx.")
        }
        let key = sheetPaths[index].lowercased()
        let handler = SheetHandler(sharedStrings: sharedStrings, formats: formats, cellLimit: cellBudget.allowance(for: key))
        try parseXML(data, part: "лист «\(name)»", with: handler)
        cellBudget.charge(key, handler.cells)
        var rows = handler.rows
        while let last = rows.last, last.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { rows.removeLast() }
        return XLSXSheet(name: name, rows: rows)
    }

    /// Convenience: all rows of the first visible sheet.
    public static func read(_ data: Data, sheet: String? = nil, limits: XLSXLimits = .standard) throws(ImportFailure) -> [[String]] {
        let reader = try XLSXReader(data: data, limits: limits)
        if let sheet { return try reader.sheet(named: sheet).rows }
        return try reader.firstSheet().rows
    }

    /// A relationship target (relative to xl/ or absolute from the root) → entry path.
    static func resolve(_ target: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = ["xl"]
        for p in target.split(separator: "/") {
            if p == ".." { if !parts.isEmpty { parts.removeLast() } } else if p != "." { parts.append(String(p)) }
        }
        return parts.joined(separator: "/")
    }

    /// The bytes of one entry of a zip held in `data` (nil when absent), within the standard limits.
    static func entry(_ path: String, in data: Data) throws(ImportFailure) -> Data? {
        guard let archive = try? Archive(data: data, accessMode: .read, pathEncoding: nil) else { return nil }
        return try XLSXPartReader(archive, byteLimit: XLSXLimits.standard.bytes).data(path)
    }
}

/// Signatures that tell file formats apart.
public enum FileMagic {
    public static let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    public static let oldExcel: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0]
    static var oldExcelFailure: ImportFailure {
        ImportFailure(file: "Файл в старом формате Excel (.xls). Сохраните его как .xlsx или CSV и загрузите снова.")
    }
}
