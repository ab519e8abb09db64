import Domain

/// The models of «Планы» pages: plain values filled by App/Plans (every property has a default,
/// so a controller or a test sets only what it has).
public enum PlanPages {
    /// One figure with its formula; `value` is the machine text the CLI prints (kept in `data-value`).
    public struct Figure: Sendable {
        public var figure = "", title = "", ru = "", value = "", formula = ""
        public init() {}
        public init(_ v: PlanFigures.Value) {
            figure = v.figure; title = PlanPages.figureTitle(v.figure); ru = v.ru; value = v.value; formula = v.formula
        }
    }

    public struct PlanRow: Sendable {
        public var url = "", owner = "", kind = "", year = "", title = "", state = "", approved = false, version = 0
        public var completeness = "—", timeliness = "—", items = "0"
        public init() {}
    }

    public struct SchoolRow: Sendable {
        public var school = "", plans = 0, figures: [Figure] = []
        public init() {}
    }

    public struct IndexModel: Sendable {
        public var municipalityName = "", municipalityID = "", municipalities: [Option] = []
        public var year = "", yearLabel = "", asOf = "", asOfRu = ""
        public var plans: [PlanRow] = [], schools: [SchoolRow] = []
        public var newURL: String?, kindsURL: String?
        public init() {}
    }

    public struct Occurrence: Sendable {
        public var due = "", dueRu = "", done: String?, evidence = "", evidenceURL = "", overdue = false, late = false
        public init() {}
    }

    public struct ItemRow: Sendable {
        public var id = "", measure = "", dates = "", recurrence = "", responsible = "", people = "", targets = "", addresses = ""
        public var expectedResult = "", reportForm = "", status = "", statusValue = "", occurrences: [Occurrence] = []
        public var editURL: String?, executionURL: String?
        public init() {}
    }

    public struct Section: Sendable {
        public var title = "", items: [ItemRow] = []
        public init() {}
    }

    public struct VersionRow: Sendable {
        public var number = 0, kind = "", when = "", by = "", reason = "", url = ""
        public init() {}
    }

    public struct ShowModel: Sendable {
        public var id = "", title = "", ownerName = "", municipalityName = "", indexURL = ""
        public var facts: [(String, String)] = []
        public var approved = false, version = 0
        public var asOf = "", asOfRu = "", figures: [Figure] = []
        public var sections: [Section] = []
        public var canEdit = false
        public var addItemURL: String?, importURL: String?, approveURL: String?, copyURL: String?, editURL: String?
        public var templateCSV = "", templateXLSX = ""
        public var versions: [VersionRow] = []
        public var people: [Option] = []
        public var values: [String: String] = [:], errors: [FieldError] = []
        public var importErrors: [(row: String, column: String, message: String)] = []
        public var csrf = ""
        public init() {}
        func v(_ k: String) -> String { values[k] ?? "" }
    }

    public struct PlanFormModel: Sendable {
        public var action = "", owners: [Option] = [], kinds: [Option] = [], values: [String: String] = [:], errors: [FieldError] = []
        public var csrf = "", cancelURL = "", municipalityName = "", editing = false, approved = false, yearHint = ""
        public init() {}
        func v(_ k: String) -> String { values[k] ?? "" }
    }

    public struct ItemFormModel: Sendable {
        public var action = "", planTitle = "", planURL = "", approved = false, people: [Option] = []
        public var values: [String: String] = [:], checkedPeople: Set<String> = [], checkedTargets: Set<String> = []
        public var errors: [FieldError] = [], csrf = ""
        public init() {}
        func v(_ k: String) -> String { values[k] ?? "" }
    }

    public struct VersionModel: Sendable {
        public var planTitle = "", planURL = "", number = 0, kind = "", when = "", by = "", reason = ""
        public var facts: [(String, String)] = [], items: [ItemRow] = []
        public init() {}
    }

    public struct KindRow: Sendable {
        public var id = "", code = "", title = "", owner = "", ownerValue = "", active = true, updateURL: String?
        public init() {}
    }

    public struct KindsModel: Sendable {
        public var rows: [KindRow] = [], owners: [Option] = [], canEdit = false, values: [String: String] = [:], errors: [FieldError] = [], csrf = ""
        public init() {}
        func v(_ k: String) -> String { values[k] ?? "" }
    }

    public static func figureTitle(_ f: String) -> String {
        switch f {
        case "items": "Пунктов"
        case "due": "Наступило к сроку"
        case "done": "Выполнено"
        case "on_time": "Выполнено в срок"
        case "completeness": "Полнота исполнения"
        case "timeliness": "Своевременность"
        case "targeted_share": "Доля адресных пунктов"
        case "cyclic": "Цикличность"
        case "groups_covered": "Охват целевых групп"
        default: f
        }
    }
}
