@testable import App
@testable import Bench
import Domain
import DemoData
import Fluent
import Importing
import Testing
import Vapor
import VaporTesting
import FastStore

@Suite("Result imports") struct ResultImportTests {
    let actor = ImportActor(userID: nil, login: "test", principal: nil)
    static let header = "school_code;year;subject;grade;participants;mark2;mark3;mark4;mark5"

    func armavir(_ app: Application) async throws -> Municipality {
        try #require(try await Municipality.query(on: app.db).filter(\.$code == DemoCatalog.municipalities[0].code).first())
    }

    @Test func vprByLoginReplacesOnReimport() async throws {
        try await withTestApp { app in
            let m = try await armavir(app)
            let s = try await Fixture.school("ARM-006", app)
            let login = "edu" + s.fisOkoLogin!
            let file = "\(Self.header)\n\(login);2026;russian;5;40;4;16;12;8\nsch\(s.fisOkoLogin!);2026;math;5;35;15;10;6;4\n"
            let o = try await ResultImportService.run(.vpr, .data(Data(file.utf8)), fileName: "v.csv", scope: .municipality(m), defaultYear: nil, importID: nil, on: app.db)
            #expect(o.errors.isEmpty && o.unmatched.isEmpty)
            #expect(o.written == 2)
            let again = file.replacingOccurrences(of: "40;4;16;12;8", with: "40;5;15;12;8")
            _ = try await ResultImportService.run(.vpr, .data(Data(again.utf8)), fileName: "v.csv", scope: .municipality(m), defaultYear: nil, importID: nil, on: app.db)
            let rows = try await VPRResult.query(on: app.db).filter(\.$schoolNo == s.no!).filter(\.$year == 2026).all()
            #expect(rows.count == 2, "re-import replaces, never duplicates")
            #expect(rows.first { $0.subject == "russian" }?.m2 == 5)
        }
    }

    @Test func bulkLoaderWritesAllOrNothingInOnePass() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bulk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try FastSQLite(path: dir.appendingPathComponent("t.sqlite").path, create: true)
        try store.exec("""
            CREATE TABLE vpr_results (id INTEGER PRIMARY KEY, school_no INTEGER NOT NULL, year INTEGER NOT NULL, subject TEXT NOT NULL, grade INTEGER NOT NULL,
              participants INTEGER NOT NULL, m2 INTEGER, m3 INTEGER, m4 INTEGER, m5 INTEGER, p2 TEXT, p3 TEXT, p4 TEXT, p5 TEXT, source TEXT NOT NULL,
              UNIQUE (school_no, year, subject, grade))
            """)
        let loader = BulkResultLoader(store: store, schoolIDs: [7, 8])
        var text = Self.header + "\n"
        for (i, login) in ["edu100000", "edu100001"].enumerated() {
            for year in 2024...2025 { text += "\(login);\(year);russian;5;20;\(2 + i);8;6;\(4 - i)\n" }
        }
        let url = dir.appendingPathComponent("v.csv")
        try Data((text + "edu100001;2025;math;5;20;5;5;5;4\n").utf8).write(to: url)
        #expect(throws: ImportFailure.self) { try loader.importVPR(url) }
        var count = 0
        try store.prepare("SELECT count(*) FROM vpr_results").forEach { count = $0.int(0) ?? -1 }
        #expect(count == 0, "the last row's counts sum to 19, not 20: the rows before it are rolled back")
        try Data(text.utf8).write(to: url)
        #expect(try loader.importVPR(url) == 4)
        try store.prepare("SELECT count(*), sum(m2) FROM vpr_results WHERE school_no = 8").forEach { count = ($0.int(0) ?? 0) * 100 + ($0.int(1) ?? 0) }
        #expect(count == 2 * 100 + 6)
        // An unknown school does not hide later errors: both are listed by row, and nothing more is written.
        let mixed = Self.header + "\nedu100000;2023;russian;5;20;2;8;6;4\nedu100005;2023;russian;5;20;2;8;6;4\n"
            + "edu100005;2022;russian;5;20;2;8;6;4\nedu100001;2023;math;5;20;5;5;5;4\n"
        let mixedURL = dir.appendingPathComponent("mixed.csv")
        try Data(mixed.utf8).write(to: mixedURL)
        let failure = #expect(throws: ImportFailure.self) { try loader.importVPR(mixedURL) }
        #expect(failure?.errors.map(\.row) == [3, 5], "\(failure?.errors ?? [])")
        #expect(failure?.errors.first?.message.hasPrefix("Школа не найдена") == true && failure?.errors.first?.column == "Код школы")
        try store.prepare("SELECT count(*) FROM vpr_results WHERE year = 2023").forEach { count = $0.int(0) ?? -1 }
        #expect(count == 0)
        // The same the other way round: an error first, then a school that is not in the registry.
        try Data((Self.header + "\nedu100001;2023;math;5;20;5;5;5;4\nedu100000;2023;russian;5;20;2;8;6;4\nedu100007;2022;russian;5;20;2;8;6;4\n").utf8)
            .write(to: mixedURL)
        let reversed = #expect(throws: ImportFailure.self) { try loader.importVPR(mixedURL) }
        #expect(reversed?.errors.map(\.row) == [2, 4] && reversed?.errors.last?.message.hasPrefix("Школа не найдена") == true)
        // A failure on the writing side (here a CHECK the last school breaks) stops the reading side and writes nothing.
        let strict = try FastSQLite(path: dir.appendingPathComponent("s.sqlite").path, create: true)
        try strict.exec("""
            CREATE TABLE vpr_results (id INTEGER PRIMARY KEY, school_no INTEGER NOT NULL CHECK (school_no < 8), year INTEGER NOT NULL, subject TEXT NOT NULL,
              grade INTEGER NOT NULL, participants INTEGER NOT NULL, m2 INTEGER, m3 INTEGER, m4 INTEGER, m5 INTEGER, p2 TEXT, p3 TEXT, p4 TEXT, p5 TEXT,
              source TEXT NOT NULL)
            """)
        #expect(throws: FastSQLite.Failure.self) { try BulkResultLoader(store: strict, schoolIDs: [7, 8]).importVPR(url) }
        try strict.prepare("SELECT count(*) FROM vpr_results").forEach { count = $0.int(0) ?? -1 }
        #expect(count == 0)
    }

    @Test func badCountsWriteNothing() async throws {
        try await withTestApp { app in
            let m = try await armavir(app)
            let s = try await Fixture.school("ARM-006", app)
            let file = "\(Self.header)\nedu\(s.fisOkoLogin!);2026;russian;5;40;4;16;12;8\nedu\(s.fisOkoLogin!);2026;math;5;38;15;10;6;4\n"
            let o = try await ResultImportService.run(.vpr, .data(Data(file.utf8)), fileName: "v.csv", scope: .municipality(m), defaultYear: nil, importID: nil, on: app.db)
            #expect(o.errors.first?.row == 3)
            #expect(o.errors.map(\.text).joined().contains("35"))
            #expect(try await VPRResult.query(on: app.db).filter(\.$year == 2026).count() == 0)
        }
    }

    @Test func unknownSchoolIsMatchedOnceAndRemembered() async throws {
        try await withTestApp { app in
            let m = try await armavir(app)
            let b = try await Browser.signIn("center", app)
            let s = try await Fixture.school("ARM-017", app)
            let file = "\(Self.header)\nedu239999;2026;russian;6;30;3;12;10;5\n"
            let boundary = "RBOUNDARY"
            let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(b.csrf)\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nvpr\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"year\"\r\n\r\n2026\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"vpr.csv\"\r\n\r\n\(file)\r\n--\(boundary)--\r\n"
            var location = ""
            try await app.testing().test(.POST, "/monitoring/imports?municipality=\(m.id!)", headers: ["Cookie": b.cookies, "Content-Type": "multipart/form-data; boundary=\(boundary)"],
                                         body: ByteBuffer(string: body)) { res in
                #expect(res.status == .seeOther)
                location = res.headers.first(name: .location) ?? ""
            }
            let page = try await b.get(location)
            #expect(page.body.string.contains("Сопоставьте школы"))
            #expect(page.body.string.contains("edu239999"))
            #expect(try await VPRResult.query(on: app.db).filter(\.$year == 2026).count() == 0)
            let matched = try await b.post(location + "/match", [("match_0", s.id!.uuidString)])
            #expect(matched.status == .seeOther)
            #expect(try await VPRResult.query(on: app.db).filter(\.$schoolNo == s.no!).filter(\.$year == 2026).count() == 1)
            // Remembered: the next file with the same login goes straight in.
            let o = try await ResultImportService.run(.vpr, .data(Data(file.replacingOccurrences(of: ";6;", with: ";5;").utf8)), fileName: "v2.csv", scope: .municipality(m), defaultYear: nil, importID: nil, on: app.db)
            #expect(o.unmatched.isEmpty && o.written == 1)
            #expect(try await b.post("/monitoring/imports/\(UUID())/match", []).status == .notFound)
        }
    }

    @Test func fisOkoMarkStatisticsRebuildsCountsAndKeepsTheRegionRow() async throws {
        try await withTestApp { app in
            let m = try await armavir(app)
            let s = try await Fixture.school("ARM-006", app)
            let rows: [[String]] = [
                ["Статистика по отметкам"], [], ["ВПР 2026 Русский язык 5 класс"], ["Предмет:", "Русский язык"], ["Дата:", "20.04.2026"], [],
                ["Группы участников", "Кол-во ОО", "Кол-во участников", "2", "3", "4", "5"],
                ["Вся выборка", "35589", "1722202", "5.06", "32.92", "44.33", "17.69"],
                ["Краснодарский край", "1200", "50000", "4.10", "30.00", "46.00", "19.90"],
                ["город Армавир(reg23_m003)", "20", "1500", "6.00", "35.00", "40.00", "19.00"],
                ["\(s.fullName)(edu\(s.fisOkoLogin!))", "", "89", "12.36", "52.81", "26.97", "7.87"],
            ]
            let data = try XLSXWriter.write(rows, sheetName: "РУ 5 Статистика по отметкам")
            let o = try await ResultImportService.run(.vpr, .data(data), fileName: "stat.xlsx", scope: .municipality(m), defaultYear: nil, importID: nil, on: app.db)
            #expect(o.errors.isEmpty && o.unmatched.isEmpty, "\(o.errors.map(\.text)) \(o.unmatched)")
            #expect(o.written == 1)
            let v = try #require(try await VPRResult.query(on: app.db).filter(\.$schoolNo == s.no!).filter(\.$year == 2026).first())
            #expect(v.source == "percentages" && v.p2 == "12.36" && v.participants == 89)
            let ref = try await ReferenceValue.query(on: app.db).filter(\.$exam == "vpr_mean").filter(\.$year == 2026).first()
            #expect(ref?.value == "3.8170", "(2·4,10 + 3·30,00 + 4·46,00 + 5·19,90) / 100 = 381,70 / 100 = 3,8170")
        }
    }
}
