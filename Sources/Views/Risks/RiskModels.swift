import Plot
import Domain

/// The models of «Риски»: a school's register, the form, the municipal matrix, the kinds and their method.
public enum RiskPages {
    public static func root(_ matrixURL: String?) -> Crumb { Crumb("Матрица рисков", matrixURL) }

    public struct Row: Sendable {
        public var kind = "", factor = false, level = "", levelValue = "", manageability = "", evidence = "", owner = ""
        public var cyclic = false, registered = "", nextOccurrence = "", decisionDue = "", measuresDue = "", decided = "", overdue = false
        public var measures: [String] = [], editURL: String?
        public init() {}
    }

    public struct SchoolModel: Sendable {
        public var schoolName = "", schoolURL = "", rows: [Row] = [], newURL: String?, matrixURL: String?, advice = ""
        public init() {}
    }

    public struct FormModel: Sendable {
        public var title = "", action = "", schoolName = "", cancelURL = "", matrixURL: String?
        public var kinds: [Option] = [], items: [Option] = [], measures: Set<String> = []
        public var values: [String: String] = [:], errors: [FieldError] = [], csrf = ""
        public init() {}
        func v(_ k: String) -> String { values[k] ?? "" }
    }

    public struct MatrixRow: Sendable {
        public var school = "", url = "", cells: [String: String] = [:]
        public init(school: String, url: String, cells: [String: String]) { self.school = school; self.url = url; self.cells = cells }
    }

    public struct MatrixModel: Sendable {
        public var municipalityName = "", municipalityID = "", municipalities: [Option] = []
        /// The kinds with at least one registered risk, in the reference list's order (code, title).
        public var kinds: [Option] = [], rows: [MatrixRow] = [], kindsURL = "", advice = ""
        public init() {}
    }

    public struct KindRow: Sendable {
        public var code = "", title = "", factor = false, active = true, model = "", indicators: [String] = [], cutPoints = ""
        public init() {}
    }

    public struct KindsModel: Sendable {
        public var rows: [KindRow] = [], action: String?, values: [String: String] = [:], errors: [FieldError] = [], csrf = ""
        public init() {}
        func v(_ k: String) -> String { values[k] ?? "" }
    }

    public static func levelBadge(_ title: String, _ value: String) -> Node<HTML.BodyContext> {
        let kind: Components.BadgeKind = value == RiskLevel.high.rawValue ? .danger : value == RiskLevel.medium.rawValue ? .warning : .success
        return Components.badge(title, kind)
    }
}
