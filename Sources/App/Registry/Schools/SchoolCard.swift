import Vapor
import Fluent
import Views
import Domain

/// Assembles the school card model: a fixed number of queries, none per row.
enum SchoolCard {
    static func model(_ school: School, principal p: Principal, req: Request) async throws -> SchoolShow.Model {
        let id = try school.requireID()
        let m = school.municipality
        let tz = m.zone
        let canEdit = Access.canWrite(school: school.place, p)
        let canAssign = Access.allows(.assign, p, in: MunicipalityRef(id: m.id!, regionID: m.$region.id))
        let statuses = try await SchoolStatus.query(on: req.db).filter(\.$school.$id == id).sort(\.$year, .descending).all()
        let contexts = try await SchoolContext.query(on: req.db).filter(\.$school.$id == id).sort(\.$year, .descending).all()
        // Staff only where the person scope reaches (an expert reads the school, not its people).
        let staff = Access.personScope(p, .read).contains(school.place)
            ? try await Person.query(on: req.db).filter(\.$school.$id == id).sort(\.$lastName).sort(\.$firstName).all() : []
        // Tutor → teacher rows name the school's teachers: only for those who read its staff.
        let seesStaff = Access.personScope(p, .read).contains(school.place)
        let assignments = try await Assignment.query(on: req.db).filter(\.$school.$id == id)
            .with(\.$person).with(\.$leaderSchool).with(\.$teacher).all().filter { seesStaff || $0.assignmentKind != .tutorTeacher }
        let today = SupportController.today(req)
        var statusRows: [SchoolShow.StatusRow] = []
        let book = try await SchoolDirectory.labelBook(for: [m.id!], on: req.db)
        for s in statuses {
            let labels = book.labels(m.id!, s.year)
            let badges = Present.badges(s, labels: labels)
            statusRows.append(.init(year: Present.yearLabel(s.year, m), badges: badges.isEmpty ? [("без статуса", .neutral)] : badges,
                                    order: Present.order(s.orderNumber, s.orderDate, tz: tz), note: s.note,
                                    editURL: canEdit ? SiteURL.schoolStatusEdit(id.uuidString, s.id!.uuidString).path : nil))
        }
        let contextRows = contexts.map { c in
            SchoolShow.ContextRow(year: Present.yearLabel(c.year, m), cells: SchoolContextDraft.figures.map { c.draft.formatted($0) ?? "—" },
                                  editURL: canEdit ? SiteURL.schoolContextEdit(id.uuidString, c.id!.uuidString).path : nil)
        }
        let assignmentRows = assignments.map { a -> SchoolShow.AssignmentRow in
            let who: String, url: String?
            if let leader = a.leaderSchool { who = leader.shortName; url = SiteURL.school(leader.id!.uuidString).path }
            else if let person = a.person, let teacher = a.teacher { who = "\(person.fullName) → \(teacher.fullName)"; url = SiteURL.person(person.id!.uuidString).path }
            else if let person = a.person { who = person.fullName + (person.position.isEmpty ? "" : ", " + person.position); url = SiteURL.person(person.id!.uuidString).path }
            else { who = "—"; url = nil }
            let span = AssignmentRules.span(a)
            let ended = span.to.map { $0 < today } ?? false
            return .init(kind: a.assignmentKind?.title ?? a.kind, who: who, whoURL: url, order: Present.order(a.orderNumber, a.orderDate, tz: tz),
                         deleteURL: canAssign ? SiteURL.assignmentDelete(a.id!.uuidString).path : nil,
                         span: span.isEmpty ? "" : SupportPresenter.spanText(span), ended: ended, overCapacity: a.overCapacity,
                         endURL: canAssign && !ended ? SiteURL.assignmentEnd(a.id!.uuidString).path : nil)
        }.sorted { !$0.ended && $1.ended }
        var peopleOptions: [Views.Option] = [], schoolOptions: [Views.Option] = []
        if canAssign {
            let supporters = try await Person.query(on: req.db).filter(\.$municipality.$id == m.id!).sort(\.$lastName).all()
                .filter { !$0.functionSet.isDisjoint(with: [.mentor, .curator, .expert, .centerSpecialist]) }
            peopleOptions = supporters.map { Views.Option($0.id!.uuidString, "\($0.fullName) — \(Present.functions($0))") }
            schoolOptions = try await School.query(on: req.db).filter(\.$municipality.$id == m.id!).filter(\.$id != id).sort(\.$shortName).all()
                .map { Views.Option($0.id!.uuidString, $0.shortName + ($0.isLeader ? " (школа-лидер)" : "")) }
        }
        let details: [(String, String)] = [
            ("Полное наименование", school.fullName), ("Краткое наименование", school.shortName),
            ("Муниципалитет", m.name), ("Вид", Present.orDash(school.kind)), ("Организационно-правовая форма", Present.orDash(school.legalForm)),
            ("Директор", Present.orDash(school.directorName)), ("Адрес", Present.orDash(school.address)),
            ("Телефон", Present.orDash(school.phone)), ("Эл. почта", Present.orDash(school.email)),
            ("Код школы в системе", school.code),
            ("Логин ФИС ОКО", school.fisOkoLogin.map { "\(FisOkoLogin.display($0)) (также sch\($0))" } ?? "—"),
            ("Код ОО (РИС ГИА)", school.giaCode ?? "—"),
            ("Код муниципалитета в ФИС ОКО", Present.orDash(m.fisOkoCode)),
            ("Школа-лидер", school.isLeader ? "да" : "нет"),
        ]
        var model = SchoolShow.Model(
            id: id.uuidString, details: details, statuses: statusRows,
            contextColumns: SchoolContextDraft.figures.map(\.title), contexts: contextRows,
            staff: staff.map { .init(id: $0.id!.uuidString, name: $0.fullName, position: Present.orDash($0.position), functions: Present.functions($0),
                                     subjects: Present.orDash($0.subjects), category: (QualificationCategory(rawValue: $0.category) ?? .none).title) },
            assignments: assignmentRows, canEdit: canEdit, canAssign: canAssign,
            assignKinds: AssignmentKind.allCases.filter { $0 != .tutorTeacher }.map { Views.Option($0.rawValue, $0.title) },
            assignPeople: peopleOptions, assignSchools: schoolOptions, csrf: req.csrfToken)
        model.supportFigures = try await SchoolSupportFigures.figures(school, principal: p, today: today, on: req.db)
        if Access.canReadPlan(of: Access.PlanOwner(municipality: MunicipalityRef(id: school.$municipality.id, regionID: school.regionID), schoolID: school.id), p) {
            model.plansURL = SiteURL.plans(municipality: school.$municipality.id.uuidString).path
        }
        model.documents = try await DocumentsController.cardRows(school, p, today: today, on: req.db)
        model.documentsURL = SiteURL.control(.schoolDocuments(id.uuidString)).path
        if Access.canReadRisks(of: school.place, p) { model.risksURL = SiteURL.risks(.school(id.uuidString)).path }
        return model
    }
}
