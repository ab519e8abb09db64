import Vapor
import Fluent
import Domain
import Importing

/// Staff file → people. Re-import updates by the stable staff code.
struct StaffImporter {
    let municipality: Municipality
    let actor: ImportService.Actor
    let db: any Database
    let progress: ImportService.Progress

    func run(_ rows: [StaffImportRow]) async throws -> ImportService.Outcome {
        let regionID = municipality.$region.id
        let municipalities = Dictionary(try await Municipality.query(on: db).filter(\.$region.$id == regionID).all().map { ($0.code.lowercased(), $0) },
                                        uniquingKeysWith: { a, _ in a })
        let schools = Dictionary(try await School.query(on: db).filter(\.$regionID == regionID).all().map { ($0.code.lowercased(), $0) },
                                 uniquingKeysWith: { a, _ in a })
        let codes = rows.map(\.draft.staffCode)
        let existing = Dictionary(try await Person.query(on: db).filter(\.$staffCode ~~ codes).all().map { ($0.staffCode, $0) }, uniquingKeysWith: { a, _ in a })
        let title = Dictionary(StaffImport.columns.map { ($0.key, $0.title) }, uniquingKeysWith: { a, _ in a })
        var errors: [ImportError] = []
        var plan: [(StaffImportRow, Municipality, School?, Person?)] = []
        for r in rows {
            var m = municipality
            if let code = r.municipalityCode, !code.isEmpty {
                guard let found = municipalities[code.lowercased()] else {
                    errors.append(.init(row: r.row, column: title[StaffImport.Key.municipality] ?? "Код муниципалитета", message: "Муниципалитет «\(code)» не найден в регионе."))
                    continue
                }
                m = found
            }
            var school: School?
            if let sc = r.schoolCode, !sc.isEmpty {
                guard let s = schools[sc.lowercased()], s.$municipality.id == m.id else {
                    errors.append(.init(row: r.row, column: title[StaffImport.Key.schoolCode] ?? "Код школы",
                                        message: "Школа с кодом «\(sc)» не найдена в муниципалитете «\(m.name)». Сначала загрузите школы или исправьте код."))
                    continue
                }
                school = s
            }
            if let p = actor.principal {
                let place = Place(regionID: regionID, municipalityID: m.id!, schoolID: school?.id)
                if !Access.personScope(p, .write).contains(place) || (school == nil && !Access.canImport(into: m.id!, p)) {
                    errors.append(.init(row: r.row, column: "", message: "У вас нет прав загружать сотрудников этой организации."))
                    continue
                }
            }
            plan.append((r, m, school, existing[r.draft.staffCode]))
        }
        guard errors.isEmpty else { return .init(errors: errors) }
        await progress(plan.count / 2, plan.count)
        let frozenPlan = plan
        return try await db.transaction { db in
            var outcome = ImportService.Outcome()
            for (r, m, school, current) in frozenPlan {
                let person = current ?? Person()
                let before = current.map(PersonRegistry.snapshot)
                person.apply(r.draft)
                person.$municipality.id = m.id!
                person.regionID = regionID
                person.$school.id = school?.id
                try await person.save(on: db)
                try await PersonRegistry.syncFunctions(person, on: db)
                if current == nil { outcome.created += 1 } else { outcome.updated += 1 }
                try await ImportService.audit(actor, current == nil ? .create : .update, entity: "person", id: person.id, label: person.fullName,
                                              municipalityID: m.id, before: before, after: PersonRegistry.snapshot(person), on: db)
            }
            try await DataVersion.bump(on: db)
            return outcome
        }
    }
}
