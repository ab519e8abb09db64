import Vapor
import Fluent
import Domain

/// Writes to the school registry: validation, uniqueness, audit. Forms, the API and
/// the importer all go through here.
enum SchoolRegistry {
    /// Validates a draft including the uniqueness rules that need the database.
    static func validate(_ d: SchoolDraft, excluding id: UUID?, regionID: UUID, on db: any Database) async throws -> [FieldError] {
        var errors = d.validate()
        if !d.code.isEmpty, let other = try await School.query(on: db).filter(\.$code == d.code).first(), other.id != id {
            errors.append(.init(field: SchoolDraft.Field.code, message: "Код «\(d.code)» уже занят школой «\(other.shortName)». Укажите другой код."))
        }
        if let login = FisOkoLogin.digits(d.fisOkoLogin), let other = try await School.query(on: db).filter(\.$fisOkoLogin == login).first(), other.id != id {
            errors.append(.init(field: SchoolDraft.Field.fisOkoLogin, message: "Логин \(FisOkoLogin.display(login)) уже указан у школы «\(other.shortName)»."))
        }
        if !d.giaCode.isEmpty, let other = try await School.query(on: db).filter(\.$giaCode == d.giaCode).filter(\.$regionID == regionID).first(), other.id != id {
            errors.append(.init(field: SchoolDraft.Field.giaCode, message: "Код ОО \(d.giaCode) уже указан у школы «\(other.shortName)» этого региона."))
        }
        return errors
    }

    static func create(_ d: SchoolDraft, municipality m: Municipality, isLeader: Bool, req: Request) async throws -> School {
        let d = d.normalized()
        let errors = try await validate(d, excluding: nil, regionID: m.$region.id, on: req.db)
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let school = School()
        school.$municipality.id = try m.requireID()
        school.regionID = m.$region.id
        school.isLeader = isLeader
        school.apply(d)
        try await req.db.transaction { db in
            try await school.create(on: db)
            try await Audit.record(req, on: db, .create, entity: "school", id: school.id, label: school.shortName,
                                   municipalityID: m.id, after: AuditSnapshot.school(school))
        }
        return school
    }

    /// Whether the request's user may change the identifiers files are matched on.
    static func mayEditIdentifiers(_ school: School, _ req: Request) -> Bool {
        guard let p = req.currentUser?.principal else { return false }
        return Access.allows(.editSchoolIdentifiers, p, in: MunicipalityRef(id: school.$municipality.id, regionID: school.regionID))
    }

    static func update(_ school: School, with d: SchoolDraft, isLeader: Bool, req: Request) async throws {
        var d = d.normalized()
        var isLeader = isLeader
        var lockErrors: [FieldError] = []
        if !mayEditIdentifiers(school, req) {
            // A school's administration keeps the center's identifiers: an empty field means
            // "unchanged", a different value is refused with the field named.
            let old = school.draft.normalized(), F = SchoolDraft.Field.self
            let lockedMessage = "Это поле меняет муниципальный центр: по нему сопоставляются файлы результатов."
            for (field, new, current) in [(F.code, d.code, old.code), (F.fisOkoLogin, d.fisOkoLogin, old.fisOkoLogin), (F.giaCode, d.giaCode, old.giaCode)]
                where !new.isEmpty && new != current {
                lockErrors.append(.init(field: field, message: lockedMessage))
            }
            d.code = old.code; d.fisOkoLogin = old.fisOkoLogin; d.giaCode = old.giaCode
            isLeader = school.isLeader
        }
        let errors = try await validate(d, excluding: school.id, regionID: school.regionID, on: req.db) + lockErrors
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let before = AuditSnapshot.school(school)
        school.apply(d)
        school.isLeader = isLeader
        try await req.db.transaction { db in
            try await school.update(on: db)
            try await Audit.record(req, on: db, .update, entity: "school", id: school.id, label: school.shortName,
                                   municipalityID: school.$municipality.id, before: before, after: AuditSnapshot.school(school))
        }
    }
}

/// What the audit log keeps of an entity: its editable fields.
enum AuditSnapshot {
    struct SchoolValues: Encodable { let draft: SchoolDraft; let isLeader: Bool }
    static func school(_ s: School) -> SchoolValues { SchoolValues(draft: s.draft, isLeader: s.isLeader) }
}
