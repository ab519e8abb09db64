import Vapor
import Fluent
import Domain
import Views

/// The coverage figures of a municipality's schools by events over a period: one implementation
/// (`EventCoverage` in Domain) read by the page and by `opora events coverage`.
enum EventCoverageService {
    /// The supported schools: ШНОР or ШССУ in the latest status year, or with a mentor or curator
    /// assigned; all schools when neither is recorded.
    static func schools(_ m: Municipality, on db: any Database) async throws -> [School] {
        let all = try await School.query(on: db).filter(\.$municipality.$id == m.id!).sort(\.$code).all()
        let statuses = try await SchoolStatus.query(on: db).filter(\.$school.$id ~~ all.compactMap(\.id)).all()
        let year = statuses.map(\.year).max()
        var supported = Set(statuses.filter { $0.year == year && ($0.lowResults || $0.difficultConditions) }.map(\.$school.id))
        supported.formUnion(try await Assignment.query(on: db).filter(\.$municipalityID == m.id!)
            .filter(\.$kind ~~ [AssignmentKind.mentorSchool.rawValue, AssignmentKind.curatorSchool.rawValue]).all().compactMap(\.$school.id))
        return supported.isEmpty ? all : all.filter { supported.contains($0.id!) }
    }

    static func results(_ m: Municipality, from: CalendarDay, to: CalendarDay, on db: any Database) async throws -> [EventCoverage.Result] {
        let schools = try await schools(m, on: db)
        let people = try await Person.query(on: db).filter(\.$school.$id ~~ schools.compactMap(\.id)).all()
        let bySchool = Dictionary(grouping: people, by: { $0.$school.id! })
        let inputs = schools.map { s in
            let ps = bySchool[s.id!] ?? []
            return EventCoverage.School(code: s.code, name: s.shortName, teachers: Set(ps.filter { $0.functionSet.contains(.teacher) }.compactMap(\.id)),
                                        people: Set(ps.compactMap(\.id)))
        }
        let events = try await EventRecord.query(on: db).filter(\.$municipalityID == m.id!).filter(\.$state == EventState.held.rawValue)
            .filter(\.$day >= from.iso).filter(\.$day <= to.iso).all()
        let regs = try await EventService.registrations(events.compactMap(\.id), on: db)
        let domain = events.map { e in
            EventCoverage.Event(id: e.id!, day: e.calendarDay, signedOff: e.eventState == .held, audience: e.groups,
                                attended: Set((regs[e.id!] ?? []).filter(\.attended).map(\.$person.id)))
        }
        return EventCoverage.compute(inputs, events: domain, from: from, to: to)
    }

    static func rows(_ m: Municipality, from: CalendarDay, to: CalendarDay, on db: any Database) async throws -> [EventCoverage.Row] {
        EventCoverage.rows(try await results(m, from: from, to: to, on: db))
    }
}

enum EventCoverageController {
    struct Query: PageQuery {
        var municipality: UUID?, from: CalendarDay?, to: CalendarDay?
        static let keys = ["municipality", "from", "to"]
        init(_ q: QueryValues) { municipality = q.uuid("municipality"); from = q.string("from").flatMap(CalendarDay.parse); to = q.string("to").flatMap(CalendarDay.parse) }
        var items: [String: String] { .query([("municipality", municipality?.uuidString), ("from", from?.iso), ("to", to?.iso)]) }
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let q = req.query(Query.self)
        let p = try req.principal()
        let all = try await req.municipalityDirectory().filter { Access.allows(.readEventCoverage, p, in: MunicipalityRef(id: $0.id, regionID: $0.regionID)) }
        guard let e = all.first(where: { $0.id == q.municipality }) ?? all.first, let m = try await Municipality.find(e.id, on: req.db) else { throw AppError.forbidden }
        let half = HalfYear(of: EventService.today(req))
        let from = q.from ?? half.first, to = q.to ?? half.last
        var model = EventPages.CoverageModel()
        model.municipalityName = m.name; model.municipalityID = m.id!.uuidString; model.municipalities = all.map { Views.Option($0.id.uuidString, $0.name) }
        model.from = from.iso; model.to = to.iso; model.fromRu = from.ru; model.toRu = to.ru
        model.command = "opora events coverage --municipality \(m.code) --from \(from.iso) --to \(to.iso) --format csv"
        model.rows = try await EventCoverageService.results(m, from: from, to: to, on: req.db).map { r in
            var row = EventPages.CoverageRow()
            row.code = r.code; row.school = r.code == "municipality" ? "Все школы" : "\(r.name) (\(r.code))"
            row.figures = EventCoverage.values(r).map { v in
                var f = EventPages.CoverageFigure()
                f.figure = v.figure; f.value = v.value; f.ru = v.ru; f.formula = v.formula
                return f
            }
            return row
        }
        return EventsController.render(req, EventPages.coverage(model))
    }
}

