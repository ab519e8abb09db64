extension SiteURL {
    /// The one switch that spells every route: patterns and links both come from here.
    public var segments: [Segment] {
        switch self {
        case .home: []
        case .health: ["health"]
        case .stylesheet: ["assets", "app.css"]
        case .favicon: ["assets", "favicon.svg"]
        case .faviconICO: ["favicon.ico"]

        case .login: ["login"]
        case .logout: ["logout"]
        case .account: ["account"]
        case .accountPassword: ["account", "password"]
        case .accountTokens: ["account", "tokens"]
        case .accountTokenRevoke(let id): ["account", "tokens", .id(id), "revoke"]

        case .schools: ["schools"]
        case .schoolNew: ["schools", "new"]
        case .school(let id, _): ["schools", .id(id)]
        case .schoolEdit(let id): ["schools", .id(id), "edit"]
        case .schoolStatuses(let id): ["schools", .id(id), "statuses"]
        case .schoolStatusNew(let id): ["schools", .id(id), "statuses", "new"]
        case .schoolStatus(let id, let sid): ["schools", .id(id), "statuses", .parameter("sid", sid)]
        case .schoolStatusEdit(let id, let sid): ["schools", .id(id), "statuses", .parameter("sid", sid), "edit"]
        case .schoolContexts(let id): ["schools", .id(id), "context"]
        case .schoolContextNew(let id): ["schools", .id(id), "context", "new"]
        case .schoolContext(let id, let cid): ["schools", .id(id), "context", .parameter("cid", cid)]
        case .schoolContextEdit(let id, let cid): ["schools", .id(id), "context", .parameter("cid", cid), "edit"]
        case .schoolAssignments(let id): ["schools", .id(id), "assignments"]
        case .schoolResults(let id, _): ["schools", .id(id), "results"]
        case .assignmentDelete(let id): ["assignments", .id(id), "delete"]
        case .assignmentEnd(let id): ["assignments", .id(id), "end"]

        case .people: ["people"]
        case .personNew: ["people", "new"]
        case .person(let id): ["people", .id(id)]
        case .personEdit(let id): ["people", .id(id), "edit"]
        case .personTutorants(let id): ["people", .id(id), "tutorants"]
        case .personCapacity(let id): ["people", .id(id), "capacity"]

        case .admin: ["admin"]
        case .adminUsers: ["admin", "users"]
        case .adminUserNew: ["admin", "users", "new"]
        case .adminUser(let id): ["admin", "users", .id(id)]
        case .adminUserGrants(let id): ["admin", "users", .id(id), "grants"]
        case .adminUserGrantDelete(let id, let gid): ["admin", "users", .id(id), "grants", .parameter("gid", gid), "delete"]
        case .adminUserResetPassword(let id): ["admin", "users", .id(id), "reset-password"]
        case .adminUserToggle(let id): ["admin", "users", .id(id), "toggle"]
        case .adminAudit: ["admin", "audit"]
        case .adminMunicipalities: ["admin", "municipalities"]
        case .adminMunicipality(let id): ["admin", "municipalities", .id(id)]
        case .adminMunicipalityLabels(let id): ["admin", "municipalities", .id(id), "labels"]
        case .adminImports: ["admin", "imports"]
        case .adminImportTemplate(let file): ["admin", "imports", "templates", .parameter("file", file)]
        case .adminImport(let id): ["admin", "imports", .id(id)]

        case .monitoring(let page, _, _, _, _): page == .summary ? ["monitoring"] : ["monitoring", .fixed(page.rawValue)]
        case .campaign(let id): ["monitoring", "campaigns", .id(id)]
        case .campaignAction(let id, let action): ["monitoring", "campaigns", .id(id), .fixed(action.rawValue)]
        case .resultImport(let id): ["monitoring", "imports", .id(id)]
        case .resultImportMatch(let id): ["monitoring", "imports", .id(id), "match"]
        case .resultImportTemplate(let file): ["monitoring", "imports", "templates", .parameter("file", file)]

        case .support: ["support"]
        case .supportMethod: ["support", "method"]
        case .supportLog: ["support", "log"]
        case .supportSettings: ["support", "settings"]
        case .supportOrder: ["support", "order"]
        case .supportOrderPrint: ["support", "order", "print"]
        case .supportImports: ["support", "imports"]
        case .supportImport(let id): ["support", "imports", .id(id)]
        case .supportImportTemplate(let file): ["support", "imports", "templates", .parameter("file", file)]

        case .materials: ["support", "materials"]
        case .material(let id): ["support", "materials", .id(id)]
        case .routeStepMaterial(let id): ["route-steps", .id(id), "material"]
        case .reserve: ["support", "reserve"]
        case .reserveCandidate(let id): ["support", "reserve", .id(id)]
        case .shmo: ["support", "shmo"]
        case .shmoGroup(let id): ["support", "shmo", .id(id)]
        case .shmoReview(let id): ["support", "shmo", .id(id), "review"]
        case .shmoDecision(let id): ["support", "shmo", .id(id), "decision"]
        case .routeComments(let id): ["deficits", .id(id), "comments"]
        case .supportPair(let id): ["support", "pairs", .id(id)]
        case .supportPairPlan(let id): ["support", "pairs", .id(id), "plan"]
        case .pairPlanItem(let id): ["support", "plan-items", .id(id)]
        case .supportModules: ["support", "modules"]
        case .supportPool: ["support", "pool"]
        case .interactionFiles(let id): ["support", "interactions", .id(id), "files"]
        case .routeStepFiles(let id): ["route-steps", .id(id), "files"]
        case .materialFiles(let id): ["support", "materials", .id(id), "files"]
        case .file(let id): ["files", .id(id)]
        case .schoolComments(let id): ["schools", .id(id), "comments"]

        case .routes: ["deficits"]
        case .route(let id, _): ["deficits", .id(id)]
        case .routeSteps(let id): ["deficits", .id(id), "steps"]
        case .routeState(let id): ["deficits", .id(id), "state"]
        case .routeAsk(let id): ["deficits", .id(id), "ask"]
        case .routeDeficits(let id): ["deficits", .id(id), "diagnostics"]
        case .routeStep(let id): ["route-steps", .id(id)]
        case .routeReviews(let id): ["deficits", .id(id), "reviews"]
        case .routeCompetences(let id): ["deficits", .id(id), "competences"]

        case .plans: ["plans"]
        case .planNew: ["plans", "new"]
        case .plan(let id, _): ["plans", .id(id)]
        case .planEdit(let id): ["plans", .id(id), "edit"]
        case .planItems(let id): ["plans", .id(id), "items"]
        case .planApprove(let id): ["plans", .id(id), "approve"]
        case .planCopy(let id): ["plans", .id(id), "copy"]
        case .planImport(let id): ["plans", .id(id), "import"]
        case .planVersion(let id, let n): ["plans", .id(id), "versions", .parameter("version", n)]
        case .planItem(let id): ["plan-items", .id(id)]
        case .planItemEdit(let id): ["plan-items", .id(id), "edit"]
        case .planItemExecution(let id): ["plan-items", .id(id), "execution"]
        case .planImportTemplate(let file): ["plans", "templates", .parameter("file", file)]
        case .plansMethod: ["plans", "method"]
        case .planKinds: ["plans", "kinds"]
        case .planKind(let id): ["plans", "kinds", .id(id)]

        case .events: ["events"]
        case .eventNew: ["events", "new"]
        case .event(let id): ["events", .id(id)]
        case .eventEdit(let id): ["events", .id(id), "edit"]
        case .eventsPublish: ["events", "publish"]
        case .eventRegister(let id): ["events", .id(id), "register"]
        case .eventUnregister(let id): ["events", .id(id), "unregister"]
        case .eventAttendance(let id): ["events", .id(id), "attendance"]
        case .eventSignOff(let id): ["events", .id(id), "sign-off"]
        case .eventRouteStep(let id): ["events", .id(id), "route-step"]
        case .eventApplications: ["events", "applications"]
        case .eventApplicationLine(let id): ["events", "application-lines", .id(id)]
        case .eventProgrammes: ["events", "programmes"]
        case .eventProgramme(let id): ["events", "programmes", .id(id)]
        case .eventCalendar: ["events", "calendar"]
        case .eventFeedRenew: ["events", "calendar", "feed"]
        case .eventFeed(let token): ["calendar", .parameter("token", token)]
        case .eventCoverage: ["events", "coverage"]
        case .eventsMy: ["events", "my"]

        case .control(let c): c.segments
        case .risks(let r): r.segments
        case .api(let api): ["api", "v1"] + api.segments
        }
    }

    /// One instance of every route (parameters empty): the list a test holds against `app.routes`.
    public static var allRoutes: [SiteURL] {
        let fixed: [SiteURL] = [
            .home, .health, .stylesheet, .favicon, .faviconICO,
            .login(), .logout, .account, .accountPassword, .accountTokens, .accountTokenRevoke(""),
            .schools, .schoolNew, .school(""), .schoolEdit(""), .schoolStatuses(""), .schoolStatusNew(""),
            .schoolStatus("", ""), .schoolStatusEdit("", ""), .schoolContexts(""), .schoolContextNew(""),
            .schoolContext("", ""), .schoolContextEdit("", ""), .schoolAssignments(""), .schoolResults(""), .assignmentDelete(""), .assignmentEnd(""),
            .people, .personNew(), .person(""), .personEdit(""), .personTutorants(""), .personCapacity(""),
            .admin, .adminUsers, .adminUserNew, .adminUser(""), .adminUserGrants(""), .adminUserGrantDelete("", ""),
            .adminUserResetPassword(""), .adminUserToggle(""), .adminAudit, .adminMunicipalities, .adminMunicipality(""),
            .adminMunicipalityLabels(""), .adminImports, .adminImportTemplate(""), .adminImport(""),
            .campaign(""), .resultImport(""), .resultImportMatch(""), .resultImportTemplate(""),
            .support(), .supportMethod, .supportLog, .supportSettings, .supportOrder(), .supportOrderPrint, .supportImports, .supportImport(""), .supportImportTemplate(""),
            .materials(), .material(""), .routeStepMaterial(""), .reserve, .reserveCandidate(""),
            .shmo(), .shmoGroup(""), .shmoReview(""), .shmoDecision(""), .routeComments(""), .schoolComments(""),
            .supportPair(""), .supportPairPlan(""), .pairPlanItem(""), .supportModules, .supportPool(),
            .interactionFiles(""), .routeStepFiles(""), .materialFiles(""), .file(""),
            .routes, .route(""), .routeSteps(""), .routeStep(""), .routeState(""), .routeAsk(""), .routeDeficits(""), .routeReviews(""), .routeCompetences(""),
            .plans(), .planNew(), .plan(""), .planEdit(""), .planItems(""), .planApprove(""), .planCopy(""), .planImport(""), .planVersion("", ""),
            .planItem(""), .planItemEdit(""), .planItemExecution(""), .planImportTemplate(""), .plansMethod, .planKinds, .planKind(""),
            .events(), .eventNew(), .event(""), .eventEdit(""), .eventsPublish, .eventRegister(""), .eventUnregister(""), .eventAttendance(""),
            .eventSignOff(""), .eventRouteStep(""), .eventApplications(), .eventApplicationLine(""), .eventProgrammes, .eventProgramme(""),
            .eventCalendar(), .eventFeedRenew, .eventFeed(""), .eventCoverage(), .eventsMy,
        ]
        let api: [API] = [.authToken, .me, .municipalities, .schools, .school(""), .people, .person(""), .audit]
        return fixed + MonitoringPage.allCases.map { .monitoring($0) } + CampaignAction.allCases.map { .campaignAction("", $0) } + api.map { .api($0) } + Control.all.map { .control($0) } + Risks.all.map { .risks($0) }
    }

    /// Every route pattern, e.g. "/schools/:id/edit".
    public static var allPatterns: Set<String> { Set(allRoutes.map(\.pattern)) }
}

extension SiteURL.API {
    var segments: [SiteURL.Segment] {
        switch self {
        case .authToken: ["auth", "token"]
        case .me: ["me"]
        case .municipalities: ["municipalities"]
        case .schools: ["schools"]
        case .school(let id): ["schools", .id(id)]
        case .people: ["people"]
        case .person(let id): ["people", .id(id)]
        case .audit: ["audit"]
        }
    }
}
