import Foundation
@testable import Importing

/// Workbooks built the way an attacker would: one sheet whose XML is given, and
/// byte-level edits of the zip headers that ZIPFoundation would never write.
enum HostileXLSX {
    /// A one-sheet workbook around `sheet` (and, if given, a replacement workbook part).
    static func book(sheet: Data, workbook: Data? = nil) throws -> Data {
        try XLSXWriter.zip([
            ("[Content_Types].xml", Data(XLSXParts.contentTypes.utf8)),
            ("_rels/.rels", Data(XLSXParts.rootRels.utf8)),
            ("xl/workbook.xml", workbook ?? Data(XLSXParts.workbook(sheetName: "Лист1").utf8)),
            ("xl/_rels/workbook.xml.rels", Data(XLSXParts.workbookRels.utf8)),
            ("xl/worksheets/sheet1.xml", sheet),
        ])
    }

    static func book(rows: String) throws -> Data { try book(sheet: sheet(rows)) }

    static func sheet(_ rows: String, prolog: String = XLSXParts.header) -> Data {
        Data((prolog + #"<worksheet xmlns="\#(XLSXParts.mainNS)"><sheetData>"# + rows + "</sheetData></worksheet>").utf8)
    }

    /// Sets the uncompressed size that the local and the central header of `entry` claim.
    static func lie(aboutSizeOf entry: String, in data: Data, claimed: UInt32) -> Data {
        patch(data, entry: entry, centralOffset: 24, localOffset: 22) { _ in claimed }
    }

    /// Flips a bit of the CRC-32 both headers of `entry` give.
    static func breakChecksum(of entry: String, in data: Data) -> Data {
        patch(data, entry: entry, centralOffset: 16, localOffset: 14) { $0 ^ 1 }
    }

    private static func patch(_ data: Data, entry: String, centralOffset: Int, localOffset: Int,
                              _ change: (UInt32) -> UInt32) -> Data {
        var bytes = [UInt8](data)
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func u32(_ i: Int) -> UInt32 { UInt32(u16(i)) | UInt32(u16(i + 2)) << 16 }
        func set(_ i: Int, _ v: UInt32) { for k in 0..<4 { bytes[i + k] = UInt8(truncatingIfNeeded: v >> (8 * k)) } }
        // The end-of-central-directory record gives where the central directory starts.
        guard let eocd = stride(from: bytes.count - 22, through: 0, by: -1).first(where: { u32($0) == 0x0605_4B50 }) else {
            preconditionFailure("not a zip")
        }
        var p = Int(u32(eocd + 16))
        for _ in 0..<u16(eocd + 10) {
            precondition(u32(p) == 0x0201_4B50, "central directory header expected")
            let nameLength = u16(p + 28)
            let name = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            if name == entry {
                let local = Int(u32(p + 42))
                set(p + centralOffset, change(u32(p + centralOffset)))
                set(local + localOffset, change(u32(local + localOffset)))
                return Data(bytes)
            }
            p += 46 + nameLength + u16(p + 30) + u16(p + 32)
        }
        preconditionFailure("no entry \(entry)")
    }

    /// The message of the single file-level error a failure carries.
    static func message(_ failure: ImportFailure?) -> String { failure?.errors.first?.message ?? "" }
}
