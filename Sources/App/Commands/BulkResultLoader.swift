import Foundation
import Domain
import Importing
import FastStore

/// The bulk path of the results importer on SQLite: the streaming scanner of
/// Importing reads the file once, rows go into the app's tables through one prepared
/// statement in one transaction, and any error in the file (all of them are listed)
/// rolls the whole transaction back: all or nothing.
struct BulkResultLoader {
    let store: FastSQLite
    /// School numbers (`schools.no`) by login − 100000 (the benchmark's logins); other keys go through `byKey`.
    let schoolIDs: ContiguousArray<Int>
    var byKey: [SchoolKey: Int] = [:]

    init(store: FastSQLite, schoolIDs: ContiguousArray<Int>) { self.store = store; self.schoolIDs = schoolIDs }

    struct Unknown: Error, LocalizedError { let message: String; var errorDescription: String? { message } }

    func school(_ s: FastSchool) throws -> Int {
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
        let ins = try store.prepare("INSERT OR REPLACE INTO vpr_results (school_no, year, subject, grade, participants, m2, m3, m4, m5, p2, p3, p4, p5, source) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        return try store.transaction {
            try ResultImport.scanVPR(fileURL: url, singlePass: true) { r in
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
        let ins = try store.prepare("INSERT OR REPLACE INTO ege_results (school_no, year, subject, participants, average, sd, below_minimum, high_scorers) VALUES (?,?,?,?,?,?,?,?)")
        return try store.transaction {
            try ResultImport.scanEGE(fileURL: url, singlePass: true) { r in
                ins.bind(1, try school(r.school)); ins.bind(2, r.year); ins.bind(3, r.subject); ins.bind(4, r.participants)
                ins.bind(5, r.average.text); ins.bind(6, r.sd?.double); ins.bind(7, r.belowMinimum); ins.bind(8, r.highScorers)
                try ins.run()
            }.rows
        }
    }
}
