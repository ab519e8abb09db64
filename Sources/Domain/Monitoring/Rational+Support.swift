import Foundation

extension Int128 {
    /// Concrete conversions: the generic BinaryInteger ones are not specialised for
    /// Int128 and dominated the country-wide computation.
    @inline(__always) init(fast v: Int64) { self.init(_low: UInt64(bitPattern: v), _high: v < 0 ? -1 : 0) }
    @inline(__always) init(fast v: Int) { self.init(fast: Int64(v)) }
    @inline(__always) var fitsInt64: Bool { _high == Int64(bitPattern: _low) >> 63 }
    @inline(__always) var int64: Int64 { Int64(bitPattern: _low) }
}

extension Rational: Codable {
    /// Stored as text, "1/2" or a decimal "0.5", so settings files stay readable.
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let i = try? c.decode(Int.self) { self.init(i); return }
        let s = try c.decode(String.self)
        let parts = s.split(separator: "/")
        if parts.count == 2, let n = Int128(parts[0].trimmingCharacters(in: .whitespaces)),
           let d = Int128(parts[1].trimmingCharacters(in: .whitespaces)), d != 0 {
            self.init(n, d)
        } else if let r = Rational(decimal: s) {
            self = r
        } else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "Not a fraction: \(s)")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// An exact running sum of fractions that keeps one common denominator and reduces only
/// when read: averages share denominators 1, 10, 100 or 1000, so adding is usually one
/// multiplication (DOMAIN §4: the participant-weighted municipal mean).
struct RationalSum: Sendable {
    var num: Int128 = 0
    var den: Int128 = 1

    mutating func add(_ n: Int128, _ d: Int128) {
        if d == den { num += n; return }
        if den.fitsInt64 && d.fitsInt64 {
            let a = den.int64, b = d.int64
            if a % b == 0 { num += n * Int128(fast: a / b); return }
        }
        let g = Rational.gcd(den, d)
        let scale = d / g
        num = num * scale + n * (den / g)
        den *= scale
    }

    var value: Rational { Rational(num, den) }
}
