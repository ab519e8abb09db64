import Vapor
import Fluent
import Views
import Domain

/// «Обзор»: the role's home with the figures of its scope.
enum OverviewController {
    @Sendable static func index(req: Request) async throws -> Response {
        let me = try req.requireUser()
        let p = me.principal
        // Counted per user while the registry of the scopes is unchanged.
        let listing = Access.peopleListing(p)
        let schoolKeys = try await req.registryKeys(for: Access.schoolScope(p, .read))
        let peopleKeys = Access.canListPeople(p) ? try await req.registryKeys(for: listing.scope, extraIDs: listing.extraIDs) : []
        let keys = schoolKeys.flatMap { s in peopleKeys.map { Array(Set(s + $0)).sorted { $0.name < $1.name } } }
        let parts = try await req.cached(try req.userCacheKey("overview"), dependsOnOptional: keys) {
            var stats: [(label: String, value: String, hint: String?)] = []
            var links: [(String, String)] = []
            var statusRows: [(municipality: String, year: String, low: String, difficult: String, p500: String)] = []
            if Access.canListSchools(p) {
                let schools = try await School.query(on: req.db).within(Access.schoolScope(p, .read)).with(\.$municipality).all()
                let ids = schools.compactMap(\.id)
                let statuses = ids.isEmpty ? [] : try await SchoolStatus.query(on: req.db).filter(\.$school.$id ~~ ids).all()
                let year = statuses.map(\.year).max()
                let latest = statuses.filter { $0.year == year }
                stats.append(("Школ", RuFormat.integer(schools.count), nil))
                if let year {
                    stats.append(("Со статусом ШНОР", RuFormat.integer(latest.filter(\.lowResults).count), "в \(year) году"))
                    stats.append(("Со статусом ШССУ", RuFormat.integer(latest.filter(\.difficultConditions).count), "в \(year) году"))
                }
                // Concept §7.5: the number of schools with a status, year over year, per municipality.
                let byID = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0) })
                var groups: [String: (m: Municipality, year: Int, low: Int, difficult: Int, p500: Int)] = [:]
                for s in statuses {
                    guard let school = byID[s.$school.id] else { continue }
                    let key = "\(school.municipality.name)|\(s.year)"
                    var g = groups[key] ?? (school.municipality, s.year, 0, 0, 0)
                    g.low += s.lowResults ? 1 : 0; g.difficult += s.difficultConditions ? 1 : 0; g.p500 += s.program500 ? 1 : 0
                    groups[key] = g
                }
                statusRows = groups.values.sorted { ($0.m.name, -$0.year) < ($1.m.name, -$1.year) }.map {
                    (municipality: $0.m.name, year: Present.yearLabel($0.year, $0.m), low: String($0.low), difficult: String($0.difficult), p500: String($0.p500))
                }
                links.append(("Реестр школ", SiteURL.schools.path))
            }
            if Access.canListPeople(p) {
                let count = try await Person.query(on: req.db).readable(by: p).count()
                stats.append((p.has(.tutor) && Access.personScope(p, .read).isEmpty ? "Тьюторантов" : "Людей", RuFormat.integer(count), nil))
                links.append(("Педагоги, наставники, тьюторы", SiteURL.people.path))
            }
            if let personID = p.personID { links.append(("Моя карточка", SiteURL.person(personID.uuidString).path)) }
            if Access.allows(.readRoutes, p) { links.append((p.personID != nil && Access.personScope(p, .read).isEmpty && !p.has(.tutor) ? "Мой маршрут (ИОМ)" : "Дефициты и ИОМ", SiteURL.routes.path)) }
            if Access.allows(.readSchoolDocuments, p) { links.append(("Документы школ на проверке", SiteURL.control(.documents()).path)) }
            if Access.allows(.readDecisions, p) { links.append(("Решения и рекомендации", SiteURL.control(.decisions()).path)) }
            if Access.allows(.readShmo, p) { links.append(("ШМО и их августовский мониторинг", SiteURL.shmo().path)) }
            links.append(("Банк методических материалов", SiteURL.materials().path))
            if p.isAdmin { links.append(("Пользователи и роли", SiteURL.adminUsers.path)) }
            if !Access.auditScope(p).isEmpty { links.append(("Журнал изменений", SiteURL.adminAudit.path)); links.append(("Загрузить школы или кадры", SiteURL.adminImports.path)) }
            links.append(("Профиль и смена пароля", SiteURL.account.path))
            let model = OverviewView.Model(greeting: "Здравствуйте, \(me.displayName)! Ваша роль: \(Navigation.roleTitle(p)).",
                                               stats: stats, links: links, statusRows: statusRows)
            return RenderedParts(title: "Обзор", body: OverviewView.body(model))
        }
        // The tasks change all day (work logs, steps) and with the date: kept apart from the figures.
        var tasks = OverviewView.Model(greeting: "", stats: [], links: [], statusRows: [])
        // «Мои задачи» (App/Tasks): the first ten, overdue first; the whole list on its page.
        let today = SupportController.today(req)
        // Kept per user and day while no area that gives a task has changed in the scope's municipalities.
        let taskKeys = schoolKeys.map { keys in keys + keys.flatMap { k in k.area == .registry ? k.scope.map(DataKey.tasks) ?? [] : [] } }
        let all = try await req.cached(try req.userCacheKey("overview-tasks", ["day": today.iso]), dependsOnOptional: taskKeys) {
            try await MyTasks.tasks(p, today: today, on: req.db)
        }
        tasks.tasks = all.prefix(10).map { t in
            let late = t.isOverdue(today: today)
            return (text: t.title + (t.due.map { late ? " — просрочено, срок \($0.ru)" : " — до \($0.ru)" } ?? ""), url: t.url, urgent: late || t.urgent)
        }
        if !all.isEmpty { tasks.tasks.append((text: "Все мои задачи (\(all.count))", url: SiteURL.control(.tasks).path, urgent: false)) }
        let head: String = tasks.tasks.isEmpty ? "" : OverviewView.tasks(tasks).render()
        return req.page("Обзор", section: .overview, bodyHTML: head + parts.body)
    }
}
