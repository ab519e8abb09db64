import Foundation

/// An exact fraction over Int128, always reduced with a positive denominator.
///
/// DOMAIN §4: "Compare unrounded values with exact arithmetic, so that a true 0 is
/// not turned into +ε" and "make sure floating-point noise cannot turn an exact 30
/// into 30,000000001". Averages and percentages arrive as decimal text ("65.5",
/// "42,86") and are converted through that text, never through binary floating point.
public struct Rational: Comparable, Hashable, Sendable, CustomStringConvertible {
    public let numerator: Int128
    public let denominator: Int128

    public init(_ num: Int128, _ den: Int128) {
        precondition(den != 0, "Rational: zero denominator")
        if num.fitsInt64 && den.fitsInt64 {
            // The usual case (scores, counts, percents): 64-bit arithmetic only.
            var n = num.int64, d = den.int64
            if d > .min && n > .min {
                if d < 0 { n = -n; d = -d }
                let g = Int64(bitPattern: Rational.gcd64(n.magnitude, d.magnitude))
                numerator = Int128(fast: n / g); denominator = Int128(fast: d / g)
                return
            }
        }
        let g = Rational.gcd(num, den)
        let sign: Int128 = den < 0 ? -1 : 1
        numerator = sign * num / g
        denominator = sign * den / g
    }

    public init(_ int: Int) { numerator = Int128(fast: Int64(int)); denominator = 1 }

    /// Already reduced, denominator positive: skips the gcd (hot paths).
    init(reduced num: Int128, _ den: Int128) { numerator = num; denominator = den }

    /// Parses decimal text: optional sign, digits, an optional point or comma and
    /// digits; spaces (also thin and no-break) are ignored. "65.5" → 131/2.
    public init?(decimal text: String) {
        var digits: Int128 = 0, scale: Int128 = 1, negative = false, seenPoint = false, any = false, count = 0
        for (i, u) in text.unicodeScalars.enumerated() {
            switch u {
            case " ", "\u{00A0}", "\u{2009}", "\u{202F}", "\t": continue
            case "-", "−", "+": if i > 0 && any { return nil }; negative = u != "+"
            case ".", ",": if seenPoint { return nil }; seenPoint = true
            case "0"..."9":
                count += 1
                guard count <= 30 else { return nil }
                digits = digits * 10 + Int128(u.value - 48); any = true
                if seenPoint { scale *= 10 }
            default: return nil
            }
        }
        guard any else { return nil }
        self.init(negative ? -digits : digits, scale)
    }

    /// The same over UTF-8 bytes, without making a String: the fast path for plain
    /// ASCII ("65.5", "-0,25"); anything else goes through `init?(decimal:)`.
    public init?(decimalBytes b: UnsafeRawBufferPointer) {
        var digits: Int64 = 0, scale: Int64 = 1, negative = false, seenPoint = false, count = 0
        for (i, c) in b.enumerated() {
            switch c {
            case 0x30...0x39:
                count += 1
                guard count <= 18 else { self.init(decimal: String(decoding: b, as: UTF8.self)); return }
                digits = digits &* 10 &+ Int64(c &- 0x30)
                if seenPoint { scale &*= 10 }
            case 0x2E, 0x2C: if seenPoint { return nil }; seenPoint = true
            case 0x2D where i == 0: negative = true
            default: self.init(decimal: String(decoding: b, as: UTF8.self)); return
            }
        }
        guard count > 0 else { return nil }
        self.init(Int128(negative ? -digits : digits), Int128(scale))
    }

    /// A Double that stands for a decimal with at most `places` decimals (e.g. an
    /// average 65.5 read from a spreadsheet): converted via its shortest decimal text,
    /// then rounded half away from zero to `places`. Nil for NaN and infinities.
    public init?(_ value: Double, places: Int = 3) {
        guard value.isFinite, places >= 0, places <= 12 else { return nil }
        let text = "\(value)"
        let parts = text.lowercased().split(separator: "e", maxSplits: 1).map(String.init)
        guard var r = Rational(decimal: parts[0]) else { return nil }
        if parts.count == 2, let e = Int(parts[1]), abs(e) <= 30 {
            r = e >= 0 ? r * Rational(Rational.pow10(e), 1) : r / Rational(Rational.pow10(-e), 1)
        }
        self = r.roundedTo(places)
    }

    public static let zero = Rational(reduced: 0, 1)
    public static let hundred = Rational(reduced: 100, 1)

    public var isZero: Bool { numerator == 0 }
    public var signum: Int { numerator > 0 ? 1 : (numerator < 0 ? -1 : 0) }
    public var magnitude: Rational { Rational(reduced: numerator < 0 ? -numerator : numerator, denominator) }
    public var double: Double {
        if numerator.fitsInt64 && denominator.fitsInt64 { return Double(numerator.int64) / Double(denominator.int64) }
        return Double(numerator) / Double(denominator)
    }
    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    // MARK: arithmetic (cross-reduced so intermediate products stay small)

    public static func + (a: Rational, b: Rational) -> Rational {
        if a.denominator == b.denominator { return Rational(a.numerator + b.numerator, a.denominator) }
        let g = gcd(a.denominator, b.denominator)
        let bd = b.denominator / g
        return Rational(a.numerator * bd + b.numerator * (a.denominator / g), a.denominator * bd)
    }
    public static prefix func - (a: Rational) -> Rational { Rational(reduced: -a.numerator, a.denominator) }
    public static func - (a: Rational, b: Rational) -> Rational { a + (-b) }
    public static func * (a: Rational, b: Rational) -> Rational {
        let g1 = b.denominator == 1 ? 1 : gcd(a.numerator, b.denominator)
        let g2 = a.denominator == 1 ? 1 : gcd(b.numerator, a.denominator)
        return Rational(reduced: (a.numerator / g1) * (b.numerator / g2), (a.denominator / g2) * (b.denominator / g1))
    }
    public static func / (a: Rational, b: Rational) -> Rational {
        precondition(b.numerator != 0, "Rational: division by zero")
        let reciprocal = b.numerator < 0 ? Rational(reduced: -b.denominator, -b.numerator) : Rational(reduced: b.denominator, b.numerator)
        return a * reciprocal
    }

    public static func < (a: Rational, b: Rational) -> Bool {
        if a.denominator == b.denominator { return a.numerator < b.numerator }
        if a.numerator.fitsInt64 && a.denominator.fitsInt64 && b.numerator.fitsInt64 && b.denominator.fitsInt64 {
            return a.numerator * b.denominator < b.numerator * a.denominator // |products| < 2^126
        }
        let (l, o1) = a.numerator.multipliedReportingOverflow(by: b.denominator)
        let (r, o2) = b.numerator.multipliedReportingOverflow(by: a.denominator)
        if !o1 && !o2 { return l < r }
        return compareSlow(a.numerator, a.denominator, b.numerator, b.denominator) < 0
    }

    /// Exact comparison by continued fractions, for products that overflow Int128.
    private static func compareSlow(_ a: Int128, _ b: Int128, _ c: Int128, _ d: Int128) -> Int {
        var (a, b, c, d) = (a, b, c, d)
        while true {
            let qa = floorDiv(a, b), qc = floorDiv(c, d)
            if qa != qc { return qa < qc ? -1 : 1 }
            let ra = a - qa * b, rc = c - qc * d
            if ra == 0 || rc == 0 { return ra == rc ? 0 : (ra == 0 ? -1 : 1) }
            // a/b − q = ra/b; comparing ra/b with rc/d equals comparing d/rc with b/ra reversed.
            (a, b, c, d) = (d, rc, b, ra)
        }
    }

    private static func floorDiv(_ a: Int128, _ b: Int128) -> Int128 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    // MARK: rounding and text

    /// Rounds half away from zero to `places` decimals.
    public func roundedTo(_ places: Int) -> Rational {
        let scale = Rational.pow10(places)
        let scaled = numerator.magnitude * UInt128(scale)
        let den = UInt128(denominator)
        var q = scaled / den
        if (scaled % den) * 2 >= den { q += 1 }
        return Rational(numerator < 0 ? -Int128(q) : Int128(q), scale)
    }

    /// Fixed decimals with a point, rounded half away from zero: "0.023", "-0.069",
    /// "32.857". A nonzero negative value keeps its sign even when it rounds to zero
    /// ("-0.000"), so that a negative D never reads as 0.
    public func rounded(_ places: Int) -> String { formatted(places, point: ".", minus: "-") }

    /// Russian presentation: decimal comma and a real minus sign, "−0,069" (UI.md).
    public func ru(_ places: Int) -> String { formatted(places, point: ",", minus: "−") }

    private func formatted(_ places: Int, point: String, minus: String) -> String {
        let scale = UInt128(Rational.pow10(places))
        let scaled = numerator.magnitude * scale
        let den = UInt128(denominator)
        var q = scaled / den
        if (scaled % den) * 2 >= den { q += 1 }
        let whole = q / scale, frac = q % scale
        var s = numerator < 0 ? minus : ""
        s += whole._high == 0 ? String(UInt64(whole._low)) : String(whole)
        if places > 0 {
            let f = frac._high == 0 ? String(UInt64(frac._low)) : String(frac)
            s += point
            if f.utf8.count < places { s += String(repeating: "0", count: places - f.utf8.count) }
            s += f
        }
        return s
    }

    static func pow10(_ n: Int) -> Int128 {
        var p: Int128 = 1
        for _ in 0..<n { p *= 10 }
        return p
    }

    /// gcd with a 64-bit binary fast path (the usual case: scores, counts, percents).
    static func gcd(_ a: Int128, _ b: Int128) -> Int128 {
        var x = a.magnitude, y = b.magnitude
        if x._high == 0 && y._high == 0 { return Int128(_low: gcd64(x._low, y._low), _high: 0) }
        if x == 0 { return y == 0 ? 1 : Int128(y) }
        if y == 0 { return Int128(x) }
        while y != 0 { (x, y) = (y, x % y) }
        return Int128(x)
    }

    /// Binary gcd; gcd(0, 0) = 1 so that it can always divide.
    static func gcd64(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var u = a, v = b
        if u == 0 { return v == 0 ? 1 : v }
        if v == 0 { return u }
        let shift = (u | v).trailingZeroBitCount
        u >>= u.trailingZeroBitCount
        repeat {
            v >>= v.trailingZeroBitCount
            if u > v { swap(&u, &v) }
            v -= u
        } while v != 0
        return u << shift
    }
}
