import Vapor
import Fluent
import Domain

/// Writes to the people registry (forms, API, importer): validation, uniqueness,
/// the person_functions mirror, audit.
enum PersonRegistry {
    struct Organisation: Sendable { let municipality: Municipality; let school: School? }

    /// The other person's name is said only to someone who may read that person.
    static func validate(_ d: PersonDraft, excluding id: UUID?, visibleTo p: Principal?, on db: any Database) async throws -> [FieldError] {
        var errors = d.validate()
        if !d.staffCode.isEmpty, let other = try await Person.query(on: db).filter(\.$staffCode == d.staffCode).first(), other.id != id {
            errors.append(.init(field: PersonDraft.Field.staffCode, message: codeTaken(d.staffCode, by: other, visibleTo: p)))
        }
        return errors
    }

    static func codeTaken(_ code: String, by other: Person, visibleTo p: Principal?) -> String {
        if let p, let id = other.id, Access.canRead(person: id, at: other.place, p) {
            return "Код «\(code)» уже у человека «\(other.fullName)». Укажите другой код."
        }
        return "Код «\(code)» уже занят сотрудником другой организации. Укажите другой код."
    }

    static func save(_ d: PersonDraft, at org: Organisation, existing: Person?, req: Request, on db: (any Database)? = nil) async throws -> Person {
        let d = d.normalized()
        let db = db ?? req.db
        let errors = try await validate(d, excluding: existing?.id, visibleTo: req.currentUser?.principal, on: db)
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let person = existing ?? Person()
        let before = existing.map(snapshot)
        person.apply(d)
        person.$municipality.id = try org.municipality.requireID()
        person.regionID = org.municipality.$region.id
        person.$school.id = org.school?.id
        try await db.transaction { db in
            try await person.save(on: db)
            try await syncFunctions(person, on: db)
            try await Audit.record(req, on: db, existing == nil ? .create : .update, entity: "person", id: person.id, label: person.fullName,
                                   municipalityID: person.$municipality.id, before: before, after: snapshot(person))
        }
        return person
    }

    static func syncFunctions(_ person: Person, on db: any Database) async throws {
        let id = try person.requireID()
        try await PersonFunctionRow.query(on: db).filter(\.$person.$id == id).delete()
        for f in person.functionSet { try await PersonFunctionRow(personID: id, function: f).create(on: db) }
    }

    struct Snapshot: Encodable { let draft: PersonDraft; let schoolID: UUID?; let municipalityID: UUID }
    static func snapshot(_ p: Person) -> Snapshot { Snapshot(draft: p.draft, schoolID: p.$school.id, municipalityID: p.$municipality.id) }
}
