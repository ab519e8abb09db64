import Plot
import Domain

/// The models of «Мероприятия» pages: plain values filled by App/Events (every property has a
/// default, so a controller or a test sets only what it has).
public enum EventPages {
    public static let root = Crumb("Мероприятия", SiteURL.events().path)

    public struct Row: Sendable {
        public var id = "", url = "", title = "", kind = "", format = "", module = "", project = "", date = "", time = "", place = ""
        public var audience = "", seats = "", state = "", stateValue = "", plan = ""
        public init() {}
    }

    public struct IndexModel: Sendable {
        public var municipalityName = "", municipalityID = "", municipalities: [Option] = [], half = "", halfTitle = "", halves: [Option] = []
        public var rows: [Row] = [], drafts = 0
        public var newURL: String?, publishURL: String?, applicationsURL: String?, coverageURL: String?, programmeURL: String?
        /// The school is told here that the center built its personalised programme.
        public var notice = ""
        public var csrf = ""
        public init() {}
    }

    public struct FormModel: Sendable {
        public var action = "", cancelURL = "", municipalityName = "", editing = false
        public var values: [String: String] = [:], audience: Set<String> = [], errors: [FieldError] = [], planOptions: [Option] = [], csrf = ""
        public init() {}
        func v(_ k: String) -> String { values[k] ?? "" }
    }

    public struct RegistrationRow: Sendable {
        public var personID = "", name = "", school = "", source = "", attended = false, step = ""
        public init() {}
    }

    public struct ShowModel: Sendable {
        public var id = "", title = "", state = "", stateValue = "", facts: [(String, String)] = []
        public var planText = "", planURL: String?
        public var editURL: String?
        public var seats = "", full = false
        /// The signed-in person's own place on the list.
        public var registered = false, attended = false, registerURL: String?, unregisterURL: String?, registerRefusal: String?
        public var stepOptions: [Option] = [], stepURL: String?, linkedStep = ""
        /// Registrations the user may see; the attendance form and sign-off for the organiser.
        public var registrations: [RegistrationRow] = [], registrationsHidden = 0
        public var attendanceURL: String?, signOffURL: String?, walkIns: [Option] = [], signedOff = "", signOffRefusal: String?
        public var centerRegisterURL: String?, people: [Option] = []
        public var csrf = ""
        public init() {}
    }

    public struct LineRow: Sendable {
        public var id = "", event = "", eventURL = "", date = "", teacher = "", status = "", statusValue = "", decideURL: String?
        public init() {}
    }

    public struct SchoolBlock: Sendable {
        public var school = "", schoolID = "", half = "", submitted = "", lines: [LineRow] = [], buildURL: String?, programmeURL: String?, built = ""
        public init() {}
    }

    public struct ApplyEvent: Sendable {
        public var id = "", title = "", date = "", seats = "", audience = ""
        public init() {}
    }

    public struct ApplicationsModel: Sendable {
        public var municipalityName = "", municipalityID = "", half = "", halfTitle = "", halves: [Option] = []
        public var blocks: [SchoolBlock] = []
        /// A school's form: each event with checkboxes of its teachers (`line` = "event|person").
        public var applyURL: String?, schoolID = "", schoolName = "", events: [ApplyEvent] = [], teachers: [Option] = [], checked: Set<String> = []
        public var note = "", errors: [FieldError] = [], csrf = ""
        public init() {}
    }

    public struct ProgrammeModel: Sendable {
        public var school = "", halfTitle = "", built = "", rows: [Row] = [], teachers: [String: String] = [:], applicationsURL = ""
        public init() {}
    }

    public struct DayCell: Sendable {
        public var iso = "", number = "", weekday = "", inMonth = true, today = false, events: [(time: String, title: String, url: String)] = []
        public init() {}
    }

    public struct CalendarModel: Sendable {
        public var view = "month", title = "", prevURL = "", nextURL = "", monthURL = "", weekURL = "", todayURL = ""
        public var weeks: [[DayCell]] = [], days: [DayCell] = []
        public var feedAction = "", userFeedExists = false, schoolFeeds: [Option] = [], feedURL: String?, feedOwner = "", csrf = ""
        public init() {}
    }

    public struct CoverageFigure: Sendable {
        public var figure = "", value = "", ru = "", formula = ""
        public init() {}
    }

    public struct CoverageRow: Sendable {
        public var code = "", school = "", figures: [CoverageFigure] = []
        public init() {}
    }

    public struct CoverageModel: Sendable {
        public var municipalityName = "", municipalityID = "", municipalities: [Option] = [], from = "", to = "", fromRu = "", toRu = ""
        public var rows: [CoverageRow] = [], command = ""
        public init() {}
    }

    public struct MyRow: Sendable {
        public var title = "", url = "", date = "", time = "", place = "", kind = "", status = "", registerURL: String?, seats = ""
        public init() {}
    }

    public struct MyModel: Sendable {
        public var name = "", upcoming: [MyRow] = [], open: [MyRow] = [], attended: [MyRow] = [], routeURL: String?, calendarURL = "", csrf = ""
        public init() {}
    }

    public static func figureTitle(_ f: String) -> String {
        switch f {
        case "teachers": "Педагогов"
        case "attended": "Посетили хотя бы одно"
        case "share": "Доля охвата"
        case "events": "Мероприятий"
        case "groups_covered": "Охвачено групп"
        default: f
        }
    }
}

/// A page of «Мероприятия»: the view decides its title, breadcrumbs and body.
public struct EventPage {
    public var title: String
    public var crumbs: [Crumb]
    public var body: Node<HTML.BodyContext>
}
