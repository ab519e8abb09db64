/// The routes of control (issue 11): school documents under review, decisions and
/// recommendations, «Мои задачи» and notifications — one case of `SiteURL`, spelled here.
extension SiteURL {
    public enum Control: Hashable, Sendable {
        case documents(municipality: String? = nil)
        case schoolDocuments(String)
        case document(String), documentSubmit(String), documentReview(String)
        case decisions(municipality: String? = nil, state: String? = nil, overdue: Bool = false)
        case decisionNew(municipality: String? = nil, school: String? = nil, year: String? = nil, values: String? = nil)
        case decision(String), decisionReport(String), decisionControl(String)
        case tasks, notifications, notificationOpen(String), notificationsReadAll

        var segments: [Segment] {
            switch self {
            case .documents: ["documents"]
            case .schoolDocuments(let id): ["documents", "schools", .id(id)]
            case .document(let id): ["documents", .id(id)]
            case .documentSubmit(let id): ["documents", .id(id), "submit"]
            case .documentReview(let id): ["documents", .id(id), "review"]
            case .decisions: ["decisions"]
            case .decisionNew: ["decisions", "new"]
            case .decision(let id): ["decisions", .id(id)]
            case .decisionReport(let id): ["decisions", .id(id), "report"]
            case .decisionControl(let id): ["decisions", .id(id), "control"]
            case .tasks: ["tasks"]
            case .notifications: ["notifications"]
            case .notificationOpen(let id): ["notifications", .id(id), "open"]
            case .notificationsReadAll: ["notifications", "read-all"]
            }
        }

        var query: [(String, String)] {
            switch self {
            case .documents(let m): [("municipality", m ?? "")]
            case .decisions(let m, let state, let overdue): [("municipality", m ?? ""), ("state", state ?? ""), ("overdue", overdue ? "1" : "")]
            case .decisionNew(let m, let school, let year, let values):
                [("municipality", m ?? ""), ("school", school ?? ""), ("year", year ?? ""), ("values", values ?? "")]
            default: []
            }
        }

        static let all: [Control] = [
            .documents(), .schoolDocuments(""), .document(""), .documentSubmit(""), .documentReview(""),
            .decisions(), .decisionNew(), .decision(""), .decisionReport(""), .decisionControl(""),
            .tasks, .notifications, .notificationOpen(""), .notificationsReadAll,
        ]
    }
}
