import Foundation

/// A school reference of a fast-scanned row: bytes of the current record (valid
/// inside the callback only) or an already made key.
public enum FastSchool {
    /// The 6 digits of an `edu`/`sch` login.
    case login(UnsafeRawBufferPointer)
    /// A plain ASCII code.
    case code(UnsafeRawBufferPointer)
    case key(SchoolKey)

    /// The key, as the general path makes it.
    public var key: SchoolKey {
        switch self {
        case .login(let b): .login(String(decoding: b, as: UTF8.self))
        case .code(let b): .code(String(decoding: b, as: UTF8.self))
        case .key(let k): k
        }
    }

    static func trim(_ b: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var s = 0, e = b.count
        while s < e && (b[s] == 0x20 || b[s] == 0x09) { s += 1 }
        while e > s && (b[e - 1] == 0x20 || b[e - 1] == 0x09) { e -= 1 }
        return UnsafeRawBufferPointer(rebasing: b[s..<e])
    }

    /// The index of the digits when `b` is `edu`/`sch` (any case) + 6 digits.
    @inline(__always)
    static func login(_ b: UnsafeRawBufferPointer) -> Int? {
        guard b.count == 9 else { return nil }
        let p0 = b[0] | 0x20, p1 = b[1] | 0x20, p2 = b[2] | 0x20
        guard (p0 == 0x65 && p1 == 0x64 && p2 == 0x75) || (p0 == 0x73 && p1 == 0x63 && p2 == 0x68) else { return nil }
        for i in 3..<9 where b[i] &- 0x30 >= 10 { return nil }
        return 3
    }

    /// ASCII without brackets, not starting with edu/sch, not ending in «.0»:
    /// such a cell is a code exactly as written.
    @inline(__always)
    static func plainCode(_ b: UnsafeRawBufferPointer) -> Bool {
        guard !b.isEmpty else { return false }
        for x in b where x >= 0x80 || x == 0x28 || x == 0x29 || x < 0x20 { return false }
        if b.count >= 3 {
            let p = (b[0] | 0x20, b[1] | 0x20, b[2] | 0x20)
            if p == (0x65, 0x64, 0x75) || p == (0x73, 0x63, 0x68) { return false }
        }
        if b.count >= 2 && b[b.count - 2] == 0x2E && b[b.count - 1] == 0x30 { return false }
        return true
    }
}

/// 64-bit FNV-1a with a final mix, for duplicate detection without keeping keys.
enum FastHash {
    @inline(__always)
    static func bytes(_ b: UnsafeRawBufferPointer, seed: UInt64, lowercase: Bool = false) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325 ^ seed
        for x in b {
            let c = lowercase && x >= 0x41 && x <= 0x5A ? x | 0x20 : x
            h = (h ^ UInt64(c)) &* 0x100000001b3
        }
        return mix(h)
    }

    static func string(_ s: String, seed: UInt64) -> UInt64 {
        var s = s
        return s.withUTF8 { bytes(UnsafeRawBufferPointer($0), seed: seed) }
    }

    @inline(__always)
    static func combine(_ h: UInt64, _ v: Int) -> UInt64 { mix(h ^ (UInt64(bitPattern: Int64(v)) &* 0x9E3779B97F4A7C15)) }

    /// splitmix64 finaliser.
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E3779B97F4A7C15
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

/// Remembers the first row of every key hash with bounded overhead: open addressing over
/// flat arrays (load ≤ 0.875), instead of a Dictionary that reserves up to four times as much.
///
/// Sized for a known most rows (`atMost`, the file's line count), the table never grows and
/// packs a key's upper 40 bits with the row (24 bits) into one 8-byte slot — 17 MB for the
/// 1.6 M rows of the national file. The slot's position comes from the key's lower bits, so
/// two keys are taken for one only when they agree in 40 bits and meet in one probe run
/// (about one chance in 10^11 per row). Without such a bound (or past 16.7 M rows) it keeps
/// whole keys and rows (12 bytes a slot) and grows. A zero hash is stored as 1.
struct FastSeenTable {
    private var keys: [UInt64]
    private var rows: [Int32]
    private let packed: Bool
    private var count = 0
    private static let rowBits: UInt64 = 24, rowMask: UInt64 = (1 << 24) - 1

    init(atMost: Int? = nil) {
        var n = 1 << 12
        if let atMost, atMost > 0, UInt64(atMost) <= Self.rowMask {
            while n * 7 < atMost * 8 { n <<= 1 }
            packed = true
            keys = Array(repeating: 0, count: n); rows = []
        } else {
            packed = false
            keys = Array(repeating: 0, count: n); rows = Array(repeating: 0, count: n)
        }
    }

    /// The earlier row of `key`, or nil after recording `row` for it.
    mutating func firstRow(_ key: UInt64, row: Int) -> Int? {
        let mask = keys.count - 1
        if packed {
            let tag = max(key >> Self.rowBits, 1)
            var i = Int(truncatingIfNeeded: key) & mask
            while keys[i] != 0 {
                if keys[i] >> Self.rowBits == tag { return Int(keys[i] & Self.rowMask) }
                i = (i + 1) & mask
            }
            keys[i] = tag << Self.rowBits | UInt64(truncatingIfNeeded: row) & Self.rowMask
            count += 1
            return nil   // never above the load: sized for every row at once
        }
        let k = key == 0 ? 1 : key
        var i = Int(truncatingIfNeeded: k) & mask
        while keys[i] != 0 {
            if keys[i] == k { return Int(rows[i]) }
            i = (i + 1) & mask
        }
        keys[i] = k
        rows[i] = Int32(truncatingIfNeeded: row)
        count += 1
        if count * 8 > keys.count * 7 { grow() }
        return nil
    }

    private mutating func grow() {
        let oldKeys = keys, oldRows = rows
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        rows = Array(repeating: 0, count: oldKeys.count * 2)
        for (j, k) in oldKeys.enumerated() where k != 0 {
            var i = Int(truncatingIfNeeded: k) & (keys.count - 1)
            while keys[i] != 0 { i = (i + 1) & (keys.count - 1) }
            keys[i] = k
            rows[i] = oldRows[j]
        }
    }
}
