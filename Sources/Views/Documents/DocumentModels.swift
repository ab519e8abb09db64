import Plot
import Domain

/// The models of «Документы школ» pages, filled by App/Documents (every property has a default).
public enum DocumentPages {
    public static let root = Crumb("Документы школ", SiteURL.control(.documents()).path)

    public struct Row: Sendable {
        public var school = "", schoolURL = "", title = "", url = "", due = "", state = "", stateValue = "", version = 0, overdue = false
        public init() {}
    }

    public struct SchoolSummary: Sendable {
        public var school = "", url = "", notSubmitted = 0, overdue = 0, waiting = 0, accepted = 0
        public init() {}
    }

    public struct IndexModel: Sendable {
        public var municipalityName = "", municipalityID = "", municipalities: [Option] = [], today = ""
        public var schools: [SchoolSummary] = [], rows: [Row] = []
        public init() {}
    }

    public struct SchoolModel: Sendable {
        public var schoolName = "", schoolURL = "", rows: [Row] = [], addAction: String?
        public var values: [String: String] = [:], errors: [FieldError] = [], csrf = ""
        public init() {}
        func v(_ k: String) -> String { values[k] ?? "" }
    }

    public struct VersionRow: Sendable {
        public var number = 0, submitted = "", by = "", note = "", files: [(name: String, url: String, size: String)] = []
        public var planTitle = "", planURL = "", outcome = "", comment = "", reviewedBy = "", reviewed = ""
        public init() {}
    }

    public struct ShowModel: Sendable {
        public var id = "", title = "", schoolName = "", schoolURL = "", listURL = "", facts: [(String, String)] = []
        public var state = "", stateValue = "", overdue = false
        public var versions: [VersionRow] = []
        public var submitAction: String?, plans: [Option] = []
        public var reviewAction: String?, canStart = false
        public var values: [String: String] = [:], errors: [FieldError] = [], csrf = ""
        public init() {}
        func v(_ k: String) -> String { values[k] ?? "" }
    }

    static func badge(_ state: String, _ value: String, overdue: Bool) -> Node<HTML.BodyContext> {
        if overdue { return .group(Components.badge(state, .warning), .safe(" "), Components.badge("просрочен", .danger)) }
        let kind: Components.BadgeKind = switch SchoolDocumentState(rawValue: value) {
        case .accepted: .success
        case .returned: .warning
        case .submitted, .underReview: .neutral
        default: .neutral
        }
        return Components.badge(state, kind)
    }
}
