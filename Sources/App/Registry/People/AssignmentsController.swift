import Vapor
import Fluent
import Domain
import Views

/// Mentor / curator / leader school / expert → school, tutor → teacher. Set by the center.
enum AssignmentsController {
    struct Snapshot: Encodable { let kind: String; let personID: UUID?; let schoolID: UUID?; let leaderSchoolID: UUID?; let teacherID: UUID?; let order: String }
    static func snapshot(_ a: Assignment) -> Snapshot {
        Snapshot(kind: a.kind, personID: a.$person.id, schoolID: a.$school.id, leaderSchoolID: a.$leaderSchool.id, teacherID: a.$teacher.id, order: a.orderNumber)
    }

    static func order(_ f: FormFields, into a: Assignment) throws {
        a.orderNumber = f["order_number"]
        if !f["order_date"].isEmpty {
            guard let d = RuFormat.parseDate(f["order_date"]) else { throw AppError.badRequest("Дата приказа — в виде дд.мм.гггг. Вернитесь назад и исправьте её.") }
            a.orderDate = d
        }
    }

    @Sendable static func addToSchool(req: Request) async throws -> Response {
        let school = try await SchoolsController.load(req)
        let p = try req.principal()
        guard Access.allows(.assign, p, in: MunicipalityRef(id: school.$municipality.id, regionID: school.regionID)) else { throw AppError.forbidden }
        let f = FormFields(req)
        guard let kind = AssignmentKind(rawValue: f["kind"]), kind != .tutorTeacher else {
            return req.redirect(.school(school.id!.uuidString, anchor: .support), flash: "Выберите вид закрепления.", kind: .error)
        }
        let a = Assignment()
        a.kind = kind.rawValue
        a.municipalityID = school.$municipality.id
        a.$school.id = school.id
        try order(f, into: a)
        var label = kind.title
        if kind == .leaderSchool {
            guard let leaderID = f.uuid("leader_school_id"), leaderID != school.id,
                  let leader = try await School.query(on: req.db).filter(\.$id == leaderID).filter(\.$municipality.$id == school.$municipality.id).first() else {
                return req.redirect(.school(school.id!.uuidString, anchor: .support), flash: "Выберите школу-лидера из списка.", kind: .error)
            }
            a.$leaderSchool.id = leader.id
            label += ": \(leader.shortName) → \(school.shortName)"
        } else {
            guard let personID = f.uuid("person_id"),
                  let person = try await Person.query(on: req.db).filter(\.$id == personID).filter(\.$municipality.$id == school.$municipality.id).first() else {
                return req.redirect(.school(school.id!.uuidString, anchor: .support), flash: "Выберите человека из списка.", kind: .error)
            }
            a.$person.id = person.id
            label += ": \(person.fullName) → \(school.shortName)"
        }
        let finalLabel = label
        var same = Assignment.query(on: req.db).filter(\.$kind == a.kind).filter(\.$school.$id == school.id!)
        same = a.$leaderSchool.id.map { same.filter(\.$leaderSchool.$id == $0) } ?? same.filter(\.$person.$id == a.$person.id!)
        if try await same.first() != nil {
            return req.redirect(.school(school.id!.uuidString, anchor: .support), flash: "Такое закрепление уже есть.", kind: .error)
        }
        try await req.db.transaction { db in
            try await a.create(on: db)
            try await Audit.record(req, on: db, .create, entity: "assignment", id: a.id, label: finalLabel, municipalityID: a.municipalityID, after: snapshot(a))
        }
        req.signInsChanged()
        return req.redirect(.school(school.id!.uuidString, anchor: .support), flash: "Закрепление добавлено.")
    }

    @Sendable static func addTutorant(req: Request) async throws -> Response {
        let tutor = try await PeopleController.load(req)
        let p = try req.principal()
        guard Access.allows(.assign, p, in: MunicipalityRef(id: tutor.$municipality.id, regionID: tutor.regionID)), tutor.functionSet.contains(.tutor) else { throw AppError.forbidden }
        let f = FormFields(req)
        guard let tid = f.uuid("teacher_id"), tid != tutor.id,
              let teacher = try await Person.query(on: req.db).filter(\.$id == tid).filter(\.$municipality.$id == tutor.$municipality.id).first() else {
            return req.redirect(.person(tutor.id!.uuidString), flash: "Выберите педагога из списка.", kind: .error)
        }
        if try await Assignment.query(on: req.db).filter(\.$kind == AssignmentKind.tutorTeacher.rawValue).filter(\.$person.$id == tutor.id!)
            .filter(\.$teacher.$id == teacher.id!).first() != nil {
            return req.redirect(.person(tutor.id!.uuidString), flash: "\(teacher.fullName) уже закреплён(а) за этим тьютором.", kind: .error)
        }
        let a = Assignment()
        a.kind = AssignmentKind.tutorTeacher.rawValue
        a.municipalityID = tutor.$municipality.id
        a.$person.id = tutor.id
        a.$teacher.id = teacher.id
        a.$school.id = teacher.$school.id
        try order(f, into: a)
        try await req.db.transaction { db in
            try await a.create(on: db)
            try await Audit.record(req, on: db, .create, entity: "assignment", id: a.id, label: "Тьютор \(tutor.fullName) → \(teacher.fullName)",
                                   municipalityID: a.municipalityID, after: snapshot(a))
        }
        req.signInsChanged()
        return req.redirect(.person(tutor.id!.uuidString), flash: "Тьюторант закреплён.")
    }

    @Sendable static func delete(req: Request) async throws -> Response {
        guard let a = try await Assignment.find(req.id(), on: req.db) else { throw AppError.notFound("Закрепление") }
        guard let m = try await Municipality.find(a.municipalityID, on: req.db), Access.allows(.assign, try req.principal(), in: m.ref) else {
            throw AppError.forbidden
        }
        let back: SiteURL = a.kind == AssignmentKind.tutorTeacher.rawValue ? .person(a.$person.id?.uuidString ?? "") : .school(a.$school.id?.uuidString ?? "", anchor: .support)
        let before = snapshot(a)
        try await req.db.transaction { db in
            try await a.delete(on: db)
            try await Audit.record(req, on: db, .delete, entity: "assignment", id: a.id, label: AssignmentKind(rawValue: a.kind)?.title ?? a.kind,
                                   municipalityID: a.municipalityID, before: before)
        }
        req.signInsChanged()
        return req.redirect(back, flash: "Закрепление снято.")
    }
}
