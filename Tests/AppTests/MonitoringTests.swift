@testable import App
@testable import Bench
import Domain
import DemoData
import Fluent
import Importing
import Testing
import Vapor
import VaporTesting
import NIOConcurrencyHelpers
import FastStore

/// The DOMAIN §4 worked example in a fresh region without regional averages (municipal fallback).
enum WorkedExample {
    static func setUp(_ app: Application) async throws -> Municipality {
        let region = Region(code: "99", name: "Тестовый регион")
        try await region.create(on: app.db)
        let m = Municipality(regionID: region.id!, code: "example", name: "Пример", planningPeriod: .calendarYear)
        try await m.create(on: app.db)
        for (code, login, rows) in [("EX-A", "990001", [(2024, 20, "60.0"), (2025, 25, "62.0")]),
                                    ("EX-B", "990002", [(2024, 30, "70.0"), (2025, 25, "66.0")]),
                                    ("EX-C", "990003", [(2024, 50, "65.0"), (2025, 50, "68.0")])] {
            let s = School()
            s.$municipality.id = m.id!; s.regionID = region.id!; s.isLeader = false
            s.apply(SchoolDraft(code: code, fullName: "Школа \(code) для примера", shortName: "Школа \(code)", fisOkoLogin: login))
            try await s.create(on: app.db)
            for (year, n, avg) in rows {
                let e = EGEResult()
                e.schoolNo = s.no!; e.year = year; e.subject = "russian"; e.participants = n; e.average = avg
                try await e.create(on: app.db)
            }
        }
        return m
    }
}

@Suite("Results monitoring") struct MonitoringTests {
    @Test func workedExampleWithMunicipalFallback() async throws {
        try await withTestApp(demo: false) { app in
            let m = try await WorkedExample.setUp(app)
            let computed = try await MonitoringService.compute([m], year: 2025, on: app.db)
            let d = Dictionary(uniqueKeysWithValues: computed.result.rows().filter { $0.indicator == "1" && $0.subject == "russian" }.map { ($0.schoolCode, $0) })
            #expect(d["EX-A"]?.value == "0.023" && d["EX-A"]?.state == "positive")
            #expect(d["EX-B"]?.value == "-0.069" && d["EX-B"]?.negative == true)
            #expect(d["EX-C"]?.value == "0.038" && d["EX-C"]?.negative == false)
            #expect(computed.result.usesMunicipalFallback)
            #expect(MonitoringService.notes(computed.result).contains { $0.contains("около половины школ") })
        }
    }

    @Test func summaryPageFollowsEveryImport() async throws {
        try await withTestApp { app in
            let m = try await WorkedExample.setUp(app)
            let admin = try await Browser.signIn("admin", app)
            let before = try await admin.get("/monitoring?municipality=\(m.id!)&year=2025")
            #expect(before.body.string.contains("Найдено: 1"), "only EX-B is negative in the worked example")
            // EX-C 2025 drops to 60.0: reference 2025 = (25·62 + 25·66 + 50·60)/100 = 62, so EX-C (D ≈ −0.025) and EX-B (D ≈ −0.004) are negative.
            let file = "school_code;year;subject;participants;average_score\nedu990003;2025;russian;50;60.0\n"
            let o = try await ResultImportService.run(.ege, .data(Data(file.utf8)), fileName: "e.csv", scope: .municipality(m), defaultYear: nil, importID: nil, on: app.db)
            #expect(o.written == 1)
            let after = try await admin.get("/monitoring?municipality=\(m.id!)&year=2025")
            #expect(after.body.string.contains("Найдено: 2"), "the cached table is dropped when the data version moves")
        }
    }

    /// The benchmark's country path (bulk load, FastStore reads, two parts on two cores)
    /// gives exactly the rows the app computes municipality by municipality.
    @Test func countryPathEqualsTheAppsMonitoring() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("country-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("opora.sqlite").path
        let app = try await Application.make(.testing)
        do {
            try await configure(app, database: .sqliteFile(path))
            try await app.autoMigrate()
            let plan = BenchData(schools: 380, years: 3)
            let files = try plan.writeFiles(to: dir.path)
            let store = try FastSQLite(path: path)
            let loader = BulkResultLoader(store: store, schoolIDs: try plan.insertSchools(store))
            #expect(try loader.importVPR(URL(fileURLWithPath: files.vpr)) == 380 * 3 * 4)
            #expect(try loader.importEGE(URL(fileURLWithPath: files.ege)) == files.egeRows)
            // Some results as published percentages, some broken (a share or a count missing): both paths leave the broken ones out.
            try store.exec("""
                UPDATE vpr_results SET source = 'percentages', p2 = printf('%.2f', 100.0 * m2 / participants), p3 = printf('%.2f', 100.0 * m3 / participants),
                  p4 = printf('%.2f', 100.0 * m4 / participants), p5 = printf('%.2f', 100.0 * m5 / participants), m2 = NULL, m3 = NULL, m4 = NULL, m5 = NULL
                  WHERE id % 5 = 0;
                UPDATE vpr_results SET p5 = NULL WHERE id % 15 = 0;
                UPDATE vpr_results SET m4 = NULL WHERE id % 7 = 0 AND source = 'counts';
                """)
            var kinds = (percentages: 0, broken: 0)
            try store.prepare("SELECT sum(source = 'percentages'), sum(p5 IS NULL AND source = 'percentages') + sum(m4 IS NULL AND source = 'counts') FROM vpr_results")
                .forEach { kinds = ($0.int(0) ?? 0, $0.int(1) ?? 0) }
            #expect(kinds.percentages > 100 && kinds.broken > 100)
            let country = try CountryMonitoring.run(path: path, year: plan.lastYear)
            #expect(country.parts.count == 2)
            var expected: [MonitoringRow] = [], summary = 0
            for m in try await Municipality.query(on: app.db).all() {
                let r = try await MonitoringService.compute([m], year: plan.lastYear, on: app.db).result
                expected += r.rows(); summary += r.summaryCount(.either)
            }
            let got = country.parts.flatMap { $0.rows() }
            let order = { (a: MonitoringRow, b: MonitoringRow) in a.csvLine < b.csvLine }
            #expect(expected.count == 380 * (2 + 4) && got.count == expected.count)
            #expect(got.sorted(by: order) == expected.sorted(by: order))
            #expect(country.summaryCount == summary && summary > 0)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    @Test func schoolResultsShowOGEWithTheShareSpelledOut() async throws {
        try await withTestApp { app in
            let arm = try #require(try await Municipality.query(on: app.db).filter(\.$code == DemoCatalog.municipalities[0].code).first())
            let s = try await Fixture.school("ARM-006", app)
            let csv = "school_code;year;subject;participants;average_mark;average_score;below_threshold\n"
                + "edu\(s.fisOkoLogin!);2025;Математика;40;3.4;14.2;13\nedu\(s.fisOkoLogin!);2025;Русский язык;40;3.9;25.1;2\n"
            let o = try await ResultImportService.run(.oge, .data(Data(csv.utf8)), fileName: "oge.csv", scope: .municipality(arm), defaultYear: nil, importID: nil, on: app.db)
            #expect(o.errors.isEmpty && o.written == 2, "\(o.errors.map(\.text))")
            let page = try await Browser.signIn("center", app).get("/schools/\(s.id!)/results?year=2025").body.string
            #expect(page.contains("ОГЭ: по предметам и годам"))
            // 13 of 40 got «2»: 13 · 100 / 40 = 32,5 % — at or above the 30 % of the risk rule, so it is in bold.
            #expect(page.contains("<strong>32,5</strong>") && page.contains("13 / 40 × 100"))
            #expect(page.contains("<td class=\"num\">5,0</td>") && page.contains("3,4"))
        }
    }

    @Test func versionedCacheRecomputesOnlyForANewVersion() async throws {
        let cache = VersionedCache(capacity: 2)
        let calls = NIOLockedValueBox(0)
        func get(_ key: String, _ v: Int64) async throws -> Int { try await cache.value(key, versions: [v]) { calls.withLockedValue { $0 += 1; return $0 } } }
        #expect(try await get("a", 1) == 1)
        #expect(try await get("a", 1) == 1, "same key and version: cached")
        #expect(try await get("b", 1) == 2)
        #expect(try await get("a", 2) == 3, "a new version recomputes")
        #expect(try await get("a", 1) == 4, "an older version is never served from the cache")
        #expect(try await get("a", 2) == 3)
        let first = try await get("c", -1), second = try await get("c", -1)
        #expect(first == 5 && second == 6, "no version (no SQL database): never cached")
    }

    /// Each computation depends on its own data: a change of one municipality's registry (a
    /// tutor's daily entries later) doesn't empty the results monitoring of another, nor its own.
    @Test func dataVersionsArePerAreaAndMunicipality() async throws {
        try await withTestApp { app in
            let arm = try #require(try await Municipality.query(on: app.db).filter(\.$code == DemoCatalog.municipalities[0].code).first())
            let len = try #require(try await Municipality.query(on: app.db).filter(\.$code == DemoCatalog.municipalities[1].code).first())
            let keys: [DataKey] = [.results(arm.id!), .registry(arm.id!), .results(len.id!)]
            let before = try await DataVersion.current(keys, on: app.db)
            // A school of Армавир changes: only Армавир's registry moves.
            let b = try await Browser.signIn("center", app)
            let school = try await Fixture.school("ARM-006", app)
            var d = school.draft
            d.phone = "+7 (861) 111-11-11"
            #expect(try await b.post("/schools/\(school.id!)", PlatformSecurityTests.fields(d)).status == .seeOther)
            let after = try await DataVersion.current(keys, on: app.db)
            #expect(after[0] == before[0], "results of Армавир unchanged")
            #expect(after[1] == before[1] + 1, "registry of Армавир moved once")
            #expect(after[2] == before[2], "Ленинградский unchanged")
            // The monitoring of Ленинградский stays cached: its computation names its own keys only.
            let lenKeys = MonitoringService.dataKeys([len])
            #expect(!lenKeys.contains(.registry(arm.id!)) && lenKeys.contains(.results(len.id!)) && lenKeys.contains(.references(len.$region.id)))
        }
    }

    @Test func cliOutputMatchesThePage() async throws {
        try await withTestApp { app in
            let m = try #require(try await Municipality.query(on: app.db).filter(\.$code == DemoCatalog.municipalities[0].code).first())
            let computed = try await MonitoringService.compute([m], year: 2025, on: app.db)
            let csv = try MonitoringCommand.render(computed.result, format: "csv")
            #expect(csv.hasPrefix("school_code,indicator,subject,grade,value,negative,state"))
            let rows = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let negativeSchools = Set(rows.filter { $0[5] == "true" }.map { $0[0] })
            #expect(!negativeSchools.isEmpty)
            let page = try await Browser.signIn("center", app).get("/monitoring?municipality=\(m.id!)&year=2025")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Найдено: \(negativeSchools.count)"))
            let names = Dictionary(uniqueKeysWithValues: computed.schools.values.map { ($0.code, $0.shortName) })
            for code in negativeSchools { #expect(page.body.string.contains(names[code]!), "\(code) in the page") }
            // Every D on the page is the CLI's value with a decimal comma.
            for r in rows where r[1] == "1" && r[5] == "true" {
                let shown = (r[4].hasPrefix("-") ? "−" + r[4].dropFirst() : "+" + r[4]).replacingOccurrences(of: ".", with: ",")
                #expect(page.body.string.contains("D = \(shown)"), "D \(shown) of \(r[0])")
            }
            let json = try MonitoringCommand.render(computed.result, format: "json")
            #expect(json.contains("\"school_code\""))
            let export = try await Browser.signIn("center", app).get("/monitoring/results.csv?municipality=\(m.id!)&year=2025")
            #expect(export.status == .ok)
            #expect(export.body.string.split(whereSeparator: \.isNewline).count == negativeSchools.count + 1)
            // НОКО among the contextual columns: the demo's 2025 figure of each listed school, in the page and the export.
            let header = try #require(export.body.string.split(whereSeparator: \.isNewline).first).split(separator: ";").map(String.init)
            let column = try #require(header.firstIndex(of: "НОКО, % вып."))
            #expect(page.body.string.contains("НОКО, % вып."))
            // The printable version: the same schools, no filters or buttons, and columns sized for landscape paper.
            let print = try await Browser.signIn("center", app).get("/monitoring?municipality=\(m.id!)&year=2025&print=1").body.string
            #expect(print.contains("class=\"print-view\"") && print.contains("Найдено: \(negativeSchools.count)"))
            #expect(print.contains("<th scope=\"col\" class=\"num col-context\">НОКО, % вып.</th>") && print.contains("class=\"col-text\""))
            let css = try await Browser.signIn("center", app).get("/assets/app.css").body.string
            #expect(css.contains("@page wide { size: A4 landscape") && css.contains("body.print-view { page: wide; }"))
            // Counted from the end: the texts before the contextual columns may hold quoted «;».
            let fromEnd = header.count - column
            for line in export.body.string.split(whereSeparator: \.isNewline).dropFirst() {
                let cells = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
                let noko = try #require(DemoResults.contexts(cells[0]).first { $0.year == 2025 }?.nokoCompletion)
                #expect(cells[cells.count - fromEnd] == RuFormat.decimal(noko), "\(cells[0]): \(cells[cells.count - fromEnd])")
            }
        }
    }

    @Test func monitoringPagesByRole() async throws {
        try await withTestApp { app in
            let arm = try #require(try await Municipality.query(on: app.db).filter(\.$code == DemoCatalog.municipalities[0].code).first())
            let len = try #require(try await Municipality.query(on: app.db).filter(\.$code == DemoCatalog.municipalities[1].code).first())
            let q = "?municipality=\(arm.id!)&year=2025"
            let pages: [(String, Set<String>)] = [
                ("/monitoring" + q, ["admin", "region", "center", "uo"]),
                ("/monitoring/results.xlsx" + q, ["admin", "region", "center", "uo"]),
                ("/monitoring/clusters" + q, ["admin", "region", "center", "uo"]),
                ("/monitoring/effectiveness" + q, ["admin", "region", "center", "uo"]),
                ("/monitoring/region" + q, ["admin", "region"]),
                ("/monitoring/help" + q, ["admin", "region", "center", "uo"]),
                ("/monitoring/settings" + q, ["admin", "region", "center", "uo"]),
                ("/monitoring/references" + q, ["admin", "region", "center", "uo"]),
                ("/monitoring/campaigns" + q, ["admin", "region", "center", "uo"]),
                ("/monitoring/imports" + q, ["admin", "center"]),
                ("/monitoring/imports/templates/vpr.xlsx", ["admin", "region", "center", "uo"]),
                ("/monitoring?municipality=\(len.id!)&year=2025", ["admin", "region"]),
            ]
            for role in AuthorizationMatrixTests.roles {
                let b = try await Browser.signIn(role, app)
                for (path, allowed) in pages {
                    let res = try await b.get(path)
                    #expect(res.status == (allowed.contains(role) ? .ok : .forbidden), "\(role) GET \(path): \(res.status.code)")
                }
            }
            // A school's results: the mentor sees the assigned school, not another one.
            let mentor = try await Fixture.user("mentor", app)
            let assigned = try #require(try await Assignment.query(on: app.db).filter(\.$person.$id == mentor.$person.id!).filter(\.$kind == "mentor_school").first()?.$school.id)
            let other = try await Fixture.school("LEN-002", app)
            #expect(try await Browser.signIn("mentor", app).get("/schools/\(assigned)/results?year=2025").status == .ok)
            #expect(try await Browser.signIn("mentor", app).get("/schools/\(other.id!)/results").status == .forbidden)
            let page = try await Browser.signIn("center", app).get("/schools/\(assigned)/results?year=2025")
            #expect(page.body.string.contains("Показатель 1, ЕГЭ, русский язык"))
            #expect(page.body.string.contains("Показатель 2, ВПР, математика, 5 класс"))
            #expect(page.body.string.contains("<svg"))
        }
    }

    @Test func settingsValidateAndChangeTheRule() async throws {
        try await withTestApp { app in
            let arm = try #require(try await Municipality.query(on: app.db).filter(\.$code == DemoCatalog.municipalities[0].code).first())
            let b = try await Browser.signIn("center", app)
            let path = "/monitoring/settings?municipality=\(arm.id!)&year=2025"
            let bad = try await b.post(path, [("reading", "anyMark"), ("threshold", "abc"), ("small_group", "10"), ("objectivity", "automatic"),
                                               ("ci_z", "1,96"), ("vpr_margin", "0,5"), ("ege_margin", "10"), ("federal_share", "30"), ("federal_procedures", "2")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Порог: целое число"))
            let ok = try await b.post(path, [("reading", "anyMark"), ("threshold", "25"), ("small_group", "10"), ("objectivity", "confirmBySpecialist"),
                                              ("ci_z", "1,96"), ("vpr_margin", "0,5"), ("ege_margin", "10"), ("federal_share", "30"), ("federal_procedures", "2"),
                                              ("include_no_change", "1")])
            #expect(ok.status == .seeOther)
            let s = MonitoringLoader.settings(of: try #require(try await Municipality.find(arm.id, on: app.db)))
            #expect(s.reading == .anyMark && s.threshold == 25 && s.objectivity == .confirmBySpecialist)
            let page = try await b.get("/monitoring?municipality=\(arm.id!)&year=2025")
            #expect(page.body.string.contains("T = 25"))
            #expect(try await Browser.signIn("uo", app).post(path, [("reading", "twoGrows")]).status == .forbidden)
        }
    }

    @Test func campaignIsApprovedByTheEducationDepartmentWithASnapshot() async throws {
        try await withTestApp { app in
            let arm = try #require(try await Municipality.query(on: app.db).filter(\.$code == DemoCatalog.municipalities[0].code).first())
            let center = try await Browser.signIn("center", app), uo = try await Browser.signIn("uo", app)
            let q = "?municipality=\(arm.id!)&year=2025"
            #expect(try await uo.post("/monitoring/campaigns" + q, [("year", "2025")]).status == .forbidden)
            #expect(try await center.post("/monitoring/campaigns" + q, [("year", "2025"), ("deadline", "2025-09-30")]).status == .seeOther)
            let c = try #require(try await MonitoringCampaign.query(on: app.db).filter(\.$year == 2025).first())
            #expect(try await uo.post("/monitoring/campaigns/\(c.id!)/approve", []).status == .conflict, "not before the data is complete")
            #expect(try await center.post("/monitoring/campaigns/\(c.id!)/complete", []).status == .seeOther)
            #expect(try await center.post("/monitoring/campaigns/\(c.id!)/approve", []).status == .forbidden)
            #expect(try await uo.post("/monitoring/campaigns/\(c.id!)/approve", []).status == .seeOther)
            let approved = try #require(try await MonitoringCampaign.find(c.id, on: app.db))
            #expect(approved.status == "approved")
            #expect(approved.snapshotJSON?.contains("Код школы") == true)
            let show = try await center.get("/monitoring/campaigns/\(c.id!)")
            #expect(show.body.string.contains("утверждена"))
        }
    }

    @Test func specialistConfirmsAProposedExclusion() async throws {
        try await withTestApp { app in
            let m = try await WorkedExample.setUp(app)
            var settings = MonitoringSettings.default
            settings.objectivity = .confirmBySpecialist
            m.settingsJSON = String(data: try JSONEncoder().encode(settings), encoding: .utf8)!
            try await m.update(on: app.db)
            // EX-A: almost all «5» in 2025 — far above the other schools of the municipality.
            let counts: [String: [Int: [Int]]] = ["EX-A": [2024: [4, 14, 14, 8], 2025: [0, 0, 3, 27]],
                                                  "EX-B": [2024: [5, 15, 12, 8], 2025: [6, 16, 11, 7]],
                                                  "EX-C": [2024: [4, 16, 13, 7], 2025: [5, 15, 13, 7]]]
            for (code, years) in counts {
                let school = try await Fixture.school(code, app)
                for (year, k) in years {
                    let v = VPRResult()
                    v.schoolNo = school.no!; v.year = year; v.subject = "math"; v.grade = 5; v.participants = k.reduce(0, +)
                    (v.m2, v.m3, v.m4, v.m5) = (k[0], k[1], k[2], k[3]); v.source = "counts"
                    try await v.create(on: app.db)
                }
            }
            let before = try await MonitoringService.compute([m], year: 2025, on: app.db)
            let proposed = try #require(before.result.proposedExclusions.first)
            #expect(proposed.schoolCode == "EX-A")
            #expect(before.result.exclusions.isEmpty, "only proposed under this policy")
            let admin = try await Browser.signIn("admin", app)
            let page = try await admin.get("/monitoring?municipality=\(m.id!)&year=2025&filter=either")
            #expect(page.body.string.contains("Подтвердить исключение") || before.result.summary(.either).allSatisfy { $0.school.code != "EX-A" })
            let res = try await admin.post("/monitoring/exclusions?municipality=\(m.id!)&year=2025&result=\(proposed.resultID)", [])
            #expect(res.status == .seeOther)
            let after = try await MonitoringService.compute([m], year: 2025, on: app.db)
            #expect(after.result.exclusions.map(\.resultID) == [proposed.resultID])
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "exclusion").count() == 1)
            #expect(try await Browser.signIn("uo", app).post("/monitoring/exclusions?municipality=\(m.id!)&year=2025&result=\(proposed.resultID)", []).status == .forbidden)
        }
    }

    @Test func studyPeriodAnalysisGroupsSchools() async throws {
        try await withTestApp { app in
            let arm = try #require(try await Municipality.query(on: app.db).filter(\.$code == DemoCatalog.municipalities[0].code).first())
            let a = try await Fixture.school("ARM-006", app), b = try await Fixture.school("ARM-019", app)
            let csv = """
            school_code;year;period;grade;class;subject;participants;success_rate;quality_rate
            edu\(a.fisOkoLogin!);2025/2026;1 четверть;5;А;Математика;20;90;30
            edu\(a.fisOkoLogin!);2025/2026;1 четверть;5;А;Русский язык;30;100;50
            edu\(b.fisOkoLogin!);2025/2026;1 четверть;5;Б;Математика;25;100;64
            """
            let o = try await ResultImportService.run(.term, .data(Data(csv.utf8)), fileName: "t.csv", scope: .municipality(arm), defaultYear: nil, importID: nil, on: app.db)
            #expect(o.errors.isEmpty && o.unmatched.isEmpty, "\(o.errors.map(\.text))")
            #expect(o.written == 3)
            let page = try await Browser.signIn("uo", app).get("/monitoring/terms?municipality=\(arm.id!)&year=2025&period=q1")
            #expect(page.status == .ok)
            // ARM-006: success (20·90 + 30·100)/50 = 96,0; quality (20·30 + 30·50)/50 = 42,0 → both below 97 / 45.
            #expect(page.body.string.contains("Низкая успеваемость и низкое качество знаний — 1"))
            #expect(page.body.string.contains("96,0") && page.body.string.contains("42,0"))
            #expect(page.body.string.contains("Показатели не ниже пороговых — 1"))
            #expect(try await Browser.signIn("mentor", app).get("/monitoring/terms?municipality=\(arm.id!)").status == .forbidden)
            #expect(page.body.string.contains("Это первый период учебного года"))

            // The second quarter: ARM-006 success (20·95 + 30·100)/50 = 98,0 (+2,0), quality (20·40 + 30·50)/50 = 46,0 (+4,0).
            let q2 = "school_code;year;period;grade;class;subject;participants;success_rate;quality_rate\n"
                + "edu\(a.fisOkoLogin!);2025/2026;2 четверть;5;А;Математика;20;95;40\nedu\(a.fisOkoLogin!);2025/2026;2 четверть;5;А;Русский язык;30;100;50\n"
            _ = try await ResultImportService.run(.term, .data(Data(q2.utf8)), fileName: "t2.csv", scope: .municipality(arm), defaultYear: nil, importID: nil, on: app.db)
            let second = try await Browser.signIn("uo", app).get("/monitoring/terms?municipality=\(arm.id!)&year=2025&period=q2").body.string
            #expect(second.contains("Показатели не ниже пороговых — 1") && second.contains("98,0") && second.contains("46,0"))
            #expect(second.contains("+2,0") && second.contains("+4,0") && second.contains("Низкая успеваемость и низкое качество знаний</td>"))
            #expect(second.contains("к периоду «1 четверть»"))
            // The thresholds are a setting: with quality below 47 % ARM-006 is «low quality».
            var settings = MonitoringLoader.settings(of: arm)
            settings.termQualityThreshold = 47
            arm.settingsJSON = String(decoding: try JSONEncoder().encode(settings), as: UTF8.self)
            try await arm.save(on: app.db)
            let stricter = try await Browser.signIn("uo", app).get("/monitoring/terms?municipality=\(arm.id!)&year=2025&period=q2").body.string
            #expect(stricter.contains("Низкое качество знаний — 1") && stricter.contains("качество ниже 47 %"))
        }
    }
}
