@testable import App
import DemoData
import Domain
import Fluent
import Foundation
import Testing
import Vapor

/// `opora backup` / `opora restore` on SQLite: a copy of a live demo database restored into an
/// empty directory equals the original in every table, row by row; bad files are refused.
@Suite("Backup and restore") struct BackupTests {
    func tempDir() throws -> String {
        let d = NSTemporaryDirectory() + "opora-backup-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }

    func fileApp(_ dir: String, _ body: (Application) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        do {
            try await configure(app, database: .sqliteFile(dir + "/opora.sqlite"))
            try await body(app)
        } catch { try? await app.asyncShutdown(); throw error }
        try await app.asyncShutdown()
    }

    @Test func restoreIntoAnEmptyDirectoryEqualsTheOriginalRowByRow() async throws {
        guard ProcessInfo.processInfo.environment["OPORA_TEST_DATABASE_URL"] == nil else { return }   // pg_dump: Scripts and the admin guide
        let live = try tempDir(), copies = try tempDir(), empty = try tempDir() + "/restored"
        var backup = ""
        try await fileApp(live) { app in
            try await app.autoMigrate()
            try await DemoSeeder.seed(app.db, passwordHash: try Bcrypt.hash(DemoSeeder.password, cost: 4), today: CalendarDay(date: app.now(), timeZone: CuratorshipService.zone))
            backup = copies + "/" + Backup.fileName(Date(), ext: "sqlite")
            try await Backup.sqlite(app.db, to: backup)
            await #expect(throws: Backup.Failure.self) { try await Backup.sqlite(app.db, to: backup) }   // never overwrites
            let counts = try await Backup.restoreSQLite(from: backup, dataDirectory: empty, force: false, on: app)
            #expect(counts.tables > 40 && counts.rows > 1000)
            let original = try await Backup.tables(of: live + "/opora.sqlite", on: app)
            let restored = try await Backup.tables(of: empty + "/opora.sqlite", on: app)
            #expect(original.keys.sorted() == restored.keys.sorted())
            for (table, rows) in original { #expect(restored[table] == rows, "table \(table)") }
            #expect((original["schools"]?.count ?? 0) > 10 && (original["people"]?.count ?? 0) > 10)
            // A second restore over the now non-empty directory needs --force and keeps the previous file.
            await #expect(throws: Backup.Failure.self) { try await Backup.restoreSQLite(from: backup, dataDirectory: empty, force: false, on: app) }
            _ = try await Backup.restoreSQLite(from: backup, dataDirectory: empty, force: true, on: app)
            #expect(FileManager.default.fileExists(atPath: empty + "/opora.sqlite.before-restore"))
        }
        // The restored directory is a working database: the app opens it and finds the demo.
        try await fileApp(empty) { app in
            let schools = try await School.query(on: app.db).count()
            let center = try await User.query(on: app.db).filter(\.$login == "center").first()
            #expect(schools > 10 && center != nil)
        }
    }

    @Test func refusesFilesThatAreNotIntactOporaDatabases() async throws {
        guard ProcessInfo.processInfo.environment["OPORA_TEST_DATABASE_URL"] == nil else { return }
        let dir = try tempDir(), target = try tempDir()
        let text = dir + "/notes.sqlite"; try Data("не база данных".utf8).write(to: URL(fileURLWithPath: text))
        try await fileApp(dir) { app in
            try await app.autoMigrate()
            let good = dir + "/good.sqlite"; try await Backup.sqlite(app.db, to: good)
            var bytes = try Data(contentsOf: URL(fileURLWithPath: good))
            let corrupt = dir + "/corrupt.sqlite"
            bytes.replaceSubrange(4096..<min(bytes.count, 4096 * 3), with: Data(repeating: 0xAB, count: min(bytes.count, 4096 * 3) - 4096))
            try bytes.write(to: URL(fileURLWithPath: corrupt))
            for (file, words) in [(text, "не файл базы данных SQLite"), (corrupt, "повреждён"), (dir + "/missing.sqlite", "нет")] {
                do {
                    _ = try await Backup.restoreSQLite(from: file, dataDirectory: target, force: true, on: app)
                    Issue.record("\(file) restored")
                } catch let e as Backup.Failure {
                    #expect(e.description.contains(words), "\(e.description)")
                } catch {
                    // A page so broken that SQLite refuses to open it is refused too.
                    #expect(file == corrupt, "\(error)")
                }
            }
            #expect(!FileManager.default.fileExists(atPath: target + "/opora.sqlite"), "nothing replaced")
        }
    }
}
