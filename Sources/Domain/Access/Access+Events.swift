import Foundation

/// Who sees and does what in «Мероприятия» (issue 11, «Events and the permanent seminar»):
/// everyone signed in reads the published programme of the municipalities they belong to; the
/// center (and admin) keep the catalog, decide applications, build the personalised programmes
/// and sign off attendance; a school's administration applies for its own teachers only; a
/// person registers themselves, the school its teachers, the center anyone of its municipality;
/// coverage figures are read by those who read the municipality's monitoring.
public extension Access {
    /// Reading a municipality's events: its readers (center, department, region, admin) and the
    /// people whose home — their organisation, their school, their assigned schools — is in it.
    static func canReadEvents(in m: MunicipalityRef, homes: Set<UUID>, _ p: Principal) -> Bool {
        canReadMunicipality(m.id, regionID: m.regionID, p) || homes.contains(m.id)
    }

    static func canEditEvents(in m: MunicipalityRef, _ p: Principal) -> Bool {
        p.isAdmin || municipalWriters(p).contains(m.id)
    }

    /// The schools whose applications the principal submits.
    static func applyingSchools(_ p: Principal) -> Set<UUID> {
        Access.adminSchools(p)
    }

    static func canApply(for school: Place, _ p: Principal) -> Bool {
        school.schoolID.map { applyingSchools(p).contains($0) } ?? false
    }

    /// The applications of a school: its administration, or the center deciding them.
    static func canSeeApplications(of school: Place, _ p: Principal) -> Bool {
        canApply(for: school, p) || canEditEvents(in: MunicipalityRef(id: school.municipalityID, regionID: school.regionID), p)
    }

    /// Putting a person on an event's list: oneself, a school's administration its own staff, the center anyone of its municipality.
    static func canRegister(person id: UUID, at place: Place, _ p: Principal) -> Bool {
        if p.personID == id { return true }
        if canApply(for: place, p) { return true }
        return canEditEvents(in: MunicipalityRef(id: place.municipalityID, regionID: place.regionID), p)
    }

    /// A school's personalised programme: the municipality's readers, the school's administration,
    /// its mentors, and its own people.
    static func canReadProgramme(of school: Place, ownSchool: UUID?, _ p: Principal) -> Bool {
        if canReadMunicipality(school.municipalityID, regionID: school.regionID, p) || canApply(for: school, p) { return true }
        guard let id = school.schoolID else { return false }
        return ownSchool == id || (p.has(.mentor) && p.mentoredSchoolIDs.contains(id))
    }

    /// The route gates.
    static func mayEditSomeEvents(_ p: Principal) -> Bool { p.isAdmin || !municipalWriters(p).isEmpty }
    static func mayApplyForEvents(_ p: Principal) -> Bool { !applyingSchools(p).isEmpty }
    static func mayRegisterForEvents(_ p: Principal) -> Bool { p.personID != nil || mayApplyForEvents(p) || mayEditSomeEvents(p) }
}
