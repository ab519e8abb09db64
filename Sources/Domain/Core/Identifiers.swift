import Foundation

/// The ФИС ОКО login of a school: `edu` or `sch` + 6 digits (RESULT-FILES.md).
/// Both prefixes denote the same school, so the system stores the 6 digits only.
public enum FisOkoLogin {
    /// Returns the 6 digits of a login written as `edu233001`, `sch233001` or `233001`;
    /// nil when the text is not such a login.
    public static func digits(_ text: String) -> String? {
        // Over the UTF-8 bytes: «edu»/«sch» in any case, then six ASCII digits (no lowercased copy).
        let s = text.trimmed
        let b = Array(s.utf8)
        guard b.count == 6 || b.count == 9 else { return nil }
        if b.count == 9 {
            let prefix = String(decoding: b[0..<3].map { $0 | 0x20 }, as: UTF8.self)
            guard prefix == "edu" || prefix == "sch" else { return nil }
        }
        let digits = b.suffix(6)
        guard digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return String(decoding: digits, as: UTF8.self)
    }

    public static func display(_ digits: String) -> String { "edu" + digits }

    /// Finds a login in parentheses inside a ФИС ОКО row label, e.g.
    /// `МБОУ «СОШ №1»(edu203389)`.
    public static func find(in label: String) -> String? {
        guard let open = label.lastIndex(of: "("), let close = label.lastIndex(of: ")"), open < close else { return nil }
        return digits(String(label[label.index(after: open)..<close]))
    }
}

/// The municipality code used by ФИС ОКО, e.g. `reg23_m012`.
public enum FisOkoMunicipalityCode {
    public static func isValid(_ text: String) -> Bool {
        let s = text.lowercased()
        guard s.hasPrefix("reg"), let us = s.firstIndex(of: "_") else { return false }
        let region = s[s.index(s.startIndex, offsetBy: 3)..<us]
        let rest = s[s.index(after: us)...]
        return !region.isEmpty && region.allSatisfy(\.isNumber) && rest.hasPrefix("m") && rest.count > 1 && rest.dropFirst().allSatisfy(\.isNumber)
    }
}
