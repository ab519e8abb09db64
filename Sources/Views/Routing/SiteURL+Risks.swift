/// The routes of the risk register (issue 11, «Риски»): the municipal matrix, the kinds and their
/// method, a school's risks, the forms — one case of `SiteURL`, spelled here.
extension SiteURL {
    public enum Risks: Hashable, Sendable {
        case matrix(municipality: String? = nil)
        case kinds
        case school(String), schoolNew(String)
        case edit(String)
        case audits(municipality: String? = nil), audit(String), auditProtocol(String), auditRecheck(String), auditKinds

        var segments: [Segment] {
            switch self {
            case .matrix: ["risks"]
            case .kinds: ["risks", "kinds"]
            case .school(let id): ["risks", "schools", .id(id)]
            case .schoolNew(let id): ["risks", "schools", .id(id), "new"]
            case .edit(let id): ["risks", .id(id), "edit"]
            case .audits: ["audits"]
            case .audit(let id): ["audits", .id(id)]
            case .auditProtocol(let id): ["audits", .id(id), "protocol"]
            case .auditRecheck(let id): ["audits", .id(id), "recheck"]
            case .auditKinds: ["audits", "kinds"]
            }
        }

        var query: [(String, String)] {
            switch self {
            case .matrix(let m), .audits(let m): [("municipality", m ?? "")]
            default: []
            }
        }

        static let all: [Risks] = [.matrix(), .kinds, .school(""), .schoolNew(""), .edit(""), .audits(), .audit(""), .auditProtocol(""), .auditRecheck(""), .auditKinds]
    }
}
