import Foundation
import Testing
@testable import Domain

@Suite("Trimming without Foundation") struct TrimmingTests {
    /// Every scalar Foundation trims as white space or a new line, and a few it keeps.
    static let spaces: [Unicode.Scalar] = (0...0x3000).compactMap(Unicode.Scalar.init).filter {
        CharacterSet.whitespacesAndNewlines.contains($0)
    }

    @Test func trimsExactlyWhatFoundationTrims() {
        #expect(Self.spaces.count >= 26)   // U+0009…000D, U+0020, U+0085, U+00A0, U+1680, U+2000…200B, U+2028, U+2029, U+202F, U+205F, U+3000
        for s in Self.spaces {
            let text = "\(Character(s))Школа №\u{00A0}6\(Character(s))"
            #expect(text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines), "U+\(String(s.value, radix: 16))")
        }
        for text in ["", " ", "\r\n", "a", " a ", "\u{200B}a\u{200B}", "\u{FEFF}x", "e\u{301} ", " \u{301}", "МБОУ «СОШ № 6»\t\n", "23-ARM-006"] {
            #expect(text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(Array(text.unicodeScalars))")
        }
        #expect(Substring(" x ").trimmed == "x")
    }
}

@Suite("ФИС ОКО logins read over bytes") struct LoginBytesTests {
    @Test func loginsInAnyCaseAndOnlyASCIIDigits() {
        #expect(FisOkoLogin.digits(" EDU233001\t") == "233001")
        #expect(FisOkoLogin.digits("sCh233001") == "233001")
        #expect(FisOkoLogin.digits("\u{0435}du233001") == nil, "a Cyrillic е")
        #expect(FisOkoLogin.digits("edu２３３００１") == nil, "full-width digits")
        #expect(FisOkoLogin.digits("ed@233001") == nil)
        #expect(FisOkoLogin.digits("233001x") == nil)
        #expect(FisOkoLogin.digits("") == nil)
    }
}
