import Foundation
import Fluent
import SQLKit
import Importing

/// The one writer of ВПР and ЕГЭ files in the simple CSV format — for the web upload
/// `opora import vpr|ege` and `opora bench`, all through
/// `ImportPipeline` → `ResultImportService.run`. The file is read once, streaming (every row checked
/// as `readVPR`/`readEGE` check it), its schools matched as `ResultImportService.match`
/// matches them, and the rows written in batches while it is read — reading on one core,
/// writing on the other — in one transaction: through prepared statements on a connection
/// of its own to the app's SQLite file (`AppSQLite`, the app's own SQLite library), as
/// multi-row statements on PostgreSQL and in-memory SQLite. Any error in the file, and any school not found, rolls everything back; the data
/// version moves once, with the rows. Memory stays bounded by a few batches in flight.
enum ResultBulkWriter {
    typealias Outcome = ImportOutcome

    typealias Scope = ImportScope

    /// Where the rows go: the app's SQLite file through `AppSQLite`, or the database through SQLKit.
    enum Target: Equatable { case sqliteFile(String), sql }

    /// nil when `kind` is not ВПР/ЕГЭ or the bytes are not a simple CSV (the general path reads them).
    static func run(_ kind: ResultFileKind, _ source: ResultSource, scope: Scope, defaultYear: Int?, importID: UUID?,
                    skipping: Set<String> = [], on db: any Database) async throws -> Outcome? {
        guard source.isPlainText else { return nil }
        switch kind {
        case .vpr:
            return try await run(Job<VPRBulkRow>(scan: { match, emit in
                try ResultImport.streamVPR(source, defaultYear: defaultYear, onChecked: { match.note($0.school, row: $0.row) }) { r in
                    if let no = match.number(r.school) { try emit(VPRBulkRow(r, school: no)) }
                }
            }, sink: { try VPRFileSink($0, importID: $1) }), scope: scope, importID: importID, skipping: skipping, on: db)
        case .ege:
            return try await run(Job<EGEBulkRow>(scan: { match, emit in
                try ResultImport.streamEGE(source, defaultYear: defaultYear, onChecked: { match.note($0.school, row: $0.row) }) { r in
                    if let no = match.number(r.school) { try emit(EGEBulkRow(r, school: no)) }
                }
            }, sink: { try EGEFileSink($0, importID: $1) }), scope: scope, importID: importID, skipping: skipping, on: db)
        default:
            return nil
        }
    }

    /// The app's SQLite file (write-ahead log, as `configure` sets it: the app's readers go on
    /// while the import writes) when no transaction of the caller is open (a connection of
    /// its own could not join it); otherwise SQLKit on `db`.
    static func target(for db: any Database) async throws -> Target {
        guard !db.inTransaction, let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return .sql }
        guard try await sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self).lowercased() == "wal" else { return .sql }
        for row in try await sql.raw("PRAGMA database_list").all() where try row.decode(column: "name", as: String.self) == "main" {
            let file = try row.decode(column: "file", as: String.self)
            return file.isEmpty ? .sql : .sqliteFile(file)
        }
        return .sql
    }

    /// How to read one kind of file and write its rows to an SQLite file.
    struct Job<Row: BulkResultRow>: Sendable {
        let scan: @Sendable (_ match: ResultStreamMatch, _ emit: (Row) throws -> Void) throws -> FastScanSummary?
        let sink: @Sendable (PrepareStatement, UUID?) throws -> any ResultFileSink<Row>
    }

    struct Written: Sendable { let summary: FastScanSummary; let rows: Int }
    /// Unknown schools: the transaction is rolled back and the user matches them.
    struct NothingWritten: Error { let summary: FastScanSummary }

    static func run<Row>(_ job: Job<Row>, scope: Scope, importID: UUID?, skipping: Set<String>, on db: any Database) async throws -> Outcome? {
        let resolver = try await SchoolResolver.load(regionID: scope.regionID, municipalityID: scope.municipalityID, on: db)
        let match = ResultStreamMatch(resolver: resolver, municipalityID: scope.municipalityID, skipping: skipping)
        // The results of the municipality, or of every municipality of the region, move on.
        let keys: [DataKey] = if let m = scope.municipalityID { [.results(m)] } else {
            try await Municipality.query(on: db).filter(\.$region.$id == scope.regionID).all().map { .results($0.id!) }
        }
        let written: Written?
        do {
            switch try await target(for: db) {
            case .sqliteFile(let path):
                written = try await Pipeline.onOwnThread { try writeFile(job, path: path, match: match, importID: importID, keys: keys) }
            case .sql: written = try await writeSQL(job, on: db, match: match, importID: importID, keys: keys)
            }
        } catch let failure as ImportFailure {
            return Outcome(errors: failure.errors)
        } catch let nothing as NothingWritten {
            written = Written(summary: nothing.summary, rows: 0)
        }
        guard let written else { return nil }
        var o = Outcome(written: written.rows, notes: written.summary.notes, unmatched: match.unmatched)
        o.skippedOtherMunicipality = match.skipped
        if match.skipped > 0 { o.notes.append("Пропущено строк школ других муниципалитетов или отмеченных «не наша школа»: \(match.skipped).") }
        return o
    }

    /// A connection of its own to the app's SQLite file (WAL: the app's connections keep reading).
    static func writeFile<Row>(_ job: Job<Row>, path: String, match: ResultStreamMatch, importID: UUID?, keys: [DataKey]) throws -> Written? {
        let store = try AppSQLite(path: path)
        let sink = try job.sink({ try store.prepare($0) }, importID)
        var rows = 0
        return try store.transaction {
            let summary = try Pipeline.run(produce: { emit in try job.scan(match, emit) }, consume: { (r: Row) in try sink.add(r); rows += 1 })
            guard let summary else { return nil }
            try sink.finish()
            guard match.unmatched.isEmpty else { throw NothingWritten(summary: summary) }
            for statement in DataVersion.bumpStatements(keys) { try store.exec(statement) }
            return Written(summary: summary, rows: rows)
        }
    }

    /// Multi-row statements through SQLKit in one Fluent transaction (PostgreSQL, in-memory SQLite).
    static func writeSQL<Row>(_ job: Job<Row>, on db: any Database, match: ResultStreamMatch, importID: UUID?, keys: [DataKey]) async throws -> Written? {
        try await db.transaction { tx in
            guard let sql = tx as? any SQLDatabase else { throw ImportFailure(file: "База данных не поддерживает загрузку результатов.") }
            var rows = 0
            let summary = try await Pipeline.runAsync(batch: SQLResultRows.batch, produce: { emit in try job.scan(match, emit) }) { (part: [Row]) in
                try await SQLResultRows.write(part, importID: importID, on: sql)
                rows += part.count
            }
            guard let summary else { return nil }
            guard match.unmatched.isEmpty else { throw NothingWritten(summary: summary) }
            // The counter row stays locked until commit on PostgreSQL: the last statement.
            try await DataVersion.bump(keys, on: tx)
            return Written(summary: summary, rows: rows)
        }
    }
}
