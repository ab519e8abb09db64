import Foundation

/// One record of `FastCSVScanner`: byte ranges of its fields, valid only inside
/// the callback (the struct is reused for the next record).
public struct FastCSVRow {
    /// The row number as Excel shows it (1-based, blank lines counted).
    public internal(set) var row: Int = 0
    var base: UnsafeRawPointer?
    var starts: [Int] = []
    var ends: [Int] = []
    var scratch: [UInt8] = []

    public init() {}

    public var count: Int { starts.count }

    /// The raw bytes of field `i` (empty beyond the last field).
    @inline(__always)
    public func bytes(_ i: Int) -> UnsafeRawBufferPointer {
        guard i >= 0, i < starts.count, let base else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: base + starts[i], count: ends[i] - starts[i])
    }

    /// Whether field `i` is empty or only spaces / tabs.
    @inline(__always)
    public func isBlank(_ i: Int) -> Bool {
        let b = bytes(i)
        var p = 0
        while p < b.count {
            let x = b[p]
            if x == 0x20 || x == 0x09 || x == 0xA0 { p += 1; continue }                       // space, tab, NBSP (1251)
            if x == 0xC2 && p + 1 < b.count && b[p + 1] == 0xA0 { p += 2; continue }        // NBSP (UTF-8)
            if x == 0xE2 && p + 2 < b.count && b[p + 1] == 0x80 && (b[p + 2] <= 0x8B || b[p + 2] == 0xAF) { p += 3; continue }
            return false
        }
        return true
    }

    /// Whether every field is blank.
    public var isBlankRow: Bool { (0..<count).allSatisfy(isBlank) }

    /// A plain integer (`[+-]digits`, spaces around allowed); nil for anything else.
    @inline(__always)
    public func int(_ i: Int) -> Int? {
        let b = bytes(i)
        var p = 0, n = b.count
        while p < n && b[p] == 0x20 { p += 1 }
        while n > p && b[n - 1] == 0x20 { n -= 1 }
        guard p < n else { return nil }
        var negative = false
        if b[p] == 0x2D || b[p] == 0x2B { negative = b[p] == 0x2D; p += 1 }
        guard p < n, n - p <= 18 else { return nil }
        var v = 0
        while p < n {
            let d = b[p] &- 0x30
            guard d < 10 else { return nil }
            v = v &* 10 &+ Int(d)
            p += 1
        }
        return negative ? -v : v
    }

    /// A plain decimal with a point or a comma; nil for anything else.
    @inline(__always)
    public func decimal(_ i: Int) -> FastDecimal? { FastDecimal.parse(bytes(i)) }

    /// The text of field `i`, trimmed; UTF-8, or Windows-1251 when not valid UTF-8.
    public func string(_ i: Int) -> String {
        let b = bytes(i)
        let text = String(validating: b, as: UTF8.self) ?? CP1251.decode(Array(b))
        return text.trimmed
    }

    /// All fields as strings (for header lines).
    public var strings: [String] { (0..<count).map(string) }

    /// Runs `body` with quoted fields unescaped («"a;""b"""» → «a;"b"») into scratch storage.
    mutating func withUnquoted(_ base: UnsafePointer<UInt8>,
                               _ body: (inout FastCSVRow) throws(ImportFailure) -> Bool) throws(ImportFailure) -> Bool {
        scratch.removeAll(keepingCapacity: true)
        for f in 0..<starts.count {
            let s = starts[f], e = ends[f]
            starts[f] = scratch.count
            if e > s && base[s] == 0x22 {
                var p = s + 1, inQuotes = true
                while p < e {
                    if inQuotes && base[p] == 0x22 {
                        if p + 1 < e && base[p + 1] == 0x22 { scratch.append(0x22); p += 2; continue }
                        inQuotes = false
                    } else {
                        scratch.append(base[p])
                    }
                    p += 1
                }
            } else {
                scratch.append(contentsOf: UnsafeBufferPointer(start: base + s, count: e - s))
            }
            ends[f] = scratch.count
        }
        let copy = scratch
        return try FastCSVScanner.withBytes(copy) { (buf) throws(ImportFailure) -> Bool in
            self.base = buf.baseAddress
            defer { self.base = nil }
            return try body(&self)
        }
    }
}
