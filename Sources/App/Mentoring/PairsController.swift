import Vapor
import Fluent
import Views
import Domain

/// A pair's page (health, plan of interaction, log) and the МНЦ / МТКП plan modules of a year.
enum PairsController {
    /// The assignment of `:id` as a pair the user may read (404 / 403 first).
    static func pair(_ req: Request) async throws -> (Assignment, CuratorshipService.PairInfo, Municipality) {
        guard let a = try await Assignment.find(req.id(), on: req.db), let m = try await Municipality.find(a.municipalityID, on: req.db) else { throw AppError.notFound("Закрепление") }
        guard let author = a.$person.id, Access.canReadPair(author: author, in: m.ref, try req.principal()) else { throw AppError.forbidden }
        guard let info = try await CuratorshipService.pairs(m.id!, author: author, on: req.db).first(where: { $0.assignmentID == a.id }) else { throw AppError.notFound("Пара") }
        return (a, info, m)
    }

    /// The school year (its first calendar year) a day belongs to: from 1 September.
    static func planYear(_ d: CalendarDay) -> Int { d.month >= 9 ? d.year : d.year - 1 }

    @Sendable static func show(req: Request) async throws -> Response {
        let (a, pair, m) = try await pair(req)
        let p = try req.principal()
        let today = SupportController.today(req)
        let settings = try await MentoringSettings.load(m.id!, on: req.db)
        var q = Interaction.query(on: req.db).filter(\.$author.$id == pair.authorID)
        q = pair.pool == .tutor ? q.filter(\.$teacher.$id == pair.targetID) : q.filter(\.$school.$id == pair.targetID)
        let entries = try await q.sort(\.$dayText, .descending).all()
        let modules = Dictionary(try await PlanModule.query(on: req.db).filter(\.$municipalityID == m.id!).all().map { ($0.id!, $0.title) }, uniquingKeysWith: { a, _ in a })
        let last = PairHealth.lastContact(in: entries.compactMap(\.day), onOrBefore: today)
        let quiet = PairHealth.isQuiet(span: pair.span, lastContact: last, at: today, thresholdDays: settings.quietDays)
        let canPlan = Access.canPlanPair(author: pair.authorID, in: m.ref, p)
        let items = try await PairPlanItem.query(on: req.db).filter(\.$assignment.$id == a.id!).sort(\.$due).all()
        let files = try await AttachmentsController.list(.interaction, entries.compactMap(\.id), on: req.db)
        var model = PairViews.Model(
            facts: [("Наставник / тьютор", pair.authorName), (pair.pool == .tutor ? "Тьюторант" : "Школа", pair.targetName), ("Вид", pair.pool.title),
                    ("Приказ", pair.order.isEmpty ? "—" : pair.order), ("Срок", SupportPresenter.spanText(pair.span)),
                    ("Последний контакт", last.map { "\($0.ru) (\(CalendarDay.days(from: $0, to: today)) дн. назад)" } ?? "не было"),
                    ("Порог «затихшей» пары", "\(settings.quietDays) дн.")],
            quiet: quiet,
            items: items.map { i in
                .init(title: i.title, due: i.dueDay?.ru ?? "", done: i.doneDay.flatMap(CalendarDay.init(iso:))?.ru,
                      overdue: i.doneDay == nil && (i.dueDay.map { $0 < today } ?? false), markURL: canPlan ? SiteURL.pairPlanItem(i.id!.uuidString).path : nil)
            },
            entries: entries.map { e in
                .init(day: e.day?.ru ?? e.dayText, form: e.interactionForm?.title ?? e.form, format: e.interactionFormat?.title ?? e.format, topic: e.topic,
                      minutes: String(e.durationMinutes), outcome: e.outcome, next: e.nextStep, module: e.moduleID.flatMap { modules[$0] } ?? "—")
            },
            addItemURL: canPlan ? SiteURL.supportPairPlan(a.id!.uuidString).path : nil,
            logURL: p.personID == pair.authorID ? SiteURL.supportLog.path : nil, csrf: req.csrfToken, today: today.iso)
        model.back = SiteURL.supportPair(a.id!.uuidString).path
        for (n, e) in entries.enumerated() {
            model.entries[n].files = (files[e.id!] ?? []).map { FileViews.File(name: $0.name, url: $0.url, size: $0.size) }
            model.entries[n].uploadURL = canPlan ? SiteURL.interactionFiles(e.id!.uuidString).path : nil
        }
        return req.page("\(pair.authorName) — \(pair.targetName)", section: .support, crumbs: SupportController.crumbs + [Crumb(pair.targetName)], PairViews.body(model))
    }

    @Sendable static func addItem(req: Request) async throws -> Response {
        let (a, pair, m) = try await pair(req)
        guard Access.canPlanPair(author: pair.authorID, in: m.ref, try req.principal()) else { throw AppError.forbidden }
        let f = FormFields(req)
        let back = SiteURL.supportPair(a.id!.uuidString).path
        guard !f["title"].isEmpty else { return req.redirect(back, flash: "Опишите пункт плана.", kind: .error) }
        let due = f["due"].isEmpty ? nil : CalendarDay.form(f["due"])
        if !f["due"].isEmpty && due == nil { return req.redirect(back, flash: "Срок — в виде дд.мм.гггг.", kind: .error) }
        let item = PairPlanItem()
        item.$assignment.id = a.id!; item.title = String(f["title"].prefix(500)); item.due = due?.iso
        try await req.db.transaction { db in
            try await item.create(on: db)
            try await Audit.record(req, on: db, .create, entity: "pair_plan_item", id: item.id, label: "\(pair.authorName) — \(pair.targetName): \(item.title)", municipalityID: m.id)
        }
        return req.redirect(back, flash: "Пункт плана добавлен.")
    }

    @Sendable static func markItem(req: Request) async throws -> Response {
        guard let item = try await PairPlanItem.find(req.id(), on: req.db), let a = try await Assignment.find(item.$assignment.id, on: req.db),
              let m = try await Municipality.find(a.municipalityID, on: req.db) else { throw AppError.notFound("Пункт плана") }
        guard let author = a.$person.id, Access.canPlanPair(author: author, in: m.ref, try req.principal()) else { throw AppError.forbidden }
        let f = FormFields(req)
        let back = SiteURL.supportPair(a.id!.uuidString).path
        let today = SupportController.today(req)
        let day = CalendarDay.form(f["day"]) ?? today
        if f["done"] == "1" && day > today { return req.redirect(back, flash: "Дата выполнения не может быть в будущем.", kind: .error) }
        let before = item.doneDay
        item.doneDay = f["done"] == "1" ? day.iso : nil
        try await req.db.transaction { db in
            try await item.update(on: db)
            try await Audit.record(req, on: db, .update, entity: "pair_plan_item", id: item.id, label: item.title + (item.doneDay == nil ? ": отметка снята" : ": выполнено"),
                                   municipalityID: m.id, before: ["done": before], after: ["done": item.doneDay])
        }
        return req.redirect(back, flash: item.doneDay == nil ? "Отметка снята." : "Пункт плана выполнен.")
    }

    struct ModulesQuery: PageQuery {
        var municipality: UUID?, year: Int?
        static let keys = ["municipality", "year"]
        init(_ q: QueryValues) { municipality = q.uuid("municipality"); year = q.int("year").flatMap { (2015...2100).contains($0) ? $0 : nil } }
        var items: [String: String] { .query([("municipality", municipality?.uuidString), ("year", year.map(String.init))]) }
    }

    /// The plan modules of a year with the work done under each (count and hours, from the log).
    @Sendable static func modules(req: Request) async throws -> Response {
        let q = req.query(ModulesQuery.self)
        let all = try await SupportController.municipalities(req)
        guard let e = all.first(where: { $0.id == q.municipality }) ?? all.first, let m = try await Municipality.find(e.id, on: req.db) else { throw AppError.forbidden }
        let p = try req.principal()
        let today = SupportController.today(req)
        let year = q.year ?? planYear(today)
        let modules = try await PlanModule.query(on: req.db).filter(\.$municipalityID == m.id!).filter(\.$year == year).sort(\.$plan).sort(\.$position).all()
        let from = CalendarDay(year: year, month: 9, day: 1)!.iso, to = CalendarDay(year: year + 1, month: 8, day: 31)!.iso
        let work = try await Interaction.query(on: req.db).filter(\.$municipalityID == m.id!).filter(\.$dayText >= from).filter(\.$dayText <= to).all()
        let byModule = Dictionary(grouping: work, by: \.moduleID)
        let rows = modules.map { mod in
            let w = byModule[mod.id!] ?? []
            let minutes = w.map(\.durationMinutes).reduce(0, +)
            return PairViews.ModuleRow(plan: mod.planKind.title, title: mod.title, interactions: w.count, hours: RuFormat.decimal(Double(minutes) / 60, digits: 1))
        }
        let canAdd = Access.allows(.assign, p, in: m.ref)
        return req.page("Модули планов МНЦ и МТКП: \(m.name)", section: .support, crumbs: SupportController.crumbs + [Crumb("Модули планов")],
                        PairViews.modules(rows, year: YearLabel.schoolYear(year), plans: PlanModule.Plan.allCases.map { Views.Option($0.rawValue, $0.title) },
                                          addURL: canAdd ? SiteURL.supportModules.path : nil, municipalityID: m.id!.uuidString, csrf: req.csrfToken,
                                          unlinked: (byModule[nil] ?? []).count))
    }

    @Sendable static func addModule(req: Request) async throws -> Response {
        let f = FormFields(req)
        guard let mid = f.uuid("municipality"), let m = try await Municipality.find(mid, on: req.db), Access.allows(.assign, try req.principal(), in: m.ref) else { throw AppError.forbidden }
        guard let plan = PlanModule.Plan(rawValue: f["plan"]), !f["title"].isEmpty else {
            return req.redirect(SiteURL.supportModules.path + "?municipality=\(mid)", flash: "Выберите план и укажите название модуля.", kind: .error)
        }
        let year = planYear(SupportController.today(req))
        let count = try await PlanModule.query(on: req.db).filter(\.$municipalityID == mid).filter(\.$year == year).filter(\.$plan == plan.rawValue).count()
        let mod = PlanModule()
        mod.municipalityID = mid; mod.plan = plan.rawValue; mod.year = year; mod.position = count + 1; mod.title = String(f["title"].prefix(300))
        try await req.db.transaction { db in
            try await mod.create(on: db)
            try await Audit.record(req, on: db, .create, entity: "plan_module", id: mod.id, label: "\(plan.title) \(YearLabel.schoolYear(year)): \(mod.title)", municipalityID: mid)
        }
        return req.redirect(SiteURL.supportModules.path + "?municipality=\(mid)", flash: "Модуль добавлен.")
    }
}
