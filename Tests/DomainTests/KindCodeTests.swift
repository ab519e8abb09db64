import Testing
@testable import Domain

@Suite struct KindCodeTests {
    @Test func acceptsLatinDigitsAndUnderscore() {
        #expect(KindCode.normalized("  Anti_Risk_2026 ") == "anti_risk_2026")
        #expect(KindCode.problem("anti_risk_2026", example: "x") == nil)
        #expect(KindCode.problem(String(repeating: "a", count: 60), example: "x") == nil)
    }

    @Test func refusesWithTheExample() {
        for bad in ["", "план", "a b", "a-b", String(repeating: "a", count: 61)] {
            #expect(KindCode.problem(bad, example: "f500_parents") == "Код — латинские буквы, цифры и «_», до 60 знаков, например «f500_parents».")
        }
    }
}
