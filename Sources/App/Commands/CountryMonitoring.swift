import Foundation
import Dispatch
import Domain
import FastStore

/// The whole country's monitoring of one year straight from SQLite, for the benchmark:
/// the same rows and mapping as MonitoringLoader, read without Fluent, on both cores.
///
/// Indicator 1 references are per municipality (regional values, or the municipality's
/// own weighted mean), so the country splits into parts of whole municipalities that
/// compute independently and give exactly the numbers of one computation.
enum CountryMonitoring {
    struct Outcome { let parts: [MonitoringResult]; let readSeconds: Double; let computeSeconds: Double; let summaryCount: Int }

    static func run(path: String, year: Int, parts: Int = 2, settings: MonitoringSettings = .default) throws -> Outcome {
        let t0 = Date()
        let inputs = try read(path: path, year: year, parts: parts, settings: settings)
        let t1 = Date()
        let results = try parallel(inputs.count) { Monitoring.compute(inputs[$0]) }
        let count = results.reduce(0) { $0 + $1.summaryCount(.either) }
        return Outcome(parts: results, readSeconds: t1.timeIntervalSince(t0), computeSeconds: Date().timeIntervalSince(t1), summaryCount: count)
    }

    /// One MonitoringInput per part; result rows are read by two connections at once.
    static func read(path: String, year: Int, parts: Int, settings: MonitoringSettings) throws -> [MonitoringInput] {
        let tStart = Date()
        let main = try FastSQLite(path: path, readOnly: true)
        try main.exec("PRAGMA cache_size=-16000")
        var index: [IDKey: Int32] = [:], codes: [String] = [], partOf: [UInt8] = [], refs = [[SchoolRef]](repeating: [], count: parts)
        var municipalityPart: [String: UInt8] = [:], sizes = [Int](repeating: 0, count: parts)
        var perMunicipality: [String: Int] = [:]
        try main.prepare("SELECT municipality_id, count(*) FROM schools GROUP BY municipality_id ORDER BY count(*) DESC, municipality_id").forEach { r in
            perMunicipality[r.text(0) ?? ""] = r.int64(1)
            // Largest first, each to the lightest part: parts of nearly equal size.
            let p = sizes.indices.min { sizes[$0] < sizes[$1] }!
            municipalityPart[r.text(0) ?? ""] = UInt8(p); sizes[p] += r.int64(1)
        }
        try main.prepare("SELECT s.id, s.code, s.short_name, m.code, s.municipality_id FROM schools s JOIN municipalities m ON m.id = s.municipality_id").forEach { r in
            let key = r.withBytes(0) { IDKey($0) }
            let p = municipalityPart[r.text(4) ?? ""] ?? 0
            index[key] = Int32(codes.count)
            codes.append(r.text(1) ?? ""); partOf.append(p)
            refs[Int(p)].append(SchoolRef(code: codes[codes.count - 1], name: r.text(2) ?? "", municipality: r.text(3) ?? ""))
        }
        var regional: [String: [Int: Rational]] = [:]
        let ref = try main.prepare("SELECT subject, year, value FROM reference_values WHERE exam = 'ege' AND year IN (?, ?)")
        ref.bind(1, year - 1); ref.bind(2, year)
        try ref.forEach { r in
            if let v = Rational(decimal: r.text(2) ?? "") { regional[r.text(0) ?? "", default: [:]][r.int(1) ?? 0] = v }
        }

        let tSchools = Date()
        struct Chunk { var vpr: [[VPRInput]]; var ege: [[EGEInput]] }
        let lookup = Lookup(index: index, codes: codes, partOf: partOf)
        let chunks = try parallel(2) { (job: Int) throws -> Chunk in
            let y = job == 0 ? year - 1 : year
            let db = try FastSQLite(path: path, readOnly: true)
            try db.exec("PRAGMA cache_size=-16000")
            var c = Chunk(vpr: Array(repeating: [], count: parts), ege: Array(repeating: [], count: parts))
            var subjects = Interner()
            var last = Lookup.Cursor()
            // Published percentages come as one text column, read only on the rows that have them.
            let v = try db.prepare("SELECT id, school_id, subject, grade, participants, m2, m3, m4, m5, CASE WHEN m2 IS NULL THEN p2 || ';' || p3 || ';' || p4 || ';' || p5 END FROM vpr_results WHERE year = ?")
            v.bind(1, y)
            try v.forEach { r in
                guard let s = r.withBytes(1, { lookup.school($0, &last) }) else { return }
                let marks: VPRMarks = r.isNull(5)
                    ? .percentages((r.text(9) ?? "").split(separator: ";").map { Rational(decimal: String($0)) ?? .zero })
                    : .counts([r.int64(5), r.int64(6), r.int64(7), r.int64(8)])
                c.vpr[Int(partOf[s])].append(VPRInput(resultID: "vpr:" + String(r.int64(0)), schoolCode: codes[s], year: y,
                                                      subject: r.withBytes(2) { subjects.string($0) }, grade: r.int64(3), participants: r.int64(4), marks: marks))
            }
            let e = try db.prepare("SELECT id, school_id, subject, participants, average, sd FROM ege_results WHERE year = ?")
            e.bind(1, y)
            try e.forEach { r in
                guard let s = r.withBytes(1, { lookup.school($0, &last) }),
                      let avg = r.withBytes(4, { Rational(decimalBytes: $0) }) else { return }
                c.ege[Int(partOf[s])].append(EGEInput(resultID: "ege:" + String(r.int64(0)), schoolCode: codes[s], year: y,
                                                      subject: r.withBytes(2) { subjects.string($0) }, participants: r.int64(3), average: avg, sd: r.double(5)))
            }
            return c
        }
        let tRows = Date()
        defer { if ProcessInfo.processInfo.environment["OPORA_BENCH_TRACE"] != nil { print("  школы \(tSchools.timeIntervalSince(tStart)), строки \(tRows.timeIntervalSince(tSchools)), сборка \(Date().timeIntervalSince(tRows))") } }
        return (0..<parts).map { p in
            MonitoringInput(year: year, schools: refs[p], ege: chunks[0].ege[p] + chunks[1].ege[p], vpr: chunks[0].vpr[p] + chunks[1].vpr[p],
                            regionalEGEAverage: regional, settings: settings)
        }
    }

    /// A school id (36 characters of UUID text) as two integers: hashing and comparing without a String.
    struct IDKey: Hashable {
        var hi: UInt64 = 0, lo: UInt64 = 0
        init(_ b: UnsafeRawBufferPointer) {
            var n = 0
            for c in b {
                let v: UInt64
                switch c {
                case 0x30...0x39: v = UInt64(c &- 0x30)
                case 0x41...0x46: v = UInt64(c &- 0x41 &+ 10)
                case 0x61...0x66: v = UInt64(c &- 0x61 &+ 10)
                default: continue
                }
                if n < 16 { hi = hi << 4 | v } else { lo = lo << 4 | v }
                n += 1
            }
        }
    }

    struct Lookup: Sendable {
        let index: [IDKey: Int32]; let codes: [String]; let partOf: [UInt8]
        /// Rows come in rowid order, so one school's rows follow each other: the last id's
        /// bytes are compared before anything is parsed or hashed.
        struct Cursor { var bytes = [UInt8](repeating: 0, count: 64); var count = -1; var school: Int? = nil }
        func school(_ b: UnsafeRawBufferPointer, _ c: inout Cursor) -> Int? {
            if b.count == c.count, let base = b.baseAddress, c.bytes.withUnsafeBytes({ memcmp($0.baseAddress!, base, b.count) == 0 }) { return c.school }
            c.school = index[IDKey(b)].map(Int.init)
            if b.count <= c.bytes.count {
                c.count = b.count
                c.bytes.withUnsafeMutableBytes { $0.copyMemory(from: b) }
            } else { c.count = -1 }
            return c.school
        }
    }

    /// Subject codes repeat on every row: one String per distinct code.
    struct Interner {
        var last: [UInt8] = [], lastString = "", all: [[UInt8]: String] = [:]
        mutating func string(_ b: UnsafeRawBufferPointer) -> String {
            if b.elementsEqual(last) { return lastString }
            let bytes = Array(b)
            let s = all[bytes] ?? String(decoding: bytes, as: UTF8.self)
            all[bytes] = s; last = bytes; lastString = s
            return s
        }
    }

    /// Runs `count` jobs on the cores (DispatchQueue.concurrentPerform) and returns their values in order.
    static func parallel<T>(_ count: Int, _ job: (Int) throws -> T) throws -> [T] {
        let slots = Slots<T>(count)
        withoutActuallyEscaping(job) { job in
            nonisolated(unsafe) let job = job
            DispatchQueue.concurrentPerform(iterations: count) { i in
                let r = Result { try job(i) }
                slots.lock.lock(); slots.values[i] = r; slots.lock.unlock()
            }
        }
        return try slots.values.map { try $0!.get() }
    }
}

/// Results of parallel jobs, one slot each, written under a lock.
final class Slots<T>: @unchecked Sendable {
    var values: [Result<T, any Error>?]; let lock = NSLock()
    init(_ n: Int) { values = Array(repeating: nil, count: n) }
}
