import Foundation
import Testing
@testable import Domain

@Suite("Access decisions") struct AccessTests {
    let region = UUID(), otherRegion = UUID(), mun = UUID(), otherMun = UUID(), school = UUID(), otherSchool = UUID()
    var here: Place { Place(regionID: region, municipalityID: mun, schoolID: school) }
    var neighbour: Place { Place(regionID: region, municipalityID: mun, schoolID: otherSchool) }
    var elsewhere: Place { Place(regionID: otherRegion, municipalityID: otherMun, schoolID: UUID()) }

    func principal(_ grants: [Grant], schools: Set<UUID> = [], tutorants: Set<UUID> = [], person: UUID? = nil) -> Principal {
        Principal(userID: UUID(), personID: person, grants: grants, assignedSchoolIDs: schools, tutorantIDs: tutorants)
    }

    @Test func schoolReadAndWriteByRole() {
        let cases: [(Principal, [Bool])] = [
            // read here, read neighbour, read elsewhere, write here, write neighbour
            (principal([Grant(role: .admin)]), [true, true, true, true, true]),
            (principal([Grant(role: .regionalCoordinator, regionID: region)]), [true, true, false, false, false]),
            (principal([Grant(role: .centerSpecialist, municipalityID: mun)]), [true, true, false, true, true]),
            (principal([Grant(role: .educationDepartment, municipalityID: mun)]), [true, true, false, false, false]),
            (principal([Grant(role: .mentor)], schools: [school]), [true, false, false, false, false]),
            (principal([Grant(role: .tutor)], tutorants: [UUID()]), [false, false, false, false, false]),
            (principal([Grant(role: .schoolAdmin, schoolID: school)]), [true, false, false, true, false]),
            (principal([Grant(role: .teacher)], person: UUID()), [false, false, false, false, false]),
            (principal([Grant(role: .expert)], schools: [school]), [true, false, false, false, false]),
            (principal([]), [false, false, false, false, false]),
        ]
        for (p, expected) in cases {
            let got = [Access.canRead(school: here, p), Access.canRead(school: neighbour, p), Access.canRead(school: elsewhere, p),
                       Access.canWrite(school: here, p), Access.canWrite(school: neighbour, p)]
            #expect(got == expected, "\(p.grants.map(\.role))")
        }
    }

    @Test func assignmentsOnlyWidenTheRoleThatUsesThem() {
        // A teacher who happens to have assigned schools (as a curator card) sees nothing without the mentor role.
        let p = principal([Grant(role: .teacher)], schools: [school])
        #expect(!Access.canRead(school: here, p))
    }

    @Test func peopleVisibility() {
        let me = UUID(), tutorant = UUID(), stranger = UUID()
        let teacher = principal([Grant(role: .teacher)], person: me)
        #expect(Access.canRead(person: me, at: here, teacher))
        #expect(!Access.canRead(person: stranger, at: here, teacher))
        #expect(!Access.canWrite(person: me, at: here, teacher), "a teacher reads, not edits, their profile")
        let tutor = principal([Grant(role: .tutor)], tutorants: [tutorant], person: UUID())
        #expect(Access.canRead(person: tutorant, at: elsewhere, tutor))
        #expect(!Access.canRead(person: stranger, at: here, tutor))
        #expect(Access.canListPeople(tutor))
        #expect(!Access.canListSchools(tutor))
        let admin = principal([Grant(role: .schoolAdmin, schoolID: school)])
        #expect(Access.canWrite(person: stranger, at: here, admin))
        #expect(!Access.canWrite(person: stranger, at: neighbour, admin))
    }

    @Test func auditAndImportScopes() {
        let center = principal([Grant(role: .centerSpecialist, municipalityID: mun)])
        #expect(Access.auditScope(center).municipalityIDs == [mun])
        #expect(Access.allows(.importResults, center, in: MunicipalityRef(id: mun, regionID: region)))
        #expect(!Access.allows(.importResults, center, in: MunicipalityRef(id: otherMun, regionID: region)))
        let uo = principal([Grant(role: .educationDepartment, municipalityID: mun)])
        #expect(Access.auditScope(uo).isEmpty)
        #expect(!Access.allows(.importResults, uo, in: MunicipalityRef(id: mun, regionID: region)))
        #expect(Access.auditScope(principal([Grant(role: .admin)])).all)
        #expect(!Access.canManageUsers(center))
    }

    /// Region-wide reference values are the region's: one municipality's center must not
    /// change every municipality's monitoring (issue 9).
    @Test func regionReferencesAreTheRegionsOwn() {
        let here = MunicipalityRef(id: mun, regionID: region)
        let center = principal([Grant(role: .centerSpecialist, municipalityID: mun)])
        let coordinator = principal([Grant(role: .regionalCoordinator, regionID: region)])
        let otherCoordinator = principal([Grant(role: .regionalCoordinator, regionID: otherRegion)])
        #expect(!Access.allows(.editRegionReferences, center, in: here))
        #expect(!Access.allows(.editRegionReferences, center), "the route gate refuses a center specialist too")
        #expect(Access.allows(.editRegionReferences, coordinator, in: here))
        #expect(!Access.allows(.editRegionReferences, otherCoordinator, in: here))
        #expect(Access.allows(.editRegionReferences, principal([Grant(role: .admin)]), in: here))
        // The center still runs its own municipality's monitoring.
        #expect(Access.allows(.editMonitoringSettings, center, in: here))
        #expect(!Access.allows(.editMonitoringSettings, coordinator, in: here))
    }

    /// The school's administration edits its card but not the identifiers files are matched on.
    @Test func schoolIdentifiersAreTheCentersOwn() {
        let here = MunicipalityRef(id: mun, regionID: region)
        let schoolAdmin = principal([Grant(role: .schoolAdmin, schoolID: school)])
        #expect(Access.canWrite(school: self.here, schoolAdmin))
        #expect(!Access.allows(.editSchoolIdentifiers, schoolAdmin, in: here))
        #expect(Access.allows(.editSchoolIdentifiers, principal([Grant(role: .centerSpecialist, municipalityID: mun)]), in: here))
    }

    /// The route gate for each role: who may ever reach a permission (the navigation reads the same answer).
    @Test func routeGateByRole() {
        let roles: [(String, Principal)] = [
            ("admin", principal([Grant(role: .admin)])),
            ("region", principal([Grant(role: .regionalCoordinator, regionID: region)])),
            ("center", principal([Grant(role: .centerSpecialist, municipalityID: mun)])),
            ("uo", principal([Grant(role: .educationDepartment, municipalityID: mun)])),
            ("mentor", principal([Grant(role: .mentor)], schools: [school])),
            ("tutor", principal([Grant(role: .tutor)], tutorants: [UUID()])),
            ("school", principal([Grant(role: .schoolAdmin, schoolID: school)])),
            ("teacher", principal([Grant(role: .teacher)], person: UUID())),
            ("expert", principal([Grant(role: .expert)], schools: [school])),
        ]
        let expected: [Permission: Set<String>] = [
            .manageUsers: ["admin"],
            .readMonitoring: ["admin", "region", "center", "uo"],
            .readRegionMonitoring: ["admin", "region"],
            .importResults: ["admin", "center"],
            .approveCampaign: ["admin", "uo"],
            .editRegionReferences: ["admin", "region"],
            .browseSchools: ["admin", "region", "center", "uo", "mentor", "school", "expert"],
            .browsePeople: ["admin", "region", "center", "uo", "mentor", "tutor", "school"],
            .editSchool: ["admin", "center", "school"],
            .browseAudit: ["admin", "center"],
        ]
        for (permission, allowed) in expected {
            for (name, p) in roles {
                #expect(Access.allows(permission, p) == allowed.contains(name), "\(name) × \(permission)")
            }
        }
    }
}
