@testable import App
import Domain
import Fluent
import Importing
import Testing
import Vapor
import VaporTesting

/// A fresh region with one municipality and named schools, for the defect tests.
enum DefectRegion {
    struct Setup { let region: Region; let municipality: Municipality; let schools: [String: School] }

    /// `schools`: (code, short name, Код ОО).
    static func make(_ app: Application, schools list: [(String, String, String?)], settings: MonitoringSettings? = nil) async throws -> Setup {
        let region = Region(code: "98", name: "Регион для проверок")
        try await region.create(on: app.db)
        let m = Municipality(regionID: region.id!, code: "defects", name: "Проверочный", planningPeriod: .calendarYear)
        if let settings { m.settingsJSON = String(decoding: try JSONEncoder().encode(settings), as: UTF8.self) }
        try await m.create(on: app.db)
        var out: [String: School] = [:]
        for (i, (code, name, gia)) in list.enumerated() {
            let s = School()
            s.$municipality.id = m.id!; s.regionID = region.id!; s.isLeader = false
            s.apply(SchoolDraft(code: code, fullName: "\(name) (\(code))", shortName: name, fisOkoLogin: "98" + String(format: "%04d", i + 1),
                                giaCode: gia ?? ""))
            try await s.create(on: app.db)
            out[code] = s
        }
        return Setup(region: region, municipality: m, schools: out)
    }

    static func vpr(_ s: School, _ year: Int, _ n: Int, counts: [Int]? = nil, shares: [String]? = nil, subject: String = "math",
                    grade: Int = 5, on db: any Database) async throws {
        let v = VPRResult()
        v.schoolNo = s.no!; v.year = year; v.subject = subject; v.grade = grade; v.participants = n
        if let counts { v.source = "counts"; (v.m2, v.m3, v.m4, v.m5) = (counts[0], counts[1], counts[2], counts[3]) }
        if let shares { v.source = "percentages"; (v.p2, v.p3, v.p4, v.p5) = (shares[0], shares[1], shares[2], shares[3]) }
        try await v.create(on: db)
    }
}

@Suite("Results monitoring: fixed defects") struct ResultsDefectsTests {
    let actor = ImportActor(userID: nil, login: "test", principal: nil)

    // 1. Shares of ФИС ОКО percentages come from the rebuilt counts, and the page says so.
    @Test func publishedSharesUseRebuiltCounts() async throws {
        try await withTestApp(demo: false) { app in
            let r = try await DefectRegion.make(app, schools: [("D-1", "Школа 1", nil)])
            let s = r.schools["D-1"]!
            try await DefectRegion.vpr(s, 2024, 27, shares: ["25.93", "37.04", "22.22", "14.81"], on: app.db)
            try await DefectRegion.vpr(s, 2025, 59, shares: ["55.93", "23.73", "13.56", "6.78"], on: app.db)
            let c = try await MonitoringService.compute([r.municipality], year: 2025, on: app.db)
            let cell = try #require(c.result.school("D-1")?.indicator2.first { $0.subject == "math" && $0.grade == 5 })
            // 7/27 → 33/59: Δ(2) = 30,006 > 30 (the rounded shares differ by exactly 30,00).
            #expect(cell.delta2Text == "30.006" && cell.state == .negative && cell.source == .percentages)
            #expect(c.result.summary(.indicator2).map(\.school.code) == ["D-1"])
            #expect(MonitoringService.notes(c.result).contains(Indicator2.sharesNote))
        }
    }

    // 2. The regional ВПР mean saved from ФИС ОКО is the reference of the objectivity check.
    @Test func regionalVPRMeanIsLoadedAndNamed() async throws {
        try await withTestApp(demo: false) { app in
            let r = try await DefectRegion.make(app, schools: [("D-1", "Школа 1", nil), ("D-2", "Школа 2", nil)])
            // Both schools inflated alike: against each other they look objective, against the region (3,0) they do not.
            for s in r.schools.values { try await DefectRegion.vpr(s, 2025, 20, counts: [0, 0, 5, 15], on: app.db) }
            let before = try await MonitoringService.compute([r.municipality], year: 2025, on: app.db)
            let b = try #require(before.result.school("D-1")?.objectivity.first)
            #expect(b.referenceKind == .otherSchools && b.verdict == .objective)
            #expect(MonitoringService.notes(before.result).contains { $0.contains("Эталон проверки объективности ВПР: регионального значения нет") })

            let ref = ReferenceValue()
            ref.regionID = r.region.id!; ref.exam = "vpr_mean"; ref.subject = "math"; ref.grade = 5; ref.year = 2025; ref.value = "3.0"; ref.source = "из файла"
            try await ref.create(on: app.db)
            let after = try await MonitoringService.compute([r.municipality], year: 2025, on: app.db)
            let a = try #require(after.result.school("D-1")?.objectivity.first)
            #expect(a.referenceKind == .region && a.reference == 3.0 && a.verdict == .nonObjective)
            #expect(after.result.exclusions.count == 2)
            #expect(MonitoringService.notes(after.result).contains { $0.contains("средняя отметка по региону") && $0.contains("для всех 2") })
        }
    }

    // 3. A flag excludes only results of its own procedure.
    @Test func ogeFlagDoesNotExcludeVPR() async throws {
        var settings = MonitoringSettings()
        settings.excludeRosobrnadzorListForVPR = true
        try await withTestApp(demo: false) { app in
            let r = try await DefectRegion.make(app, schools: [("D-1", "Школа 1", nil), ("D-2", "Школа 2", nil)], settings: settings)
            for s in r.schools.values {
                try await DefectRegion.vpr(s, 2024, 40, counts: [4, 20, 12, 4], on: app.db)
                try await DefectRegion.vpr(s, 2025, 35, counts: [15, 10, 6, 4], on: app.db)
            }
            for (code, procedure) in [("D-1", "ОГЭ"), ("D-2", "ВПР, 5 класс, математика")] {
                let f = ObjectivityFlag()
                f.$school.id = r.schools[code]!.id!; f.year = 2025; f.procedure = procedure
                try await f.create(on: app.db)
            }
            let c = try await MonitoringService.compute([r.municipality], year: 2025, on: app.db)
            #expect(c.result.exclusions.map(\.schoolCode) == ["D-2"])
            #expect(c.result.school("D-1")?.indicator2.first { $0.grade == 5 && $0.subject == "math" }?.state == .negative)
            #expect(c.result.school("D-1")?.onRosobrnadzorList == true)
        }
    }

    /// An ЕГЭ protocol: one block (Русский язык), participants (Код ОО, Код МСУ, test score).
    func protocolFile(_ participants: [(String, String, Int)]) throws -> Data {
        let header = ["№", "Код ОО", "Класс", "", "Код ППЭ", "", "Аудитория", "", "Код МСУ", "", "Фамилия", "", "Имя", "Отчество",
                      "Задания с кратким ответом", "", "", "Задания с развёрнутым ответом", "Первичный балл", "", "Тестовый балл"]
        var rows: [[String]] = [["Протокол проверки результатов"], ["98 - Регион для проверок"], ["01 - Русский язык 2025.06.03"], header]
        for (i, p) in participants.enumerated() {
            rows.append(["\(i + 1)", p.0, "11А", "", "1003", "", "109", "", p.1, "", "Иванов", "", "Иван", "Иванович",
                         "++++-+", "", "", "1(2)2(3)", "30", "", "\(p.2)"])
        }
        return try XLSXWriter.write(rows, sheetName: "Page 1", boldHeader: false)
    }

    // 4. Schools by Код ОО with Код МСУ (leading zeros either side); a one-municipality file is not the region.
    @Test func protocolSchoolsByKodMSUAndRegionalOnlyWhenCovered() async throws {
        try await withTestApp(demo: false) { app in
            let r = try await DefectRegion.make(app, schools: [("D-1", "Школа 1", "09306"), ("D-2", "Школа 2", "9311")])
            let mine = try protocolFile([("9306", "209", 70), ("9306", "0209", 50), ("9311", "209", 90)])
            let o = try await ResultImportService.run(.ege, .data(mine), fileName: "ege.xlsx", scope: .municipality(r.municipality), defaultYear: nil, importID: nil, on: app.db)
            #expect(o.errors.isEmpty && o.unmatched.isEmpty, "\(o.errors.map(\.text)) \(o.unmatched)")
            #expect(o.written == 2 && o.references == 0)
            #expect(o.notes.contains { $0.contains("не сохранены как региональный эталон") && $0.contains("одного муниципалитета") })
            #expect(try await ReferenceValue.query(on: app.db).filter(\.$exam == "ege").count() == 0)
            let a = try #require(try await EGEResult.query(on: app.db).filter(\.$schoolNo == r.schools["D-1"]!.no!).first())
            #expect(a.participants == 2 && a.average == "60")

            // A regional file: the same Код ОО 9306 in municipality 210 is another school, not D-1.
            let region = try protocolFile([("9306", "209", 80), ("9306", "210", 20), ("9311", "209", 90), ("9400", "210", 40)])
            let o2 = try await ResultImportService.run(.ege, .data(region), fileName: "ege-region.xlsx", scope: .municipality(r.municipality), defaultYear: nil, importID: nil, on: app.db)
            #expect(o2.errors.isEmpty && o2.unmatched.isEmpty, "\(o2.errors.map(\.text)) \(o2.unmatched)")
            #expect(o2.written == 2 && o2.skippedOtherMunicipality == 2)
            let a2 = try #require(try await EGEResult.query(on: app.db).filter(\.$schoolNo == r.schools["D-1"]!.no!).first())
            #expect(a2.participants == 1 && a2.average == "80")
            // Two municipalities of a region with one known here: it covers the region; (80+20+90+40)/4 = 57,5.
            #expect(o2.references == 1)
            let ref = try await ReferenceValue.query(on: app.db).filter(\.$exam == "ege").filter(\.$subject == "russian").first()
            #expect(ref?.value == "57.5" && ref?.year == 2025)
        }
    }

    // 6. Effectiveness keyed by the school.
    @Test func effectivenessKeepsSchoolsOfOneNameApart() async throws {
        try await withTestApp(demo: false) { app in
            let r = try await DefectRegion.make(app, schools: [("D-1", "СОШ № 1", nil), ("D-2", "СОШ № 1", nil), ("D-3", "ООШ № 5", nil)])
            for (code, year) in [("D-1", 2024), ("D-2", 2024), ("D-3", 2024), ("D-1", 2025), ("D-3", 2025)] {
                let st = SchoolStatus()
                st.$school.id = r.schools[code]!.id!
                st.apply(SchoolStatusDraft(year: year, lowResults: true))
                try await st.create(on: app.db)
            }
            let years = try await MonitoringService.effectiveness(r.municipality, on: app.db)
            #expect(years.map(\.count) == [3, 2], "two schools named «СОШ № 1» are two")
            #expect(years[1].change == -1 && years[1].left == ["СОШ № 1 (D-2)"] && years[1].entered.isEmpty)
        }
    }
}
