import Vapor
import Domain

struct SchoolDTO: Content {
    let id: UUID, municipalityID: UUID, regionID: UUID, code: String, fullName: String, shortName: String, kind: String, legalForm: String
    let directorName: String, address: String, phone: String, email: String, fisOkoLogin: String?, giaCode: String?, isLeader: Bool
    let statuses: [StatusDTO]?
    init(_ s: School, statuses: [SchoolStatus]? = nil) {
        id = s.id!; municipalityID = s.$municipality.id; regionID = s.regionID; code = s.code; fullName = s.fullName; shortName = s.shortName
        kind = s.kind; legalForm = s.legalForm; directorName = s.directorName; address = s.address; phone = s.phone; email = s.email
        fisOkoLogin = s.fisOkoLogin.map(FisOkoLogin.display); giaCode = s.giaCode; isLeader = s.isLeader
        self.statuses = statuses?.map(StatusDTO.init)
    }
}

struct StatusDTO: Content {
    let year: Int, lowResults: Bool, difficultConditions: Bool, program500: Bool, objectivityRisk: Bool, orderNumber: String, orderDate: Date?
    init(_ s: SchoolStatus) {
        year = s.year; lowResults = s.lowResults; difficultConditions = s.difficultConditions; program500 = s.program500
        objectivityRisk = s.objectivityRisk; orderNumber = s.orderNumber; orderDate = s.orderDate
    }
}

struct SchoolInput: Content {
    var municipalityID: UUID?
    var draft: SchoolDraft
    var isLeader: Bool?
}

struct PersonDTO: Content {
    let id: UUID, municipalityID: UUID, schoolID: UUID?, staffCode: String, lastName: String, firstName: String, middleName: String
    let position: String, functions: [String], subjects: [String], category: String, advancedLevel: Bool
    init(_ p: Person) {
        id = p.id!; municipalityID = p.$municipality.id; schoolID = p.$school.id; staffCode = p.staffCode; lastName = p.lastName
        firstName = p.firstName; middleName = p.middleName; position = p.position
        functions = PersonFunction.allCases.filter { p.functionSet.contains($0) }.map(\.rawValue)
        subjects = PersonDraft.parseSubjects(p.subjects); category = p.category; advancedLevel = p.advancedLevel
    }
}

struct PersonInput: Content {
    var municipalityID: UUID?
    var schoolID: UUID?
    var draft: PersonDraft
}

struct MunicipalityDTO: Content {
    let id: UUID, regionID: UUID, code: String, name: String, fisOkoCode: String, planningPeriod: String
    init(_ m: Municipality) { id = m.id!; regionID = m.$region.id; code = m.code; name = m.name; fisOkoCode = m.fisOkoCode; planningPeriod = m.planningPeriod }
}

struct MeDTO: Content { let id: UUID; let login: String; let displayName: String; let grants: [Grant]; let personID: UUID? }
struct TokenRequest: Content { let login: String; let password: String; let name: String? }
struct TokenResponse: Content { let token: String; let expiresInDays: Int }

struct AuditDTO: Content {
    let at: Date, user: String, action: String, entity: String, entityID: UUID?, label: String, before: String?, after: String?
    init(_ e: AuditEntry) {
        at = e.at; user = e.userLogin; action = e.action; entity = e.entity; entityID = e.entityID; label = e.entityLabel; before = e.beforeJSON; after = e.afterJSON
    }
}
