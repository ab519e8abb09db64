import Vapor
import Fluent
import Domain
import Importing

/// Deficits file → the deficits found by diagnostics (`DeficitRecord`, `hasDeficit` true).
///
/// - The teacher is a registry code of the importer's municipality; the record's municipality
///   and school are the teacher's.
/// - Re-import updates: the same teacher, year, area and source is the same deficit — its score,
///   level and date are the file's. A later diagnostic that found none (`hasDeficit` false) is
///   another record and stays.
struct DeficitsImporter {
    typealias Key = DeficitImport.Key
    let base: MentoringImporter

    static func title(_ key: String) -> String { MentoringImporter.title(DeficitImport.columns, key) }

    struct Plan: Sendable {
        let row: DeficitImportRow
        let teacher: Person
        let existing: DeficitRecord?
    }

    struct Snapshot: Encodable {
        let teacher: UUID, school: UUID?, year: Int, area: String, source: String, score: Double?, level: String, day: String?, hasDeficit: Bool
        init(_ r: DeficitRecord) {
            teacher = r.$teacher.id; school = r.$school.id; year = r.year; area = r.area; source = r.source; score = r.score
            level = r.level; day = r.dayText; hasDeficit = r.hasDeficit
        }
    }

    static func key(_ teacher: UUID, _ year: Int, _ area: String, _ source: String) -> String { "\(teacher)|\(year)|\(area)|\(source)" }

    func run(_ rows: [DeficitImportRow]) async throws -> ImportOutcome {
        let book = try await base.codeBook(people: rows.map(\.teacherCode), schools: [String]())
        var errors: [ImportError] = []
        var resolved: [(DeficitImportRow, Person)] = []
        for r in rows {
            if let t = base.person(r.teacherCode, book, row: r.row, column: Self.title(Key.teacherCode), role: "Педагог", errors: &errors) {
                resolved.append((r, t))
            }
        }

        let ids = Array(Set(resolved.map { $0.1.id! }))
        var found: [DeficitRecord] = []
        for start in stride(from: 0, to: ids.count, by: 900) {
            found += try await DeficitRecord.query(on: base.db).filter(\.$teacher.$id ~~ Array(ids[start..<min(ids.count, start + 900)]))
                .filter(\.$hasDeficit == true).sort(\.$createdAt).all()
        }
        var existing: [String: DeficitRecord] = [:]
        for d in found where existing[Self.key(d.$teacher.id, d.year, d.area, d.source)] == nil {
            existing[Self.key(d.$teacher.id, d.year, d.area, d.source)] = d
        }
        var seen: [String: Int] = [:]
        var plans: [Plan] = []
        for (r, t) in resolved {
            let k = Self.key(t.id!, r.year, r.area.rawValue, r.source.rawValue)
            if let first = seen[k] {
                errors.append(.init(row: r.row, column: Self.title(Key.area),
                                    message: "Дефицит этого педагога в той же области, за тот же год и из того же источника уже указан в строке \(first). Оставьте одну строку."))
                continue
            }
            seen[k] = r.row
            plans.append(Plan(row: r, teacher: t, existing: existing[k]))
        }
        guard errors.isEmpty else { return MentoringImporter.failed(errors) }

        let frozen = plans
        let mid = base.municipalityID
        return try await base.write(rows: frozen.count, keys: [.support(mid)]) { db, audit in
            var outcome = ImportOutcome()
            var created: [DeficitRecord] = []
            for p in frozen {
                let d = p.existing ?? DeficitRecord()
                let before = p.existing.map(Snapshot.init)
                if p.existing == nil {
                    d.id = UUID(); d.municipalityID = p.teacher.$municipality.id; d.$teacher.id = p.teacher.id!; d.$school.id = p.teacher.$school.id
                    d.year = p.row.year; d.area = p.row.area.rawValue; d.source = p.row.source.rawValue; d.hasDeficit = true
                }
                d.score = p.row.score; d.level = String((p.row.level ?? "").prefix(100)); d.dayText = p.row.date?.iso
                if p.existing != nil {
                    try await d.update(on: db)
                    outcome.updated += 1
                } else {
                    created.append(d)
                    outcome.created += 1
                }
                audit.add(p.existing == nil ? .create : .update, entity: "deficit", id: d.id,
                          label: "\(p.teacher.fullName), \(YearLabel.schoolYear(p.row.year)): \(p.row.area.title) — дефицит (\(p.row.source.title))",
                          municipalityID: d.municipalityID, before: before, after: Snapshot(d))
            }
            try await ImportRows.createInBatches(created, on: db)
            return outcome
        }
    }
}
