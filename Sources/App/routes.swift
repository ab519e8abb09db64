import Vapor
import Views

/// Every route, its pattern from `SiteURL` (the one source for patterns and links).
func routes(_ app: Application) throws {
    app.get(.open, .health, use: HealthController.health)
    app.get(.open, .stylesheet) { _ in AssetsController.stylesheet() }
    app.get(.open, .favicon) { _ in AssetsController.favicon() }
    app.get(.open, .faviconICO) { req in req.redirect(to: SiteURL.favicon, redirectType: .permanent) }

    // Sign-in and the user's own account
    app.get(.open, .login(), use: AuthController.loginPage)
    app.post(.open, .login(), use: AuthController.login)
    app.post(.ownAccount, .logout, use: AuthController.logout)
    app.get(.ownAccount, .account, use: AuthController.account)
    app.post(.ownAccount, .accountPassword, use: AuthController.changePassword)
    app.post(.ownAccount, .accountTokens, use: AuthController.issueToken)
    app.post(.ownAccount, .accountTokenRevoke(.key), use: AuthController.revokeToken)

    app.get(.overview, .home, use: OverviewController.index)

    // Schools: registry, card, statuses, context, assignments
    app.get(.browseSchools, .schools, use: SchoolsController.index)
    app.get(.createSchool, .schoolNew, use: SchoolEditController.new)
    app.post(.createSchool, .schools, use: SchoolEditController.create)
    app.get(.readSchool, .school(.key), use: SchoolsController.show)
    app.get(.editSchool, .schoolEdit(.key), use: SchoolEditController.edit)
    app.post(.editSchool, .school(.key), use: SchoolEditController.update)
    app.get(.editSchool, .schoolStatusNew(.key), use: SchoolStatusController.new)
    app.post(.editSchool, .schoolStatuses(.key), use: SchoolStatusController.save)
    app.get(.editSchool, .schoolStatusEdit(.key, .key), use: SchoolStatusController.edit)
    app.post(.editSchool, .schoolStatus(.key, .key), use: SchoolStatusController.save)
    app.get(.editSchool, .schoolContextNew(.key), use: SchoolContextController.new)
    app.post(.editSchool, .schoolContexts(.key), use: SchoolContextController.save)
    app.get(.editSchool, .schoolContextEdit(.key, .key), use: SchoolContextController.edit)
    app.post(.editSchool, .schoolContext(.key, .key), use: SchoolContextController.save)
    app.post(.assign, .schoolAssignments(.key), use: AssignmentsController.addToSchool)
    app.post(.assign, .assignmentDelete(.key), use: AssignmentsController.delete)
    app.post(.assign, .assignmentEnd(.key), use: AssignmentsController.end)

    // People
    app.get(.browsePeople, .people, use: PeopleController.index)
    app.get(.createPerson, .personNew(), use: PersonEditController.new)
    app.post(.createPerson, .people, use: PersonEditController.create)
    app.get(.readPerson, .person(.key), use: PeopleController.show)
    app.get(.editPerson, .personEdit(.key), use: PersonEditController.edit)
    app.post(.editPerson, .person(.key), use: PersonEditController.update)
    app.post(.assign, .personTutorants(.key), use: AssignmentsController.addTutorant)
    app.post(.assign, .personCapacity(.key), use: AssignmentsController.setCapacity)

    // Administration
    app.get(.administration, .admin, use: AdminController.index)
    app.get(.manageUsers, .adminUsers, use: AdminUsersController.index)
    app.get(.manageUsers, .adminUserNew, use: AdminUsersController.new)
    app.post(.manageUsers, .adminUsers, use: AdminUsersController.create)
    app.get(.manageUsers, .adminUser(.key), use: AdminUsersController.show)
    app.post(.manageUsers, .adminUserGrants(.key), use: AdminUsersController.addGrant)
    app.post(.manageUsers, .adminUserGrantDelete(.key, .key), use: AdminUsersController.deleteGrant)
    app.post(.manageUsers, .adminUserResetPassword(.key), use: AdminUsersController.resetPassword)
    app.post(.manageUsers, .adminUserToggle(.key), use: AdminUsersController.toggle)
    app.get(.browseAudit, .adminAudit, use: AdminController.audit)
    app.get(.editMunicipality, .adminMunicipalities, use: AdminController.municipalities)
    app.get(.editMunicipality, .adminMunicipality(.key), use: AdminController.municipality)
    app.post(.editMunicipality, .adminMunicipality(.key), use: AdminController.updateMunicipality)
    app.post(.editMunicipality, .adminMunicipalityLabels(.key), use: AdminController.addLabel)
    app.get(.importRegistry, .adminImports, use: ImportsController.index)
    app.post(.importRegistry, .adminImports, upload: true, use: ImportsController.upload)
    app.get(.importRegistry, .adminImportTemplate(.key), use: ImportJobsController.template(.registry))
    app.get(.importRegistry, .adminImport(.key), use: ImportJobsController.show(.registry))

    // Monitoring of the dynamics of educational results
    app.get(.readMonitoring, .monitoring(.summary), use: MonitoringController.summary)
    app.get(.readMonitoring, .monitoring(.resultsCSV), use: MonitoringController.exportCSV)
    app.get(.readMonitoring, .monitoring(.resultsXLSX), use: MonitoringController.exportXLSX)
    app.get(.readMonitoring, .monitoring(.clusters), use: MonitoringViewsController.clusters)
    app.post(.confirmExclusion, .monitoring(.exclusions), use: MonitoringController.confirmExclusion)
    app.get(.readMonitoring, .monitoring(.effectiveness), use: MonitoringViewsController.effectiveness)
    app.get(.readMonitoring, .monitoring(.terms), use: MonitoringViewsController.terms)
    app.get(.readRegionMonitoring, .monitoring(.region), use: MonitoringViewsController.region)
    app.get(.readMonitoring, .monitoring(.help), use: MonitoringAdminController.help)
    app.get(.readMonitoring, .monitoring(.settings), use: MonitoringAdminController.settings)
    app.post(.editMonitoringSettings, .monitoring(.settings), use: MonitoringAdminController.saveSettings)
    app.get(.readMonitoring, .monitoring(.references), use: MonitoringAdminController.references)
    app.post(.editRegionReferences, .monitoring(.references), use: MonitoringAdminController.saveReference)
    app.get(.readMonitoring, .monitoring(.campaigns), use: CampaignsController.index)
    app.post(.manageCampaigns, .monitoring(.campaigns), use: CampaignsController.create)
    app.get(.readMonitoring, .campaign(.key), use: CampaignsController.show)
    app.post(.manageCampaigns, .campaignAction(.key, .complete), use: CampaignsController.complete)
    app.post(.manageCampaigns, .campaignAction(.key, .reopen), use: CampaignsController.reopen)
    app.post(.approveCampaign, .campaignAction(.key, .approve), use: CampaignsController.approve)
    app.get(.readSchool, .schoolResults(.key), use: SchoolResultsController.show)
    app.get(.importResults, .monitoring(.imports), use: ResultImportsController.index)
    app.post(.importResults, .monitoring(.imports), upload: true, use: ResultImportsController.upload)
    app.get(.readMonitoring, .resultImportTemplate(.key), use: ImportJobsController.template(.results))
    app.get(.importResults, .resultImport(.key), use: ImportJobsController.show(.results))
    app.post(.importResults, .resultImportMatch(.key), use: ResultImportsController.match)

    // «Сопровождение» (App/Mentoring)
    app.get(.readSupport, .support(), use: SupportController.index)
    app.get(.readSupport, .supportMethod, use: SupportController.method)
    app.get(.logInteraction, .supportLog, use: WorkLogController.form)
    app.post(.logInteraction, .supportLog, use: WorkLogController.create)
    app.post(.assign, .supportSettings, use: SupportController.saveSettings)
    app.get(.assign, .supportOrder(), use: OrderDraftController.draft)
    app.post(.assign, .supportOrderPrint, use: OrderDraftController.print)
    app.get(.importMentoring, .supportImports, use: MentoringImportsController.index)
    app.post(.importMentoring, .supportImports, upload: true, use: MentoringImportsController.upload)
    app.get(.importMentoring, .supportImport(.key), use: MentoringImportsController.show)
    app.get(.importMentoring, .supportImportTemplate(.key), use: MentoringImportsController.template)

    app.get(.readMaterials, .materials(), use: MaterialsController.index)
    app.post(.editMaterials, .materials(), use: MaterialsController.create)
    app.get(.readMaterials, .material(.key), use: MaterialsController.show)
    app.post(.editRoute, .routeStepMaterial(.key), use: MaterialsController.attach)
    app.get(.readReserve, .reserve, use: ReserveController.index)
    app.post(.editReserve, .reserve, use: ReserveController.create)
    app.post(.editReserve, .reserveCandidate(.key), use: ReserveController.update)
    app.get(.readShmo, .shmo(), use: ShmoController.index)
    app.post(.editShmo, .shmo(), use: ShmoController.create)
    app.get(.readShmo, .shmoGroup(.key), use: ShmoController.show)
    app.post(.editShmo, .shmoReview(.key), use: ShmoController.saveReview)
    app.post(.editShmo, .shmoDecision(.key), use: ShmoController.decide)
    app.get(.readSupport, .supportPair(.key), use: PairsController.show)
    app.post(.planPair, .supportPairPlan(.key), use: PairsController.addItem)
    app.post(.planPair, .pairPlanItem(.key), use: PairsController.markItem)
    app.get(.readSupport, .supportModules, use: PairsController.modules)
    app.get(.readSupport, .supportPool(), use: PoolController.index)
    app.post(.assign, .supportModules, use: PairsController.addModule)
    app.post(.comment, .routeComments(.key), use: CommentsController.onRoute)
    app.post(.comment, .schoolComments(.key), use: CommentsController.onSchool)

    // «Дефициты и ИОМ» (App/Mentoring)
    app.get(.readRoutes, .routes, use: RoutesController.index)
    app.get(.readRoutes, .route(.key), use: RoutesController.show)
    app.post(.editRoute, .routeSteps(.key), use: RoutesController.addStep)
    app.post(.editRoute, .routeStep(.key), use: RoutesController.changeStep)
    app.post(.editRoute, .routeState(.key), use: RoutesController.transition)
    app.post(.askSupport, .routeAsk(.key), use: RoutesController.ask)
    app.post(.editRoute, .routeDeficits(.key), use: RoutesController.recordDeficit)
    app.post(.editRoute, .routeReviews(.key), use: RouteReviewsController.review)
    app.post(.editRoute, .routeCompetences(.key), use: RouteReviewsController.competences)

    // JSON API (documented in openapi.yaml; a test keeps the two in step)
    app.post(.open, .api(.authToken), use: APIController.token)
    app.get(.ownAccount, .api(.me), use: APIController.me)
    app.get(.overview, .api(.municipalities), use: APIController.municipalities)
    app.get(.browseSchools, .api(.schools), use: APIController.schools)
    app.post(.createSchool, .api(.schools), use: APIController.createSchool)
    app.get(.readSchool, .api(.school(.key)), use: APIController.school)
    app.put(.editSchool, .api(.school(.key)), use: APIController.updateSchool)
    app.get(.browsePeople, .api(.people), use: APIController.people)
    app.post(.createPerson, .api(.people), use: APIController.createPerson)
    app.get(.readPerson, .api(.person(.key)), use: APIController.person)
    app.put(.editPerson, .api(.person(.key)), use: APIController.updatePerson)
    app.get(.browseAudit, .api(.audit), use: APIController.audit)
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
