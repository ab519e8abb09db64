import Foundation

/// Writes rows as delimited text Excel opens directly: `;` separated, UTF-8
/// with a BOM, CRLF line ends, RFC 4180 quoting. Cells Excel would run as
/// formulas are written as text (see `neutralised`).
public enum CSVWriter {
    public static func write(_ rows: [[String]], separator: Character = ";", bom: Bool = true) -> Data {
        var text = ""
        for row in rows {
            text += row.map { quote(neutralised($0), separator) }.joined(separator: String(separator))
            text += "\r\n"
        }
        var data = bom ? Data([0xEF, 0xBB, 0xBF]) : Data()
        data.append(Data(text.utf8))
        return data
    }

    /// Characters that make Excel (and LibreOffice) treat a cell as a formula: a
    /// downloaded export must not run «=HYPERLINK(…)» or «@SUM(…)» from a school's name.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// A negative number (ASCII «-» or the «−» our pages print) is written the way
    /// Russian Excel reads a number, "-0,008"; any other cell starting with a formula
    /// character gets an apostrophe, which Excel shows as text. Other cells are kept.
    static func neutralised(_ field: String) -> String {
        guard let first = field.unicodeScalars.first else { return field }
        if first == "-" || first == "\u{2212}", let number = RuNumber.unsigned(field.unicodeScalars.dropFirst()) {
            return "-" + number
        }
        return formulaStarts.contains(first) ? "'" + field : field
    }

    static func quote(_ field: String, _ separator: Character) -> String {
        let needs = field.contains(separator) || field.unicodeScalars.contains { $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || field.first?.isWhitespace == true || field.last?.isWhitespace == true
        return needs ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}

/// Plain numbers as our pages write them: digits, thousands optionally grouped by
/// a thin or no-break space, one decimal comma or point.
enum RuNumber {
    /// The number without grouping and with a decimal comma ("1 234.5" → "1234,5"),
    /// nil when the text is anything else.
    static func unsigned(_ scalars: Substring.UnicodeScalarView) -> String? {
        var out = "", digitsInGroup = 0, grouped = false, fraction = false, lastWasDigit = false
        for s in scalars {
            if (48...57).contains(s.value) {
                out.unicodeScalars.append(s); digitsInGroup += 1; lastWasDigit = true
            } else if (s == "\u{2009}" || s == "\u{00A0}" || s == "\u{202F}"), !fraction, lastWasDigit,
                      grouped ? digitsInGroup == 3 : digitsInGroup <= 3 {
                grouped = true; digitsInGroup = 0; lastWasDigit = false
            } else if (s == "," || s == "."), !fraction, lastWasDigit, !grouped || digitsInGroup == 3 {
                out += ","; fraction = true; lastWasDigit = false
            } else {
                return nil
            }
        }
        guard lastWasDigit, !grouped || fraction || digitsInGroup == 3 else { return nil }
        return out
    }
}
