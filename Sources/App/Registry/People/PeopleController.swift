import Vapor
import Fluent
import Views
import Domain

enum PeopleController {
    static let crumbs = [Crumb("Обзор", SiteURL.home.path), Crumb("Люди", SiteURL.people.path)]

    /// «Кадры»: `?municipality=&function=&q=&page=`.
    struct Query: PageQuery {
        var municipality: UUID?, function: PersonFunction?, text: String?, page = 1
        static let keys = ["municipality", "function", "q", "page"]
        init(_ q: QueryValues) {
            municipality = q.uuid("municipality"); function = q.value("function", as: PersonFunction.self); text = q.string("q"); page = q.page()
        }
        var items: [String: String] {
            .query([("municipality", municipality?.uuidString), ("function", function?.rawValue), ("q", text), ("page", page == 1 ? nil : String(page))])
        }
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let p = try req.principal()
        guard Access.canListPeople(p) else { throw AppError.forbidden }
        let query = req.query(Query.self)
        let filter = query.items
        let scope = Access.personScope(p, .read)
        // The list is kept per user and filter while the registry of the scope is unchanged.
        let key = try req.userCacheKey("people-index", filter)
        let listing = Access.peopleListing(p)
        let parts = try await req.cached(key, dependsOnOptional: try await req.registryKeys(for: listing.scope, extraIDs: listing.extraIDs)) {
            var q = Person.query(on: req.db).readable(by: p).with(\.$school).with(\.$municipality)
            if let m = query.municipality { q = q.filter(\.$municipality.$id == m) }
            if let fn = query.function {
                q = q.join(PersonFunctionRow.self, on: \Person.$id == \PersonFunctionRow.$person.$id).filter(PersonFunctionRow.self, \.$function == fn.rawValue)
            }
            var people = try await q.sort(\.$lastName).sort(\.$firstName).all()
            if let text = query.text?.lowercased() {
                people = people.filter { $0.fullName.lowercased().contains(text) || $0.subjects.lowercased().contains(text) || $0.staffCode.lowercased().contains(text) }
            }
            let paged = Paged(people, page: query.page)
            let municipalities = try await Municipality.query(on: req.db).within(scope).sort(\.$name).all()
            let model = PersonIndex.Model(
                rows: paged.items.map { person in
                    PersonIndex.Row(id: person.id!.uuidString, name: person.fullName, organisation: organisation(person),
                                    position: Present.orDash(person.position), functions: Present.functions(person), subjects: Present.orDash(person.subjects),
                                    category: (QualificationCategory(rawValue: person.category) ?? .none).title)
                },
                total: paged.total, page: paged.page, pageCount: paged.pageCount,
                municipalities: municipalities.map { Views.Option($0.id!.uuidString, $0.name) }, filter: filter,
                canCreate: !Access.personScope(p, .write).isEmpty)
            return RenderedParts(title: "", actions: PersonIndex.actions(model), body: PersonIndex.body(model))
        }
        let title = p.has(.tutor) && scope.isEmpty ? "Мои тьюторанты" : "Люди"
        return req.page(title, section: .people, crumbs: [Crumb("Обзор", SiteURL.home.path), Crumb(title)], actionsHTML: parts.actions, bodyHTML: parts.body)
    }

    static func organisation(_ p: Person) -> String {
        p.school?.shortName ?? (p.municipality.centerName.isEmpty ? "Методический центр" : p.municipality.centerName)
    }

    static func load(_ req: Request, write: Bool = false) async throws -> Person {
        guard let person = try await Person.query(on: req.db).filter(\.$id == req.id()).with(\.$school).with(\.$municipality).first() else {
            throw AppError.notFound("Человек")
        }
        let p = try req.principal()
        let ok = write ? Access.canWrite(person: person.id!, at: person.place, p) : Access.canRead(person: person.id!, at: person.place, p)
        guard ok else { throw AppError.forbidden }
        return person
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let person = try await load(req)
        let p = try req.principal()
        let id = person.id!
        let canAssign = Access.allows(.assign, p, in: MunicipalityRef(id: person.$municipality.id, regionID: person.regionID))
        let asSupporter = try await Assignment.query(on: req.db).filter(\.$person.$id == id).with(\.$school).with(\.$teacher).all()
        let asTeacher = try await Assignment.query(on: req.db).filter(\.$teacher.$id == id).with(\.$person).all()
        let tz = person.municipality.zone
        let today = SupportController.today(req)
        func history(_ a: Assignment, _ link: PersonShow.Link) -> PersonShow.Link {
            var l = link
            let span = AssignmentRules.span(a)
            l.span = span.isEmpty ? "" : SupportPresenter.spanText(span); l.ended = span.to.map { $0 < today } ?? false; l.overCapacity = a.overCapacity
            l.endURL = canAssign && !l.ended ? SiteURL.assignmentEnd(a.id!.uuidString).path : nil
            return l
        }
        var links: [PersonShow.Link] = asSupporter.map { a in
            let kind = a.assignmentKind?.title ?? a.kind
            if let t = a.teacher {
                // A tutorant of another school is named only to those who may read them.
                let visible = Access.canRead(person: t.id!, at: t.place, p)
                return history(a, .init(kind: kind, title: visible ? t.fullName : "педагог другой школы", url: visible ? SiteURL.person(t.id!.uuidString).path : nil,
                                        order: Present.order(a.orderNumber, a.orderDate, tz: tz), deleteURL: canAssign ? SiteURL.assignmentDelete(a.id!.uuidString).path : nil))
            }
            let s = a.school
            let url = s.flatMap { Access.canRead(school: $0.place, p) ? SiteURL.school($0.id!.uuidString).path : nil }
            return history(a, .init(kind: kind, title: s?.shortName ?? "—", url: url, order: Present.order(a.orderNumber, a.orderDate, tz: tz), deleteURL: nil))
        }
        links += asTeacher.compactMap { a in
            guard let tutor = a.person else { return nil }
            return history(a, .init(kind: "Тьютор", title: tutor.fullName, url: Access.canRead(person: tutor.id!, at: tutor.place, p) ? SiteURL.person(tutor.id!.uuidString).path : nil,
                                    order: Present.order(a.orderNumber, a.orderDate, tz: tz), deleteURL: canAssign ? SiteURL.assignmentDelete(a.id!.uuidString).path : nil))
        }
        links.sort { !$0.ended && $1.ended }
        // A supporter's load against capacity (the pool of their assignments, or of their functions).
        let pool: SupportPool? = asSupporter.compactMap { CuratorshipService.pool($0.assignmentKind) }.first
            ?? (person.functionSet.contains(.tutor) ? .tutor : person.functionSet.isDisjoint(with: [.mentor, .curator]) ? nil : .mentor)
        var teacherOptions: [Views.Option] = []
        let canAssignTutorant = canAssign && person.functionSet.contains(.tutor)
        if canAssignTutorant {
            teacherOptions = try await Person.query(on: req.db).filter(\.$municipality.$id == person.$municipality.id).filter(\.$school.$id != nil)
                .with(\.$school).sort(\.$lastName).all().filter { $0.functionSet.contains(.teacher) && $0.id != id }
                .map { Views.Option($0.id!.uuidString, "\($0.fullName) — \($0.school?.shortName ?? ""), \($0.subjects)") }
        }
        let schoolText: String = {
            guard let s = person.school else { return organisation(person) }
            return s.shortName
        }()
        var model = PersonShow.Model(
            id: id.uuidString,
            details: [("ФИО", person.fullName), ("Место работы", schoolText), ("Муниципалитет", person.municipality.name),
                      ("Должность", Present.orDash(person.position)), ("Предметы", Present.orDash(person.subjects)),
                      ("Квалификационная категория", (QualificationCategory(rawValue: person.category) ?? .none).title),
                      ("Углублённое обучение", person.advancedLevel ? "да" : "нет"), ("Код сотрудника", person.staffCode),
                      ("Эл. почта", Present.orDash(person.email)), ("Телефон", Present.orDash(person.phone))],
            functions: PersonFunction.allCases.filter { person.functionSet.contains($0) }.map(\.title), links: links,
            canEdit: Access.canWrite(person: id, at: person.place, p), canAssignTutorant: canAssignTutorant, teacherOptions: teacherOptions, csrf: req.csrfToken)
        if let pool {
            let (load, capacity) = try await AssignmentRules.load(of: id, pool: pool, municipalityID: person.$municipality.id, on: today, db: req.db)
            model.load = "\(load) из \(capacity) (\(pool == .tutor ? "тьюторантов" : "школ") сейчас / норма)" + (Capacity.isOver(load: load, capacity: capacity) ? " — выше нормы" : "")
            if canAssign {
                model.capacityURL = SiteURL.personCapacity(id.uuidString).path
                let profile = try await SupportCapacity.query(on: req.db).filter(\.$personID == id).first()
                model.capacity = profile?.capacity.nonZero.map(String.init) ?? ""
                model.regionalTraining = profile?.regionalTraining ?? false
            }
        }
        let crumbs = Access.canListPeople(p) ? crumbs : [Crumb("Обзор", SiteURL.home.path)]
        return req.page(person.fullName, section: .people, crumbs: crumbs + [Crumb(person.fullName)], actions: PersonShow.actions(model), PersonShow.body(model))
    }
}
