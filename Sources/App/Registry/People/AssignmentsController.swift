import Vapor
import Fluent
import Domain
import Views

/// Mentor / curator / leader school / expert → school, tutor → teacher. Set by the center.
enum AssignmentsController {
    struct Snapshot: Encodable {
        let kind: String; let personID: UUID?; let schoolID: UUID?; let leaderSchoolID: UUID?; let teacherID: UUID?; let order: String
        let from: String?; let to: String?; let overCapacity: Bool
    }
    static func snapshot(_ a: Assignment) -> Snapshot {
        Snapshot(kind: a.kind, personID: a.$person.id, schoolID: a.$school.id, leaderSchoolID: a.$leaderSchool.id, teacherID: a.$teacher.id, order: a.orderNumber,
                 from: CuratorshipService.day(a.startsOn)?.iso, to: CuratorshipService.day(a.endsOn)?.iso, overCapacity: a.overCapacity)
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
        let today = SupportController.today(req)
        do {
            try AssignmentRules.period(f, into: a)
            if let pool = CuratorshipService.pool(kind), let person = try await a.$person.id.asyncMap({ try await Person.find($0, on: req.db) }) ?? nil {
                try await AssignmentRules.checkCapacity(a, person: person, pool: pool, confirmed: f.bool("confirm_over_capacity"), today: today, db: req.db)
            }
        } catch let r as AssignmentRules.Refusal {
            return req.redirect(.school(school.id!.uuidString, anchor: .support), flash: r.message, kind: .error)
        }
        if try await AssignmentRules.isDuplicate(a, today: today, db: req.db) {
            return req.redirect(.school(school.id!.uuidString, anchor: .support), flash: "Такое закрепление уже действует. Чтобы передать школу другому, завершите действующее.", kind: .error)
        }
        try await req.db.transaction { db in
            try await a.create(on: db)
            try await Audit.record(req, on: db, .create, entity: "assignment", id: a.id, label: finalLabel, municipalityID: a.municipalityID, after: snapshot(a))
        }
        req.signInsChanged()
        return req.redirect(.school(school.id!.uuidString, anchor: .support), flash: a.overCapacity ? "Закрепление добавлено сверх нормы нагрузки; оно отмечено в списках." : "Закрепление добавлено.")
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
        let a = Assignment()
        a.kind = AssignmentKind.tutorTeacher.rawValue
        a.municipalityID = tutor.$municipality.id
        a.$person.id = tutor.id
        a.$teacher.id = teacher.id
        a.$school.id = teacher.$school.id
        try order(f, into: a)
        let today = SupportController.today(req)
        do {
            try AssignmentRules.period(f, into: a)
            try await AssignmentRules.checkCapacity(a, person: tutor, pool: .tutor, confirmed: f.bool("confirm_over_capacity"), today: today, db: req.db)
        } catch let r as AssignmentRules.Refusal {
            return req.redirect(.person(tutor.id!.uuidString), flash: r.message, kind: .error)
        }
        if try await AssignmentRules.isDuplicate(a, today: today, db: req.db) {
            return req.redirect(.person(tutor.id!.uuidString), flash: "\(teacher.fullName) уже закреплён(а) за этим тьютором.", kind: .error)
        }
        try await req.db.transaction { db in
            try await a.create(on: db)
            try await Audit.record(req, on: db, .create, entity: "assignment", id: a.id, label: "Тьютор \(tutor.fullName) → \(teacher.fullName)",
                                   municipalityID: a.municipalityID, after: snapshot(a))
        }
        req.signInsChanged()
        return req.redirect(.person(tutor.id!.uuidString), flash: a.overCapacity ? "Тьюторант закреплён сверх нормы нагрузки; закрепление отмечено." : "Тьюторант закреплён.")
    }

    /// A supporter's profile: own capacity (schools or teachers at a time; empty — the municipal
    /// default, kept as 0) and regional-tutor training.
    @Sendable static func setCapacity(req: Request) async throws -> Response {
        let person = try await PeopleController.load(req)
        guard Access.allows(.assign, try req.principal(), in: MunicipalityRef(id: person.$municipality.id, regionID: person.regionID)) else { throw AppError.forbidden }
        let f = FormFields(req)
        let existing = try await SupportCapacity.query(on: req.db).filter(\.$personID == person.id!).first()
        let value = f["capacity"].isEmpty ? nil : Int(f["capacity"])
        if !f["capacity"].isEmpty && !(value.map { (1...100).contains($0) } ?? false) {
            return req.redirect(.person(person.id!.uuidString), flash: "Норма — целое число от 1 до 100 (или пусто — норма муниципалитета).", kind: .error)
        }
        let training = f.bool("regional_training")
        let before: [String: String] = ["capacity": existing.map { String($0.capacity) } ?? "", "regional_training": String(existing?.regionalTraining ?? false)]
        try await req.db.transaction { db in
            if value != nil || training {
                let row = existing ?? SupportCapacity()
                row.personID = person.id!; row.capacity = value ?? 0; row.regionalTraining = training
                try await row.save(on: db)
            } else if let existing {
                try await existing.delete(on: db)
            }
            try await Audit.record(req, on: db, .update, entity: "support_capacity", id: person.id,
                                   label: "\(person.fullName): норма \(value.map(String.init) ?? "муниципалитета")" + (training ? ", обучен как региональный тьютор" : ""),
                                   municipalityID: person.$municipality.id, before: before,
                                   after: ["capacity": value.map(String.init) ?? "", "regional_training": String(training)])
        }
        return req.redirect(.person(person.id!.uuidString), flash: "Сведения о наставнике / тьюторе сохранены.")
    }

    /// Ends an assignment on a date (today by default): it stays in the history of both sides.
    @Sendable static func end(req: Request) async throws -> Response {
        guard let a = try await Assignment.find(req.id(), on: req.db) else { throw AppError.notFound("Закрепление") }
        guard let m = try await Municipality.find(a.municipalityID, on: req.db), Access.allows(.assign, try req.principal(), in: m.ref) else {
            throw AppError.forbidden
        }
        let back: SiteURL = a.kind == AssignmentKind.tutorTeacher.rawValue ? .person(a.$person.id?.uuidString ?? "") : .school(a.$school.id?.uuidString ?? "", anchor: .support)
        let f = FormFields(req)
        let day = f["ends_on"].isEmpty ? SupportController.today(req) : CalendarDay.form(f["ends_on"])
        guard let day else { return req.redirect(back, flash: "Дата окончания — в виде дд.мм.гггг.", kind: .error) }
        if let from = CuratorshipService.day(a.startsOn), day < from {
            return req.redirect(back, flash: "Закрепление началось \(from.ru): дата окончания не может быть раньше.", kind: .error)
        }
        let before = snapshot(a)
        a.endsOn = day.date(timeZone: CuratorshipService.zone)
        try await req.db.transaction { db in
            try await a.update(on: db)
            try await Audit.record(req, on: db, .update, entity: "assignment", id: a.id, label: (AssignmentKind(rawValue: a.kind)?.title ?? a.kind) + ": завершено \(day.ru)",
                                   municipalityID: a.municipalityID, before: before, after: snapshot(a))
        }
        req.signInsChanged()
        return req.redirect(back, flash: "Закрепление завершено \(day.ru); оно осталось в истории.")
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
