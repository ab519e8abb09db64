import Foundation

/// Turns the bytes of a text (CSV) file into a string: UTF-8 with or without a
/// BOM, otherwise Windows-1251 (what Russian Excel writes as «CSV (разделители — запятые)»).
public enum TextDecoding {
    /// Decodes `data`, rejecting files that are not text at all.
    public static func decode(_ data: Data) throws(ImportFailure) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw ImportFailure(file: "Файл сохранён в кодировке UTF-16. Сохраните его как «CSV UTF-8» или как .xlsx и загрузите снова.")
        }
        try rejectBinary(bytes)
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return CP1251.decode(bytes)
    }

    /// Text files have no NUL bytes and almost no control characters.
    static func rejectBinary(_ bytes: [UInt8]) throws(ImportFailure) {
        var controls = 0
        for b in bytes {
            if b == 0 { throw notText }
            if (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C) || b == 0x7F { controls += 1 }
        }
        if controls > max(2, bytes.count / 100) { throw notText }
    }

    static var notText: ImportFailure {
        ImportFailure(file: "Файл не похож ни на таблицу Excel (.xlsx), ни на текстовый CSV: в нём двоичные данные. Откройте таблицу в Excel, сохраните её как .xlsx или CSV и загрузите снова.")
    }
}

/// Windows-1251 (Cyrillic) ↔ Unicode with an explicit table, independent of the
/// platform's encoding support.
public enum CP1251 {
    /// Unicode scalars for bytes 0x80…0xFF; 0x98 is unassigned (U+FFFD).
    static let high: [UInt32] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
    ] + (0x0410...0x044F).map { UInt32($0) }

    public static func decode(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for b in bytes {
            let value = b < 0x80 ? UInt32(b) : high[Int(b) - 0x80]
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// Encodes text as Windows-1251; characters outside the code page become «?».
    public static func encode(_ text: String) -> Data {
        var out = Data()
        out.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars {
            if s.value < 0x80 { out.append(UInt8(s.value)) }
            else if let byte = inverse[s.value] { out.append(byte) }
            else { out.append(0x3F) }
        }
        return out
    }

    static let inverse: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        for (i, v) in high.enumerated() where v != 0xFFFD { map[v] = UInt8(0x80 + i) }
        return map
    }()
}
