import Domain
import Plot
import Testing
@testable import Views

/// «Планы»: the list, a plan's page with its figures, the forms, a version, the kinds, the method page.
extension PageSnapshots {
    static var planShowModel: PlanPages.ShowModel {
        var m = PlanPages.ShowModel()
        m.id = Self.id(91); m.title = "Дорожная карта на 2026 год"; m.ownerName = "город Армавир"; m.indexURL = "/plans"
        m.facts = [("Владелец", "муниципалитет «город Армавир»"), ("Вид", "Муниципальная дорожная карта"), ("Календарный год", "2026"), ("Состояние", "проект")]
        m.asOf = "2026-03-31"; m.asOfRu = "31.03.2026"
        let items = [PlanFigures.Item(deadline: CalendarDay(iso: "2026-03-31")!, targets: [.management], addresses: "дефицит",
                                      executed: [CalendarDay(iso: "2026-03-31")!: CalendarDay(iso: "2026-03-31")!]),
                     PlanFigures.Item(start: CalendarDay(iso: "2026-01-01")!, deadline: CalendarDay(iso: "2026-06-30")!, recurrence: .monthly, targets: [.teachers])]
        m.figures = PlanFigures.values(PlanFigures.compute(items, asOf: CalendarDay(iso: "2026-03-31")!)).map(PlanPages.Figure.init)
        var item = PlanPages.ItemRow()
        item.id = Self.id(92); item.measure = "Семинар «Методический абонемент»"; item.dates = "01.01.2026 — 30.06.2026"; item.recurrence = "ежемесячно"
        item.responsible = "Специалисты центра"; item.targets = "педагоги"; item.addresses = "дефицит методической компетентности"; item.status = "выполняется"
        item.statusValue = "in_progress"; item.editURL = "/plan-items/\(Self.id(92))/edit"; item.executionURL = "/plan-items/\(Self.id(92))/execution"
        var o1 = PlanPages.Occurrence(); o1.due = "2026-01-31"; o1.dueRu = "31.01.2026"; o1.done = "02.02.2026"; o1.late = true; o1.evidence = "лист регистрации"
        var o2 = PlanPages.Occurrence(); o2.due = "2026-02-28"; o2.dueRu = "28.02.2026"; o2.overdue = true
        item.occurrences = [o1, o2]
        var s = PlanPages.Section(); s.title = "Модуль 2. Методическая помощь"; s.items = [item]
        m.sections = [s]; m.canEdit = true; m.csrf = Self.csrf
        m.addItemURL = "/plans/\(Self.id(91))/items"; m.importURL = "/plans/\(Self.id(91))/import"; m.approveURL = "/plans/\(Self.id(91))/approve"
        m.copyURL = "/plans/\(Self.id(91))/copy"; m.templateCSV = "/plans/templates/plan.csv"; m.templateXLSX = "/plans/templates/plan.xlsx"
        m.importErrors = [(row: "3", column: "deadline", message: "Срок 30.10.2025 раньше начала 01.11.2025: поменяйте даты местами или исправьте одну из них.")]
        return m
    }

    @Test func plansPages() {
        var index = PlanPages.IndexModel()
        index.municipalityName = "город Армавир"; index.municipalityID = Self.id(101); index.asOf = "2026-03-31"; index.asOfRu = "31.03.2026"
        var row = PlanPages.PlanRow(); row.url = "/plans/\(Self.id(91))"; row.owner = "город Армавир"; row.kind = "Муниципальная дорожная карта"
        row.year = "2026"; row.title = "Дорожная карта на 2026 год"; row.state = "утверждён"; row.approved = true; row.version = 2
        row.items = "5"; row.completeness = "0,6"; row.timeliness = "0,4"
        index.plans = [row]; index.newURL = "/plans/new"
        var school = PlanPages.SchoolRow(); school.school = "МБОУ-СОШ № 6"; school.plans = 1; school.figures = Self.planShowModel.figures
        index.schools = [school]
        assertSnapshot(html: PlanPages.index(index).body.render(), named: "PlansIndex")
        assertSnapshot(html: PlanPages.show(Self.planShowModel).body.render(), named: "PlanShow")
        var form = PlanPages.PlanFormModel()
        form.action = "/plans"; form.owners = [Option("municipality", "Муниципалитет")]; form.kinds = [Option("roadmap", "Муниципальная дорожная карта")]
        form.values = ["title": "Мой план", "year": "20x5"]; form.errors = [FieldError(field: "year", message: "Год — например 2026 или 2025/2026.")]; form.csrf = Self.csrf
        var itemForm = PlanPages.ItemFormModel()
        itemForm.action = "/plan-items/\(Self.id(92))"; itemForm.planTitle = "Дорожная карта"; itemForm.planURL = "/plans/\(Self.id(91))"; itemForm.approved = true
        itemForm.values = ["measure": "Семинар", "deadline": "2026-03-31", "recurrence": "none"]; itemForm.checkedTargets = ["teachers"]
        itemForm.errors = [FieldError(field: "reason", message: "План утверждён: укажите причину изменения.")]; itemForm.csrf = Self.csrf
        assertSnapshot(html: PlanPages.planForm(form).body.render() + PlanPages.itemForm(itemForm).body.render(), named: "PlanForms")
        var version = PlanPages.VersionModel()
        version.planTitle = "Дорожная карта"; version.number = 2; version.kind = "изменение после утверждения"; version.when = "01.03.2026 10:00"
        version.by = "center"; version.reason = "решение совещания"; version.items = Self.planShowModel.sections[0].items.map { var i = $0; i.editURL = nil; i.executionURL = nil; i.occurrences = []; return i }
        var kinds = PlanPages.KindsModel()
        var k = PlanPages.KindRow(); k.code = "roadmap"; k.title = "Муниципальная дорожная карта"; k.owner = "муниципалитет"; k.ownerValue = "municipality"
        kinds.rows = [k]; kinds.owners = [Option("municipality", "муниципалитет")]; kinds.csrf = Self.csrf
        assertSnapshot(html: PlanPages.version(version).body.render() + PlanPages.kinds(kinds).body.render() + PlanPages.method().body.render(), named: "PlanVersionKindsMethod")
    }
}
