import Vapor
import Fluent
import Domain
import Importing

/// The one import pipeline of the app, for every kind (`ImportKind`) and every caller — the
/// upload pages, `opora import` and the benchmark:
///
///     file → the kind's handler (parse in Importing, resolve codes, write in one transaction or nothing)
///          → the outcome on the job row (typed status, one error shape) → one audit entry
///
/// The handler of a kind moves its data versions with its rows; the pipeline writes the job,
/// keeps the file while its schools wait to be matched, and records the import in the audit log.
enum ImportPipeline {
    typealias Progress = @Sendable (_ done: Int, _ total: Int) async -> Void

    /// One run of a kind's handler over a file: nothing about jobs or the audit log.
    static func handle(_ kind: ImportKind, _ file: ResultSource, fileName: String, scope: ImportScope, defaultYear: Int?,
                       actor: ImportActor, jobID: UUID?, skipping: Set<String> = [], progress: @escaping Progress = { _, _ in },
                       now: Date = Date(), on db: any Database) async throws -> ImportOutcome {
        switch kind {
        case .mentoring(let k):
            guard let m = scope.municipality else { return ImportOutcome(errors: [.file("Укажите муниципалитет, в который загружается файл.")]) }
            let (data, name) = await LegacyExcel.convertIfNeeded(try file.bytes(), fileName: fileName)
            let importer = MentoringImporter(municipality: m, actor: actor, db: db, today: CalendarDay(date: now, timeZone: CuratorshipService.zone),
                                             progress: progress)
            do {
                return try await importer.run(k, data: data, fileName: name)
            } catch let failure as ImportFailure {
                return ImportOutcome(errors: failure.errors)
            }
        case .plan(let target):
            guard let m = scope.municipality else { return ImportOutcome(errors: [.file("Укажите муниципалитет, в который загружается файл.")]) }
            let (data, name) = await LegacyExcel.convertIfNeeded(try file.bytes(), fileName: fileName)
            do {
                return try await PlanImporter(municipality: m, actor: actor, db: db, now: now).run(target, data: data, fileName: name)
            } catch let failure as ImportFailure {
                return ImportOutcome(errors: failure.errors)
            }
        case .results(let k):
            return try await ResultImportService.run(k, file, fileName: fileName, scope: scope, defaultYear: defaultYear,
                                                     importID: jobID, on: db, skipping: skipping)
        case .schools, .staff:
            guard let m = scope.municipality else { return ImportOutcome(errors: [.file("Укажите муниципалитет, в который загружается файл.")]) }
            let (data, name) = await LegacyExcel.convertIfNeeded(try file.bytes(), fileName: fileName)
            do {
                if kind == .schools {
                    return try await SchoolsImporter(municipality: m, actor: actor, db: db, progress: progress).run(SchoolImport.read(data: data, fileName: name))
                }
                return try await StaffImporter(municipality: m, actor: actor, db: db, progress: progress).run(StaffImport.read(data: data, fileName: name))
            } catch let failure as ImportFailure {
                return ImportOutcome(errors: failure.errors)
            }
        }
    }

    /// A new job of a municipality, its file kept until the job is done.
    static func newJob(_ kind: ImportKind, fileName: String, municipality: Municipality, actor: ImportActor, on db: any Database) async throws -> ImportJob {
        let job = ImportJob()
        job.kind = kind.raw; job.fileName = fileName; job.municipalityID = try municipality.requireID()
        job.userID = actor.userID; job.userLogin = actor.login; job.state = .running
        job.totalRows = 0; job.processedRows = 0; job.createdCount = 0; job.updatedCount = 0; job.errorsJSON = "{}"
        try await job.create(on: db)
        return job
    }

    /// The web upload: a job, then the run — inline for a small file (the user lands on the
    /// finished job), in the background for a large one (the job page follows its progress).
    static func start(_ kind: ImportKind, data: Data, fileName: String, municipality: Municipality, defaultYear: Int?,
                      actor: ImportActor, app: Application, inlineBytes: Int) async throws -> ImportJob {
        let job = try await newJob(kind, fileName: fileName, municipality: municipality, actor: actor, on: app.db)
        let work: @Sendable () async -> Void = {
            _ = await execute(job, kind, .data(data), scope: .municipality(municipality), defaultYear: defaultYear, actor: actor, app: app)
        }
        if data.count <= inlineBytes { await work() } else { app.backgroundWork.run(work) }
        return job
    }

    /// `opora import KIND FILE` (and the benchmark, which measures this call): a job of the
    /// municipality — none for a whole region —, the file streamed from the disk, the audit entry.
    static func importFile(_ kind: ImportKind, at url: URL, scope: ImportScope, defaultYear: Int?, actor: ImportActor,
                           app: Application) async throws -> (job: ImportJob?, outcome: ImportOutcome) {
        let job = try await scope.municipality.asyncMap { m in
            try await newJob(kind, fileName: url.lastPathComponent, municipality: m, actor: actor, on: app.db)
        }
        return (job, await execute(job, kind, .file(url), scope: scope, defaultYear: defaultYear, actor: actor, app: app))
    }

    /// Runs (or re-runs, after matching) a job's file and records the outcome on the job row
    /// and in the audit log. No job for a region-wide command-line import (a job belongs to a
    /// municipality): its outcome goes to the audit log alone.
    @discardableResult
    static func execute(_ job: ImportJob?, _ kind: ImportKind, _ file: ResultSource, scope: ImportScope, defaultYear: Int?, actor: ImportActor,
                        skipping: Set<String> = [], app: Application) async -> ImportOutcome {
        let db = app.db
        let id = job?.id
        var outcome: ImportOutcome
        do {
            outcome = try await handle(kind, file, fileName: job?.fileName ?? file.fileName, scope: scope, defaultYear: defaultYear,
                                       actor: actor, jobID: id, skipping: skipping, progress: { done, total in
                if let id { await ImportProgress.shared.set(id, done, total) }
            }, now: app.now(), on: db)
            // New or changed assignments change what supporters may see: signed-in principals are rebuilt.
            if kind == .mentoring(.assignments), outcome.status == .done { app.sessionCache.clear() }
        } catch {
            app.logger.report(error: error)
            outcome = ImportOutcome(errors: [.file("Внутренняя ошибка при записи: ничего не записано. Повторите загрузку или сообщите администратору.")])
        }
        do {
            if let job { try await finish(job, outcome, file: file, defaultYear: defaultYear, on: db) }
            try await Audit.record(on: db, actor: actor.userID, actorLogin: actor.login, action: .importFile, entity: "import", id: id,
                                   label: "\(kind.title): \(job?.fileName ?? file.fileName) — \(outcome.summary(kind))",
                                   municipalityID: scope.municipalityID, bumpVersion: false)
        } catch {
            app.logger.report(error: error)
        }
        app.versionBoard.forget()   // a background import ends after its request: readers see it at once
        if let id { await ImportProgress.shared.clear(id) }
        return outcome
    }

    /// An import runs in one transaction and takes seconds; a job still «running» long after it
    /// began lost its process (killed, power cut): nothing of it was written. Such jobs are closed
    /// as failed, with what to do — at start and whenever a list of jobs is shown.
    static let interruptedAfter: TimeInterval = 15 * 60
    static let interruptedMessage = "Загрузка прервана: программа была остановлена во время загрузки. Из этого файла ничего не записано — загрузите его ещё раз."

    static func closeInterrupted(on db: any Database, now: Date = Date()) async throws {
        let stale = try await ImportJob.query(on: db).filter(\.$status == ImportStatus.running.rawValue)
            .filter(\.$createdAt < now.addingTimeInterval(-interruptedAfter)).all()
        guard !stale.isEmpty else { return }
        let errors = String(data: try JSONEncoder().encode(ImportOutcome(errors: [.file(interruptedMessage)])), encoding: .utf8) ?? "{}"
        try await db.transaction { db in
            for job in stale {
                job.state = .failed; job.errorsJSON = errors; job.finishedAt = now
                try await job.update(on: db)
            }
        }
    }

    /// The outcome on the job row; the file is kept while schools wait to be matched, dropped otherwise.
    static func finish(_ job: ImportJob, _ outcome: ImportOutcome, file: ResultSource, defaultYear: Int?, on db: any Database) async throws {
        let id = try job.requireID()
        job.state = outcome.status
        job.createdCount = outcome.created + outcome.written; job.updatedCount = outcome.updated
        job.totalRows = outcome.rows; job.processedRows = outcome.rows
        job.errorsJSON = String(data: try JSONEncoder().encode(outcome), encoding: .utf8) ?? "{}"
        job.finishedAt = Date()
        try await db.transaction { db in
            try await job.update(on: db)
            let kept = try await ImportFileBlob.query(on: db).filter(\.$jobID == id).first()
            if outcome.status == .needsMatching, kept == nil {
                let blob = ImportFileBlob()
                blob.jobID = id; blob.data = try file.bytes(); blob.defaultYear = defaultYear
                try await blob.create(on: db)
            } else if outcome.status != .needsMatching, kept != nil {
                try await ImportFileBlob.query(on: db).filter(\.$jobID == id).delete()
            }
        }
    }

    /// A job waiting for matching, run again over its kept file with the keys marked «не наша школа» left out.
    static func resume(_ job: ImportJob, _ kind: ImportKind, municipality: Municipality, actor: ImportActor, skipping: Set<String>,
                       app: Application) async throws -> ImportOutcome {
        guard job.state == .needsMatching, let blob = try await ImportFileBlob.query(on: app.db).filter(\.$jobID == job.requireID()).first() else {
            throw AppError.conflict("Эта загрузка уже не ждёт сопоставления. Загрузите файл заново.")
        }
        return await execute(job, kind, .data(blob.data), scope: .municipality(municipality), defaultYear: blob.defaultYear, actor: actor,
                             skipping: skipping, app: app)
    }

    /// The outcome a job row keeps.
    static func outcome(_ job: ImportJob) -> ImportOutcome {
        (try? JSONDecoder().decode(ImportOutcome.self, from: Data(job.errorsJSON.utf8))) ?? ImportOutcome()
    }
}

extension ResultSource {
    /// The whole file (the registry's readers and the kept file of a job take it at once).
    func bytes() throws -> Data {
        switch self {
        case .data(let d): d
        case .file(let url): try Data(contentsOf: url)
        }
    }
    var fileName: String {
        switch self {
        case .data: "файл"
        case .file(let url): url.lastPathComponent
        }
    }
}

/// In-memory progress of running imports on this instance (the job row has the rest).
actor ImportProgress {
    static let shared = ImportProgress()
    private var values: [UUID: (Int, Int)] = [:]
    func set(_ id: UUID, _ done: Int, _ total: Int) { values[id] = (done, total) }
    func get(_ id: UUID) -> (Int, Int)? { values[id] }
    func clear(_ id: UUID) { values[id] = nil }
}

extension ImportActor {
    init(_ user: CurrentUser) { self.init(userID: user.id, login: user.login, principal: user.principal) }
}
