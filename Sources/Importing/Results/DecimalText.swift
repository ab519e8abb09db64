import Foundation

/// A decimal number read exactly from text: `mantissa × 10^-scale`.
/// «65,50» → (6550, 2); its `text` is "65.50" — the digits as written, with a point.
public struct FastDecimal: Sendable, Equatable, Hashable {
    public var mantissa: Int64
    public var scale: Int

    public init(mantissa: Int64, scale: Int) {
        self.mantissa = mantissa
        self.scale = scale
    }

    public var double: Double {
        var p = 1.0
        for _ in 0..<scale { p *= 10 }
        return Double(mantissa) / p
    }

    /// Sign, integer digits without leading zeros, then «.» and the fraction digits as written.
    public var text: String {
        var digits = String(mantissa.magnitude)
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        if scale > 0 { digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale)) }
        return (mantissa < 0 ? "-" : "") + digits
    }

    /// Parses `[+-]digits[(.|,)digits]` (at most 18 digits) from raw bytes;
    /// nil for anything else (spaces, %, exponents…), which callers hand to `CellParser`.
    @inline(__always)
    public static func parse(_ bytes: UnsafeRawBufferPointer) -> FastDecimal? {
        var i = 0, n = bytes.count
        while n > 0 && (bytes[n - 1] == 0x20) { n -= 1 }
        while i < n && bytes[i] == 0x20 { i += 1 }
        guard i < n else { return nil }
        var negative = false
        if bytes[i] == 0x2D || bytes[i] == 0x2B { negative = bytes[i] == 0x2D; i += 1 }
        var mantissa: Int64 = 0, digits = 0, scale = 0, seenPoint = false
        while i < n {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 {
                digits += 1
                if digits > 18 { return nil }
                mantissa = mantissa &* 10 &+ Int64(b &- 0x30)
                if seenPoint { scale += 1 }
            } else if (b == 0x2E || b == 0x2C) && !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        return FastDecimal(mantissa: negative ? -mantissa : mantissa, scale: scale)
    }

    public static func parse(_ text: String) -> FastDecimal? {
        var t = text
        return t.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }
}

/// Reading decimal cells of result files into normalised text.
enum DecimalText {
    /// The normalised text of a number cell («65,5» → "65.5", «1 234,5» → "1234.5",
    /// «12,5%» → "12.5" when `percent`), or a Russian message when it is not a number.
    static func read(_ text: String, percent: Bool = false) -> Result<FastDecimal?, CellError> {
        var t = CellParser.stripSpaces(text).replacingOccurrences(of: "−", with: "-")
        if percent, t.hasSuffix("%") { t.removeLast() }
        if t.isEmpty { return .success(nil) }
        if let d = FastDecimal.parse(t) { return .success(d) }
        do {
            let x = percent ? try CellParser.percent(text) : try CellParser.decimal(text)
            guard let x else { return .success(nil) }
            // «1,234.5»-style text: keep up to 6 decimals of the value.
            let scaled = (x * 1_000_000).rounded()
            var d = FastDecimal(mantissa: Int64(scaled), scale: 6)
            while d.scale > 0 && d.mantissa % 10 == 0 { d.mantissa /= 10; d.scale -= 1 }
            return .success(d)
        } catch {
            return .failure(error)
        }
    }

    /// Formats an average for output: 2 decimals, trailing zeros dropped ("65.5", "70").
    static func format(_ x: Double, decimals: Int = 2) -> String {
        var p = 1.0
        for _ in 0..<decimals { p *= 10 }
        var d = FastDecimal(mantissa: Int64((x * p).rounded()), scale: decimals)
        while d.scale > 0 && d.mantissa % 10 == 0 { d.mantissa /= 10; d.scale -= 1 }
        return d.text
    }
}
