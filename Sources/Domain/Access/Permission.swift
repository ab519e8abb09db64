import Foundation

/// What a route does. Every route of the app declares exactly one where it is
/// registered; `Access.allows` is the one decision over it (STYLE.md, "Access").
/// The route table, the navigation and the role × route matrix all read this type,
/// so a new route cannot be added without saying who may use it.
public enum Permission: String, CaseIterable, Sendable, Hashable {
    /// No sign-in: health check, stylesheet, favicon, the sign-in page and form, the API token exchange.
    case open
    /// The signed-in user's own profile, password, tokens and sign-out; the only thing reachable
    /// while a one-time password has not been changed.
    case ownAccount
    /// The start page.
    case overview
    case browseSchools, readSchool, createSchool, editSchool
    /// The identifiers result files are matched on (code, ФИС ОКО login, Код ОО, leader-school flag): the center's.
    case editSchoolIdentifiers
    /// Assignments (mentor → school, tutor → teacher…) of a municipality.
    case assign
    case browsePeople, readPerson, createPerson, editPerson
    case manageUsers
    case browseAudit
    /// The administration section's index (audit, imports, municipalities, users).
    case administration
    /// A municipality's settings and status labels.
    case editMunicipality
    /// Schools and staff files of a municipality.
    case importRegistry
    /// A municipality's monitoring tables, clusters, campaigns, help.
    case readMonitoring
    /// The region's monitoring across municipalities.
    case readRegionMonitoring
    case importResults
    case confirmExclusion
    /// Create, complete and reopen a monitoring campaign.
    case manageCampaigns
    case approveCampaign
    case editMonitoringSettings
    /// Regional reference values (the region's ЕГЭ means): shared by every municipality of the region.
    case editRegionReferences
    /// «Сопровождение»: pairs, load, pair health, the curatorship figures (a supporter: their own pairs).
    case readSupport
    /// A mentor's, curator's or tutor's own work log (interactions, answers to requests).
    case logInteraction
    /// «Дефициты и ИОМ»: deficits and individual routes of the people one may read.
    case readRoutes
    /// Steps and states of a route (the owner, their tutor or mentor, the center).
    case editRoute
    /// A teacher's or school team's question to their tutor or mentor.
    case askSupport
    /// Files of the mentoring area (assignments, interactions, deficits, route steps).
    case importMentoring
    /// The bank of methodological materials: read by everyone signed in, added by supporters and the center.
    case readMaterials, editMaterials
    /// School methodological associations (ШМО) and their August review: the school fills, the center reviews.
    case readShmo, editShmo
    /// The municipal register of the management personnel reserve.
    case readReserve, editReserve
    /// A mentor's, tutor's or the center's comment on a route or a school's programme.
    case comment
    /// A pair's plan of interaction: its mentor or tutor, or the center.
    case planPair
    /// A file attached to an interaction, a route step or a material: whoever reads its owner.
    case downloadFile
    /// «Планы»: roadmaps and work plans with their execution figures (issue 11).
    case readPlans
    /// Create and change plans, their items, execution, approval, copies and imports.
    case editPlans
    /// The reference list of plan kinds (shared by every municipality).
    case editPlanKinds
    /// «Документы школ»: a school's documents under review (concept, programmes, roadmap) and the center's control table.
    case readSchoolDocuments
    /// Add a document to a school's list (with its due date) and submit its versions: the school, the center.
    case keepSchoolDocuments
    /// Review a submitted document: the school's assigned mentor or curator.
    case reviewSchoolDocuments
    /// The register of management decisions and addressed recommendations.
    case readDecisions
    /// Issue a decision or recommendation and control its execution (accept or return the report).
    case issueDecisions
    /// Report the execution of a decision addressed to one's organisation or school.
    case reportDecisions
    /// «Риски»: a school's risk register, the municipal risk matrix, the kinds and their method (issue 11).
    case readRisks
    /// Register and change a school's risks: the center, the school's administration, admin.
    case editRisks
    /// The reference list of risk kinds and 500+ risk-profile factors with their models.
    case editRiskKinds
    /// «Аудиты документов»: planned audits, protocols, re-checks (the municipality's readers).
    case readAudits
    /// Plan an audit, write its protocol and re-check: the center, admin.
    case keepAudits
    /// The audit kinds and their checklists.
    case editAuditKinds
    /// The signed-in user's «Мои задачи» and notifications.
    case ownTasks
    /// «Мероприятия»: the programme, an event's page, the calendar, one's own feed (issue 11).
    case readEvents
    /// The center's catalog: events, publishing the half-year programme, deciding applications, building programmes, attendance.
    case editEvents
    /// A school's application for events of the programme, naming its teachers.
    case applyForEvents
    /// Registering for an event (oneself; a school its teachers; the center anyone) and linking it to a route step.
    case registerForEvents
    /// The coverage of schools by events, with its formula (the assistance monitoring's criterion).
    case readEventCoverage

    /// Whether the route needs a signed-in user at all.
    public var needsSignIn: Bool { self != .open }

    /// Reachable before a one-time password is changed.
    public var allowedWithOneTimePassword: Bool { self == .open || self == .ownAccount }

    /// Russian title for the role × route matrix and error pages.
    public var title: String {
        switch self {
        case .open: "Без входа"
        case .ownAccount: "Свой профиль"
        case .overview: "Обзор"
        case .browseSchools: "Список школ"
        case .readSchool: "Карточка школы"
        case .createSchool: "Добавление школы"
        case .editSchool: "Изменение карточки школы"
        case .editSchoolIdentifiers: "Коды школы для сопоставления файлов"
        case .assign: "Закрепления"
        case .browsePeople: "Список людей"
        case .readPerson: "Карточка человека"
        case .createPerson: "Добавление человека"
        case .editPerson: "Изменение карточки человека"
        case .manageUsers: "Пользователи и роли"
        case .browseAudit: "Журнал изменений"
        case .administration: "Раздел «Администрирование»"
        case .editMunicipality: "Настройки муниципалитета"
        case .importRegistry: "Загрузка школ и кадров"
        case .readMonitoring: "Мониторинг муниципалитета"
        case .readRegionMonitoring: "Мониторинг региона"
        case .importResults: "Загрузка результатов"
        case .confirmExclusion: "Подтверждение исключений"
        case .manageCampaigns: "Кампании мониторинга"
        case .approveCampaign: "Утверждение кампании"
        case .editMonitoringSettings: "Настройки мониторинга"
        case .editRegionReferences: "Региональные эталоны"
        case .readSupport: "Сопровождение"
        case .logInteraction: "Журнал взаимодействий"
        case .readRoutes: "Дефициты и ИОМ"
        case .editRoute: "Изменение ИОМ"
        case .askSupport: "Вопрос тьютору или наставнику"
        case .importMentoring: "Загрузка закреплений, взаимодействий, дефицитов и шагов ИОМ"
        case .readMaterials: "Банк методических материалов"
        case .editMaterials: "Добавление методических материалов"
        case .readShmo: "ШМО и их мониторинг"
        case .editShmo: "Изменение ШМО и формы мониторинга"
        case .readReserve: "Кадровый резерв"
        case .editReserve: "Изменение кадрового резерва"
        case .comment: "Комментарии к маршруту или программе школы"
        case .planPair: "План взаимодействия пары"
        case .downloadFile: "Файлы вложений"
        case .readPlans: "Планы и дорожные карты"
        case .editPlans: "Изменение планов и их исполнения"
        case .editPlanKinds: "Справочник видов планов"
        case .readSchoolDocuments: "Документы школ на проверке"
        case .keepSchoolDocuments: "Сдача документов школы"
        case .reviewSchoolDocuments: "Проверка документов школы"
        case .readDecisions: "Решения и рекомендации"
        case .issueDecisions: "Выдача решений и контроль исполнения"
        case .reportDecisions: "Отчёт об исполнении решения"
        case .readRisks: "Риски школ и матрица рисков"
        case .editRisks: "Изменение реестра рисков"
        case .editRiskKinds: "Справочник видов рисков"
        case .readAudits: "Аудиты документов"
        case .keepAudits: "Проведение аудитов документов"
        case .editAuditKinds: "Справочник видов аудитов и чек-листов"
        case .ownTasks: "Мои задачи и уведомления"
        case .readEvents: "Мероприятия и календарь"
        case .editEvents: "Каталог мероприятий, программы и посещаемость"
        case .applyForEvents: "Заявка школы на мероприятия"
        case .registerForEvents: "Запись на мероприятие"
        case .readEventCoverage: "Охват мероприятиями"
        }
    }
}

/// The municipality an object-level decision is about.
public struct MunicipalityRef: Sendable, Hashable {
    public var id: UUID
    public var regionID: UUID
    public init(id: UUID, regionID: UUID) { self.id = id; self.regionID = regionID }
}

public extension Access {
    /// Whether the principal holds the permission anywhere (the route-level gate, and the
    /// navigation). Object-level checks follow through `allows(_:_:in:)` and the place checks.
    static func allows(_ permission: Permission, _ p: Principal) -> Bool {
        switch permission {
        case .open, .ownAccount, .overview: return true
        case .browseSchools, .readSchool: return canListSchools(p)
        case .createSchool, .assign, .editMunicipality, .importRegistry, .importResults, .confirmExclusion,
             .manageCampaigns, .editMonitoringSettings, .editSchoolIdentifiers:
            return p.isAdmin || !municipalWriters(p).isEmpty
        case .editSchool: return !schoolScope(p, .write).isEmpty
        case .browsePeople: return canListPeople(p)
        case .readPerson: return true
        case .createPerson, .editPerson: return !personScope(p, .write).isEmpty
        case .manageUsers: return p.isAdmin
        case .browseAudit: return !auditScope(p).isEmpty
        case .administration: return p.isAdmin || !auditScope(p).isEmpty
        case .readMonitoring:
            return p.isAdmin || p.grants.contains { [.regionalCoordinator, .centerSpecialist, .educationDepartment].contains($0.role) }
        case .readRegionMonitoring, .editRegionReferences:
            return p.isAdmin || p.grants.contains { $0.role == .regionalCoordinator && $0.regionID != nil }
        case .approveCampaign:
            return p.isAdmin || p.grants.contains { $0.role == .educationDepartment && $0.municipalityID != nil }
        case .readSupport: return allows(.readMonitoring, p) || isSupporter(p)
        case .logInteraction: return isSupporter(p)
        case .readRoutes, .editRoute: return p.personID != nil || !personScope(p, .read).isEmpty
        case .askSupport: return p.personID != nil
        case .importMentoring: return p.isAdmin || !municipalWriters(p).isEmpty
        case .readMaterials, .downloadFile: return true
        case .editMaterials, .comment, .planPair: return p.isAdmin || !municipalWriters(p).isEmpty || isSupporter(p)
        case .readShmo: return allows(.readMonitoring, p) || p.has(.schoolAdmin) || p.has(.mentor)
        case .editShmo: return p.isAdmin || !municipalWriters(p).isEmpty || p.has(.schoolAdmin)
        case .readReserve: return allows(.readMonitoring, p)
        case .editReserve: return p.isAdmin || !municipalWriters(p).isEmpty
        case .readPlans: return mayReadSomePlans(p)
        case .editPlans: return mayEditSomePlans(p)
        case .editPlanKinds: return p.isAdmin
        case .readSchoolDocuments: return mayReadSomeDocuments(p)
        case .keepSchoolDocuments: return mayKeepSomeDocuments(p)
        case .reviewSchoolDocuments: return mayReviewSomeDocuments(p)
        case .readDecisions: return mayReadSomeDecisions(p)
        case .issueDecisions: return mayIssueDecisions(p)
        case .reportDecisions: return mayReportDecisions(p)
        case .readRisks: return mayReadSomeRisks(p)
        case .editRisks: return mayEditSomeRisks(p)
        case .editRiskKinds: return p.isAdmin
        case .readAudits: return p.isAdmin || p.grants.contains { [.regionalCoordinator, .centerSpecialist, .educationDepartment].contains($0.role) }
        case .keepAudits: return p.isAdmin || !municipalWriters(p).isEmpty
        case .editAuditKinds: return p.isAdmin
        case .ownTasks: return true
        case .readEvents: return true
        case .editEvents: return mayEditSomeEvents(p)
        case .applyForEvents: return mayApplyForEvents(p)
        case .registerForEvents: return mayRegisterForEvents(p)
        case .readEventCoverage: return allows(.readMonitoring, p)
        }
    }

    /// The decision for one municipality (imports, settings, campaigns, references…).
    static func allows(_ permission: Permission, _ p: Principal, in m: MunicipalityRef) -> Bool {
        switch permission {
        case .open, .ownAccount, .overview: return true
        case .readMonitoring, .browseSchools, .readSchool: return canReadMunicipality(m.id, regionID: m.regionID, p)
        case .createSchool, .assign, .editMunicipality, .importRegistry, .importResults, .confirmExclusion,
             .manageCampaigns, .editMonitoringSettings, .editSchoolIdentifiers, .editSchool:
            return p.isAdmin || municipalWriters(p).contains(m.id)
        case .browsePeople, .readPerson: return personScope(p, .read).contains(Place(regionID: m.regionID, municipalityID: m.id))
        case .createPerson, .editPerson: return personScope(p, .write).contains(Place(regionID: m.regionID, municipalityID: m.id))
        case .manageUsers: return p.isAdmin
        case .browseAudit, .administration: return auditScope(p).contains(Place(regionID: m.regionID, municipalityID: m.id))
        case .readRegionMonitoring: return canReadRegion(m.regionID, p)
        case .editRegionReferences:
            return p.isAdmin || p.grants.contains { $0.role == .regionalCoordinator && $0.regionID == m.regionID }
        case .approveCampaign: return canApprove(in: m.id, p)
        case .readSupport: return canReadMunicipality(m.id, regionID: m.regionID, p)
        case .importMentoring: return p.isAdmin || municipalWriters(p).contains(m.id)
        case .logInteraction, .readRoutes, .editRoute, .askSupport: return personScope(p, .read).contains(Place(regionID: m.regionID, municipalityID: m.id))
        case .readMaterials, .readShmo, .readReserve, .downloadFile: return canReadMunicipality(m.id, regionID: m.regionID, p)
        case .editMaterials, .comment, .editShmo, .editReserve, .planPair: return p.isAdmin || municipalWriters(p).contains(m.id)
        case .readPlans: return canReadPlan(of: PlanOwner(municipality: m, schoolID: nil), p)
        case .editPlans: return canEditPlan(of: PlanOwner(municipality: m, schoolID: nil), p)
        case .editPlanKinds: return p.isAdmin
        case .readSchoolDocuments, .readDecisions: return canReadMunicipality(m.id, regionID: m.regionID, p)
        case .keepSchoolDocuments: return canKeepDocuments(of: Place(regionID: m.regionID, municipalityID: m.id), p)
        case .reviewSchoolDocuments: return false
        case .issueDecisions: return decisionIssuer(p, in: m) != nil
        case .reportDecisions: return canReportDecision(to: .center, school: nil, in: m, p) || canReportDecision(to: .department, school: nil, in: m, p)
        case .readRisks: return readsMunicipalRisks(m, p)
        case .editRisks: return canEditRisks(of: Place(regionID: m.regionID, municipalityID: m.id), p)
        case .editRiskKinds: return p.isAdmin
        case .readAudits: return readsMunicipalRisks(m, p)
        case .keepAudits: return p.isAdmin || municipalWriters(p).contains(m.id)
        case .editAuditKinds: return p.isAdmin
        case .ownTasks: return true
        case .readEvents, .registerForEvents: return canReadEvents(in: m, homes: [], p)
        case .editEvents: return canEditEvents(in: m, p)
        case .applyForEvents: return mayApplyForEvents(p)
        case .readEventCoverage: return canReadMunicipality(m.id, regionID: m.regionID, p)
        }
    }

    /// Municipalities whose center the principal is (write access to the whole municipality).
    static func municipalWriters(_ p: Principal) -> Set<UUID> {
        Set(p.grants.compactMap { $0.role == .centerSpecialist ? $0.municipalityID : nil })
    }

    /// Schools whose administration the principal is.
    public static func adminSchools(_ p: Principal) -> Set<UUID> {
        Set(p.grants.compactMap { $0.role == .schoolAdmin ? $0.schoolID : nil })
    }

    /// Who is listed in "people": the person scope, plus a tutor's tutorants (one rule for
    /// the page, the API and the overview).
    static func peopleListing(_ p: Principal) -> (scope: Scope, extraIDs: Set<UUID>) {
        (personScope(p, .read), p.has(.tutor) ? p.tutorantIDs : [])
    }
}
