import Foundation

/// Parses cell text into values. Empty cells give nil; every failure message is
/// Russian and quotes the bad value.
public enum CellParser {
    public static let trueWords: Set<String> = ["да", "1", "+", "true", "x", "х", "yes", "истина", "v", "✓", "✔"]
    public static let falseWords: Set<String> = ["нет", "0", "-", "–", "—", "false", "no", "ложь"]
    public static let acceptedBooleans = "«да», «нет», «1», «0», «+», «x» или пустая ячейка (пусто — «нет»)"

    public static func boolean(_ text: String) throws(CellError) -> Bool? {
        let t = text.trimmed.lowercased()
        if t.isEmpty { return nil }
        if trueWords.contains(t) { return true }
        if falseWords.contains(t) { return false }
        throw CellError("Значение «\(text)» не распознано как «да» или «нет». Допустимо: \(acceptedBooleans).")
    }

    public static func integer(_ text: String) throws(CellError) -> Int? {
        let t = stripSpaces(text)
        if t.isEmpty { return nil }
        if let n = Int(t) { return n }
        if let x = try decimalValue(t, original: text, expectation: "ожидается целое число, например 25") {
            if x == x.rounded(), abs(x) < 1e15 { return Int(x) }
            throw CellError("Значение «\(text)» — не целое: здесь ожидается целое число, например 25.")
        }
        return nil
    }

    /// A number with a decimal comma or point; spaces (incl. NBSP) may group thousands.
    public static func decimal(_ text: String) throws(CellError) -> Double? {
        let t = stripSpaces(text)
        if t.isEmpty { return nil }
        return try decimalValue(t, original: text, expectation: "ожидается число, например 12,5")
    }

    /// A percentage: «12,5%», «12,5 %» or «12,5» all give 12.5.
    public static func percent(_ text: String) throws(CellError) -> Double? {
        var t = stripSpaces(text)
        if t.hasSuffix("%") { t.removeLast() }
        if t.isEmpty { return nil }
        return try decimalValue(t, original: text, expectation: "ожидается доля в процентах, например 12,5 или 12,5%")
    }

    static func stripSpaces(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{00A0}" && $0 != "\u{202F}" && $0 != "\u{2009}" }
            .map(Character.init))
    }

    static func decimalValue(_ t: String, original: String, expectation: String) throws(CellError) -> Double? {
        var s = t.replacingOccurrences(of: "−", with: "-")
        let commas = s.filter { $0 == "," }.count, points = s.filter { $0 == "." }.count
        if commas > 0 && points > 0 {
            // «1,234.5» or «1.234,5»: the last mark is the decimal one.
            let decimalMark: Character = s.lastIndex(of: ",")! > s.lastIndex(of: ".")! ? "," : "."
            s = s.filter { $0 != (decimalMark == "," ? "." : ",") }
        }
        s = s.replacingOccurrences(of: ",", with: ".")
        guard s.filter({ $0 == "." }).count <= 1, s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }),
              let x = Double(s), x.isFinite else {
            throw CellError("Значение «\(original)» — не число: \(expectation).")
        }
        return x
    }
}
