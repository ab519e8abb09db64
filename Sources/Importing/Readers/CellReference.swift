/// A1-style cell references and the size of an Excel sheet.
public enum CellReference {
    /// The largest sheet Excel has (since 2007): rows 1…1 048 576, columns A…XFD.
    public static let maxRows = 1_048_576
    public static let maxColumns = 16_384

    /// Where a reference points: a cell on the sheet, a cell beyond Excel's sheet
    /// (only a hostile or broken file has those), or not a reference at all.
    enum Location: Equatable {
        case cell(column: Int, row: Int)
        case outside
        case malformed
    }

    /// "C5" → (column 2, row 4), both 0-based; nil when malformed or beyond the sheet.
    public static func parse(_ ref: String) -> (column: Int, row: Int)? {
        if case .cell(let column, let row) = locate(ref) { return (column, row) }
        return nil
    }

    static func locate(_ ref: String) -> Location {
        // Saturating: a reference of any length must not overflow, it is only "too far".
        let cap = 1 << 40
        var col = 0, row = 0, letters = 0, digits = 0
        for ch in ref.unicodeScalars {
            let v = ch.value
            if (65...90).contains(v) || (97...122).contains(v), digits == 0 {
                col = min(col * 26 + Int(v & 0xDF) - 64, cap); letters += 1
            } else if (48...57).contains(v) {
                row = min(row * 10 + Int(v - 48), cap); digits += 1
            } else if ch != "$" {
                return .malformed
            }
        }
        guard letters > 0, digits > 0, row > 0 else { return .malformed }
        guard col <= maxColumns, row <= maxRows else { return .outside }
        return .cell(column: col - 1, row: row - 1)
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
