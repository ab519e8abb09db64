import Vapor
import Views

func routes(_ app: Application) throws {
    app.get("health", use: HealthController.health)
    app.get("assets", "app.css") { _ -> Response in
        let res = Response(status: .ok, body: .init(string: Stylesheet.css))
        res.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        res.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return res
    }

    // Sign-in and the user's own account
    app.get("login", use: AuthController.loginPage)
    app.post("login", use: AuthController.login)
    app.post("logout", use: AuthController.logout)
    app.get("account", use: AuthController.account)
    app.post("account", "password", use: AuthController.changePassword)
    app.post("account", "tokens", use: AuthController.issueToken)

    app.get(use: OverviewController.index)

    // Schools: registry, card, statuses, context, assignments
    app.get("schools", use: SchoolsController.index)
    app.get("schools", "new", use: SchoolEditController.new)
    app.post("schools", use: SchoolEditController.create)
    app.get("schools", ":id", use: SchoolsController.show)
    app.get("schools", ":id", "edit", use: SchoolEditController.edit)
    app.post("schools", ":id", use: SchoolEditController.update)
    app.get("schools", ":id", "statuses", "new", use: SchoolStatusController.new)
    app.post("schools", ":id", "statuses", use: SchoolStatusController.save)
    app.get("schools", ":id", "statuses", ":sid", "edit", use: SchoolStatusController.edit)
    app.post("schools", ":id", "statuses", ":sid", use: SchoolStatusController.save)
    app.get("schools", ":id", "context", "new", use: SchoolContextController.new)
    app.post("schools", ":id", "context", use: SchoolContextController.save)
    app.get("schools", ":id", "context", ":cid", "edit", use: SchoolContextController.edit)
    app.post("schools", ":id", "context", ":cid", use: SchoolContextController.save)
    app.post("schools", ":id", "assignments", use: AssignmentsController.addToSchool)
    app.post("assignments", ":id", "delete", use: AssignmentsController.delete)

    // People
    app.get("people", use: PeopleController.index)
    app.get("people", "new", use: PersonEditController.new)
    app.post("people", use: PersonEditController.create)
    app.get("people", ":id", use: PeopleController.show)
    app.get("people", ":id", "edit", use: PersonEditController.edit)
    app.post("people", ":id", use: PersonEditController.update)
    app.post("people", ":id", "tutorants", use: AssignmentsController.addTutorant)

    // Administration
    app.get("admin", use: AdminController.index)
    app.get("admin", "users", use: AdminUsersController.index)
    app.get("admin", "users", "new", use: AdminUsersController.new)
    app.post("admin", "users", use: AdminUsersController.create)
    app.get("admin", "users", ":id", use: AdminUsersController.show)
    app.post("admin", "users", ":id", "grants", use: AdminUsersController.addGrant)
    app.post("admin", "users", ":id", "grants", ":gid", "delete", use: AdminUsersController.deleteGrant)
    app.post("admin", "users", ":id", "reset-password", use: AdminUsersController.resetPassword)
    app.post("admin", "users", ":id", "toggle", use: AdminUsersController.toggle)
    app.get("admin", "audit", use: AdminController.audit)
    app.get("admin", "municipalities", use: AdminController.municipalities)
    app.get("admin", "municipalities", ":id", use: AdminController.municipality)
    app.post("admin", "municipalities", ":id", use: AdminController.updateMunicipality)
    app.post("admin", "municipalities", ":id", "labels", use: AdminController.addLabel)
    app.get("admin", "imports", use: ImportsController.index)
    app.post("admin", "imports", use: ImportsController.upload)
    app.get("admin", "imports", "templates", ":file", use: ImportsController.template)
    app.get("admin", "imports", ":id", use: ImportsController.show)

    // Monitoring of the dynamics of educational results
    app.get("monitoring", use: MonitoringController.summary)
    app.get("monitoring", "results.csv", use: MonitoringController.exportCSV)
    app.get("monitoring", "results.xlsx", use: MonitoringController.exportXLSX)
    app.get("monitoring", "clusters", use: MonitoringViewsController.clusters)
    app.post("monitoring", "exclusions", use: MonitoringController.confirmExclusion)
    app.get("monitoring", "effectiveness", use: MonitoringViewsController.effectiveness)
    app.get("monitoring", "terms", use: MonitoringViewsController.terms)
    app.get("monitoring", "region", use: MonitoringViewsController.region)
    app.get("monitoring", "help", use: MonitoringAdminController.help)
    app.get("monitoring", "settings", use: MonitoringAdminController.settings)
    app.post("monitoring", "settings", use: MonitoringAdminController.saveSettings)
    app.get("monitoring", "references", use: MonitoringAdminController.references)
    app.post("monitoring", "references", use: MonitoringAdminController.saveReference)
    app.get("monitoring", "campaigns", use: CampaignsController.index)
    app.post("monitoring", "campaigns", use: CampaignsController.create)
    app.get("monitoring", "campaigns", ":id", use: CampaignsController.show)
    app.post("monitoring", "campaigns", ":id", "complete", use: CampaignsController.complete)
    app.post("monitoring", "campaigns", ":id", "reopen", use: CampaignsController.reopen)
    app.post("monitoring", "campaigns", ":id", "approve", use: CampaignsController.approve)
    app.get("schools", ":id", "results", use: SchoolResultsController.show)
    app.get("monitoring", "imports", use: ResultImportsController.index)
    app.post("monitoring", "imports", use: ResultImportsController.upload)
    app.get("monitoring", "imports", "templates", ":file", use: ResultImportsController.template)
    app.get("monitoring", "imports", ":id", use: ResultImportsController.show)
    app.post("monitoring", "imports", ":id", "match", use: ResultImportsController.match)

    // JSON API (documented in openapi.yaml; a test keeps the two in step)
    let api = app.grouped("api", "v1")
    api.post("auth", "token", use: APIController.token)
    api.get("me", use: APIController.me)
    api.get("municipalities", use: APIController.municipalities)
    api.get("schools", use: APIController.schools)
    api.post("schools", use: APIController.createSchool)
    api.get("schools", ":id", use: APIController.school)
    api.put("schools", ":id", use: APIController.updateSchool)
    api.get("people", use: APIController.people)
    api.post("people", use: APIController.createPerson)
    api.get("people", ":id", use: APIController.person)
    api.put("people", ":id", use: APIController.updatePerson)
    api.get("audit", use: APIController.audit)
}

enum HealthController {
    struct Health: Content { let status: String; let database: String }
    /// For load balancers: 200 when the database answers, 503 otherwise.
    @Sendable static func health(req: Request) async throws -> Response {
        let ok = (try? await Region.query(on: req.db).count()) != nil
        let res = Response(status: ok ? .ok : .serviceUnavailable)
        try res.content.encode(Health(status: ok ? "ok" : "unavailable", database: ok ? "ok" : "error"))
        return res
    }
}
