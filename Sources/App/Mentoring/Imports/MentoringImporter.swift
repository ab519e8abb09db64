import Vapor
import Fluent
import Domain
import Importing

/// The files of «Сопровождение» → the mentoring area's rows (`ImportPipeline.handle` calls `run`).
/// Every kind: the codes of the file are the registry's staff and school codes; a code that is
/// unknown, or held by a person or school outside the importer's municipality (its write scope —
/// whose name is never shown), is the row's error with its column; nothing is written unless
/// every row is right (one transaction); each written row leaves an audit entry (`ImportRows.RowAudit`)
/// and the data versions move once, at the end.
struct MentoringImporter {
    let municipality: Municipality
    let actor: ImportActor
    let db: any Database
    /// The day of the import in Moscow: today's load of an open assignment, no interaction in the future.
    let today: CalendarDay
    let progress: ImportPipeline.Progress

    var municipalityID: UUID { municipality.id! }

    func run(_ kind: MentoringFileKind, data: Data, fileName: String) async throws -> ImportOutcome {
        if let p = actor.principal, !Access.allows(.importMentoring, p, in: municipality.ref) {
            return ImportOutcome(errors: [.file("У вас нет прав загружать данные сопровождения муниципалитета «\(municipality.name)».")])
        }
        switch kind {
        case .assignments: return try await AssignmentsImporter(base: self).run(AssignmentImport.read(data: data, fileName: fileName))
        case .interactions: return try await InteractionsImporter(base: self).run(InteractionImport.read(data: data, fileName: fileName))
        case .deficits: return try await DeficitsImporter(base: self).run(DeficitImport.read(data: data, fileName: fileName))
        case .routeSteps: return try await RouteStepsImporter(base: self).run(RouteStepImport.read(data: data, fileName: fileName))
        }
    }

    /// A person of the importer's write scope: their municipality's, and — a signed-in user —
    /// inside the user's person scope.
    func mayWrite(_ person: Person) -> Bool {
        guard person.$municipality.id == municipalityID else { return false }
        if let p = actor.principal { return Access.personScope(p, .write).contains(person.place) }
        return true
    }

    func mayWrite(_ school: School) -> Bool { school.$municipality.id == municipalityID }

    /// The registry's people and schools named by a file, by code (compared ignoring case).
    func codeBook(people personCodes: some Sequence<String>, schools schoolCodes: some Sequence<String>) async throws -> CodeBook {
        func variants(_ codes: some Sequence<String>) -> [String] {
            Array(Set(codes.flatMap { [$0, $0.uppercased(), $0.lowercased()] }))
        }
        var people: [Person] = [], schools: [School] = []
        let pc = variants(personCodes), sc = variants(schoolCodes)
        for start in stride(from: 0, to: pc.count, by: 900) {   // bind lists stay below SQLite's limit
            people += try await Person.query(on: db).filter(\.$staffCode ~~ Array(pc[start..<min(pc.count, start + 900)])).all()
        }
        for start in stride(from: 0, to: sc.count, by: 900) {
            schools += try await School.query(on: db).filter(\.$code ~~ Array(sc[start..<min(sc.count, start + 900)])).all()
        }
        // A code held in the importer's municipality wins over the same code elsewhere.
        func rank(_ mine: Bool) -> Int { mine ? 0 : 1 }
        people.sort { rank($0.$municipality.id == municipalityID) < rank($1.$municipality.id == municipalityID) }
        schools.sort { rank($0.$municipality.id == municipalityID) < rank($1.$municipality.id == municipalityID) }
        return CodeBook(people: Dictionary(people.map { ($0.staffCode.lowercased(), $0) }, uniquingKeysWith: { a, _ in a }),
                        schools: Dictionary(schools.map { ($0.code.lowercased(), $0) }, uniquingKeysWith: { a, _ in a }))
    }

    static func unknownPerson(_ role: String, _ code: String, _ m: String) -> String {
        "\(role) с кодом «\(code)» не найден среди сотрудников, данные которых вы ведёте (муниципалитет «\(m)»). Проверьте код или сначала загрузите кадры."
    }
    static func unknownSchool(_ code: String, _ m: String) -> String {
        "Школа с кодом «\(code)» не найдена среди школ муниципалитета «\(m)». Проверьте код или сначала загрузите школы."
    }

    /// The person of a code, or the row's error in `column`: unknown, or outside the write scope
    /// (the message names the code, never the stranger).
    func person(_ code: String, _ book: CodeBook, row: Int, column: String, role: String = "Сотрудник",
                errors: inout [ImportError]) -> Person? {
        guard let p = book.people[code.lowercased()] else {
            errors.append(.init(row: row, column: column,
                                message: Self.unknownPerson(role, code, municipality.name)))
            return nil
        }
        // Outside the scope: the same words as an unknown code (whether a stranger's code exists is not told).
        guard mayWrite(p) else {
            errors.append(.init(row: row, column: column, message: Self.unknownPerson(role, code, municipality.name)))
            return nil
        }
        return p
    }

    func school(_ code: String, _ book: CodeBook, row: Int, column: String, errors: inout [ImportError]) -> School? {
        guard let s = book.schools[code.lowercased()] else {
            errors.append(.init(row: row, column: column,
                                message: Self.unknownSchool(code, municipality.name)))
            return nil
        }
        guard mayWrite(s) else {
            errors.append(.init(row: row, column: column, message: Self.unknownSchool(code, municipality.name)))
            return nil
        }
        return s
    }

    /// The assignments of mentoring kinds of these people in the municipality.
    func assignments(of personIDs: some Sequence<UUID>) async throws -> [Assignment] {
        let ids = Array(Set(personIDs))
        var out: [Assignment] = []
        for start in stride(from: 0, to: ids.count, by: 900) {
            out += try await Assignment.query(on: db).filter(\.$municipalityID == municipalityID)
                .filter(\.$kind ~~ [AssignmentKind.mentorSchool, .curatorSchool, .tutorTeacher].map(\.rawValue))
                .filter(\.$person.$id ~~ Array(ids[start..<min(ids.count, start + 900)])).sort(\.$createdAt).all()
        }
        return out
    }

    /// The writes of a checked file: one transaction with the per-row audit, the data versions at its end.
    func write<T: Sendable>(rows: Int, keys: [DataKey], _ body: @escaping @Sendable (any Database, ImportRows.RowAudit) async throws -> T) async throws -> T {
        await progress(rows / 2, rows)
        let actor = actor
        return try await db.transaction { db in
            let audit = ImportRows.RowAudit(actor, rows: rows)
            let result = try await body(db, audit)
            try await audit.write(on: db)
            try await DataVersion.bump(keys, on: db)
            return result
        }
    }

    /// Every error of the file, by row (a row's errors in the order found).
    static func failed(_ errors: [ImportError]) -> ImportOutcome {
        ImportOutcome(errors: errors.enumerated().sorted { ($0.element.row, $0.offset) < ($1.element.row, $1.offset) }.map(\.element))
    }

    /// The canonical title of a column of a kind's file, as errors name it.
    static func title(_ columns: [ColumnSpec], _ key: String) -> String {
        columns.first { $0.key == key }?.title ?? key
    }

    /// Text with inner runs of spaces as one (as the readers of Importing leave it).
    static func squeezed(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    static func spanText(_ s: AssignmentSpan) -> String { SupportPresenter.spanText(s) }
}

/// The people and schools a file names, by lower-cased code.
struct CodeBook: Sendable {
    let people: [String: Person]
    let schools: [String: School]
}

