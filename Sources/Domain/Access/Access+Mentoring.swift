import Foundation

/// Who sees and changes what in the mentoring area (issue 10, "Roles"): a tutor sees only
/// their tutorants, a mentor only their schools, a teacher only themself; a school's
/// administration its own school; personal deficits and routes are never shown to another school.
public extension Access {
    /// A person of the support system with pairs of their own: a mentor, a tutor, or a center
    /// specialist linked to a person (curators are center staff).
    static func isSupporter(_ p: Principal) -> Bool {
        p.personID != nil && (p.has(.mentor) || p.has(.tutor) || p.has(.centerSpecialist))
    }

    /// How much of a municipality's support the principal sees: all pairs, or only their own.
    enum SupportView: Sendable, Equatable { case municipality, own(UUID) }

    static func supportView(_ p: Principal, in m: MunicipalityRef) -> SupportView? {
        if canReadMunicipality(m.id, regionID: m.regionID, p) { return .municipality }
        if isSupporter(p), let id = p.personID { return .own(id) }
        return nil
    }

    /// A teacher's deficits and route: the teacher, their tutor, the mentor of their school,
    /// their school's administration, the municipality's center and department, the region, admin.
    static func canReadRoute(of teacher: UUID, at place: Place, _ p: Principal) -> Bool {
        canRead(person: teacher, at: place, p)
    }

    /// In which capacity the principal may change a teacher's route, if at all.
    static func routeActor(of teacher: UUID, at place: Place, _ p: Principal) -> RouteActor? {
        if p.isAdmin || municipalWriters(p).contains(place.municipalityID) { return .center }
        if p.has(.tutor) && p.tutorantIDs.contains(teacher) { return .supporter }
        if p.has(.mentor), let s = place.schoolID, p.mentoredSchoolIDs.contains(s) { return .supporter }
        if p.personID == teacher { return .owner }
        return nil
    }

    /// Who may record a diagnostic result (a deficit) of a teacher: the center, or the teacher's tutor.
    static func canRecordDeficit(of teacher: UUID, at place: Place, _ p: Principal) -> Bool {
        let actor = routeActor(of: teacher, at: place, p)
        return actor == .center || actor == .supporter
    }
}

public extension Access {
    /// A comment on a teacher's route: their tutor or mentor, or the center.
    static func canComment(onRouteOf teacher: UUID, at place: Place, _ p: Principal) -> Bool {
        let actor = routeActor(of: teacher, at: place, p)
        return actor == .supporter || actor == .center
    }

    /// A comment on a school's programme: its mentor or curator, or the center.
    static func canComment(onSchool place: Place, _ p: Principal) -> Bool {
        if p.isAdmin || municipalWriters(p).contains(place.municipalityID) { return true }
        return isSupporter(p) && place.schoolID.map { p.mentoredSchoolIDs.contains($0) } == true
    }
}

public extension Access {
    /// A pair's own page and plan of interaction: its mentor or tutor, and the municipality's
    /// readers (reading) or center (changing).
    static func canReadPair(author: UUID, in m: MunicipalityRef, _ p: Principal) -> Bool {
        p.personID == author || canReadMunicipality(m.id, regionID: m.regionID, p)
    }
    static func canPlanPair(author: UUID, in m: MunicipalityRef, _ p: Principal) -> Bool {
        (p.personID == author && isSupporter(p)) || p.isAdmin || municipalWriters(p).contains(m.id)
    }
}
