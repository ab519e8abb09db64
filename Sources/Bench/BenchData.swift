import Foundation
import FastStore
@testable import App

/// Deterministic national-scale data for the benchmark: one 300-school municipality,
/// the rest of 40 schools each; ВПР for every school (2 subjects × 2 grades × years),
/// ЕГЭ for 5 schools in 8 (2 subjects × years). Logins edu100000…, codes B000000….
struct BenchData {
    let schools: Int
    let years: Int
    var lastYear: Int { 2015 + years }
    var firstYear: Int { lastYear - years + 1 }
    static let bigMunicipality = 300, perMunicipality = 40

    var municipalityCount: Int { 1 + max(0, (schools - Self.bigMunicipality + Self.perMunicipality - 1) / Self.perMunicipality) }
    func municipalityIndex(_ i: Int) -> Int { i < Self.bigMunicipality ? 0 : 1 + (i - Self.bigMunicipality) / Self.perMunicipality }
    func municipalityCode(_ m: Int) -> String { String(format: "bench%04d", m) }
    func schoolsIn(_ m: Int) -> Int { (0..<schools).filter { municipalityIndex($0) == m }.count }
    func login(_ i: Int) -> Int { 100_000 + i }
    func hasEGE(_ i: Int) -> Bool { i % 8 < 5 }

    struct Files { let vpr: String; let ege: String; let vprRows: Int; let egeRows: Int }

    func writeFiles(to dir: String) throws -> Files {
        var g: UInt64 = 0x2545F4914F6CDD1D
        func next(_ n: Int) -> Int { g ^= g << 13; g ^= g >> 7; g ^= g << 17; return Int(g % UInt64(n)) }
        let vprPath = dir + "/bench-vpr.csv", egePath = dir + "/bench-ege.csv"
        _ = FileManager.default.createFile(atPath: vprPath, contents: nil)
        _ = FileManager.default.createFile(atPath: egePath, contents: nil)
        let vpr = try FileHandle(forWritingTo: URL(fileURLWithPath: vprPath)), ege = try FileHandle(forWritingTo: URL(fileURLWithPath: egePath))
        defer { try? vpr.close(); try? ege.close() }
        var vb = "school_code;year;subject;grade;participants;mark2;mark3;mark4;mark5\n", eb = "school_code;year;subject;participants;average_score\n"
        var vprRows = 0, egeRows = 0
        for i in 0..<schools {
            let code = "edu\(login(i))"
            for y in firstYear...lastYear {
                for subject in ["russian", "math"] {
                    for grade in [5, 6] {
                        let n = 20 + next(80), two = n * (2 + next(30)) / 100, five = n * (5 + next(20)) / 100, four = (n - two - five) * (30 + next(30)) / 100
                        vb += "\(code);\(y);\(subject);\(grade);\(n);\(two);\(n - two - four - five);\(four);\(five)\n"
                        vprRows += 1
                    }
                }
                if hasEGE(i) {
                    for (subject, base) in [("russian", 640), ("math_profile", 500)] {
                        let avg = base + next(200)
                        eb += "\(code);\(y);\(subject);\(8 + next(60));\(avg / 10).\(avg % 10)\n"
                        egeRows += 1
                    }
                }
            }
            if vb.utf8.count > 1 << 20 { vpr.write(Data(vb.utf8)); vb = "" }
            if eb.utf8.count > 1 << 20 { ege.write(Data(eb.utf8)); eb = "" }
        }
        vpr.write(Data(vb.utf8)); ege.write(Data(eb.utf8))
        return Files(vpr: vprPath, ege: egePath, vprRows: vprRows, egeRows: egeRows)
    }

    /// The registry file of all schools, as `opora import schools` takes it (codes B000000…,
    /// each school's municipality in its own column, the login the result files name).
    func writeSchoolsFile(to dir: String) throws -> String {
        let path = dir + "/bench-schools.csv"
        var text = "Код школы;Код муниципалитета;Полное наименование;Краткое наименование;Вид;Организационно-правовая форма;Логин ФИС ОКО\n"
        for i in 0..<schools {
            text += String(format: "B%06d", i) + ";\(municipalityCode(municipalityIndex(i)));"
                + "Муниципальное бюджетное общеобразовательное учреждение СОШ № \(i);МБОУ СОШ № \(i);СОШ;МБОУ;edu\(login(i))\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The region, its municipalities and the regional ЕГЭ averages, in the app's own tables
    /// (the schools come through the import). Returns the region's id.
    @discardableResult
    func insertPlaces(_ db: FastSQLite) throws -> String {
        let regionID = UUID().uuidString
        try db.transaction {
            let r = try db.prepare("INSERT INTO regions (id, code, name) VALUES (?, 'bench', 'Регион замера')")
            r.bind(1, regionID); try r.run()
            let m = try db.prepare("INSERT INTO municipalities (id, region_id, code, name, fis_oko_code, center_name, planning_period, time_zone, settings_json) VALUES (?, ?, ?, ?, '', '', 'school_year', 'Europe/Moscow', '{}')")
            for k in 0..<municipalityCount {
                m.bind(1, UUID().uuidString); m.bind(2, regionID); m.bind(3, municipalityCode(k)); m.bind(4, "Муниципалитет \(k)"); try m.run()
            }
            let ref = try db.prepare("INSERT INTO reference_values (id, region_id, exam, subject, grade, year, value, source) VALUES (?, ?, 'ege', ?, 0, ?, ?, 'замер')")
            for y in firstYear...lastYear {
                for (subject, value) in [("russian", "73.9"), ("math_profile", "59.9")] {
                    ref.bind(1, UUID().uuidString); ref.bind(2, regionID); ref.bind(3, subject); ref.bind(4, y); ref.bind(5, value); try ref.run()
                }
            }
        }
        return regionID
    }

    /// Places and schools straight into the tables, for tests of the bare loader
    /// (the benchmark imports the schools file instead). Returns the schools' numbers.
    func insertSchools(_ db: FastSQLite) throws -> ContiguousArray<Int> {
        let regionID = try insertPlaces(db)
        var mids: [String] = []
        let q = try db.prepare("SELECT id FROM municipalities WHERE region_id = ? ORDER BY code")
        q.bind(1, regionID)
        try q.forEach { mids.append($0.text(0) ?? "") }
        var ids = ContiguousArray<Int>()
        ids.reserveCapacity(schools)
        try db.transaction {
            let s = try db.prepare("INSERT INTO schools (id, municipality_id, region_id, code, full_name, short_name, kind, legal_form, director_name, address, phone, email, fis_oko_login, is_leader, created_at, updated_at, no) VALUES (?, ?, ?, ?, ?, ?, 'СОШ', 'МБОУ', '', '', '', '', ?, 0, ?, ?, ?)")
            let now = Date().timeIntervalSince1970
            for i in 0..<schools {
                ids.append(i + 1)
                s.bind(1, UUID().uuidString); s.bind(2, mids[municipalityIndex(i)]); s.bind(3, regionID); s.bind(4, String(format: "B%06d", i))
                s.bind(5, "Муниципальное бюджетное общеобразовательное учреждение СОШ № \(i)"); s.bind(6, "МБОУ СОШ № \(i)")
                s.bind(7, String(login(i))); s.bind(8, now); s.bind(9, now); s.bind(10, i + 1); try s.run()
            }
        }
        return ids
    }
}
