/// An Excel number format. Codes use Excel's invariant syntax ("0.000"); Excel
/// shows them in the reader's locale, so a Russian Excel prints «−0,008».
public struct NumberFormat: Sendable, Hashable {
    public let code: String
    /// Formats Excel predefines are referred to by id (14, the short date, follows
    /// the locale: дд.мм.гггг in Russian); custom ones get ids from 164 on.
    let builtinID: Int?

    public init(code: String) {
        self.code = code
        self.builtinID = nil
    }

    private init(code: String, builtinID: Int) {
        self.code = code
        self.builtinID = builtinID
    }

    /// Fixed decimals: 0 → "0", 1 → "0.0", 3 → "0.000".
    public static func decimals(_ n: Int) -> NumberFormat {
        let n = max(0, min(n, 15))
        return NumberFormat(code: n == 0 ? "0" : "0." + String(repeating: "0", count: n))
    }

    public static let date = NumberFormat(code: "dd.mm.yyyy", builtinID: 14)
}

/// The cell styles of one workbook, in first-use order. Style 0 is plain and 1 the
/// bold header, as before, so files and tests that name them stay valid.
struct XLSXStyles {
    private struct Key: Hashable { var bold: Bool; var format: NumberFormat? }
    private var keys: [Key] = [Key(bold: false, format: nil), Key(bold: true, format: nil)]
    private var indexByKey: [Key: Int] = [Key(bold: false, format: nil): 0, Key(bold: true, format: nil): 1]

    /// The style index of a cell; nil formats mean General (text cells).
    mutating func index(bold: Bool, format: NumberFormat?) -> Int {
        let key = Key(bold: bold, format: format)
        if let i = indexByKey[key] { return i }
        keys.append(key)
        indexByKey[key] = keys.count - 1
        return keys.count - 1
    }

    var xml: String {
        var customIDs: [NumberFormat: Int] = [:]
        var numFmts = ""
        for format in keys.compactMap(\.format) where format.builtinID == nil && customIDs[format] == nil {
            customIDs[format] = 164 + customIDs.count
            numFmts += #"<numFmt numFmtId="\#(customIDs[format]!)" formatCode="\#(XLSXWriter.escape(format.code))"/>"#
        }
        var xfs = ""
        for key in keys {
            let id = key.format.map { $0.builtinID ?? customIDs[$0]! } ?? 0
            let number = key.format == nil ? "" : #" applyNumberFormat="1""#
            xfs += key.bold
                ? #"<xf numFmtId="\#(id)" fontId="1" fillId="0" borderId="0" xfId="0"\#(number) applyFont="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>"#
                : #"<xf numFmtId="\#(id)" fontId="0" fillId="0" borderId="0" xfId="0"\#(number)/>"#
        }
        return XLSXParts.header
            + #"<styleSheet xmlns="\#(XLSXParts.mainNS)">"#
            + (customIDs.isEmpty ? "" : #"<numFmts count="\#(customIDs.count)">\#(numFmts)</numFmts>"#)
            + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
            + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
            + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
            + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
            + #"<cellXfs count="\#(keys.count)">\#(xfs)</cellXfs>"#
            + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
            + "</styleSheet>"
    }
}
