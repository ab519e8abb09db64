@testable import App
import Domain
import Fluent
import Importing
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The one writer of ВПР/ЕГЭ files (ResultBulkWriter) behind the web upload, `opora import`
/// and the benchmark, on both of its targets: SQLKit statements (in-memory SQLite, or the CI's
/// PostgreSQL) and FastStore on an SQLite file. Also the batched schools and staff imports.
@Suite("Import speed path") struct ImportSpeedPathTests {
    let actor = ImportActor(userID: nil, login: "test", principal: nil)
    static let header = "school_code;year;subject;grade;participants;mark2;mark3;mark4;mark5"

    /// The test on the app's usual test database, then on an SQLite file.
    func onBothTargets(_ test: (Application) async throws -> Void) async throws {
        try await withTestApp(test)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("speed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let app = try await Application.make(.testing)
        do {
            try await configure(app, database: .sqliteFile(dir.appendingPathComponent("opora.sqlite").path))
            try await app.autoMigrate()
            try await DemoSeeder.seed(app.db, passwordHash: try Bcrypt.hash(DemoSeeder.password, cost: 4), today: CalendarDay(date: app.now(), timeZone: CuratorshipService.zone))
            #expect(try await ResultBulkWriter.target(for: app.db) != .sql, "an SQLite file is written through FastStore")
            try await test(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    func municipality(_ code: String, _ app: Application) async throws -> Municipality {
        try #require(try await Municipality.query(on: app.db).filter(\.$code == code).first())
    }

    func schools(of m: Municipality, _ app: Application) async throws -> [School] {
        try await School.query(on: app.db).filter(\.$municipality.$id == m.id!).filter(\.$fisOkoLogin != nil).sort(\.$code).all()
    }

    /// Rows of ВПР results of `years` as text, in key order (ids apart).
    func vprRows(_ app: Application, years: ClosedRange<Int>) async throws -> [String] {
        let sql = app.db as! any SQLDatabase
        return try await sql.select().columns("school_no", "year", "subject", "grade", "participants", "m2", "m3", "m4", "m5", "p2", "p3", "p4", "p5", "source")
            .from("vpr_results").where("year", .greaterThanOrEqual, years.lowerBound).where("year", .lessThanOrEqual, years.upperBound)
            .orderBy("school_no").orderBy("year").orderBy("subject").orderBy("grade").all().map { r in
                let ints = try ["school_no", "year", "grade", "participants", "m2", "m3", "m4", "m5"].map { try r.decode(column: $0, as: Int?.self).map(String.init) ?? "-" }
                let texts = try ["subject", "p2", "p3", "p4", "p5", "source"].map { try r.decode(column: $0, as: String?.self) ?? "-" }
                return (ints + texts).joined(separator: "|")
            }
    }

    /// A simple ВПР file: every school × years × two subjects × grades 5 and 6, counts summing up.
    func vprFile(_ schools: [School], years: ClosedRange<Int>, byCode: Bool = false, seed: Int = 0) -> String {
        var text = Self.header + "\n"
        for (i, s) in schools.enumerated() {
            for y in years { for subject in ["russian", "math"] { for grade in [5, 6] {
                let n = 20 + (i * 7 + y * 3 + grade + seed) % 30, two = n / 10, five = n / 5, four = n / 3
                text += "\(byCode ? s.code : "edu" + s.fisOkoLogin!);\(y);\(subject);\(grade);\(n);\(two);\(n - two - four - five);\(four);\(five)\n"
            } } }
        }
        return text
    }

    func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vpr-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func webUploadCommandLineAndSpreadsheetWriteTheSameRows() async throws {
        try await onBothTargets { app in
            let m = try await municipality("armavir", app)
            let schools = try await schools(of: m, app)
            let csv = vprFile(schools, years: 2031...2033)
            let expectedCount = schools.count * 3 * 4
            let web = try await ResultImportService.run(.vpr, .data(Data(csv.utf8)), fileName: "v.csv", scope: .municipality(m), defaultYear: nil, importID: nil, on: app.db)
            #expect(web.errors.isEmpty && web.unmatched.isEmpty && web.written == expectedCount, "\(web.errors.prefix(2))")
            let viaWeb = try await vprRows(app, years: 2031...2033)
            #expect(viaWeb.count == expectedCount)
            // The same rows by school code, from the disk (the CLI's call) — they replace the first ones.
            let url = try write(vprFile(schools, years: 2031...2033, byCode: true))
            defer { try? FileManager.default.removeItem(at: url) }
            let cli = try await ImportPipeline.importFile(.results(.vpr), at: url, scope: .municipality(m), defaultYear: nil, actor: actor, app: app).outcome
            #expect(cli.errors.isEmpty && cli.written == expectedCount)
            #expect(try await vprRows(app, years: 2031...2033) == viaWeb)
            // The general path (a spreadsheet) writes the very same rows.
            let table = csv.split(separator: "\n").map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
            let xlsx = try await ResultImportService.run(.vpr, .data(try XLSXWriter.write(table)), fileName: "v.xlsx", scope: .municipality(m), defaultYear: nil, importID: nil, on: app.db)
            #expect(xlsx.errors.isEmpty && xlsx.written == expectedCount)
            #expect(try await vprRows(app, years: 2031...2033) == viaWeb)
            // The stored numbers are the file's.
            let first = schools[0], n = 20 + (0 + 2031 * 3 + 5) % 30
            let row = try #require(try await VPRResult.query(on: app.db).filter(\.$schoolNo == first.no!).filter(\.$year == 2031)
                .filter(\.$subject == "math").filter(\.$grade == 5).first())
            #expect(row.participants == n && row.m2 == n / 10 && row.m3 == n - n / 10 - n / 3 - n / 5 && row.m4 == n / 3 && row.m5 == n / 5)
            #expect(row.source == "counts" && row.p2 == nil)
        }
    }

    @Test func reimportReplacesTheSameKeysWithNewRows() async throws {
        try await onBothTargets { app in
            let m = try await municipality("armavir", app)
            let schools = Array(try await schools(of: m, app).prefix(3))
            let version = try await DataVersion.current([.results(m.id!)], on: app.db)[0]
            let jobID = UUID()
            _ = try await ResultImportService.run(.vpr, .data(Data(vprFile(schools, years: 2040...2041).utf8)), fileName: "v.csv", scope: .municipality(m), defaultYear: nil, importID: jobID, on: app.db)
            #expect(try await DataVersion.current([.results(m.id!)], on: app.db)[0] == version + 1, "the version moves once per file")
            let before = try await VPRResult.query(on: app.db).filter(\.$year == 2041).all()
            #expect(before.count == 12 && before.allSatisfy { $0.importID == jobID })
            // The second file changes every count of 2041 and adds 2042; 2040 stays as it was.
            let again = try await ResultImportService.run(.vpr, .data(Data(vprFile(schools, years: 2041...2042, seed: 5).utf8)), fileName: "v.csv", scope: .municipality(m), defaultYear: nil, importID: nil, on: app.db)
            #expect(again.written == 24)
            let after = try await VPRResult.query(on: app.db).filter(\.$year == 2041).all()
            #expect(after.count == 12, "replaced, never duplicated")
            #expect(Set(after.compactMap(\.id)).isDisjoint(with: before.compactMap(\.id)), "a replaced row is a new row (as delete + insert)")
            #expect(after.allSatisfy { $0.importID == nil })
            #expect(after.map(\.participants).sorted() != before.map(\.participants).sorted())
            #expect(try await VPRResult.query(on: app.db).filter(\.$year >= 2040).filter(\.$year <= 2042).count() == 36)
            // ЕГЭ the same way.
            let s = schools[0]
            let ege = "school_code;year;subject;participants;average_score;below_minimum\nedu\(s.fisOkoLogin!);2040;russian;30;71.5;1\n"
            _ = try await ResultImportService.run(.ege, .data(Data(ege.utf8)), fileName: "e.csv", scope: .municipality(m), defaultYear: nil, importID: nil, on: app.db)
            let url = try write(ege.replacingOccurrences(of: "30;71.5;1", with: "31;68.25;"))
            defer { try? FileManager.default.removeItem(at: url) }
            let o = try await ImportPipeline.importFile(.results(.ege), at: url, scope: .municipality(m), defaultYear: nil, actor: actor, app: app).outcome
            #expect(o.written == 1)
            let rows = try await EGEResult.query(on: app.db).filter(\.$schoolNo == s.no!).filter(\.$year == 2040).all()
            #expect(rows.count == 1 && rows[0].participants == 31 && rows[0].average == "68.25" && rows[0].belowMinimum == nil)
        }
    }

    @Test func aBadRowAfterThousandsOfGoodOnesWritesNothing() async throws {
        try await onBothTargets { app in
            let m = try await municipality("armavir", app)
            let schools = try await schools(of: m, app)
            var csv = vprFile(schools, years: 2016...2095)
            let good = csv.split(separator: "\n").count - 1
            #expect(good > 3 * SQLResultRows.batch, "rows reach the writer before the bad one")
            csv += "edu\(schools[0].fisOkoLogin!);2099;russian;5;20;5;5;5;4\n"
            let version = try await DataVersion.current([.results(m.id!)], on: app.db)[0]
            let stored = try await VPRResult.query(on: app.db).filter(\.$year >= 2016).filter(\.$year <= 2095).count()
            let url = try write(csv)
            defer { try? FileManager.default.removeItem(at: url) }
            for o in [try await ResultImportService.run(.vpr, .data(Data(csv.utf8)), fileName: "v.csv", scope: .municipality(m), defaultYear: nil, importID: nil, on: app.db),
                      try await ImportPipeline.importFile(.results(.vpr), at: url, scope: .municipality(m), defaultYear: nil, actor: actor, app: app).outcome] {
                #expect(o.errors.count == 1 && o.errors[0].row == good + 2 && !o.errors[0].column.isEmpty, "\(o.errors.prefix(2))")
                #expect(o.written == 0)
            }
            #expect(try await VPRResult.query(on: app.db).filter(\.$year >= 2016).filter(\.$year <= 2095).count() == stored, "all or nothing")
            #expect(try await DataVersion.current([.results(m.id!)], on: app.db)[0] == version)
        }
    }

    @Test func unknownSchoolsAreListedForMatchingAndNothingIsWritten() async throws {
        try await onBothTargets { app in
            let m = try await municipality("armavir", app)
            let schools = try await schools(of: m, app)
            var csv = vprFile(schools, years: 2050...2070)
            let good = csv.split(separator: "\n").count - 1
            csv += "edu239998;2050;russian;5;20;2;8;6;4\nedu239999;2050;russian;5;20;2;8;6;4\nedu239998;2051;russian;5;20;2;8;6;4\n"
            let o = try await ResultImportService.run(.vpr, .data(Data(csv.utf8)), fileName: "v.csv", scope: .municipality(m), defaultYear: nil, importID: nil, on: app.db)
            #expect(o.errors.isEmpty && o.written == 0)
            #expect(o.unmatched.map(\.value) == ["239998", "239999"] && o.unmatched[0].rows == [good + 2, good + 4] && o.unmatched[0].kind == "login")
            #expect(try await VPRResult.query(on: app.db).filter(\.$year >= 2050).filter(\.$year <= 2070).count() == 0)
            // «Не наша школа» for both: the rest is written, their rows counted as skipped.
            let skipped = try await ResultImportService.run(.vpr, .data(Data(csv.utf8)), fileName: "v.csv", scope: .municipality(m), defaultYear: nil, importID: nil, on: app.db, skipping: ["login|239998", "login|239999"])
            #expect(skipped.unmatched.isEmpty && skipped.written == good && skipped.skippedOtherMunicipality == 3)
            #expect(skipped.notes.contains { $0.contains("Пропущено строк") })
        }
    }

    @Test func otherMunicipalitiesAreSkippedUnlessTheWholeRegionIsImported() async throws {
        try await onBothTargets { app in
            let arm = try await municipality("armavir", app), len = try await municipality("leningradsky", app)
            let mine = Array(try await schools(of: arm, app).prefix(2)), theirs = Array(try await schools(of: len, app).prefix(3))
            let url = try write(vprFile(mine + theirs, years: 2080...2080))
            defer { try? FileManager.default.removeItem(at: url) }
            let one = try await ImportPipeline.importFile(.results(.vpr), at: url, scope: .municipality(arm), defaultYear: nil, actor: actor, app: app).outcome
            #expect(one.written == 8 && one.skippedOtherMunicipality == 12)
            let all = try await ImportPipeline.importFile(.results(.vpr), at: url, scope: .region(arm.$region.id), defaultYear: nil, actor: actor, app: app).outcome
            #expect(all.written == 20 && all.skippedOtherMunicipality == 0)
            #expect(try await VPRResult.query(on: app.db).filter(\.$year == 2080).count() == 20)
        }
    }

    @Test func theFileTargetIsNotUsedInsideATransaction() async throws {
        try await onBothTargets { app in
            let inside = try await app.db.transaction { db in try await ResultBulkWriter.target(for: db) }
            #expect(inside == .sql)
        }
    }

    @Test func bigRegistryFilesAreWrittenInBatchesAndAuditedOnce() async throws {
        try await withTestApp { app in
            let m = try await municipality("armavir", app)
            let n = ImportRows.perRowAuditLimit + 200
            var csv = "Код школы;Полное наименование;Краткое наименование;Вид;Логин ФИС ОКО;Год;ШНОР\n"
            for i in 0..<n { csv += "BIG-\(i);Муниципальное бюджетное общеобразовательное учреждение СОШ № \(i);МБОУ СОШ № \(i);СОШ;edu\(700_000 + i);2025;\(i % 3 == 0 ? "да" : "нет")\n" }
            let last = try await School.query(on: app.db).max(\.$no) ?? 0
            let audits = try await AuditEntry.query(on: app.db).count()
            let first = try await ImportPipeline.handle(.schools, .data(Data(csv.utf8)), fileName: "s.csv", scope: .municipality(m), defaultYear: nil, actor: actor, jobID: nil, on: app.db)
            #expect(first.errors.isEmpty && first.created == n)
            let numbers = try await School.query(on: app.db).filter(\.$no > last).sort(\.$no).all()
            #expect(numbers.count == n && numbers.first?.code == "BIG-0" && numbers.last?.no == last + n, "numbered after the existing schools, in file order")
            #expect(try await SchoolStatus.query(on: app.db).filter(\.$lowResults == true).filter(\.$year == 2025).count() >= (n + 2) / 3)
            #expect(try await AuditEntry.query(on: app.db).count() == audits, "a big file is audited once, by its caller")
            let again = try await ImportPipeline.handle(.schools, .data(Data(csv.replacingOccurrences(of: "СОШ № 7;", with: "СОШ № 7 им. Героя;").utf8)), fileName: "s.csv", scope: .municipality(m), defaultYear: nil, actor: actor, jobID: nil, on: app.db)
            #expect(again.created == 0 && again.updated == n)
            #expect(try await Fixture.school("BIG-7", app).shortName == "МБОУ СОШ № 7 им. Героя")
            #expect(try await School.query(on: app.db).filter(\.$no > last).count() == n)

            var staff = "Код сотрудника;Фамилия;Имя;Код школы;Должность;Роли;Предметы\n"
            for i in 0..<n { staff += "BT-\(i);Тестова;Анна;BIG-\(i % 50);Учитель;\"учитель\(i % 2 == 0 ? ", тьютор" : "")\";Русский язык\n" }
            let people = try await ImportPipeline.handle(.staff, .data(Data(staff.utf8)), fileName: "k.csv", scope: .municipality(m), defaultYear: nil, actor: actor, jobID: nil, on: app.db)
            #expect(people.errors.isEmpty && people.created == n, "\(people.errors.prefix(2))")
            let ids = try await Person.query(on: app.db).filter(\.$staffCode ~~ ["BT-0", "BT-1"]).sort(\.$staffCode).all().compactMap(\.id)
            #expect(try await PersonFunctionRow.query(on: app.db).filter(\.$person.$id ~~ ids).count() == 3)
            let changed = try await ImportPipeline.handle(.staff, .data(Data(staff.replacingOccurrences(of: "учитель, тьютор", with: "тьютор").utf8)), fileName: "k.csv", scope: .municipality(m), defaultYear: nil, actor: actor, jobID: nil, on: app.db)
            #expect(changed.updated == n)
            #expect(try await PersonFunctionRow.query(on: app.db).filter(\.$person.$id ~~ ids).count() == 2, "functions rewritten, not added")
        }
    }

    /// The registry importers write their new rows column by column (RegistryRows): every field of each model is written.
    @Test func registryColumnsAreEveryFieldOfTheModels() {
        func names<M: Model>(_: M.Type) -> Set<String> { Set(M.keys.map(\.description)) }
        #expect(Set(RegistryRows.schoolColumns) == names(School.self))
        #expect(Set(RegistryRows.statusColumns) == names(SchoolStatus.self))
        #expect(Set(RegistryRows.personColumns) == names(Person.self))
        #expect(Set(RegistryRows.functionColumns) == names(PersonFunctionRow.self))
        #expect(Set(RegistryRows.auditColumns) == names(AuditEntry.self))
    }
}
