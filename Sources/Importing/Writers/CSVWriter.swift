import Foundation

/// Writes rows as delimited text Excel opens directly: `;` separated, UTF-8
/// with a BOM, CRLF line ends, RFC 4180 quoting.
public enum CSVWriter {
    public static func write(_ rows: [[String]], separator: Character = ";", bom: Bool = true) -> Data {
        var text = ""
        for row in rows {
            text += row.map { quote($0, separator) }.joined(separator: String(separator))
            text += "\r\n"
        }
        var data = bom ? Data([0xEF, 0xBB, 0xBF]) : Data()
        data.append(Data(text.utf8))
        return data
    }

    static func quote(_ field: String, _ separator: Character) -> String {
        let needs = field.contains(separator) || field.unicodeScalars.contains { $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || field.first?.isWhitespace == true || field.last?.isWhitespace == true
        return needs ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}
