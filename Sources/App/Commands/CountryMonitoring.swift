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

    /// One MonitoringInput per part. The result tables are keyed by school number (M009)
    /// with no year index, so each of two connections scans half of a table by row id.
    static func read(path: String, year: Int, parts: Int, settings: MonitoringSettings) throws -> [MonitoringInput] {
        let tStart = Date()
        let main = try FastSQLite(path: path, readOnly: true)
        var slot: [Int32] = [], codes: [String] = [], partOf: [UInt8] = [], refs = [[SchoolRef]](repeating: [], count: parts)
        var municipalityPart: [String: UInt8] = [:], sizes = [Int](repeating: 0, count: parts)
        try main.prepare("SELECT municipality_id, count(*) FROM schools GROUP BY municipality_id ORDER BY count(*) DESC, municipality_id").forEach { r in
            // Largest first, each to the lightest part: parts of nearly equal size.
            let p = sizes.indices.min { sizes[$0] < sizes[$1] }!
            municipalityPart[r.text(0) ?? ""] = UInt8(p); sizes[p] += r.int64(1)
        }
        try main.prepare("SELECT s.no, s.code, s.short_name, m.code, s.municipality_id FROM schools s JOIN municipalities m ON m.id = s.municipality_id").forEach { r in
            let no = r.int64(0)
            guard no > 0 else { return }
            if no >= slot.count { slot += [Int32](repeating: -1, count: max(no + 1 - slot.count, slot.count)) }
            let p = municipalityPart[r.text(4) ?? ""] ?? 0
            slot[no] = Int32(codes.count)
            codes.append(r.text(1) ?? ""); partOf.append(p)
            refs[Int(p)].append(SchoolRef(code: codes[codes.count - 1], name: r.text(2) ?? "", municipality: r.text(3) ?? ""))
        }
        var regional: [String: [Int: Rational]] = [:]
        let ref = try main.prepare("SELECT subject, year, value FROM reference_values WHERE exam = 'ege' AND year IN (?, ?)")
        ref.bind(1, year - 1); ref.bind(2, year)
        try ref.forEach { r in
            if let v = Rational(decimal: r.text(2) ?? "") { regional[r.text(0) ?? "", default: [:]][r.int(1) ?? 0] = v }
        }
        var maxID = (vpr: 0, ege: 0)
        try main.prepare("SELECT (SELECT max(id) FROM vpr_results), (SELECT max(id) FROM ege_results)").forEach { maxID = ($0.int(0) ?? 0, $0.int(1) ?? 0) }

        let tSchools = Date()
        struct Chunk { var vpr: [[VPRInput]]; var ege: [[EGEInput]] }
        let chunks = try parallel(2) { [slot, codes, partOf] (job: Int) throws -> Chunk in
            let db = try FastSQLite(path: path, readOnly: true)
            try db.exec("PRAGMA cache_size=-16000")
            var c = Chunk(vpr: Array(repeating: [], count: parts), ege: Array(repeating: [], count: parts))
            // A guess of two years in ten, split between the parts: fewer regrowths of the arrays.
            for p in 0..<parts { c.vpr[p].reserveCapacity(maxID.vpr / 10 / parts + 16); c.ege[p].reserveCapacity(maxID.ege / 10 / parts + 16) }
            var subjects = Interner()
            func school(_ no: Int) -> Int? { no > 0 && no < slot.count && slot[no] >= 0 ? Int(slot[no]) : nil }
            // Published percentages come as one text column, read only on the rows that have them.
            let v = try db.prepare("SELECT id, school_no, year, subject, grade, participants, m2, m3, m4, m5, CASE WHEN m2 IS NULL THEN p2 || ';' || p3 || ';' || p4 || ';' || p5 END FROM vpr_results WHERE id > ? AND id <= ? AND year IN (?, ?)")
            v.bind(1, job == 0 ? 0 : maxID.vpr / 2); v.bind(2, job == 0 ? maxID.vpr / 2 : maxID.vpr); v.bind(3, year - 1); v.bind(4, year)
            try v.forEach { r in
                guard let s = school(r.int64(1)) else { return }
                let marks: VPRMarks = r.isNull(6)
                    ? .percentages((r.text(10) ?? "").split(separator: ";").map { Rational(decimal: String($0)) ?? .zero })
                    : .counts([r.int64(6), r.int64(7), r.int64(8), r.int64(9)])
                c.vpr[Int(partOf[s])].append(VPRInput(resultID: "vpr:" + String(r.int64(0)), schoolCode: codes[s], year: r.int64(2),
                                                      subject: r.withBytes(3) { subjects.string($0) }, grade: r.int64(4), participants: r.int64(5), marks: marks))
            }
            let e = try db.prepare("SELECT id, school_no, year, subject, participants, average, sd FROM ege_results WHERE id > ? AND id <= ? AND year IN (?, ?)")
            e.bind(1, job == 0 ? 0 : maxID.ege / 2); e.bind(2, job == 0 ? maxID.ege / 2 : maxID.ege); e.bind(3, year - 1); e.bind(4, year)
            try e.forEach { r in
                guard let s = school(r.int64(1)), let avg = r.withBytes(5, { Rational(decimalBytes: $0) }) else { return }
                c.ege[Int(partOf[s])].append(EGEInput(resultID: "ege:" + String(r.int64(0)), schoolCode: codes[s], year: r.int64(2),
                                                      subject: r.withBytes(3) { subjects.string($0) }, participants: r.int64(4), average: avg, sd: r.double(6)))
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

    /// Subject codes repeat on every row: one String per distinct code, found by a
    /// length check and memcmp over the few codes seen so far (no hashing, no allocation).
    struct Interner {
        var known: [(bytes: [UInt8], string: String)] = []
        mutating func string(_ b: UnsafeRawBufferPointer) -> String {
            for k in known where k.bytes.count == b.count {
                if b.count == 0 || k.bytes.withUnsafeBytes({ memcmp($0.baseAddress!, b.baseAddress!, b.count) == 0 }) { return k.string }
            }
            let s = String(decoding: b, as: UTF8.self)
            known.append((Array(b), s))
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
