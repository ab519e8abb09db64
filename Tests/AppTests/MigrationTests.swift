@testable import App
import Fluent
import SQLKit
import Foundation
import Testing
import Vapor
import Domain

@Suite("Migrations") struct MigrationTests {
    /// M009 on a database that already has results: schools get numbers in creation order,
    /// rows move to the integer key with their ids, and new rows continue after the largest id.
    @Test func integerSchoolKeysKeepExistingResults() async throws {
        try await withTestApp(demo: false, migrate: false) { app in
            for m in Migrations.all.prefix(8) { try await m.prepare(on: app.db).get() }
            let sql = app.db as! any SQLDatabase
            let region = Region(code: "77", name: "Регион")
            try await region.create(on: app.db)
            let m = Municipality(regionID: region.id!, code: "m", name: "М", planningPeriod: .calendarYear)
            try await m.create(on: app.db)
            var ids: [UUID] = []
            for (i, code) in ["S-2", "S-1"].enumerated() {
                let id = UUID()
                ids.append(id)
                try await sql.raw("""
                    INSERT INTO schools (id, municipality_id, region_id, code, full_name, short_name, kind, legal_form, director_name, address, phone, email, is_leader, created_at)
                    VALUES (\(bind: id), \(bind: m.id!), \(bind: region.id!), \(bind: code), \(bind: code), \(bind: code), 'СОШ', 'МБОУ', '', '', '', '', false, \(bind: Date(timeIntervalSince1970: Double(1000 + i))))
                    """).run()
            }
            try await sql.raw("INSERT INTO ege_results (id, school_id, year, subject, participants, average) VALUES (41, \(bind: ids[1]), 2025, 'russian', 20, '70.5')").run()
            try await sql.raw("INSERT INTO vpr_results (id, school_id, year, subject, grade, participants, m2, m3, m4, m5, source) VALUES (7, \(bind: ids[0]), 2025, 'math', 5, 10, 1, 2, 3, 4, 'counts')").run()
            try await M009_IntegerSchoolKeys().prepare(on: app.db)

            let schools = try await School.query(on: app.db).sort(\.$no).all()
            #expect(schools.map(\.code) == ["S-2", "S-1"], "numbered in creation order")
            #expect(schools.map(\.no) == [1, 2])
            let ege = try #require(try await EGEResult.find(41, on: app.db))
            #expect(ege.schoolNo == 2 && ege.average == "70.5")
            let vpr = try #require(try await VPRResult.find(7, on: app.db))
            #expect(vpr.schoolNo == 1 && vpr.m5 == 4)
            let next = EGEResult()
            next.schoolNo = 1; next.year = 2025; next.subject = "russian"; next.participants = 5; next.average = "60"
            try await next.create(on: app.db)
            #expect((next.id ?? 0) > 41, "the id sequence continues after the copied rows")
            // A new school takes the next number; deleting a school deletes its results.
            let s = School()
            s.$municipality.id = m.id!; s.regionID = region.id!; s.isLeader = false
            s.apply(SchoolDraft(code: "S-3", fullName: "S-3", shortName: "S-3"))
            try await s.create(on: app.db)
            #expect(s.no == 3)
            try await schools[0].delete(on: app.db)
            #expect(try await VPRResult.query(on: app.db).count() == 0)
        }
    }
}
