import Foundation

/// One role granted to a user, bound to its scope (Role.scopeKind says which id is set).
public struct Grant: Sendable, Hashable, Codable {
    public var role: Role
    public var regionID: UUID?
    public var municipalityID: UUID?
    public var schoolID: UUID?

    public init(role: Role, regionID: UUID? = nil, municipalityID: UUID? = nil, schoolID: UUID? = nil) {
        self.role = role; self.regionID = regionID; self.municipalityID = municipalityID; self.schoolID = schoolID
    }
}

/// Who is asking: a user's grants plus the assignments that widen what they see.
public struct Principal: Sendable {
    public var userID: UUID
    public var personID: UUID?
    public var grants: [Grant]
    /// Schools assigned to the person as mentor, curator or expert.
    public var assignedSchoolIDs: Set<UUID>
    /// Teachers assigned to the person as tutor (tutorants).
    public var tutorantIDs: Set<UUID>
    /// Of `assignedSchoolIDs`, those assigned only for expertise: read, but no mentor's rights.
    public var expertOnlySchoolIDs: Set<UUID> = []
    /// Schools the person supports as mentor or curator.
    public var mentoredSchoolIDs: Set<UUID> { assignedSchoolIDs.subtracting(expertOnlySchoolIDs) }

    public init(userID: UUID, personID: UUID? = nil, grants: [Grant], assignedSchoolIDs: Set<UUID> = [], tutorantIDs: Set<UUID> = []) {
        self.userID = userID; self.personID = personID; self.grants = grants
        self.assignedSchoolIDs = assignedSchoolIDs; self.tutorantIDs = tutorantIDs
    }

    public func has(_ role: Role) -> Bool { grants.contains { $0.role == role } }
    public var isAdmin: Bool { has(.admin) }
}

/// Where a school or a person lives in the tenant tree Region → Municipality → School.
public struct Place: Sendable, Hashable {
    public var regionID: UUID
    public var municipalityID: UUID
    public var schoolID: UUID?
    public init(regionID: UUID, municipalityID: UUID, schoolID: UUID? = nil) {
        self.regionID = regionID; self.municipalityID = municipalityID; self.schoolID = schoolID
    }
}

/// The set of schools (or people's organisations) a principal may list, for queries.
public struct Scope: Sendable, Equatable {
    public var all: Bool
    public var regionIDs: Set<UUID>
    public var municipalityIDs: Set<UUID>
    public var schoolIDs: Set<UUID>

    public static let nothing = Scope(all: false, regionIDs: [], municipalityIDs: [], schoolIDs: [])
    public static let everything = Scope(all: true, regionIDs: [], municipalityIDs: [], schoolIDs: [])
    public var isEmpty: Bool { !all && regionIDs.isEmpty && municipalityIDs.isEmpty && schoolIDs.isEmpty }

    public func contains(_ place: Place) -> Bool {
        all || regionIDs.contains(place.regionID) || municipalityIDs.contains(place.municipalityID)
            || (place.schoolID.map { schoolIDs.contains($0) } ?? false)
    }
}

/// The one place that decides access (issue 3, "Roles and what each may see").
/// Every controller asks here; nothing else compares roles.
public enum Access {
    public enum Action: Sendable { case read, write }

    // MARK: schools

    public static func schoolScope(_ p: Principal, _ action: Action) -> Scope {
        var s = Scope.nothing
        for g in p.grants {
            switch (g.role, action) {
            case (.admin, _): return .everything
            case (.regionalCoordinator, .read): if let r = g.regionID { s.regionIDs.insert(r) }
            case (.centerSpecialist, _): if let m = g.municipalityID { s.municipalityIDs.insert(m) }
            case (.educationDepartment, .read): if let m = g.municipalityID { s.municipalityIDs.insert(m) }
            case (.schoolAdmin, _): if let sc = g.schoolID { s.schoolIDs.insert(sc) }
            case (.mentor, .read): s.schoolIDs.formUnion(p.mentoredSchoolIDs)
            case (.expert, .read): s.schoolIDs.formUnion(p.assignedSchoolIDs)
            default: break
            }
        }
        return s
    }

    public static func canRead(school place: Place, _ p: Principal) -> Bool { schoolScope(p, .read).contains(place) }
    public static func canWrite(school place: Place, _ p: Principal) -> Bool { schoolScope(p, .write).contains(place) }

    /// Creating a school needs write access to the whole municipality.
    public static func canCreateSchool(in municipalityID: UUID, regionID: UUID, _ p: Principal) -> Bool {
        let s = schoolScope(p, .write)
        return s.all || s.municipalityIDs.contains(municipalityID)
    }

    // MARK: people

    /// People are scoped by their home organisation's place. Teachers see themselves,
    /// tutors their tutorants, mentors the staff of their assigned schools.
    public static func canRead(person id: UUID, at place: Place, _ p: Principal) -> Bool {
        if p.personID == id { return true }
        if p.has(.tutor) && p.tutorantIDs.contains(id) { return true }
        return personScope(p, .read).contains(place)
    }

    public static func canWrite(person id: UUID, at place: Place, _ p: Principal) -> Bool {
        personScope(p, .write).contains(place)
    }

    public static func personScope(_ p: Principal, _ action: Action) -> Scope {
        var s = Scope.nothing
        for g in p.grants {
            switch (g.role, action) {
            case (.admin, _): return .everything
            case (.regionalCoordinator, .read): if let r = g.regionID { s.regionIDs.insert(r) }
            case (.centerSpecialist, _): if let m = g.municipalityID { s.municipalityIDs.insert(m) }
            case (.educationDepartment, .read): if let m = g.municipalityID { s.municipalityIDs.insert(m) }
            case (.schoolAdmin, _): if let sc = g.schoolID { s.schoolIDs.insert(sc) }
            case (.mentor, .read): s.schoolIDs.formUnion(p.mentoredSchoolIDs)
            default: break
            }
        }
        return s
    }

    /// Whether the principal may open the people section at all (a list of more than themselves).
    public static func canListPeople(_ p: Principal) -> Bool {
        !personScope(p, .read).isEmpty || (p.has(.tutor) && !p.tutorantIDs.isEmpty)
    }

    public static func canListSchools(_ p: Principal) -> Bool { !schoolScope(p, .read).isEmpty }

    // MARK: administration

    public static func canManageUsers(_ p: Principal) -> Bool { p.isAdmin }

    /// Audit log: admins see everything, center specialists their municipality.
    public static func auditScope(_ p: Principal) -> Scope {
        var s = Scope.nothing
        for g in p.grants {
            if g.role == .admin { return .everything }
            if g.role == .centerSpecialist, let m = g.municipalityID { s.municipalityIDs.insert(m) }
        }
        return s
    }
}

public extension Access {
    /// Municipality-wide reads (the monitoring tables): admin, the region's coordinator,
    /// the municipality's center and education department.
    static func canReadMunicipality(_ municipalityID: UUID, regionID: UUID, _ p: Principal) -> Bool {
        let s = schoolScope(p, .read)
        return s.all || s.regionIDs.contains(regionID) || s.municipalityIDs.contains(municipalityID)
    }

    /// Region-wide views across municipalities.
    static func canReadRegion(_ regionID: UUID, _ p: Principal) -> Bool {
        let s = schoolScope(p, .read)
        return s.all || s.regionIDs.contains(regionID)
    }

    /// Approving a monitoring campaign is the education department's act (admin may too).
    static func canApprove(in municipalityID: UUID, _ p: Principal) -> Bool {
        p.isAdmin || p.grants.contains { $0.role == .educationDepartment && $0.municipalityID == municipalityID }
    }
}
