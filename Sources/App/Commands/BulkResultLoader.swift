import Foundation
import Domain
import Importing
import FastStore

/// The bulk path of the results importer on SQLite: the streaming scanner of
/// Importing validates the whole file first (all or nothing), then rows go into the
/// app's tables through one prepared statement in one transaction.
struct BulkResultLoader {
    let store: FastSQLite
    /// School ids by login − 100000 (the benchmark's logins); other keys go through `byKey`.
    let schoolIDs: ContiguousArray<String>
    var byKey: [SchoolKey: String] = [:]

    init(store: FastSQLite, schoolIDs: ContiguousArray<String>) { self.store = store; self.schoolIDs = schoolIDs }

    struct Unknown: Error, LocalizedError { let message: String; var errorDescription: String? { message } }

    func school(_ s: FastSchool) throws -> String {
        if case .login(let b) = s, b.count == 6 || b.count == 9 {
            var n = 0
            for i in (b.count - 6)..<b.count { n = n * 10 + Int(b[i] &- 0x30) }
            let idx = n - 100_000
            if idx >= 0 && idx < schoolIDs.count { return schoolIDs[idx] }
        }
        let k = s.key
        guard let id = byKey[k] else { throw Unknown(message: "Школа не найдена: \(SchoolResolver.describe(k))") }
        return id
    }

    func importVPR(_ url: URL) throws -> Int {
        let ins = try store.prepare("INSERT OR REPLACE INTO vpr_results (school_id, year, subject, grade, participants, m2, m3, m4, m5, p2, p3, p4, p5, source) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        return try store.transaction {
            try ResultImport.scanVPR(fileURL: url) { r in
                ins.bind(1, try school(r.school)); ins.bind(2, r.year); ins.bind(3, r.subject); ins.bind(4, r.grade); ins.bind(5, r.participants)
                if let c = r.counts {
                    ins.bind(6, c.0); ins.bind(7, c.1); ins.bind(8, c.2); ins.bind(9, c.3)
                    for i: Int32 in 10...13 { ins.bind(i, nil as String?) }
                    ins.bind(14, "counts")
                } else if let p = r.shares {
                    for i: Int32 in 6...9 { ins.bind(i, nil as Int?) }
                    ins.bind(10, p.0.text); ins.bind(11, p.1.text); ins.bind(12, p.2.text); ins.bind(13, p.3.text); ins.bind(14, "percentages")
                }
                try ins.run()
            }.rows
        }
    }

    func importEGE(_ url: URL) throws -> Int {
        let ins = try store.prepare("INSERT OR REPLACE INTO ege_results (school_id, year, subject, participants, average, sd, below_minimum, high_scorers) VALUES (?,?,?,?,?,?,?,?)")
        return try store.transaction {
            try ResultImport.scanEGE(fileURL: url) { r in
                ins.bind(1, try school(r.school)); ins.bind(2, r.year); ins.bind(3, r.subject); ins.bind(4, r.participants)
                ins.bind(5, r.average.text); ins.bind(6, r.sd?.double); ins.bind(7, r.belowMinimum); ins.bind(8, r.highScorers)
                try ins.run()
            }.rows
        }
    }

    /// The whole country's monitoring input for year Y straight from SQLite (the same
    /// mapping as MonitoringLoader, without Fluent's per-row model decoding).
    static func countryInput(store: FastSQLite, year: Int) throws -> MonitoringInput {
        var codeOf: [String: String] = [:]
        var schools: [SchoolRef] = []
        try store.prepare("SELECT s.id, s.code, s.short_name, m.code FROM schools s JOIN municipalities m ON m.id = s.municipality_id").forEach { r in
            let code = r.text(1) ?? ""
            codeOf[r.text(0) ?? ""] = code
            schools.append(SchoolRef(code: code, name: r.text(2) ?? "", municipality: r.text(3) ?? ""))
        }
        var vpr: [VPRInput] = []
        vpr.reserveCapacity(schools.count * 8)
        let v = try store.prepare("SELECT id, school_id, year, subject, grade, participants, m2, m3, m4, m5, p2, p3, p4, p5, source FROM vpr_results WHERE year IN (?, ?)")
        v.bind(1, year - 1); v.bind(2, year)
        try v.forEach { r in
            let marks: VPRMarks
            if r.text(14) == "percentages" {
                marks = .percentages((10...13).map { Rational(decimal: r.text($0) ?? "") ?? .zero })
            } else {
                marks = .counts([r.int(6) ?? 0, r.int(7) ?? 0, r.int(8) ?? 0, r.int(9) ?? 0])
            }
            vpr.append(VPRInput(resultID: "vpr:\(r.int(0) ?? 0)", schoolCode: codeOf[r.text(1) ?? ""] ?? "", year: r.int(2) ?? 0, subject: r.text(3) ?? "",
                                grade: r.int(4) ?? 0, participants: r.int(5) ?? 0, marks: marks))
        }
        var ege: [EGEInput] = []
        let e = try store.prepare("SELECT id, school_id, year, subject, participants, average, sd FROM ege_results WHERE year IN (?, ?)")
        e.bind(1, year - 1); e.bind(2, year)
        try e.forEach { r in
            guard let avg = Rational(decimal: r.text(5) ?? "") else { return }
            ege.append(EGEInput(resultID: "ege:\(r.int(0) ?? 0)", schoolCode: codeOf[r.text(1) ?? ""] ?? "", year: r.int(2) ?? 0, subject: r.text(3) ?? "",
                                participants: r.int(4) ?? 0, average: avg, sd: r.double(6)))
        }
        var regional: [String: [Int: Rational]] = [:]
        let ref = try store.prepare("SELECT subject, year, value FROM reference_values WHERE exam = 'ege' AND year IN (?, ?)")
        ref.bind(1, year - 1); ref.bind(2, year)
        try ref.forEach { r in
            if let v = Rational(decimal: r.text(2) ?? "") { regional[r.text(0) ?? "", default: [:]][r.int(1) ?? 0] = v }
        }
        return MonitoringInput(year: year, schools: schools, ege: ege, vpr: vpr, regionalEGEAverage: regional)
    }
}
