import Fluent
import SQLKit
import Foundation
import Importing

extension ResultWriters {
    /// `replace` for the two big tables, for files the general path reads (ФИС ОКО, РИС ГИА,
    /// spreadsheets): the rows are matched as in `replace`, then written as multi-row
    /// statements (`SQLResultRows`, the statements of `ResultBulkWriter`) in one transaction
    /// with the file's region rows, and the version moves once — or nothing is written.
    func replaceInBatches<Row: Sendable, Bulk: BulkResultRow>(_ f: ResultFile<Row>, key: (Row) -> SchoolKey, row: (Row) -> Int,
                                                              bulk: (Row, ResolvedSchool) -> Bulk) async throws -> Outcome {
        let (m, o) = prepare(f, key: key, row: row)
        guard o.unmatched.isEmpty else { return o }
        let rows = m.rows.map { bulk($0.0, $0.1) }
        let refs = f.references, importID = importID
        return try await db.transaction { db in
            guard let sql = db as? any SQLDatabase else { throw ImportFailure(file: "База данных не поддерживает загрузку результатов.") }
            var o = o
            try await SQLResultRows.write(rows, importID: importID, on: sql)
            o.written = rows.count
            return try await finish(o, references: refs, on: db)
        }
    }
}
