import Foundation

/// Who sees and changes school documents, decisions and recommendations (issue 11): a school
/// sees only its own; a mentor or curator reviews only the documents of the schools assigned to
/// them; the center and the education department see their municipality; who issued a decision
/// (the center or the department as an organisation) controls its execution.
public extension Access {
    // MARK: school documents

    /// The route gate of «Документы школ»: anyone who may read some school's documents.
    static func mayReadSomeDocuments(_ p: Principal) -> Bool {
        p.isAdmin || p.grants.contains { [.regionalCoordinator, .centerSpecialist, .educationDepartment].contains($0.role) || ($0.role == .schoolAdmin && $0.schoolID != nil) }
            || (isSupporter(p) && !p.mentoredSchoolIDs.isEmpty)
    }

    /// The route gate of adding documents to a school's list and of submitting them.
    static func mayKeepSomeDocuments(_ p: Principal) -> Bool {
        p.isAdmin || !municipalWriters(p).isEmpty || p.grants.contains { $0.role == .schoolAdmin && $0.schoolID != nil }
    }

    /// The route gate of reviewing: an assigned mentor or curator.
    static func mayReviewSomeDocuments(_ p: Principal) -> Bool { isSupporter(p) && !p.mentoredSchoolIDs.isEmpty }

    static func canReadDocuments(of school: Place, _ p: Principal) -> Bool {
        if canReadMunicipality(school.municipalityID, regionID: school.regionID, p) { return true }
        guard let id = school.schoolID else { return false }
        return isSchoolAdmin(of: id, p) || (isSupporter(p) && p.mentoredSchoolIDs.contains(id))
    }

    /// The school's list of documents and their submission: the school's administration, the center (on its behalf), admin.
    static func canKeepDocuments(of school: Place, _ p: Principal) -> Bool {
        if p.isAdmin || municipalWriters(p).contains(school.municipalityID) { return true }
        return school.schoolID.map { isSchoolAdmin(of: $0, p) } ?? false
    }

    /// The review: only the mentor or curator assigned to the school (assignments in force today).
    static func canReviewDocuments(of school: Place, _ p: Principal) -> Bool {
        guard let id = school.schoolID else { return false }
        return isSupporter(p) && p.mentoredSchoolIDs.contains(id)
    }

    /// The schools whose documents the principal reads without reading the whole municipality.
    static func documentSchools(_ p: Principal) -> Set<UUID> {
        var s = Access.adminSchools(p)
        if isSupporter(p) { s.formUnion(p.mentoredSchoolIDs) }
        return s
    }

    static func isSchoolAdmin(of school: UUID, _ p: Principal) -> Bool {
        p.grants.contains { $0.role == .schoolAdmin && $0.schoolID == school }
    }

    // MARK: decisions and recommendations

    /// The route gate of the register.
    static func mayReadSomeDecisions(_ p: Principal) -> Bool {
        p.isAdmin || p.grants.contains { [.regionalCoordinator, .centerSpecialist, .educationDepartment].contains($0.role) || ($0.role == .schoolAdmin && $0.schoolID != nil) }
    }

    /// The route gate of issuing (and of controlling what one issued): the center, the education department, admin.
    static func mayIssueDecisions(_ p: Principal) -> Bool {
        p.isAdmin || p.grants.contains { ($0.role == .centerSpecialist || $0.role == .educationDepartment) && $0.municipalityID != nil }
    }

    /// The route gate of reporting execution: any addressee.
    static func mayReportDecisions(_ p: Principal) -> Bool {
        p.isAdmin || p.grants.contains { (($0.role == .centerSpecialist || $0.role == .educationDepartment) && $0.municipalityID != nil) || ($0.role == .schoolAdmin && $0.schoolID != nil) }
    }

    /// As whom the principal issues a decision in a municipality, if at all.
    static func decisionIssuer(_ p: Principal, in m: MunicipalityRef) -> DecisionIssuer? {
        if municipalWriters(p).contains(m.id) { return .center }
        if p.grants.contains(where: { $0.role == .educationDepartment && $0.municipalityID == m.id }) { return .department }
        return p.isAdmin ? .admin : nil
    }

    static func canReadDecision(to addressee: DecisionAddressee, school: UUID?, in m: MunicipalityRef, _ p: Principal) -> Bool {
        if canReadMunicipality(m.id, regionID: m.regionID, p) { return true }
        return addressee.needsSchool && school.map { isSchoolAdmin(of: $0, p) } == true
    }

    /// The addressee reports: the department, the center, or the school's administration.
    static func canReportDecision(to addressee: DecisionAddressee, school: UUID?, in m: MunicipalityRef, _ p: Principal) -> Bool {
        if p.isAdmin { return true }
        switch addressee {
        case .department: return p.grants.contains { $0.role == .educationDepartment && $0.municipalityID == m.id }
        case .center: return municipalWriters(p).contains(m.id)
        case .director, .school: return school.map { isSchoolAdmin(of: $0, p) } ?? false
        }
    }

    /// Who issued it controls it: the same organisation of the municipality (or admin).
    static func canControlDecision(issuedBy issuer: DecisionIssuer, in m: MunicipalityRef, _ p: Principal) -> Bool {
        if p.isAdmin { return true }
        switch issuer {
        case .center: return municipalWriters(p).contains(m.id)
        case .department: return p.grants.contains { $0.role == .educationDepartment && $0.municipalityID == m.id }
        case .admin: return false
        }
    }
}
