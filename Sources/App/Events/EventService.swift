import Vapor
import Fluent
import Domain

/// What the events pages share: whose events a user reads, the registrations of events in one
/// query, a school's teachers, the events of a feed.
enum EventService {
    static var zone: TimeZone { CuratorshipService.zone }
    static func today(_ req: Request) -> CalendarDay { req.today }

    /// The municipalities a user belongs to: their person's, their school's, their assigned schools'.
    static func homes(_ req: Request) async throws -> Set<UUID> {
        let p = try req.principal()
        var homes: Set<UUID> = []
        if let pid = p.personID, let person = try await Person.find(pid, on: req.db) { homes.insert(person.$municipality.id) }
        let schools = Access.applyingSchools(p).union(p.assignedSchoolIDs)
        if !schools.isEmpty { homes.formUnion(try await School.query(on: req.db).filter(\.$id ~~ Array(schools)).all().map(\.$municipality.id)) }
        return homes
    }

    /// The municipalities whose events the user reads, by name.
    static func municipalities(_ req: Request) async throws -> [Request.MunicipalityEntry] {
        let p = try req.principal(), homes = try await homes(req)
        return try await req.municipalityDirectory().filter { Access.canReadEvents(in: MunicipalityRef(id: $0.id, regionID: $0.regionID), homes: homes, p) }
    }

    /// The event of `:id` and its municipality, if the user reads it (drafts: only the center).
    static func load(_ req: Request, edit: Bool = false) async throws -> (EventRecord, Municipality) {
        guard let e = try await EventRecord.find(try req.id(), on: req.db), let m = try await Municipality.find(e.municipalityID, on: req.db) else {
            throw AppError.notFound("Мероприятие")
        }
        let p = try req.principal()
        let editor = Access.canEditEvents(in: m.ref, p)
        if edit && !editor { throw AppError.forbidden }
        if editor { return (e, m) }
        let homes = try await homes(req)
        guard e.eventState != .draft, Access.canReadEvents(in: m.ref, homes: homes, p) else { throw AppError.forbidden }
        return (e, m)
    }

    static func registrations(_ eventIDs: [UUID], on db: any Database) async throws -> [UUID: [EventRegistration]] {
        guard !eventIDs.isEmpty else { return [:] }
        return Dictionary(grouping: try await EventRegistration.query(on: db).filter(\.$event.$id ~~ eventIDs).with(\.$person).all(), by: { $0.$event.id })
    }

    /// The teachers of a school (people with the teacher function), by name.
    static func teachers(of schoolID: UUID, on db: any Database) async throws -> [Person] {
        try await Person.query(on: db).filter(\.$school.$id == schoolID).sort(\.$lastName).sort(\.$firstName).all().filter { $0.functionSet.contains(.teacher) }
    }

    /// Not-cancelled registrations count against capacity; walk-ins do not.
    static func booked(_ regs: [EventRegistration]) -> Int { regs.filter { $0.registrationSource != .walkIn }.count }

    /// The start and end instants of an event in the municipality's zone.
    static func interval(_ e: EventRecord, zone: TimeZone) -> (Date, Date) {
        let midnight = e.calendarDay.date(timeZone: zone)
        return (midnight.addingTimeInterval(TimeInterval(e.start.minutes * 60)), midnight.addingTimeInterval(TimeInterval(e.end.minutes * 60)))
    }

    /// The site's address for links that leave it (feeds): OPORA_PUBLIC_URL, or the request's host.
    static func publicBase(_ req: Request) -> String {
        if let u = ProcessInfo.processInfo.environment["OPORA_PUBLIC_URL"], !u.isEmpty { return u.hasSuffix("/") ? String(u.dropLast()) : u }
        return "http://" + (req.headers.first(name: .host) ?? "127.0.0.1:8080")
    }

    static func where_(_ e: EventRecord) -> String {
        [e.place, e.eventFormat == .inPerson ? "" : e.link].filter { !$0.isEmpty }.joined(separator: "; ")
    }
}
