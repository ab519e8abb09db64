import Foundation

/// Checks an XML part before the parser sees it. Parts of real .xlsx files never
/// declare a DTD, and a DTD is how entity bombs and external entities get in, so a
/// part with `<!DOCTYPE` is refused outright rather than trusted to parser settings.
enum XMLGuard {
    /// Why the part is refused, nil when it may be parsed.
    static func problem(_ data: Data) -> String? {
        if hasDoctype(data) { return "в ней есть объявление <!DOCTYPE>, которого в файлах Excel не бывает" }
        if !encodingAllowed(data) { return "она записана не в кодировке UTF-8 или UTF-16" }
        return nil
    }

    /// `<!DOCTYPE` in any letter case; NUL bytes between the characters are skipped,
    /// so UTF-16 and UTF-32 spellings are caught too.
    static func hasDoctype(_ data: Data) -> Bool {
        let word = Array("DOCTYPE".utf8)
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            let n = raw.count
            for i in 0..<n where raw[i] == 0x21 {            // "!"
                var j = i - 1
                while j >= 0 && raw[j] == 0 { j -= 1 }
                guard j >= 0, raw[j] == 0x3C else { continue }  // "<"
                var k = i + 1, matched = 0
                while k < n && matched < word.count {
                    let b = raw[k]
                    k += 1
                    if b == 0 { continue }
                    guard b & 0xDF == word[matched] else { break }
                    matched += 1
                }
                if matched == word.count { return true }
            }
            return false
        }
    }

    /// The text must start with "<" (after a byte order mark and spaces) and declare,
    /// if anything, UTF-8 or UTF-16: other encodings (UTF-7, EBCDIC) could spell a DTD
    /// in bytes the check above does not see.
    static func encodingAllowed(_ data: Data) -> Bool {
        var head = [UInt8](data.prefix(400)).filter { $0 != 0 }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        else if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) { head.removeFirst(2) }
        while let b = head.first, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { head.removeFirst() }
        guard let first = head.first else { return true }
        guard first == 0x3C else { return false }
        let text = String(decoding: head, as: UTF8.self)
        guard text.hasPrefix("<?xml") else { return true }
        // A real declaration is short; one padded past the checked head hides its encoding.
        guard let end = text.range(of: "?>") else { return false }
        let declaration = text[..<end.lowerBound].lowercased()
        guard let key = declaration.range(of: "encoding") else { return true }
        let value = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
            .prefix { $0 != "\"" && $0 != "'" && $0 != " " }
        return ["utf-8", "utf8", "utf-16", "utf-16le", "utf-16be"].contains(String(value))
    }
}
