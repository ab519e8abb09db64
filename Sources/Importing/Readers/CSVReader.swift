import Foundation

/// Reads delimited text (RFC 4180 quoting) into rows of cells. The separator
/// (`;`, tab or `,`) is detected from the first lines unless given.
public enum CSVReader {
    public static let separators: [Character] = [";", "\t", ","]

    /// Splits `text` into rows. Quoted fields may hold separators, `""` and line
    /// breaks; CRLF and LF both end a row; trailing empty lines are dropped.
    /// A row number in the result (index + 1) matches the row Excel would show.
    public static func read(_ text: String, separator: Character? = nil) -> [[String]] {
        let sep = separator ?? detectSeparator(text)
        guard let sepByte = sep.asciiValue, sep != "\"", sep != "\n", sep != "\r" else { return readCharacters(text, separator: sep) }
        var text = text
        return text.withUTF8 { readBytes($0, separator: sepByte) }
    }

    /// The same reading over the UTF-8 bytes (separators, quotes and line ends are ASCII, so
    /// a cell is a run of bytes between them): some ten times faster than walking Characters.
    static func readBytes(_ buf: UnsafeBufferPointer<UInt8>, separator sep: UInt8) -> [[String]] {
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        field.reserveCapacity(256)
        var inQuotes = false, fieldWasQuoted = false
        func endField() { row.append(restored(String(decoding: field, as: UTF8.self))); field.removeAll(keepingCapacity: true); fieldWasQuoted = false }
        func endRow() { endField(); rows.append(row); row = []; row.reserveCapacity(rows.last?.count ?? 0) }
        let n = buf.count
        var i = 0
        while i < n {
            let b = buf[i]
            if inQuotes {
                if b == quote {
                    if i + 1 < n, buf[i + 1] == quote { field.append(quote); i += 2 } else { inQuotes = false; i += 1 }
                } else {
                    field.append(b); i += 1
                }
            } else if b == quote && field.isEmpty && !fieldWasQuoted {
                inQuotes = true; fieldWasQuoted = true; i += 1
            } else if b == sep {
                endField(); i += 1
            } else if b == lf {
                endRow(); i += 1
            } else if b == cr {
                endRow(); i += (i + 1 < n && buf[i + 1] == lf) ? 2 : 1
            } else {
                field.append(b); i += 1
            }
        }
        if !field.isEmpty || !row.isEmpty || fieldWasQuoted { endRow() }
        while let last = rows.last, last.allSatisfy({ $0.isEmpty }) { rows.removeLast() }
        return rows
    }

    /// The reading over Characters, for a separator that is not one ASCII byte.
    static func readCharacters(_ text: String, separator sep: Character) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        var chars = text.makeIterator()
        var pending: Character? = nil

        func endField() { row.append(restored(field)); field = ""; fieldWasQuoted = false }
        func endRow() { endField(); rows.append(row); row = [] }

        while let c = pending ?? chars.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    let next = chars.next()
                    if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty && !fieldWasQuoted {
                inQuotes = true
                fieldWasQuoted = true
            } else if c == sep {
                endField()
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                endRow()
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty || fieldWasQuoted { endRow() }
        while let last = rows.last, last.allSatisfy({ $0.isEmpty }) { rows.removeLast() }
        return rows
    }

    /// Undoes `CSVWriter.neutralised`: "'=x" reads back as "=x", so our own exports
    /// and templates round-trip. An apostrophe before anything else is kept.
    static func restored(_ field: String) -> String {
        var scalars = field.unicodeScalars.makeIterator()
        guard scalars.next() == "'", let second = scalars.next(), CSVWriter.formulaStarts.contains(second) else { return field }
        return String(field.unicodeScalars.dropFirst())
    }

    /// Picks the separator that splits the first lines into the most consistent
    /// number (≥ 2) of fields; ties go to `;`, then tab, then `,`.
    public static func detectSeparator(_ text: String) -> Character {
        let lines = firstLines(text, limit: 20)
        var best: (sep: Character, score: Int, width: Int) = (";", 0, 0)
        for sep in separators {
            var counts: [Int: Int] = [:]
            for line in lines { counts[fieldCount(line, sep), default: 0] += 1 }
            guard let mode = counts.filter({ $0.key >= 2 }).max(by: { ($0.value, $0.key) < ($1.value, $1.key) })
            else { continue }
            if mode.value > best.score { best = (sep, mode.value, mode.key) }
        }
        return best.sep
    }

    /// The first non-empty logical lines (line breaks inside quotes kept).
    static func firstLines(_ text: String, limit: Int) -> [Substring] {
        var lines: [Substring] = []
        var inQuotes = false
        var start = text.startIndex
        var i = text.startIndex
        while i < text.endIndex && lines.count < limit {
            let c = text[i]
            if c == "\"" { inQuotes.toggle() }
            if !inQuotes && (c == "\n" || c == "\r\n" || c == "\r") {
                if start < i { lines.append(text[start..<i]) }
                start = text.index(after: i)
            }
            i = text.index(after: i)
        }
        if lines.count < limit && start < i { lines.append(text[start..<i]) }
        return lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    static func fieldCount(_ line: Substring, _ sep: Character) -> Int {
        var inQuotes = false
        var count = 1
        for c in line {
            if c == "\"" { inQuotes.toggle() } else if c == sep && !inQuotes { count += 1 }
        }
        return count
    }
}
