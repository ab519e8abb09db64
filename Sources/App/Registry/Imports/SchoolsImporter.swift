import Vapor
import Fluent
import Domain
import Importing
import SQLKit

/// Schools file → registry. Re-import updates by the stable school code.
struct SchoolsImporter {
    let municipality: Municipality
    let actor: ImportActor
    let db: any Database
    let progress: ImportPipeline.Progress

    func run(_ rows: [SchoolImportRow]) async throws -> ImportOutcome {
        let regionID = municipality.$region.id
        let municipalities = Dictionary(try await Municipality.query(on: db).filter(\.$region.$id == regionID).all().map { ($0.code.lowercased(), $0) },
                                        uniquingKeysWith: { a, _ in a })
        let existing = try await School.query(on: db).filter(\.$regionID == regionID).all()
        let byCode = Dictionary(existing.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let byLogin = Dictionary(existing.compactMap { s in s.fisOkoLogin.map { ($0, s) } }, uniquingKeysWith: { a, _ in a })
        let byGia = Dictionary(existing.compactMap { s in s.giaCode.map { ($0, s) } }, uniquingKeysWith: { a, _ in a })
        let col = Dictionary(SchoolImport.columns.map { ($0.key, $0.title) }, uniquingKeysWith: { a, _ in a })
        var errors: [ImportError] = []
        var plan: [(SchoolImportRow, Municipality, School?)] = []
        for (i, r) in rows.enumerated() {
            var m = municipality
            if let code = r.municipalityCode, !code.isEmpty {
                guard let found = municipalities[code.lowercased()] else {
                    errors.append(.init(row: r.row, column: col["municipality"] ?? "Код муниципалитета", message: "Муниципалитет с кодом «\(code)» не найден в регионе."))
                    continue
                }
                m = found
            }
            if let p = actor.principal, !Access.allows(.importRegistry, p, in: m.ref) {
                errors.append(.init(row: r.row, column: col["municipality"] ?? "Код муниципалитета", message: "У вас нет прав загружать школы муниципалитета «\(m.name)»."))
                continue
            }
            let current = byCode[r.draft.code]
            if let current, current.$municipality.id != m.id {
                errors.append(.init(row: r.row, column: col[SchoolDraft.Field.code] ?? "Код школы", message: "Школа с кодом «\(r.draft.code)» уже есть в другом муниципалитете; проверьте код."))
            }
            if let login = FisOkoLogin.digits(r.draft.fisOkoLogin), let other = byLogin[login], other.code != r.draft.code {
                errors.append(.init(row: r.row, column: col[SchoolDraft.Field.fisOkoLogin] ?? "Логин ФИС ОКО", message: "Логин \(FisOkoLogin.display(login)) уже у школы «\(other.shortName)» (код \(other.code))."))
            }
            if !r.draft.giaCode.isEmpty, let other = byGia[r.draft.giaCode], other.code != r.draft.code {
                errors.append(.init(row: r.row, column: col[SchoolDraft.Field.giaCode] ?? "Код ОО", message: "Код ОО \(r.draft.giaCode) уже у школы «\(other.shortName)» (код \(other.code))."))
            }
            plan.append((r, m, current))
            if i % 200 == 0 { await progress(i, rows.count * 2) }
        }
        guard errors.isEmpty else { return .init(errors: errors) }
        let frozenPlan = plan
        let actor = actor, progress = progress
        return try await db.transaction { db in
            var outcome = ImportOutcome()
            let audit = ImportRows.RowAudit(actor, rows: frozenPlan.count)
            let existingIDs = frozenPlan.compactMap { $0.2?.id }
            var statuses: [String: SchoolStatus] = [:]
            for part in stride(from: 0, to: existingIDs.count, by: 1000).map({ Array(existingIDs[$0..<min(existingIDs.count, $0 + 1000)]) }) {
                for st in try await SchoolStatus.query(on: db).filter(\.$school.$id ~~ part).all() { statuses["\(st.$school.id)|\(st.year)"] = st }
            }
            // New schools: numbered after the existing ones in file order, inserted in batches.
            var next = try await Self.lastNumber(on: db)
            // A new school goes straight from its draft to the row's values: no Fluent model
            // (one costs more than the row's insert).
            var created: [RegistryRows.Values] = [], schools: [(id: UUID, shortName: String)] = []
            let now = Date()
            for (r, m, current) in frozenPlan {
                let id: UUID
                if let current {
                    id = current.id!
                    let before = audit.enabled ? AuditSnapshot.school(current) : nil
                    // Unchanged schools are not written (Fluent's change check alone reflects over the model).
                    if current.draft != School.stored(r.draft) {
                        current.apply(r.draft)
                        if current.hasChanges { try await current.update(on: db) }
                    }
                    outcome.updated += 1
                    if audit.enabled {
                        audit.add(.update, entity: "school", id: id, label: current.shortName, municipalityID: m.id, before: before, after: AuditSnapshot.school(current))
                    }
                } else {
                    id = UUID(); next += 1
                    created.append(RegistryRows.newSchool(id: id, municipalityID: m.id!, regionID: regionID, no: next, r.draft, at: now))
                    outcome.created += 1
                    if audit.enabled {
                        audit.add(.create, entity: "school", id: id, label: r.draft.shortName, municipalityID: m.id, before: nil,
                                  after: AuditSnapshot.SchoolValues(draft: School.stored(r.draft), isLeader: false))
                    }
                }
                schools.append((id, current?.shortName ?? r.draft.shortName))
            }
            await progress(frozenPlan.count, frozenPlan.count * 2)
            try await RegistryRows.insert(into: School.schema, RegistryRows.schoolColumns, created, on: db)
            // Statuses of the rows' years: new ones in batches, changed ones one by one.
            var newStatuses: [SchoolStatus] = []
            for ((r, m, _), school) in zip(frozenPlan, schools) {
                guard let st = r.status else { continue }
                let key = "\(school.id)|\(st.year)"
                let existing = statuses[key]
                let row = existing ?? SchoolStatus()
                let stBefore = existing?.draft
                // An unchanged status is not written (setting a Fluent field marks it changed).
                if existing == nil || stBefore != st {
                    row.$school.id = school.id
                    row.apply(st)
                    if existing == nil { row.id = UUID(); newStatuses.append(row) } else { try await row.update(on: db) }
                }
                statuses[key] = row
                audit.add(stBefore == nil ? .create : .update, entity: "school_status", id: row.id, label: "\(school.shortName), \(st.year)",
                          municipalityID: m.id, before: stBefore, after: st)
            }
            try await RegistryRows.insert(into: SchoolStatus.schema, RegistryRows.statusColumns, newStatuses.map(RegistryRows.values), on: db)
            try await audit.write(on: db)
            try await DataVersion.bump(frozenPlan.map { DataKey.registry($0.1.id!) } + [.registry(municipality.id!)], on: db)
            return outcome
        }
    }

    /// The largest school number so far; on PostgreSQL under `SchoolNumbering`'s lock, held
    /// until this transaction ends (concurrent creations wait and number after these).
    static func lastNumber(on db: any Database) async throws -> Int {
        if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: SchoolNumbering.lockKey))").run()
        }
        return try await School.query(on: db).max(\.$no) ?? 0
    }
}
