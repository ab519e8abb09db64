import Foundation
import Domain
import Importing
import FastStore
@testable import App

/// A bare loader over a FastStore connection, for tests of the SQLite-file writer on bare
/// tables: schools by a fixed table of numbers, unknown ones failing as errors. The app,
/// the CLI and the benchmark do not use it — they import through `ResultBulkWriter`, which
/// shares its writing side (`VPRFileSink`, `EGEFileSink`, `Pipeline`).
extension FastSQLite.Statement: BulkStatement {}

struct BulkResultLoader {
    let store: FastSQLite
    /// School numbers (`schools.no`) by login − 100000 (the benchmark's logins); other keys go through `byKey`.
    let schoolIDs: ContiguousArray<Int>
    var byKey: [SchoolKey: Int] = [:]

    init(store: FastSQLite, schoolIDs: ContiguousArray<Int>) { self.store = store; self.schoolIDs = schoolIDs }

    func school(_ s: FastSchool) -> Int? {
        if case .login(let b) = s, b.count == 6 || b.count == 9 {
            var n = 0
            for i in (b.count - 6)..<b.count { n = n * 10 + Int(b[i] &- 0x30) }
            let idx = n - 100_000
            if idx >= 0 && idx < schoolIDs.count { return schoolIDs[idx] }
        }
        return byKey[s.key]
    }

    /// Schools of the file that are not in the registry, each with its first row, collected
    /// from every checked row (also after other errors). After the first one nothing more is
    /// written (the import fails anyway); the file is still read to the end, so that these
    /// and every other error are listed together.
    final class UnknownSchools {
        private var firstRow: [SchoolKey: Int] = [:]
        var isEmpty: Bool { firstRow.isEmpty }
        func note(_ key: SchoolKey, row: Int) { if firstRow[key] == nil { firstRow[key] = row } }
        var errors: [ImportError] {
            firstRow.map { ImportError(row: $0.value, column: "Код школы", message: "Школа не найдена: \(SchoolResolver.describe($0.key)). "
                                       + "Добавьте её в реестр или исправьте код.") }
        }
        /// Runs the scan; its own errors and the unknown schools fail the import as one list, by row.
        func failing<T>(_ scan: () throws -> T) throws -> T {
            let value: T
            do { value = try scan() } catch let f as ImportFailure {
                throw ImportFailure((f.errors + errors).sorted { ($0.row, $0.column) < ($1.row, $1.column) })
            }
            guard isEmpty else { throw ImportFailure(errors.sorted { $0.row < $1.row }) }
            return value
        }
    }

    /// The reading side of both imports: rows of `scan` go on as items with their school
    /// numbers; schools not in the registry are collected from every checked row, stop the
    /// writing and fail the import together with the file's other errors.
    func resolved<Row: ScannedRow, Item>(_ emit: (Item) throws -> Void,
                                         scan: (_ onChecked: @escaping (Row) -> Void, _ onRow: (Row) throws -> Void) throws -> FastScanSummary,
                                         item: @escaping (Row, Int) -> Item) throws -> Int {
        let unknown = UnknownSchools()
        // `emit` is called only while `scan` runs.
        return try withoutActuallyEscaping(emit) { emit in
            try unknown.failing {
                try scan({ r in if school(r.school) == nil { unknown.note(r.school.key, row: r.row) } }) { r in
                    guard unknown.isEmpty, let no = school(r.school) else { return }
                    try emit(item(r, no))
                }.rows
            }
        }
    }

    /// Reading and checking on one core, writing on the other (Pipeline), in one transaction,
    /// through the SQLite-file writer of the product (`VPRFileSink`, `EGEFileSink`).
    func importVPR(_ url: URL) throws -> Int {
        try load(VPRFileSink({ try store.prepare($0) }, importID: nil)) { emit in
            try resolved(emit, scan: { try ResultImport.scanVPR(fileURL: url, singlePass: true, onChecked: $0, onRow: $1) }) { VPRBulkRow($0, school: $1) }
        }
    }

    func importEGE(_ url: URL) throws -> Int {
        try load(EGEFileSink({ try store.prepare($0) }, importID: nil)) { emit in
            try resolved(emit, scan: { try ResultImport.scanEGE(fileURL: url, singlePass: true, onChecked: $0, onRow: $1) }) { EGEBulkRow($0, school: $1) }
        }
    }

    private func load<Sink: ResultFileSink>(_ sink: Sink, _ produce: @escaping ((Sink.Row) throws -> Void) throws -> Int) throws -> Int {
        try store.transaction {
            let rows = try Pipeline.run(produce: produce, consume: { try sink.add($0) })
            try sink.finish()
            return rows
        }
    }
}

/// What `BulkResultLoader.resolved` needs of a scanned row: its line and its school.
protocol ScannedRow { var row: Int { get }; var school: FastSchool { get } }
extension VPRFastRow: ScannedRow {}
extension EGEFastRow: ScannedRow {}
