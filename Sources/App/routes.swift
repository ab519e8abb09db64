import Vapor
import Views

func routes(_ app: Application) throws {
    app.get(.open, "health", use: HealthController.health)
    app.get(.open, "assets", "app.css") { _ in AssetsController.stylesheet() }
    app.get(.open, "assets", "favicon.svg") { _ in AssetsController.favicon() }
    app.get(.open, "favicon.ico") { req in req.redirect(to: "/assets/favicon.svg", redirectType: .permanent) }

    // Sign-in and the user's own account
    app.get(.open, "login", use: AuthController.loginPage)
    app.post(.open, "login", use: AuthController.login)
    app.post(.ownAccount, "logout", use: AuthController.logout)
    app.get(.ownAccount, "account", use: AuthController.account)
    app.post(.ownAccount, "account", "password", use: AuthController.changePassword)
    app.post(.ownAccount, "account", "tokens", use: AuthController.issueToken)
    app.post(.ownAccount, "account", "tokens", ":id", "revoke", use: AuthController.revokeToken)

    app.get(.overview, use: OverviewController.index)

    // Schools: registry, card, statuses, context, assignments
    app.get(.browseSchools, "schools", use: SchoolsController.index)
    app.get(.createSchool, "schools", "new", use: SchoolEditController.new)
    app.post(.createSchool, "schools", use: SchoolEditController.create)
    app.get(.readSchool, "schools", ":id", use: SchoolsController.show)
    app.get(.editSchool, "schools", ":id", "edit", use: SchoolEditController.edit)
    app.post(.editSchool, "schools", ":id", use: SchoolEditController.update)
    app.get(.editSchool, "schools", ":id", "statuses", "new", use: SchoolStatusController.new)
    app.post(.editSchool, "schools", ":id", "statuses", use: SchoolStatusController.save)
    app.get(.editSchool, "schools", ":id", "statuses", ":sid", "edit", use: SchoolStatusController.edit)
    app.post(.editSchool, "schools", ":id", "statuses", ":sid", use: SchoolStatusController.save)
    app.get(.editSchool, "schools", ":id", "context", "new", use: SchoolContextController.new)
    app.post(.editSchool, "schools", ":id", "context", use: SchoolContextController.save)
    app.get(.editSchool, "schools", ":id", "context", ":cid", "edit", use: SchoolContextController.edit)
    app.post(.editSchool, "schools", ":id", "context", ":cid", use: SchoolContextController.save)
    app.post(.assign, "schools", ":id", "assignments", use: AssignmentsController.addToSchool)
    app.post(.assign, "assignments", ":id", "delete", use: AssignmentsController.delete)

    // People
    app.get(.browsePeople, "people", use: PeopleController.index)
    app.get(.createPerson, "people", "new", use: PersonEditController.new)
    app.post(.createPerson, "people", use: PersonEditController.create)
    app.get(.readPerson, "people", ":id", use: PeopleController.show)
    app.get(.editPerson, "people", ":id", "edit", use: PersonEditController.edit)
    app.post(.editPerson, "people", ":id", use: PersonEditController.update)
    app.post(.assign, "people", ":id", "tutorants", use: AssignmentsController.addTutorant)

    // Administration
    app.get(.administration, "admin", use: AdminController.index)
    app.get(.manageUsers, "admin", "users", use: AdminUsersController.index)
    app.get(.manageUsers, "admin", "users", "new", use: AdminUsersController.new)
    app.post(.manageUsers, "admin", "users", use: AdminUsersController.create)
    app.get(.manageUsers, "admin", "users", ":id", use: AdminUsersController.show)
    app.post(.manageUsers, "admin", "users", ":id", "grants", use: AdminUsersController.addGrant)
    app.post(.manageUsers, "admin", "users", ":id", "grants", ":gid", "delete", use: AdminUsersController.deleteGrant)
    app.post(.manageUsers, "admin", "users", ":id", "reset-password", use: AdminUsersController.resetPassword)
    app.post(.manageUsers, "admin", "users", ":id", "toggle", use: AdminUsersController.toggle)
    app.get(.browseAudit, "admin", "audit", use: AdminController.audit)
    app.get(.editMunicipality, "admin", "municipalities", use: AdminController.municipalities)
    app.get(.editMunicipality, "admin", "municipalities", ":id", use: AdminController.municipality)
    app.post(.editMunicipality, "admin", "municipalities", ":id", use: AdminController.updateMunicipality)
    app.post(.editMunicipality, "admin", "municipalities", ":id", "labels", use: AdminController.addLabel)
    app.get(.importRegistry, "admin", "imports", use: ImportsController.index)
    app.post(.importRegistry, "admin", "imports", upload: true, use: ImportsController.upload)
    app.get(.importRegistry, "admin", "imports", "templates", ":file", use: ImportsController.template)
    app.get(.importRegistry, "admin", "imports", ":id", use: ImportsController.show)

    // Monitoring of the dynamics of educational results
    app.get(.readMonitoring, "monitoring", use: MonitoringController.summary)
    app.get(.readMonitoring, "monitoring", "results.csv", use: MonitoringController.exportCSV)
    app.get(.readMonitoring, "monitoring", "results.xlsx", use: MonitoringController.exportXLSX)
    app.get(.readMonitoring, "monitoring", "clusters", use: MonitoringViewsController.clusters)
    app.post(.confirmExclusion, "monitoring", "exclusions", use: MonitoringController.confirmExclusion)
    app.get(.readMonitoring, "monitoring", "effectiveness", use: MonitoringViewsController.effectiveness)
    app.get(.readMonitoring, "monitoring", "terms", use: MonitoringViewsController.terms)
    app.get(.readRegionMonitoring, "monitoring", "region", use: MonitoringViewsController.region)
    app.get(.readMonitoring, "monitoring", "help", use: MonitoringAdminController.help)
    app.get(.readMonitoring, "monitoring", "settings", use: MonitoringAdminController.settings)
    app.post(.editMonitoringSettings, "monitoring", "settings", use: MonitoringAdminController.saveSettings)
    app.get(.readMonitoring, "monitoring", "references", use: MonitoringAdminController.references)
    app.post(.editRegionReferences, "monitoring", "references", use: MonitoringAdminController.saveReference)
    app.get(.readMonitoring, "monitoring", "campaigns", use: CampaignsController.index)
    app.post(.manageCampaigns, "monitoring", "campaigns", use: CampaignsController.create)
    app.get(.readMonitoring, "monitoring", "campaigns", ":id", use: CampaignsController.show)
    app.post(.manageCampaigns, "monitoring", "campaigns", ":id", "complete", use: CampaignsController.complete)
    app.post(.manageCampaigns, "monitoring", "campaigns", ":id", "reopen", use: CampaignsController.reopen)
    app.post(.approveCampaign, "monitoring", "campaigns", ":id", "approve", use: CampaignsController.approve)
    app.get(.readSchool, "schools", ":id", "results", use: SchoolResultsController.show)
    app.get(.importResults, "monitoring", "imports", use: ResultImportsController.index)
    app.post(.importResults, "monitoring", "imports", upload: true, use: ResultImportsController.upload)
    app.get(.readMonitoring, "monitoring", "imports", "templates", ":file", use: ResultImportsController.template)
    app.get(.importResults, "monitoring", "imports", ":id", use: ResultImportsController.show)
    app.post(.importResults, "monitoring", "imports", ":id", "match", use: ResultImportsController.match)

    // JSON API (documented in openapi.yaml; a test keeps the two in step)
    let api = app.grouped("api", "v1")
    api.post(.open, "auth", "token", use: APIController.token)
    api.get(.ownAccount, "me", use: APIController.me)
    api.get(.overview, "municipalities", use: APIController.municipalities)
    api.get(.browseSchools, "schools", use: APIController.schools)
    api.post(.createSchool, "schools", use: APIController.createSchool)
    api.get(.readSchool, "schools", ":id", use: APIController.school)
    api.put(.editSchool, "schools", ":id", use: APIController.updateSchool)
    api.get(.browsePeople, "people", use: APIController.people)
    api.post(.createPerson, "people", use: APIController.createPerson)
    api.get(.readPerson, "people", ":id", use: APIController.person)
    api.put(.editPerson, "people", ":id", use: APIController.updatePerson)
    api.get(.browseAudit, "audit", use: APIController.audit)
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
