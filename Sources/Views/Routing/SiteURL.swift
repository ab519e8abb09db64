/// Every page and route of the site (the SiteURL of SwiftPackageIndex-Server): one source
/// for the patterns App registers and the links views and redirects build. A case names
/// a route; its associated values fill the `:id` parameters and the query.
/// Ids are the strings views already carry (a UUID's `uuidString`).
public enum SiteURL: Hashable, Sendable {
    case home
    case health
    case stylesheet, favicon, faviconICO

    // Sign-in and the user's own account
    case login(next: String? = nil)
    case logout
    case account, accountPassword, accountTokens
    case accountTokenRevoke(String)

    // Schools
    case schools
    case schoolNew
    case school(String, anchor: SchoolAnchor? = nil)
    case schoolEdit(String)
    case schoolStatuses(String), schoolStatusNew(String)
    case schoolStatus(String, String), schoolStatusEdit(String, String)
    case schoolContexts(String), schoolContextNew(String)
    case schoolContext(String, String), schoolContextEdit(String, String)
    case schoolAssignments(String)
    case schoolResults(String, year: Int? = nil)
    case assignmentDelete(String), assignmentEnd(String)

    // People
    case people
    case personNew(school: String? = nil)
    case person(String)
    case personEdit(String)
    case personTutorants(String), personCapacity(String)

    // Administration
    case admin
    case adminUsers, adminUserNew
    case adminUser(String)
    case adminUserGrants(String), adminUserGrantDelete(String, String)
    case adminUserResetPassword(String), adminUserToggle(String)
    case adminAudit
    case adminMunicipalities
    case adminMunicipality(String), adminMunicipalityLabels(String)
    case adminImports
    case adminImportTemplate(String)
    case adminImport(String)

    // Monitoring of the dynamics of educational results
    case monitoring(MonitoringPage, municipality: String? = nil, year: Int? = nil, filter: String? = nil, print: Bool = false)
    case campaign(String)
    case campaignAction(String, CampaignAction)
    case resultImport(String), resultImportMatch(String)
    case resultImportTemplate(String)

    // «Сопровождение»: the mentoring center (МНЦ) and the tutor point (МТКП)
    case support(municipality: String? = nil, from: String? = nil, to: String? = nil)
    case supportMethod
    case supportLog, supportSettings
    case supportOrder(municipality: String? = nil), supportOrderPrint
    case supportImports, supportImport(String), supportImportTemplate(String)
    case materials(query: String? = nil), material(String), routeStepMaterial(String)
    case reserve, reserveCandidate(String)
    case shmo(school: String? = nil), shmoGroup(String), shmoReview(String), shmoDecision(String)
    case routeComments(String), schoolComments(String)
    case supportPair(String), supportPairPlan(String), pairPlanItem(String), supportModules
    case supportPool(municipality: String? = nil, pool: String? = nil)
    case interactionFiles(String), routeStepFiles(String), materialFiles(String), file(String)

    // «Дефициты и ИОМ»
    case routes
    case route(String, year: Int? = nil)
    case routeSteps(String), routeStep(String), routeState(String), routeAsk(String), routeDeficits(String)
    case routeReviews(String), routeCompetences(String)

    // «Планы»: roadmaps and work plans with their execution (issue 11)
    case plans(municipality: String? = nil, year: Int? = nil, school: String? = nil, asOf: String? = nil)
    case planNew(municipality: String? = nil, school: String? = nil)
    case plan(String, asOf: String? = nil)
    case planEdit(String), planItems(String), planApprove(String), planCopy(String), planImport(String)
    case planVersion(String, String)
    case planItem(String), planItemEdit(String), planItemExecution(String)
    case planImportTemplate(String)
    case plansMethod
    case planKinds, planKind(String)

    // «Мероприятия»: the center's catalog, applications, personalised programmes, calendar, attendance (issue 11)
    case events(municipality: String? = nil, half: String? = nil)
    case eventNew(municipality: String? = nil)
    case event(String), eventEdit(String)
    case eventsPublish
    case eventRegister(String), eventUnregister(String), eventAttendance(String), eventSignOff(String), eventRouteStep(String)
    case eventApplications(municipality: String? = nil, half: String? = nil, school: String? = nil)
    case eventApplicationLine(String)
    case eventProgrammes, eventProgramme(String)
    case eventCalendar(view: String? = nil, date: String? = nil)
    case eventFeedRenew
    case eventFeed(String)
    case eventCoverage(municipality: String? = nil, from: String? = nil, to: String? = nil)
    case eventsMy

    // Control: school documents under review, decisions and recommendations, my tasks (issue 11; SiteURL+Control)
    case control(Control)

    // Risks: a school's register, the municipal matrix, the kinds (issue 11; SiteURL+Risks)
    case risks(Risks)

    /// The JSON API under /api/v1 (documented in openapi.yaml).
    case api(API)

    /// The sections of a school card a redirect returns to.
    public enum SchoolAnchor: String, Hashable, Sendable { case statuses, context, support, staff }

    /// The monitoring pages that share the municipality × year selection.
    public enum MonitoringPage: String, CaseIterable, Hashable, Sendable {
        case summary = "", clusters, effectiveness, terms, region, campaigns, imports, references, settings, help, exclusions
        case resultsCSV = "results.csv", resultsXLSX = "results.xlsx"
    }

    public enum CampaignAction: String, CaseIterable, Hashable, Sendable { case complete, reopen, approve }

    public enum API: Hashable, Sendable {
        case authToken, me, municipalities, schools, people, audit
        case school(String), person(String)
    }

    /// One step of a path: a fixed word, or a parameter (its `:name` in the pattern, its value in a link).
    public enum Segment: Hashable, Sendable, ExpressibleByStringLiteral {
        case fixed(String)
        case parameter(String, String)
        public init(stringLiteral value: String) { self = .fixed(value) }
        static func id(_ value: String) -> Segment { .parameter("id", value) }

        var pattern: String {
            switch self {
            case .fixed(let s): s
            case .parameter(let name, _): ":" + name
            }
        }

        var value: String {
            switch self {
            case .fixed(let s): s
            case .parameter(_, let v): Components.percentEncode(v)
            }
        }
    }

    /// The link: parameters filled in (percent-encoded), the query and the anchor appended.
    public var path: String {
        var s = "/" + segments.map(\.value).joined(separator: "/")
        s += Components.queryString(query)
        if case .school(_, let anchor?) = self { s += "#" + anchor.rawValue }
        return s
    }

    /// The route pattern as App registers it, e.g. ["schools", ":id", "edit"].
    public var pathComponents: [String] { segments.map(\.pattern) }

    /// The pattern as text, e.g. "/schools/:id/edit".
    public var pattern: String { "/" + pathComponents.joined(separator: "/") }

    /// Query items in link order; empty values are dropped by `path`.
    public var query: [(String, String)] {
        switch self {
        case .login(let next): [("next", next ?? "")]
        case .personNew(let school): [("school", school ?? "")]
        case .schoolResults(_, let year), .route(_, let year): [("year", year.map(String.init) ?? "")]
        case .support(let municipality, let from, let to): [("municipality", municipality ?? ""), ("from", from ?? ""), ("to", to ?? "")]
        case .supportOrder(let municipality): [("municipality", municipality ?? "")]
        case .supportPool(let municipality, let pool): [("municipality", municipality ?? ""), ("pool", pool ?? "")]
        case .materials(let q): [("q", q ?? "")]
        case .plans(let municipality, let year, let school, let asOf):
            [("municipality", municipality ?? ""), ("year", year.map(String.init) ?? ""), ("school", school ?? ""), ("as_of", asOf ?? "")]
        case .planNew(let municipality, let school): [("municipality", municipality ?? ""), ("school", school ?? "")]
        case .plan(_, let asOf): [("as_of", asOf ?? "")]
        case .events(let municipality, let half): [("municipality", municipality ?? ""), ("half", half ?? "")]
        case .eventNew(let municipality): [("municipality", municipality ?? "")]
        case .eventApplications(let municipality, let half, let school): [("municipality", municipality ?? ""), ("half", half ?? ""), ("school", school ?? "")]
        case .eventCalendar(let view, let date): [("view", view ?? ""), ("date", date ?? "")]
        case .eventCoverage(let municipality, let from, let to): [("municipality", municipality ?? ""), ("from", from ?? ""), ("to", to ?? "")]
        case .shmo(let school): [("school", school ?? "")]
        case .control(let c): c.query
        case .risks(let r): r.query
        case .monitoring(_, let municipality, let year, let filter, let print):
            [("municipality", municipality ?? ""), ("year", year.map(String.init) ?? ""), ("filter", filter ?? ""), ("print", print ? "1" : "")]
        default: []
        }
    }
}
