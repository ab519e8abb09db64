/// Top-level sections of the application (UI.md, "Sections").
public enum NavSection: String, CaseIterable, Sendable {
    case overview, schools, people, support, deficits, plans, events, monitoring, surveys, risks, reports, admin

    public var title: String {
        switch self {
        case .overview: "Обзор"
        case .schools: "Школы"
        case .people: "Люди"
        case .support: "Сопровождение"
        case .deficits: "Дефициты и ИОМ"
        case .plans: "Планы"
        case .events: "Мероприятия"
        case .monitoring: "Мониторинги"
        case .surveys: "Опросы"
        case .risks: "Риски и решения"
        case .reports: "Отчёты"
        case .admin: "Администрирование"
        }
    }

    /// The section's page; sections not built yet keep their future address.
    public var path: String {
        switch self {
        case .overview: SiteURL.home.path
        case .schools: SiteURL.schools.path
        case .people: SiteURL.people.path
        case .monitoring: SiteURL.monitoring(.summary).path
        case .support: SiteURL.support().path
        case .deficits: SiteURL.routes.path
        case .plans: SiteURL.plans().path
        case .risks: SiteURL.control(.decisions()).path
        case .events: SiteURL.events().path
        case .admin: SiteURL.admin.path
        default: "/" + rawValue
        }
    }
}

/// One step of the breadcrumbs; the current page has no URL.
public struct Crumb: Sendable {
    public var title: String
    public var url: String?
    public init(_ title: String, _ url: String? = nil) {
        self.title = title
        self.url = url
    }
}

/// A one-off message shown after a redirect ("Изменения сохранены").
public struct Flash: Sendable {
    public enum Kind: String, Sendable { case success, error, info, warning }
    public var kind: Kind
    public var text: String
    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// Everything the page shell needs to know besides the page body.
public struct PageContext: Sendable {
    /// `<title>` and the `<h1>`.
    public var title: String
    /// The highlighted navigation item.
    public var section: NavSection?
    /// Sections visible to the user's role; empty (login page) means no navigation bar.
    public var nav: [NavSection]
    public var userName: String?
    public var roleTitle: String?
    public var crumbs: [Crumb]
    public var flash: Flash?
    public var csrfToken: String
    /// Print view: no navigation, no buttons.
    public var printable: Bool
    /// The municipality / organisation line next to the product name
    /// ("г. Армавир · Управление образования"); the product tagline when nil.
    public var contextLine: String?
    /// «Мои задачи» and the notification list in the header (issue 11), with the unread count.
    public var tasksURL: String?
    public var notificationsURL: String?
    public var unreadNotifications = 0

    public init(
        title: String,
        section: NavSection? = nil,
        nav: [NavSection] = [],
        userName: String? = nil,
        roleTitle: String? = nil,
        crumbs: [Crumb] = [],
        flash: Flash? = nil,
        csrfToken: String = "",
        printable: Bool = false,
        contextLine: String? = nil
    ) {
        self.title = title
        self.section = section
        self.nav = nav
        self.userName = userName
        self.roleTitle = roleTitle
        self.crumbs = crumbs
        self.flash = flash
        self.csrfToken = csrfToken
        self.printable = printable
        self.contextLine = contextLine
    }
}
