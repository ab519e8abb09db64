import Foundation
import Dispatch
import Domain
import FastStore
import NIOConcurrencyHelpers
@testable import App

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
        let scanned = try scan(path: path, year: year, parts: parts, settings: settings)
        let t1 = Date()
        // Each core builds its part's input from the scanned integers and computes it.
        let results = try parallel(parts) { Monitoring.compute(scanned.input(part: $0)) }
        let count = results.reduce(0) { $0 + $1.summaryCount(.either) }
        return Outcome(parts: results, readSeconds: t1.timeIntervalSince(t0), computeSeconds: Date().timeIntervalSince(t1), summaryCount: count)
    }

    /// Everything of years Y−1 and Y, split into parts of whole municipalities. The result
    /// tables are keyed by school number (M009) with no year index, so they are scanned in
    /// row-id ranges on both cores, with the schools read alongside; the rows come back
    /// as plain integers (no strings, no reference counting per row).
    static func scan(path: String, year: Int, parts: Int, settings: MonitoringSettings) throws -> Scan {
        precondition((1...255).contains(parts), "parts of the country: 1…255")
        let tStart = Date()
        let main = try FastSQLite(path: path, readOnly: true)
        var regional: [String: [Int: Rational]] = [:]
        let ref = try main.prepare("SELECT subject, year, value FROM reference_values WHERE exam = 'ege' AND year IN (?, ?)")
        ref.bind(1, year - 1); ref.bind(2, year)
        try ref.forEach { r in
            if let v = Rational(decimal: r.text(2) ?? "") { regional[r.text(0) ?? "", default: [:]][r.int(1) ?? 0] = v }
        }
        var maxID = (vpr: 0, ege: 0)
        try main.prepare("SELECT (SELECT max(id) FROM vpr_results), (SELECT max(id) FROM ege_results)").forEach { maxID = ($0.int(0) ?? 0, $0.int(1) ?? 0) }

        // Jobs are taken by whichever core is free: the schools, four quarters of ВПР, two halves
        // of ЕГЭ (smaller jobs measured slower: each opens its own connection).
        var jobs: [Job] = [.schools]
        for q in 0..<4 { jobs.append(.vpr(maxID.vpr * q / 4, maxID.vpr * (q + 1) / 4)) }
        for h in 0..<2 { jobs.append(.ege(maxID.ege * h / 2, maxID.ege * (h + 1) / 2)) }
        let trace = ProcessInfo.processInfo.environment["OPORA_BENCH_TRACE"] != nil
        let done = try parallel(jobs.count) { i -> Scanned in
            let t = Date()
            defer { if trace { print("    задание \(i): \(Date().timeIntervalSince(t)) с от \(t.timeIntervalSince(tStart))") } }
            return try scan(jobs[i], path: path, year: year)
        }

        guard case .schools(let schools, let municipalityCodes) = done[0] else { preconditionFailure("job 0 reads the schools") }
        var slot: [Int32] = [], partOf: [UInt8] = []
        for (i, s) in schools.enumerated() {
            if s.no >= slot.count { slot += [Int32](repeating: -1, count: max(s.no + 1 - slot.count, slot.count)) }
            slot[s.no] = Int32(i)
        }
        // Largest municipalities first, each to the lightest part: parts of nearly equal size.
        var sizes = [Int](repeating: 0, count: municipalityCodes.count)
        for s in schools { sizes[Int(s.municipality)] += 1 }
        var partSize = [Int](repeating: 0, count: parts), municipalityPart = [UInt8](repeating: 0, count: municipalityCodes.count)
        for m in sizes.indices.sorted(by: { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : municipalityCodes[$0] < municipalityCodes[$1] }) {
            let p = partSize.indices.min { partSize[$0] < partSize[$1] }!
            municipalityPart[m] = UInt8(p); partSize[p] += sizes[m]
        }
        partOf = schools.map { municipalityPart[Int($0.municipality)] }
        if trace { print("  чтение (школы и строки, \(jobs.count) заданий на двух ядрах) \(Date().timeIntervalSince(tStart))") }
        return Scan(year: year, parts: parts, settings: settings, schools: schools, municipalityCodes: municipalityCodes, slot: slot, partOf: partOf,
                    scanned: done, regional: regional)
    }

    /// The scanned rows, and the schools' numbers, municipalities and parts.
    struct Scan {
        let year: Int, parts: Int, settings: MonitoringSettings
        let schools: [SchoolRow], municipalityCodes: [String]
        /// School number → position in `schools` (−1: none); position → part.
        let slot: [Int32], partOf: [UInt8]
        let scanned: [Scanned]
        let regional: [String: [Int: Rational]]

        /// The input of one part: its schools and their rows of Y−1 and Y.
        func input(part p: Int) -> MonitoringInput {
            func school(_ no: Int32) -> Int? {
                let n = Int(no)
                guard n > 0, n < slot.count, slot[n] >= 0, partOf[Int(slot[n])] == p else { return nil }
                return Int(slot[n])
            }
            var refs: [SchoolRef] = []
            for (i, s) in schools.enumerated() where partOf[i] == p {
                refs.append(SchoolRef(code: s.code, name: s.name, municipality: municipalityCodes[Int(s.municipality)]))
            }
            var vpr: [VPRInput] = [], ege: [EGEInput] = []
            // Counted first, so that each array is allocated once at its final size.
            var counts = (vpr: 0, ege: 0)
            for chunk in scanned {
                switch chunk {
                case .vpr(let rows, _): for r in rows where school(r.school) != nil { counts.vpr += 1 }
                case .ege(let rows, _): for r in rows where school(r.school) != nil { counts.ege += 1 }
                case .schools: break
                }
            }
            vpr.reserveCapacity(counts.vpr); ege.reserveCapacity(counts.ege)
            for case .vpr(let rows, let subjects) in scanned {
                for r in rows {
                    guard let s = school(r.school) else { continue }
                    let marks: VPRMarks
                    if let text = r.percentages {
                        // As the app reads them (ResultRows): four readable shares, or the row is left out.
                        let shares = text.split(separator: ";").compactMap { Rational(decimal: String($0)) }
                        guard shares.count == 4 else { continue }
                        marks = .percentages(shares)
                    } else {
                        marks = .counts(MarkCounts(Int(r.m2), Int(r.m3), Int(r.m4), Int(r.m5)))
                    }
                    vpr.append(VPRInput(resultID: resultID("vpr:", r.id), schoolCode: schools[s].code, year: Int(r.year), subject: subjects[Int(r.subject)],
                                        grade: Int(r.grade), participants: Int(r.participants), marks: marks))
                }
            }
            for case .ege(let rows, let subjects) in scanned {
                for r in rows {
                    guard let s = school(r.school) else { continue }
                    ege.append(EGEInput(resultID: resultID("ege:", r.id), schoolCode: schools[s].code, year: Int(r.year), subject: subjects[Int(r.subject)],
                                        participants: Int(r.participants), average: r.average, sd: r.sd))
                }
            }
            return MonitoringInput(year: year, schools: refs, ege: ege, vpr: vpr, regionalEGEAverage: regional, settings: settings)
        }
    }

    enum Job { case schools, vpr(Int, Int), ege(Int, Int) }
    /// A school and its municipality's position in the municipality list.
    struct SchoolRow { let no: Int; let code: String; let name: String; let municipality: Int32 }
    struct VPRRow { var id: Int; var school: Int32; var year: Int16; var subject: UInt16; var grade: UInt8; var participants: Int32
                    var m2: Int32, m3: Int32, m4: Int32, m5: Int32; var percentages: String? }
    struct EGERow { var id: Int; var school: Int32; var year: Int16; var subject: UInt16; var participants: Int32; var average: Rational; var sd: Double? }
    enum Scanned { case schools([SchoolRow], municipalityCodes: [String]), vpr([VPRRow], subjects: [String]), ege([EGERow], subjects: [String]) }

    /// One job on its own read-only connection: rows with ids in (lo, hi] of years Y−1 and Y.
    static func scan(_ job: Job, path: String, year: Int) throws -> Scanned {
        let db = try FastSQLite(path: path, readOnly: true)
        var subjects = Interner()
        switch job {
        case .schools:
            // Municipalities first (a few hundred), then the schools without a join: schools
            // come municipality by municipality, so the id usually equals the previous row's.
            var codeOf: [String: Int32] = [:], codes: [String] = []
            try db.prepare("SELECT id, code FROM municipalities").forEach { r in
                codeOf[r.text(0) ?? ""] = Int32(codes.count); codes.append(r.text(1) ?? "")
            }
            var out: [SchoolRow] = [], last: [UInt8] = [], lastIndex: Int32 = -1
            out.reserveCapacity(codes.count * 100)
            try db.prepare("SELECT no, code, short_name, municipality_id FROM schools").forEach { r in
                let no = r.int64(0)
                guard no > 0 else { return }
                let m: Int32 = r.withBytes(3) { b in
                    if lastIndex >= 0, b.count == last.count, last.withUnsafeBytes({ memcmp($0.baseAddress!, b.baseAddress!, b.count) == 0 }) { return lastIndex }
                    last = Array(b); lastIndex = codeOf[String(decoding: b, as: UTF8.self)] ?? -1
                    return lastIndex
                }
                guard m >= 0 else { return }
                out.append(SchoolRow(no: no, code: r.text(1) ?? "", name: r.text(2) ?? "", municipality: m))
            }
            // In code order, as the monitoring lists them: each part's list comes out sorted.
            out.sort { $0.code < $1.code }
            return .schools(out, municipalityCodes: codes)
        case .vpr(let lo, let hi):
            var out: [VPRRow] = []
            out.reserveCapacity((hi - lo) / 5 + 16)   // a guess of two years in ten
            // As the app reads a row (ResultRows): by `source`, published percentages as one text
            // column ('' when one is missing), counts only when all four are there, else left out.
            let v = try db.prepare("""
                SELECT id, school_no, year, subject, grade, participants, m2, m3, m4, m5,
                       CASE WHEN source = 'percentages' THEN coalesce(p2 || ';' || p3 || ';' || p4 || ';' || p5, '') END
                FROM vpr_results WHERE id > ? AND id <= ? AND year IN (?, ?)
                """)
            v.bind(1, lo); v.bind(2, hi); v.bind(3, year - 1); v.bind(4, year)
            try v.forEach { r in
                let counted = r.isNull(10)
                if counted, r.isNull(6) || r.isNull(7) || r.isNull(8) || r.isNull(9) { return }
                out.append(VPRRow(id: r.int64(0), school: Int32(truncatingIfNeeded: r.int64(1)), year: Int16(truncatingIfNeeded: r.int64(2)),
                                  subject: r.withBytes(3) { subjects.index($0) }, grade: UInt8(truncatingIfNeeded: r.int64(4)),
                                  participants: Int32(truncatingIfNeeded: r.int64(5)),
                                  m2: counted ? Int32(truncatingIfNeeded: r.int64(6)) : 0, m3: counted ? Int32(truncatingIfNeeded: r.int64(7)) : 0,
                                  m4: counted ? Int32(truncatingIfNeeded: r.int64(8)) : 0, m5: counted ? Int32(truncatingIfNeeded: r.int64(9)) : 0,
                                  percentages: counted ? nil : (r.text(10) ?? "")))
            }
            return .vpr(out, subjects: subjects.strings)
        case .ege(let lo, let hi):
            var out: [EGERow] = []
            out.reserveCapacity((hi - lo) / 5 + 16)
            let e = try db.prepare("SELECT id, school_no, year, subject, participants, average, sd FROM ege_results WHERE id > ? AND id <= ? AND year IN (?, ?)")
            e.bind(1, lo); e.bind(2, hi); e.bind(3, year - 1); e.bind(4, year)
            try e.forEach { r in
                guard let avg = r.withBytes(5, { Rational(decimalBytes: $0) }) else { return }
                out.append(EGERow(id: r.int64(0), school: Int32(truncatingIfNeeded: r.int64(1)), year: Int16(truncatingIfNeeded: r.int64(2)),
                                  subject: r.withBytes(3) { subjects.index($0) }, participants: Int32(truncatingIfNeeded: r.int64(4)),
                                  average: avg, sd: r.double(6)))
            }
            return .ege(out, subjects: subjects.strings)
        }
    }

    /// "vpr:" + id without going through String(Int): prefix and digits written into one
    /// small string (up to 15 bytes, stored inline, no allocation).
    static func resultID(_ prefix: StaticString, _ id: Int) -> String {
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
        return withUnsafeMutableBytes(of: &buffer) { b in
            var n = prefix.utf8CodeUnitCount
            memcpy(b.baseAddress!, prefix.utf8Start, n)
            var digits = 0, v = id
            repeat { digits += 1; v /= 10 } while v > 0
            guard id >= 0, n + digits <= b.count else { return prefix.description + String(id) }
            v = id
            for i in stride(from: n + digits - 1, through: n, by: -1) { b[i] = UInt8(48 + v % 10); v /= 10 }
            n += digits
            return String(decoding: UnsafeRawBufferPointer(rebasing: b[0..<n]), as: UTF8.self)
        }
    }

    /// Subject codes repeat on every row: each distinct code gets a small number, found by
    /// a length check and memcmp over the few codes seen so far, kept in one flat buffer
    /// (no hashing, no allocation, no reference counting per row).
    struct Interner {
        private var bytes: [UInt8] = [], bounds: [(start: Int, count: Int)] = []
        private(set) var strings: [String] = []
        mutating func index(_ b: UnsafeRawBufferPointer) -> UInt16 {
            let found: Int? = bytes.withUnsafeBytes { flat in
                for i in bounds.indices where bounds[i].count == b.count {
                    if b.count == 0 || memcmp(flat.baseAddress! + bounds[i].start, b.baseAddress!, b.count) == 0 { return i }
                }
                return nil
            }
            if let found { return UInt16(found) }
            bounds.append((bytes.count, b.count)); bytes.append(contentsOf: b)
            strings.append(String(decoding: b, as: UTF8.self))
            return UInt16(strings.count - 1)
        }
    }

    /// Runs `count` jobs on the cores (DispatchQueue.concurrentPerform) and returns their values in order.
    static func parallel<T: Sendable>(_ count: Int, _ job: (Int) throws -> T) throws -> [T] {
        let slots = NIOLockedValueBox([Result<T, any Error>?](repeating: nil, count: count))
        withoutActuallyEscaping(job) { job in
            nonisolated(unsafe) let job = job
            DispatchQueue.concurrentPerform(iterations: count) { i in
                let r = Result { try job(i) }
                slots.withLockedValue { $0[i] = r }
            }
        }
        return try slots.withLockedValue { $0 }.map { try $0!.get() }
    }
}
