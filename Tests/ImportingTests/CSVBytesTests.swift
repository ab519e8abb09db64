import Foundation
import Testing
@testable import Importing

@Suite("CSV read over bytes") struct CSVBytesTests {
    static let samples = [
        "a;b;c\r\n\"x;y\";\"он сказал \"\"да\"\"\";\"строка 1\r\nстрока 2\"\r\nlast;;\r\n",
        "h1;h2\n\n1;2\n\n\n",
        "h1;h2\r1;2\r\r",
        "\"\";x\n\"ab\"c;d\n'=SUM(A1);'-5;'обычный\n",
        "код\tимя\n23-1\tМБОУ СОШ № 6 «Ёлочка» 🎄\n",
        "a,b\n\"1,5\",2",
        "одна ячейка",
        "",
        "\"незакрытая;кавычка\nи дальше",
        "a;b\n;\n;\n",
    ]

    /// The byte reading gives what the reading over Characters gives, row for row.
    @Test func bytesReadAsCharactersDo() {
        for text in Self.samples {
            let sep = CSVReader.detectSeparator(text)
            #expect(CSVReader.read(text, separator: sep) == CSVReader.readCharacters(text, separator: sep), "\(text.debugDescription)")
        }
        #expect(CSVReader.read("\"x\";'=1\n") == [["x", "=1"]])
    }
}

@Suite("Duplicate rows of a fast scan") struct FastSeenTableTests {
    /// Sized for the file (packed slots) or growing (whole keys): the same first rows.
    @Test func firstRowsInBothLayouts() {
        for table in [FastSeenTable(atMost: 5_000), FastSeenTable()] {
            var t = table
            var firsts: [Int?] = []
            for row in 1...4_000 { firsts.append(t.firstRow(UInt64(row) &* 0x9E37_79B9_7F4A_7C15, row: row)) }
            #expect(firsts.allSatisfy { $0 == nil })
            #expect(t.firstRow(UInt64(17) &* 0x9E37_79B9_7F4A_7C15, row: 4_001) == 17)
            #expect(t.firstRow(UInt64(4_000) &* 0x9E37_79B9_7F4A_7C15, row: 4_002) == 4_000)
            #expect(t.firstRow(0, row: 4_003) == nil)
            #expect(t.firstRow(0, row: 4_004) == 4_003)
        }
    }

    /// A scan of an upload sizes its table from the line count.
    @Test func mostRecordsIsTheLineCount() {
        #expect(ResultSource.data(Data("a\nb\nc".utf8)).mostRecords == 3)
        #expect(ResultSource.data(Data()).mostRecords == 1)
    }
}
