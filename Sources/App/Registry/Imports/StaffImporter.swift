import Vapor
import Fluent
import Domain
import Importing

/// Staff file → people. Re-import updates by the stable staff code.
struct StaffImporter {
    let municipality: Municipality
    let actor: ImportActor
    let db: any Database
    let progress: ImportPipeline.Progress

    /// The importer's write scope: a signed-in user's person scope; at the terminal, the
    /// region of the municipality named on the command line.
    func mayChange(_ person: Person) -> Bool {
        if let p = actor.principal { return Access.personScope(p, .write).contains(person.place) }
        return person.regionID == municipality.$region.id
    }

    func run(_ rows: [StaffImportRow]) async throws -> ImportOutcome {
        let regionID = municipality.$region.id
        let municipalities = Dictionary(try await Municipality.query(on: db).filter(\.$region.$id == regionID).all().map { ($0.code.lowercased(), $0) },
                                        uniquingKeysWith: { a, _ in a })
        let schools = Dictionary(try await School.query(on: db).filter(\.$regionID == regionID).all().map { ($0.code.lowercased(), $0) },
                                 uniquingKeysWith: { a, _ in a })
        let codes = rows.map(\.draft.staffCode)
        var found: [Person] = []
        for start in stride(from: 0, to: codes.count, by: 1000) {   // bind lists stay below SQLite's limit
            found += try await Person.query(on: db).filter(\.$staffCode ~~ Array(codes[start..<min(codes.count, start + 1000)])).all()
        }
        let existing = Dictionary(found.map { ($0.staffCode, $0) }, uniquingKeysWith: { a, _ in a })
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
                if !Access.personScope(p, .write).contains(place) || (school == nil && !Access.allows(.importRegistry, p, in: m.ref)) {
                    errors.append(.init(row: r.row, column: "", message: "У вас нет прав загружать сотрудников этой организации."))
                    continue
                }
            }
            // A file may only touch people inside the importer's write scope: a code held by
            // someone outside it is this row's error, and their name is not revealed.
            let current = existing[r.draft.staffCode]
            if let current, !mayChange(current) {
                errors.append(.init(row: r.row, column: title[PersonDraft.Field.staffCode] ?? "Код сотрудника",
                                    message: "Код «\(r.draft.staffCode)» уже занят сотрудником другой организации, которую вы не ведёте. Укажите другой код."))
                continue
            }
            plan.append((r, m, school, current))
        }
        guard errors.isEmpty else { return .init(errors: errors) }
        await progress(plan.count / 2, plan.count)
        let frozenPlan = plan
        let actor = actor
        return try await db.transaction { db in
            var outcome = ImportOutcome()
            let audit = ImportRows.RowAudit(actor, rows: frozenPlan.count)
            var created: [Person] = [], functions: [PersonFunctionRow] = [], replaced: [UUID] = []
            for (r, m, school, current) in frozenPlan {
                let person = current ?? Person()
                let before = current.map(PersonRegistry.snapshot)
                // An unchanged person is not written (Fluent's change check alone reflects over the model).
                let unchanged = current.map { $0.draft == r.draft.normalized() && $0.$municipality.id == m.id && $0.$school.id == school?.id } ?? false
                if !unchanged {
                    person.apply(r.draft)
                    person.$municipality.id = m.id!
                    person.regionID = regionID
                    person.$school.id = school?.id
                }
                if let current {
                    if !unchanged, person.hasChanges {
                        try await person.update(on: db)
                        replaced.append(current.id!)
                    }
                    outcome.updated += 1
                } else {
                    person.id = UUID()
                    created.append(person)
                    outcome.created += 1
                }
                // The person_functions mirror of `PersonRegistry.syncFunctions`, rewritten in batches for new and changed people.
                if current == nil || replaced.last == current?.id {
                    functions += person.functionSet.map { PersonFunctionRow(personID: person.id!, function: $0) }
                }
                audit.add(current == nil ? .create : .update, entity: "person", id: person.id, label: person.fullName,
                          municipalityID: m.id, before: before, after: PersonRegistry.snapshot(person))
            }
            let now = Date()
            try await RegistryRows.insert(into: Person.schema, RegistryRows.personColumns, created.map { RegistryRows.values($0, at: now) }, on: db)
            for start in stride(from: 0, to: replaced.count, by: 1000) {
                try await PersonFunctionRow.query(on: db).filter(\.$person.$id ~~ Array(replaced[start..<min(replaced.count, start + 1000)])).delete()
            }
            try await RegistryRows.insert(into: PersonFunctionRow.schema, RegistryRows.functionColumns, functions.map(RegistryRows.values), on: db)
            try await audit.write(on: db)
            try await DataVersion.bump(frozenPlan.map { DataKey.registry($0.1.id!) } + [.registry(municipality.id!)], on: db)
            return outcome
        }
    }
}
