import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams a delimited text file record by record over raw UTF-8 (or ASCII /
/// Windows-1251) bytes without making a String per cell: fields are byte ranges
/// of a reusable `FastCSVRow`, numbers are parsed from the bytes. Memory stays
/// bounded by the chunk size plus the longest record, whatever the file size.
/// Quoting follows `CSVReader` (RFC 4180: a quote opens a field, `""` inside,
/// separators and line breaks allowed inside quotes); record numbers match the
/// rows Excel shows (and `CSVReader`'s row numbers).
public struct FastCSVScanner {
    public var separator: UInt8?
    public var chunkSize: Int
    /// A single record longer than this is rejected (bounded memory).
    public static let maxRecordBytes = 16 << 20

    public init(separator: UInt8? = nil, chunkSize: Int = 4 << 20) {
        self.separator = separator
        self.chunkSize = max(1024, chunkSize)
    }

    /// Calls `body` for every record of the file; `body` returns false to stop.
    /// The file is read with `read(2)` straight into one reusable buffer.
    public mutating func scan(fileURL: URL, _ body: (inout FastCSVRow) throws(ImportFailure) -> Bool) throws(ImportFailure) {
        guard let handle = try? FileHandle(forReadingFrom: fileURL) else {
            throw ImportFailure(file: "Не удаётся открыть файл «\(fileURL.lastPathComponent)».")
        }
        defer { try? handle.close() }
        let fd = handle.fileDescriptor
        var buffer = [UInt8](repeating: 0, count: chunkSize), filled = 0, row = FastCSVRow(), first = true
        while true {
            if filled == buffer.count {
                guard buffer.count < Self.maxRecordBytes + chunkSize else {
                    throw ImportFailure([ImportError(row: row.row + 1, column: "", message: "Строка длиннее 16 МБ — вероятно, в файле не закрыта кавычка. Проверьте кавычки в этой строке.")])
                }
                buffer += [UInt8](repeating: 0, count: buffer.count)
            }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            guard n >= 0 else { throw ImportFailure(file: "Ошибка чтения файла «\(fileURL.lastPathComponent)»: файл недоступен или повреждён.") }
            filled += n
            var skip = 0
            if first && (filled >= 3 || n == 0) {
                first = false
                if buffer.starts(with: [0xEF, 0xBB, 0xBF]) && filled >= 3 { skip = 3 }
            } else if first { continue }
            let final = n == 0
            let (consumed, stop) = try Self.withBytes(buffer) { (all) throws(ImportFailure) in
                try process(UnsafeRawBufferPointer(rebasing: all[skip..<filled]), final: final, row: &row, body)
            }
            if stop || final { return }
            let used = skip + consumed
            if used > 0 {
                buffer.withUnsafeMutableBytes { b in
                    if filled > used { memmove(b.baseAddress!, b.baseAddress! + used, filled - used) }
                }
                filled -= used
            }
        }
    }

    /// Calls `body` for every record of in-memory text.
    public mutating func scan(data: Data, _ body: (inout FastCSVRow) throws(ImportFailure) -> Bool) throws(ImportFailure) {
        var row = FastCSVRow()
        let skip = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        _ = try Self.withBytes(data) { (all) throws(ImportFailure) in
            try process(UnsafeRawBufferPointer(rebasing: all[skip...]), final: true, row: &row, body)
        }
    }

    /// `withUnsafeBytes` with a typed error.
    static func withBytes<R>(_ bytes: some ContiguousBytes, _ f: (UnsafeRawBufferPointer) throws(ImportFailure) -> R) throws(ImportFailure) -> R {
        var failure: ImportFailure?
        let result: R? = bytes.withUnsafeBytes { buf in
            do throws(ImportFailure) { return try f(buf) } catch { failure = error; return nil }
        }
        if let failure { throw failure }
        return result!
    }

    /// The separator of a header line: the most frequent of `;`, tab and `,` outside quotes (ties: `;`).
    static func detect(_ buf: UnsafeRawBufferPointer) -> UInt8 {
        var counts: [UInt8: Int] = [0x3B: 0, 0x09: 0, 0x2C: 0], inQuotes = false
        for b in buf {
            if b == 0x0A || b == 0x0D, !inQuotes { break }
            if b == 0x22 { inQuotes.toggle() } else if !inQuotes, counts[b] != nil { counts[b]! += 1 }
        }
        var best: UInt8 = 0x3B
        for s: UInt8 in [0x09, 0x2C] where counts[s]! > counts[best]! { best = s }
        return best
    }

    /// Processes complete records of `buf`; returns the bytes consumed and whether `body` stopped.
    mutating func process(_ buf: UnsafeRawBufferPointer, final: Bool, row: inout FastCSVRow,
                          _ body: (inout FastCSVRow) throws(ImportFailure) -> Bool) throws(ImportFailure) -> (Int, Bool) {
        guard let base = buf.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return (0, false) }
        let n = buf.count
        if separator == nil {
            if !final && !buf.contains(0x0A) && !buf.contains(0x0D) { return (0, false) }
            separator = Self.detect(buf)
        }
        let sep = separator!
        var p = 0
        while p < n {
            let start = p
            row.starts.removeAll(keepingCapacity: true)
            row.ends.removeAll(keepingCapacity: true)
            var fieldStart = p, inQuotes = false, quoted = false, anyQuoted = false, ended = false, next = p
            while p < n {
                let b = base[p]
                if inQuotes {
                    if b == 0x22 {
                        if p + 1 < n && base[p + 1] == 0x22 { p += 2; continue }
                        if p + 1 >= n && !final { break }
                        inQuotes = false
                    }
                    p += 1
                } else if b == sep {
                    row.starts.append(fieldStart); row.ends.append(p)
                    p += 1; fieldStart = p; quoted = false
                } else if b == 0x0A || b == 0x0D {
                    if b == 0x0D && p + 1 >= n && !final { break }
                    next = b == 0x0D && p + 1 < n && base[p + 1] == 0x0A ? p + 2 : p + 1
                    ended = true
                    break
                } else {
                    if b == 0x22 && p == fieldStart && !quoted { inQuotes = true; quoted = true; anyQuoted = true }
                    p += 1
                }
            }
            if !ended {
                if !final { return (start, false) }
                if start == n { break }
                next = n
            }
            row.starts.append(fieldStart); row.ends.append(p)
            row.row += 1
            let keepGoing: Bool
            if anyQuoted {
                keepGoing = try row.withUnquoted(base) { (r) throws(ImportFailure) in try body(&r) }
            } else {
                row.base = UnsafeRawPointer(base)
                keepGoing = try body(&row)
                row.base = nil
            }
            if !keepGoing { return (next, true) }
            p = next
        }
        return (n, false)
    }
}
