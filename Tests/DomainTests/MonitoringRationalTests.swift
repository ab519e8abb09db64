import Foundation
import Testing
@testable import Domain

@Suite("Monitoring: exact fractions") struct MonitoringRationalTests {
    @Test func parsesDecimalText() {
        #expect(Rational(decimal: "65.5") == Rational(655, 10))
        #expect(Rational(decimal: "65,5") == Rational(131, 2))
        #expect(Rational(decimal: "-0.25") == Rational(-1, 4))
        #expect(Rational(decimal: "40.00") == Rational(40))
        #expect(Rational(decimal: " 1 234,5 ") == Rational(2469, 2))
        #expect(Rational(decimal: "abc") == nil)
        #expect(Rational(decimal: "1.2.3") == nil)
        #expect(Rational(decimal: "") == nil)
    }

    @Test func reducesAndNormalisesSign() {
        let x = Rational(10, -4)
        #expect(x.numerator == -5 && x.denominator == 2)
        #expect(Rational(0, -7) == .zero)
        #expect(Rational(6, 8).description == "3/4")
    }

    @Test func convertsDoublesThroughDecimalText() {
        #expect(Rational(65.5) == Rational(131, 2))
        #expect(Rational(0.1) == Rational(1, 10))
        #expect(Rational(62.123) == Rational(62123, 1000))
        #expect(Rational(1e-5) == .zero) // rounded to three places
        #expect(Rational(Double.nan) == nil)
        // 0.1 + 0.2 is 0.30000000000000004 in binary; three places give exactly 3/10.
        #expect(Rational(0.1 + 0.2) == Rational(3, 10))
    }

    @Test func arithmeticIsExact() {
        let a = Rational(1, 3), b = Rational(1, 6)
        #expect(a + b == Rational(1, 2))
        #expect(a - b == b)
        #expect(a * b == Rational(1, 18))
        #expect(a / b == Rational(2))
        #expect(-a < b)
        // The DOMAIN §4 example: 60/65,5 = 120/131 exactly.
        #expect(MF.r("60.0") / MF.r("65.5") == Rational(120, 131))
    }

    @Test func roundsHalfAwayFromZeroWithAPoint() {
        #expect(Rational(101, 4323).rounded(3) == "0.023")
        #expect(Rational(-9, 131).rounded(3) == "-0.069")
        #expect(Rational(1, 2000).rounded(3) == "0.001")
        #expect(Rational(-1, 2000).rounded(3) == "-0.001")
        #expect(Rational(-1, 10_000).rounded(3) == "-0.000")
        #expect(Rational(230, 7).rounded(3) == "32.857")
        #expect(Rational(30).rounded(3) == "30.000")
        #expect(Rational(-9, 131).ru(3) == "−0,069")
        #expect(Rational(5).rounded(0) == "5")
    }

    @Test func comparesWithoutOverflow() {
        let big = Int128(1) << 100
        let x = Rational(big + 1, big), y = Rational(big + 2, big + 1)
        #expect(y < x)
        #expect(!(x < y))
        #expect(Rational(-big, 3) < Rational(big, 7))
    }

    @Test func codableAsText() throws {
        var s = MonitoringSettings()
        s.vprMarginMark = Rational(3, 4)
        s.lowWellbeingIndex = Rational(decimal: "0.35")
        let data = try JSONEncoder().encode(s)
        #expect(try JSONDecoder().decode(MonitoringSettings.self, from: data) == s)
        // Older stored settings without newer keys still decode, with defaults.
        let old = try JSONDecoder().decode(MonitoringSettings.self, from: Data(#"{"threshold": 25, "vprMarginMark": "0.5"}"#.utf8))
        #expect(old.threshold == 25 && old.vprMarginMark == Rational(1, 2) && old.reading == .twoGrows)
    }
}
