import Foundation

/// The ФИС ОКО login of a school: `edu` or `sch` + 6 digits (RESULT-FILES.md).
/// Both prefixes denote the same school, so the system stores the 6 digits only.
public enum FisOkoLogin {
    /// Returns the 6 digits of a login written as `edu233001`, `sch233001` or `233001`;
    /// nil when the text is not such a login.
    public static func digits(_ text: String) -> String? {
        var s = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if s.hasPrefix("edu") || s.hasPrefix("sch") { s.removeFirst(3) }
        guard s.count == 6, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return s
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
