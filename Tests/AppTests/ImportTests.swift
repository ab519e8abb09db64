@testable import App
import Domain
import DemoData
import Fluent
import Importing
import Testing
import Vapor
import VaporTesting

@Suite("Imports of schools and staff") struct ImportTests {
    static let schoolsCSV = """
    Код школы;Полное наименование;Краткое наименование;Вид;Логин ФИС ОКО;Код ОО (РИС ГИА);Год;ШНОР
    NEW-001;Муниципальное бюджетное общеобразовательное учреждение СОШ № 101;МБОУ СОШ № 101;СОШ;edu239101;9101;2025;да
    NEW-002;Муниципальное бюджетное общеобразовательное учреждение СОШ № 102;МБОУ СОШ № 102;СОШ;edu239102;9102;;
    """

    func armavir(_ app: Application) async throws -> Municipality {
        try #require(try await Municipality.query(on: app.db).filter(\.$code == DemoCatalog.municipalities[0].code).first())
    }
    let actor = ImportActor(userID: nil, login: "test", principal: nil)

    /// A job whose process was killed stays «running» in the table: it is closed as failed with
    /// what to do once it is older than any import takes; a job still within that time is left alone.
    @Test func interruptedJobsAreClosedAsFailed() async throws {
        try await withTestApp { app in
            let m = try await armavir(app)
            func job(_ name: String, age: TimeInterval) async throws -> ImportJob {
                let j = ImportJob()
                j.kind = ImportKind.schools.raw; j.fileName = name; j.municipalityID = m.id!; j.userLogin = "center"; j.state = .running
                j.totalRows = 0; j.processedRows = 0; j.createdCount = 0; j.updatedCount = 0; j.errorsJSON = "{}"
                try await j.create(on: app.db)
                j.createdAt = Date().addingTimeInterval(-age); try await j.update(on: app.db)
                return j
            }
            let old = try await job("old.csv", age: 20 * 60), fresh = try await job("fresh.csv", age: 60)
            try await ImportPipeline.closeInterrupted(on: app.db)
            let o = try #require(try await ImportJob.find(old.id, on: app.db)), f = try #require(try await ImportJob.find(fresh.id, on: app.db))
            #expect(o.state == .failed && o.errorsJSON.contains("Загрузка прервана") && o.finishedAt != nil)
            #expect(f.state == .running)
        }
    }

    @Test func goodFileInWindows1251WithCommaCreatesThenReimportUpdates() async throws {
        try await withTestApp { app in
            let m = try await armavir(app)
            let text = Self.schoolsCSV.replacingOccurrences(of: ";", with: ",")
            let version = try await DataVersion.current([.registry(m.id!)], on: app.db)[0]
            let first = try await ImportPipeline.handle(.schools, .data(CP1251.encode(text)), fileName: "s.csv", scope: .municipality(m), defaultYear: nil, actor: actor, jobID: nil, on: app.db)
            #expect(first.errors.isEmpty)
            #expect(first.created == 2 && first.updated == 0)
            #expect(try await DataVersion.current([.registry(m.id!)], on: app.db)[0] == version + 1, "one move per import, not one per audited row")
            let numbers = try await School.query(on: app.db).filter(\.$code ~~ ["NEW-001", "NEW-002"]).sort(\.$code).all().compactMap(\.no)
            let before = try await School.query(on: app.db).filter(\.$code !~ ["NEW-001", "NEW-002"]).max(\.$no) ?? 0
            #expect(numbers == [before + 1, before + 2], "new schools are numbered after the existing ones, in file order")
            let utf8 = Data([0xEF, 0xBB, 0xBF]) + Data(Self.schoolsCSV.replacingOccurrences(of: "СОШ № 102;", with: "СОШ № 102 им. Героя;").utf8)
            let second = try await ImportPipeline.handle(.schools, .data(utf8), fileName: "s.csv", scope: .municipality(m), defaultYear: nil, actor: actor, jobID: nil, on: app.db)
            #expect(second.created == 0 && second.updated == 2)
            #expect(try await School.query(on: app.db).filter(\.$code ~~ ["NEW-001", "NEW-002"]).count() == 2)
            #expect(try await Fixture.school("NEW-002", app).shortName == "МБОУ СОШ № 102 им. Героя")
            let status = try #require(try await SchoolStatus.query(on: app.db).filter(\.$school.$id == (try await Fixture.school("NEW-001", app)).id!).first())
            #expect(status.year == 2025 && status.lowResults)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "school").filter(\.$userLogin == "test").count() == 4)
        }
    }

    @Test func xlsxFileImports() async throws {
        try await withTestApp { app in
            let rows = Self.schoolsCSV.split(separator: "\n").map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
            let data = try XLSXWriter.write(rows)
            let outcome = try await ImportPipeline.handle(.schools, .data(data), fileName: "s.xlsx", scope: .municipality(try await armavir(app)), defaultYear: nil, actor: actor, jobID: nil, on: app.db)
            #expect(outcome.errors.isEmpty)
            #expect(outcome.created == 2)
        }
    }

    @Test func badFilesWriteNothing() async throws {
        try await withTestApp { app in
            let m = try await armavir(app)
            let before = try await School.query(on: app.db).count()
            let cases: [(String, Data, String)] = [
                ("wrong header", Data("Название;Адрес\nШкола;ул. Мира".utf8), "Код школы"),
                ("duplicate code", Data((Self.schoolsCSV + "\nNEW-001;Муниципальное учреждение № 103;МБОУ СОШ № 103;СОШ;;;;").utf8), "NEW-001"),
                ("login taken in the database", Data(Self.schoolsCSV.replacingOccurrences(of: "edu239102", with: "edu233106").utf8), "edu233106"),
                ("bad boolean", Data(Self.schoolsCSV.replacingOccurrences(of: "2025;да", with: "2025;может быть").utf8), "ШНОР"),
                ("empty file", Data(), "пуст"),
                ("binary junk", Data((0..<512).map { UInt8(($0 * 37 + 11) % 256) }), ""),
            ]
            for (name, data, mention) in cases {
                let outcome = try await ImportPipeline.handle(.schools, .data(data), fileName: "f.csv", scope: .municipality(m), defaultYear: nil, actor: actor, jobID: nil, on: app.db)
                #expect(!outcome.errors.isEmpty, "\(name) must fail")
                #expect(outcome.created == 0 && outcome.updated == 0)
                if !mention.isEmpty { #expect(outcome.errors.map(\.text).joined().contains(mention), "\(name): \(outcome.errors.map(\.text))") }
            }
            #expect(try await School.query(on: app.db).count() == before)
            #expect(try await School.query(on: app.db).filter(\.$code == "NEW-002").count() == 0, "all or nothing: the good row is not written")
        }
    }

    @Test func staffImportNeedsKnownSchoolAndUpdatesByCode() async throws {
        try await withTestApp { app in
            let m = try await armavir(app)
            let csv = """
            Код сотрудника;Фамилия;Имя;Отчество;Код школы;Должность;Роли;Предметы;Квалификационная категория
            T-1;Тестова;Анна;Петровна;ARM-006;Учитель;учитель, тьютор;Русский язык;высшая
            T-2;Проверкин;Олег;;;Методист;специалист центра;;
            """
            let ok = try await ImportPipeline.handle(.staff, .data(Data(csv.utf8)), fileName: "k.csv", scope: .municipality(m), defaultYear: nil, actor: actor, jobID: nil, on: app.db)
            #expect(ok.errors.isEmpty, "\(ok.errors.map(\.text))")
            #expect(ok.created == 2)
            let t1 = try await Fixture.person("T-1", app)
            #expect(t1.functionSet == [.teacher, .tutor])
            #expect(t1.$school.id == (try await Fixture.school("ARM-006", app)).id)
            #expect(try await Fixture.person("T-2", app).$school.id == nil, "empty school code = the center")
            let bad = try await ImportPipeline.handle(.staff, .data(Data(csv.replacingOccurrences(of: "ARM-006", with: "LEN-002").utf8)), fileName: "k.csv", scope: .municipality(m), defaultYear: nil, actor: actor, jobID: nil, on: app.db)
            #expect(bad.errors.first?.row == 2)
            #expect(bad.errors.first?.text.contains("не найдена") == true)
            #expect(try await Fixture.person("T-1", app).$school.id == (try await Fixture.school("ARM-006", app)).id, "nothing changed")
        }
    }

    @Test func uploadPageShowsErrorsWithRowAndColumn() async throws {
        try await withTestApp { app in
            let b = try await Browser.signIn("center", app)
            let m = try await armavir(app)
            let boundary = "XBOUNDARYX"
            let file = Self.schoolsCSV.replacingOccurrences(of: "edu239101", with: "edu12")
            let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(b.csrf)\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nschools\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"municipality_id\"\r\n\r\n\(m.id!)\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"schools.csv\"\r\nContent-Type: text/csv\r\n\r\n\(file)\r\n--\(boundary)--\r\n"
            var location = ""
            try await app.testing().test(.POST, "/admin/imports", headers: ["Cookie": b.cookies, "Content-Type": "multipart/form-data; boundary=\(boundary)"],
                                         body: ByteBuffer(string: body)) { res in
                #expect(res.status == .seeOther)
                location = res.headers.first(name: .location) ?? ""
            }
            let page = try await b.get(location)
            #expect(page.body.string.contains("ничего не записано"))
            #expect(page.body.string.contains("Логин ФИС ОКО"))
            #expect(page.body.string.contains(">2<"), "row 2 of the file")
            #expect(try await School.query(on: app.db).filter(\.$code == "NEW-002").count() == 0)
            let template = try await b.get("/admin/imports/templates/schools.xlsx")
            #expect(template.status == .ok)
            #expect(template.body.readableBytes > 500)
            #expect(try await Browser.signIn("uo", app).get("/admin/imports/templates/schools.csv").status == .forbidden)
        }
    }
}

@Suite("Imports in the background") struct BackgroundImportTests {
    @Test func largeUploadRunsInTheBackgroundAndFinishes() async throws {
        try await withTestApp { app in
            app.config.inlineImportBytes = 0
            let b = try await Browser.signIn("admin", app)
            let m = try #require(try await Municipality.query(on: app.db).filter(\.$code == DemoCatalog.municipalities[2].code).first())
            let boundary = "B0UNDARY"
            let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(b.csrf)\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nschools\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"municipality_id\"\r\n\r\n\(m.id!)\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"s.csv\"\r\n\r\n\(ImportTests.schoolsCSV)\r\n--\(boundary)--\r\n"
            var location = ""
            try await app.testing().test(.POST, "/admin/imports", headers: ["Cookie": b.cookies, "Content-Type": "multipart/form-data; boundary=\(boundary)"],
                                         body: ByteBuffer(string: body)) { res in location = res.headers.first(name: .location) ?? "" }
            let jobID = try #require(UUID(uuidString: String(location.split(separator: "/").last ?? "")))
            await app.backgroundWork.drain()
            #expect(app.backgroundWork.running == 0)
            #expect(try await ImportJob.find(jobID, on: app.db)?.status == "done")
            let page = try await b.get(location)
            #expect(page.body.string.contains("создано: 2, обновлено: 0"))
            #expect(try await School.query(on: app.db).filter(\.$code == "NEW-001").first()?.$municipality.id == m.id)
        }
    }
}

@Suite("One import pipeline") struct ImportPipelineTests {
    /// The command line's call (`opora import`) leaves what the upload page leaves: a job of the
    /// municipality with the typed status and the one outcome shape, and one audit entry of the import.
    @Test func commandLineAndUploadLeaveTheSameJobAndAuditEntry() async throws {
        try await withTestApp { app in
            let m = try #require(try await Municipality.query(on: app.db).filter(\.$code == DemoCatalog.municipalities[0].code).first())
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-\(UUID()).csv")
            try Data(ImportTests.schoolsCSV.utf8).write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            let (cliJob, cli) = try await ImportPipeline.importFile(.schools, at: url, scope: .municipality(m), defaultYear: nil, actor: .commandLine, app: app)
            #expect(cli.status == .done && cli.created == 2)
            let cliID = try #require(cliJob?.id)
            let job = try #require(try await ImportJob.find(cliID, on: app.db))
            #expect(job.state == .done && job.kind == "schools" && job.userLogin == "командная строка" && job.createdCount == 2)
            #expect(ImportPipeline.outcome(job).created == 2)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "import").filter(\.$entityID == job.id).all()
            #expect(audit.map(\.entityLabel) == ["Школы: \(url.lastPathComponent) — создано: 2, обновлено: 0"])

            let upload = try await ImportPipeline.start(.schools, data: Data(ImportTests.schoolsCSV.utf8), fileName: "s.csv", municipality: m,
                                                        defaultYear: nil, actor: .init(userID: nil, login: "ivanova", principal: nil), app: app, inlineBytes: .max)
            let again = try #require(try await ImportJob.find(upload.id, on: app.db))
            #expect(again.state == .done && again.updatedCount == 2)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "import").filter(\.$entityID == again.id).first()?.entityLabel
                    == "Школы: s.csv — создано: 0, обновлено: 2")
        }
    }

    /// A failed file: the job says so with row and column, nothing is written, the attempt is in the audit log.
    @Test func failedFileIsAJobWithErrorsAndAnAuditEntry() async throws {
        try await withTestApp { app in
            let m = try #require(try await Municipality.query(on: app.db).filter(\.$code == DemoCatalog.municipalities[0].code).first())
            let bad = ImportTests.schoolsCSV.replacingOccurrences(of: "edu239102", with: "edu239101")
            let before = try await School.query(on: app.db).count()
            let job = try await ImportPipeline.start(.schools, data: Data(bad.utf8), fileName: "bad.csv", municipality: m, defaultYear: nil,
                                                     actor: .commandLine, app: app, inlineBytes: .max)
            let saved = try #require(try await ImportJob.find(job.id, on: app.db))
            let o = ImportPipeline.outcome(saved)
            #expect(saved.state == .failed && o.status == .failed)
            #expect(o.errors.map(\.row) == [3] && o.errors.first?.column == "Логин ФИС ОКО")
            #expect(try await School.query(on: app.db).count() == before)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityID == job.id).first()?.entityLabel == "Школы: bad.csv — ошибок: 1, ничего не записано")
        }
    }

    /// Jobs of the first release kept a registry import's errors as a bare array: they still read.
    @Test func jobsOfTheFirstReleaseStillRead() throws {
        let old = #"[{"row":4,"column":"Код школы","message":"Пустой код школы."}]"#
        let o = try JSONDecoder().decode(ImportOutcome.self, from: Data(old.utf8))
        #expect(o.status == .failed && o.errors == [ImportError(row: 4, column: "Код школы", message: "Пустой код школы.")])
        let results = #"{"written":12,"references":3,"errors":[],"notes":["n"],"unmatched":[],"skippedOtherMunicipality":1}"#
        let r = try JSONDecoder().decode(ImportOutcome.self, from: Data(results.utf8))
        #expect(r.status == .done && r.written == 12 && r.summary(.results(.ege)) == "записано строк: 12, региональных значений: 3")
    }

    /// Every kind has one job name and one command-line name, and belongs to exactly one area.
    @Test func everyKindHasOneNameAndOneArea() {
        #expect(Set(ImportKind.all.map(\.raw)).count == ImportKind.all.count)
        #expect(ImportKind.all.allSatisfy { ImportKind(raw: $0.raw) == $0 && ImportKind(name: $0.name) == $0 })
        #expect(ImportArea.allCases.flatMap(\.kinds).count == ImportKind.all.count)
        #expect(ImportKind(raw: "results:vpr") == .results(.vpr) && ImportKind(name: "vpr") == .results(.vpr))
    }
}
