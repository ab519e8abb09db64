import Fluent
import Foundation
import Domain
import Importing

/// The results importer: parse (Importing) → match schools → write all rows of the
/// file in one transaction, replacing the same school/subject/grade/year, or nothing.
enum ResultImportService {
    typealias Unmatched = UnmatchedSchool
    typealias Outcome = ImportOutcome

    struct Matched<Row: Sendable>: Sendable { var rows: [(Row, ResolvedSchool)] = []; var unmatched: [Unmatched] = []; var skipped = 0 }

    static func match<Row: Sendable>(_ rows: [Row], key: (Row) -> SchoolKey, row: (Row) -> Int, municipality: Municipality, resolver: SchoolResolver,
                                      skipping: Set<String> = []) -> Matched<Row> {
        var out = Matched<Row>()
        var unknown: [String: Unmatched] = [:]
        var order: [String] = []
        // РИС ГИА rows: the Код МСУ of our municipalities as this file shows it.
        var resolver = resolver
        resolver.learnMunicipalities(from: rows.map(key))
        for r in rows {
            let k = key(r)
            let (kk, kv) = SchoolResolver.key(k)
            if skipping.contains("\(kk)|\(kv)") { out.skipped += 1; continue }
            if let mid = municipality.id, resolver.isOtherMunicipality(k, than: mid) { out.skipped += 1; continue }
            guard let school = resolver.school(k) else {
                let (kind, value) = SchoolResolver.key(k)
                let id = "\(kind)|\(value)"
                if unknown[id] == nil { order.append(id); unknown[id] = Unmatched(kind: kind, value: value, label: SchoolResolver.describe(k), rows: []) }
                unknown[id]!.rows.append(row(r))
                continue
            }
            if school.municipalityID != municipality.id { out.skipped += 1; continue }
            out.rows.append((r, school))
        }
        out.unmatched = order.compactMap { unknown[$0] }
        return out
    }

    /// One result file into its scope: a simple ВПР/ЕГЭ CSV streams through `ResultBulkWriter`
    /// (from the disk for `opora import`, from memory for the upload); any other file is read
    /// whole, its schools matched, and written into one municipality.
    static func run(_ kind: ResultFileKind, _ file: ResultSource, fileName: String, scope: ImportScope, defaultYear: Int?,
                    importID: UUID?, on db: any Database, skipping: Set<String> = []) async throws -> Outcome {
        if let o = try await ResultBulkWriter.run(kind, file, scope: scope, defaultYear: defaultYear, importID: importID, skipping: skipping, on: db) {
            return o
        }
        guard let municipality = scope.municipality else {
            return Outcome(errors: [.file("Без муниципалитета загружаются только ВПР и ЕГЭ в простом формате CSV; этот файл загрузите в муниципалитет.")])
        }
        let (data, fileName) = await LegacyExcel.convertIfNeeded(try file.bytes(), fileName: fileName)
        let resolver = try await SchoolResolver.load(regionID: municipality.$region.id, municipalityID: municipality.id, on: db)
        let w = ResultWriters(municipality: municipality, resolver: resolver, importID: importID, db: db, skipping: skipping)
        do {
            switch kind {
            case .ege: return try await w.ege(ResultImport.readEGE(data: data, fileName: fileName, defaultYear: defaultYear))
            case .vpr: return try await w.vpr(ResultImport.readVPR(data: data, fileName: fileName, defaultYear: defaultYear))
            case .oge: return try await w.oge(ResultImport.readOGE(data: data, fileName: fileName, defaultYear: defaultYear))
            case .term: return try await w.term(ResultImport.readTerm(data: data, fileName: fileName, defaultYear: defaultYear))
            case .journalComparison: return try await w.journal(ResultImport.readJournalComparison(data: data, fileName: fileName, defaultYear: defaultYear))
            case .vprParticipants: return try await w.participants(ResultImport.readVPRParticipants(data: data, fileName: fileName, defaultYear: defaultYear))
            case .objectivity: return try await w.objectivity(ResultImport.readObjectivityFlags(data: data, fileName: fileName, defaultYear: defaultYear))
            case .context: return try await w.context(ResultImport.readContext(data: data, fileName: fileName, defaultYear: defaultYear))
            }
        } catch let failure as ImportFailure {
            return Outcome(errors: failure.errors)
        }
    }

    /// Remembers the center's matches of unknown keys to its schools, for its municipality only
    /// (another municipality's matches of the same label are theirs). One read, then the writes.
    static func remember(_ matches: [(Unmatched, UUID)], municipalityID: UUID, on db: any Database) async throws {
        guard !matches.isEmpty else { return }
        let existing = try await SchoolKeyMatch.query(on: db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$keyValue ~~ matches.map(\.0.value)).all()
        let byKey = Dictionary(existing.map { ("\($0.keyKind)|\($0.keyValue)", $0) }, uniquingKeysWith: { a, _ in a })
        try await db.transaction { db in
            for (u, schoolID) in matches {
                let m = byKey["\(u.kind)|\(u.value)"] ?? SchoolKeyMatch()
                m.$municipality.id = municipalityID; m.keyKind = u.kind; m.keyValue = u.value; m.$school.id = schoolID
                try await m.save(on: db)
            }
        }
    }
}
