import Foundation

/// Who sees and changes plans (issue 11, «Plans»): the center (and admin) edit the municipal
/// plans and every school plan of their municipality; a school's administration edits its own
/// school's plans; mentors and curators read the plans of the schools assigned to them; the
/// region's coordinator and the education department read; nobody else.
public extension Access {
    /// Whose plan: the municipality's own, or one of its schools'.
    struct PlanOwner: Sendable, Hashable {
        public var municipality: MunicipalityRef
        public var schoolID: UUID?
        public init(municipality: MunicipalityRef, schoolID: UUID?) { self.municipality = municipality; self.schoolID = schoolID }
        var place: Place { Place(regionID: municipality.regionID, municipalityID: municipality.id, schoolID: schoolID) }
    }

    /// The route gate of «Планы»: anyone who may read some plan.
    static func mayReadSomePlans(_ p: Principal) -> Bool {
        p.isAdmin || p.grants.contains { [.regionalCoordinator, .centerSpecialist, .educationDepartment, .schoolAdmin].contains($0.role) }
            || (p.has(.mentor) && !p.mentoredSchoolIDs.isEmpty)
    }

    /// The route gate of changing plans.
    static func mayEditSomePlans(_ p: Principal) -> Bool {
        p.isAdmin || p.grants.contains { ($0.role == .centerSpecialist && $0.municipalityID != nil) || ($0.role == .schoolAdmin && $0.schoolID != nil) }
    }

    static func canReadPlan(of owner: PlanOwner, _ p: Principal) -> Bool {
        if canReadMunicipality(owner.municipality.id, regionID: owner.municipality.regionID, p) { return true }
        guard let school = owner.schoolID else { return false }
        if p.grants.contains(where: { $0.role == .schoolAdmin && $0.schoolID == school }) { return true }
        return p.has(.mentor) && p.mentoredSchoolIDs.contains(school)
    }

    static func canEditPlan(of owner: PlanOwner, _ p: Principal) -> Bool {
        if p.isAdmin || municipalWriters(p).contains(owner.municipality.id) { return true }
        guard let school = owner.schoolID else { return false }
        return p.grants.contains { $0.role == .schoolAdmin && $0.schoolID == school }
    }

    /// Whether the principal reads plans of the whole municipality (its plans and all its schools').
    static func readsAllPlans(in m: MunicipalityRef, _ p: Principal) -> Bool {
        canReadMunicipality(m.id, regionID: m.regionID, p)
    }

    /// The schools of a municipality whose plans the principal reads without reading the whole municipality.
    static func planSchools(_ p: Principal) -> Set<UUID> {
        var s = Access.adminSchools(p)
        if p.has(.mentor) { s.formUnion(p.mentoredSchoolIDs) }
        return s
    }
}
