import Vapor
import Fluent
import Domain
import Importing

/// Schools file → registry. Re-import updates by the stable school code.
struct SchoolsImporter {
    let municipality: Municipality
    let actor: ImportService.Actor
    let db: any Database
    let progress: ImportService.Progress

    func run(_ rows: [SchoolImportRow]) async throws -> ImportService.Outcome {
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
            if let p = actor.principal, !Access.canImport(into: m.id!, p) {
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
        let schoolIDs = plan.compactMap { $0.2?.id }
        let frozenPlan = plan
        return try await db.transaction { db in
            var outcome = ImportService.Outcome()
            let statusRows = schoolIDs.isEmpty ? [] : try await SchoolStatus.query(on: db).filter(\.$school.$id ~~ schoolIDs).all()
            var statuses = Dictionary(statusRows.map { ("\($0.$school.id)|\($0.year)", $0) }, uniquingKeysWith: { a, _ in a })
            for (i, (r, m, current)) in frozenPlan.enumerated() {
                let school = current ?? School()
                let before = current.map(AuditSnapshot.school)
                if current == nil { school.$municipality.id = m.id!; school.regionID = regionID; school.isLeader = false }
                school.apply(r.draft)
                if current == nil { try await school.create(on: db); outcome.created += 1 }
                else if school.hasChanges { try await school.update(on: db); outcome.updated += 1 }
                else { outcome.updated += 1 }
                do {
                    try await ImportService.audit(actor, current == nil ? .create : .update, entity: "school", id: school.id, label: school.shortName,
                                                  municipalityID: m.id, before: before, after: AuditSnapshot.school(school), on: db)
                }
                if let st = r.status {
                    let key = "\(school.id!)|\(st.year)"
                    let row = statuses[key] ?? SchoolStatus()
                    let stBefore = statuses[key]?.draft
                    row.$school.id = school.id!
                    row.apply(st)
                    try await row.save(on: db)
                    statuses[key] = row
                    try await ImportService.audit(actor, stBefore == nil ? .create : .update, entity: "school_status", id: row.id,
                                                  label: "\(school.shortName), \(st.year)", municipalityID: m.id, before: stBefore, after: st, on: db)
                }
                if i % 200 == 0 { await progress(frozenPlan.count + i, frozenPlan.count * 2) }
            }
            try await DataVersion.bump(on: db)
            return outcome
        }
    }
}
