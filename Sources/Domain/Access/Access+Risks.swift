import Foundation

/// Who sees and keeps the risk register (issue 11, risks): the center and admin keep every school's
/// risks of their municipality, a school's administration its own school's; the school's mentor or
/// curator reads them; the regional coordinator and the education department read the municipality.
public extension Access {
    /// The route gate of «Риски»: anyone who reads some school's risks.
    static func mayReadSomeRisks(_ p: Principal) -> Bool {
        p.isAdmin || p.grants.contains { [.regionalCoordinator, .centerSpecialist, .educationDepartment].contains($0.role) || ($0.role == .schoolAdmin && $0.schoolID != nil) }
            || (p.has(.mentor) && !p.mentoredSchoolIDs.isEmpty)
    }

    /// The route gate of registering and changing risks.
    static func mayEditSomeRisks(_ p: Principal) -> Bool {
        p.isAdmin || !municipalWriters(p).isEmpty || p.grants.contains { $0.role == .schoolAdmin && $0.schoolID != nil }
    }

    /// The whole municipality's register and its matrix.
    static func readsMunicipalRisks(_ m: MunicipalityRef, _ p: Principal) -> Bool {
        p.isAdmin || p.grants.contains {
            ($0.role == .regionalCoordinator && $0.regionID == m.regionID)
                || (($0.role == .centerSpecialist || $0.role == .educationDepartment) && $0.municipalityID == m.id)
        }
    }

    static func canReadRisks(of school: Place, _ p: Principal) -> Bool {
        if readsMunicipalRisks(MunicipalityRef(id: school.municipalityID, regionID: school.regionID), p) { return true }
        guard let id = school.schoolID else { return false }
        return isSchoolAdmin(of: id, p) || (p.has(.mentor) && p.mentoredSchoolIDs.contains(id))
    }

    static func canEditRisks(of school: Place, _ p: Principal) -> Bool {
        if p.isAdmin || municipalWriters(p).contains(school.municipalityID) { return true }
        return school.schoolID.map { isSchoolAdmin(of: $0, p) } ?? false
    }
}
