/// The code of an editable reference list entry (plan kinds, risk kinds, audit kinds): what
/// imports and links name it by, so it is kept to lower-case Latin letters, digits and «_».
public enum KindCode {
    public static let maxLength = 60

    /// The code as stored: lower-cased, without surrounding spaces.
    public static func normalized(_ raw: String) -> String { raw.trimmed.lowercased() }

    /// nil when `code` (already normalized) may be stored; otherwise the Russian message of the field.
    public static func problem(_ code: String, example: String) -> String? {
        if code.isEmpty || code.count > maxLength || !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
            return "Код — латинские буквы, цифры и «_», до \(maxLength) знаков, например «\(example)»."
        }
        return nil
    }
}
