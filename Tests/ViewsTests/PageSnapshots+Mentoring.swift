import Domain
import Plot
import Testing
@testable import Views

/// «Сопровождение» and «Дефициты и ИОМ»: the pages of the mentoring area from hand-made models.
extension PageSnapshots {
    static var supportModel: SupportViews.Model {
        var pair = SupportViews.PairRow(author: "Смирнова О. Н. (ARM-C-0007)", target: "МБОУ СОШ № 1 (ARM-001)", pool: "Наставник", order: "№ 15 от 01.02.2025",
                                        span: "с 01.02.2025", interactions: "4", hours: "3,5", lastContact: "15.10.2026", daysSince: "47", quiet: true, overCapacity: true)
        pair.url = "/support/pairs/" + Self.id(61)
        var m = SupportViews.Model(
            municipalities: [Option(Self.id(101), "г. Армавир")], municipalityID: Self.id(101), from: "2026-09-01", to: "2026-11-30", quietDays: 28, own: false,
            pairs: [pair, .init(author: "Кузнецова М. А. (ARM-001-T01)", target: "Орлов П. В. (ARM-006-0012)", pool: "Тьютор", order: "—", span: "",
                                interactions: "6", hours: "4,25", lastContact: "28.11.2026", daysSince: "2", quiet: false, overCapacity: false)],
            people: [.init(name: "Смирнова О. Н. (ARM-C-0007)", load: "4", capacity: "3", over: true, interactions: "4", quietPairs: "1")],
            schools: [.init(name: "МБОУ СОШ № 1 (ARM-001)", deficits: "3", covered: "2", coverage: "66,7 %")],
            logURL: "/support/log", csvHint: "Те же цифры: opora curatorship figures --municipality armavir --from 2026-09-01 --to 2026-11-30 --format csv.")
        m.monitoring = [("Доступность помощи", "50,0 %", "пар с контактом в периоде: 1 из 2 действующих")]
        m.settingsURL = "/support/settings"; m.csrf = Self.csrf; m.orderURL = "/support/order"; m.sections = [("Банк материалов", "/support/materials")]
        return m
    }

    @Test func supportPage() {
        assertSnapshot(html: SupportViews.body(Self.supportModel).render(), named: "SupportPage")
        var own = Self.supportModel
        own.own = true; own.settingsURL = nil; own.monitoring = []
        assertSnapshot(html: SupportViews.body(own).render() + SupportViews.method().render(), named: "SupportOwnAndMethod")
    }

    @Test func workLog() {
        var m = SupportViews.LogModel(targets: [Option("teacher:" + Self.id(22), "Кузнецова М. А. — тьютор")],
                                      values: ["day": "2026-11-30", "duration_min": "45", "topic": ""],
                                      errors: [FieldError(field: "topic", message: "Укажите тему.")], csrf: Self.csrf,
                                      requests: [.init(id: Self.id(71), from: "Кузнецова М. А.", text: "Как оценивать устные ответы?", when: "29.11.2026")],
                                      recent: [.init(day: "28.11.2026", target: "Кузнецова М. А.", form: "Консультация", topic: "Разбор урока", minutes: "40")])
        m.modules = [Option(Self.id(81), "План МТКП: Тьюториалы")]
        assertSnapshot(html: SupportViews.log(m).render(), named: "WorkLog")
    }

    @Test func routePages() {
        let index = RouteViews.index([.init(name: "Кузнецова Мария Андреевна", url: "/deficits/" + Self.id(22), school: "МБОУ СОШ № 1", deficits: "2",
                                            state: "Действует", steps: "1 из 3", overdue: 1)],
                                     year: "2026/2027", groups: [.init(place: "МБОУ СОШ № 1", area: "Оценочные", teachers: 2, names: "Кузнецова М. А., Орлов П. В.")],
                                     campaign: .init(done: 5, total: 8, statusYear: "2025", missing: [(name: "Орлов П. В.", school: "МБОУ СОШ № 6", url: "/deficits/x")]))
        var step = RouteViews.Step(id: Self.id(91), title: "Курсы ИРО «Формирующее оценивание»", kind: "Курсы ИРО или другой организации", area: "Оценочные",
                                   due: "12.11.2026", status: "Выполняется", statusKind: .warning, overdue: true, evidence: "", reason: "", doneDay: "",
                                   next: [Option("done", "Выполнен"), Option("cancelled", "Отменён")],
                                   material: Option(Self.id(95), "Кейс: устные ответы"), materials: [Option(Self.id(95), "Кейс: устные ответы")])
        step.files = [FileViews.File(name: "удостоверение.pdf", url: "/files/" + Self.id(96), size: "120 КБ")]; step.uploadURL = "/route-steps/\(Self.id(91))/files"
        let model = RouteViews.Model(teacherID: Self.id(22), name: "Кузнецова Мария Андреевна", school: "МБОУ СОШ № 1", year: 2026,
                                     years: [Option("2026", "2026/2027")],
                                     deficits: [.init(area: "Оценочные", source: "Тест ИРО", score: "9,0", level: "ниже базового", day: "20.08.2026", closed: nil),
                                                .init(area: "Цифровые", source: "Самооценка", score: "—", level: "—", day: "20.08.2026", closed: "15.11.2026")],
                                     state: "Действует", stateKind: .warning, transitions: [Option("completed", "Завершить маршрут")],
                                     agreed: "Согласован: Смирнова О. Н., 03.09.2026", steps: [step], canAddStep: true, canRecordDeficit: true,
                                     canAsk: false, supporter: nil, csrf: Self.csrf, today: "2026-11-30")
        let extra = RouteReviewViews.sections(reviews: [(day: "30.11.2026", author: "Смирнова О. Н.", corrected: "Курсы перенесены на январь")],
                                              indicators: [(key: "iro_test", title: "Тестовая оценка в ИРО", value: "72 балла")],
                                              reviewURL: "/deficits/x/reviews", competenceURL: "/deficits/x/competences", year: 2026, csrf: Self.csrf)
            .render() + CommentViews.section("Комментарии", comments: [.init(author: "Смирнова О. Н.", when: "30.11.2026", strength: "Цели урока", improve: "", next: "Посещение")],
                                             action: "/deficits/x/comments", csrf: Self.csrf, hidden: [("year", "2026")]).render()
        assertSnapshot(html: index.render() + RouteViews.show(model).render() + extra, named: "RoutePages")
    }

    @Test func pairPoolReserveAndOrder() {
        var pair = PairViews.Model(facts: [("Наставник / тьютор", "Смирнова О. Н."), ("Школа", "МБОУ СОШ № 1")], quiet: false,
                                   items: [.init(title: "Разбор ВПР", due: "10.12.2026", done: nil, overdue: false, markURL: "/support/plan-items/x")],
                                   entries: [.init(day: "28.11.2026", form: "Выезд в школу", format: "Очно", topic: "Посещение уроков", minutes: "90",
                                                   outcome: "", next: "", module: "Диссеминация опыта")],
                                   addItemURL: "/support/pairs/x/plan", logURL: "/support/log", csrf: Self.csrf, today: "2026-11-30")
        pair.back = "/support/pairs/x"
        let pool = PoolViews.body(.init(rows: [.init(name: "Смирнова О. Н.", url: "/people/x", pools: "Наставник", home: "Центр", position: "Методист",
                                                     category: "Высшая", subjects: "Математика", regionalTraining: true, capacity: "3 (норма)", load: 4, over: true)],
                                        municipalityID: Self.id(101), pool: "", pools: [Option("mentor", "Наставник")]))
        let reserve = ReserveViews.body(.init(municipalityID: Self.id(101),
                                              rows: [.init(id: "r", name: "Орлов П. В.", currentPost: "Учитель", targetPost: "Заместитель директора", sessions: 3,
                                                           readiness: "средняя", readinessValue: "medium", notes: "", updateURL: "/support/reserve/r")],
                                              readiness: [Option("medium", "средняя")], people: [], canEdit: true, values: [:], errors: [], csrf: Self.csrf))
        let order = OrderDraftViews.print(text: "ПРИКАЗ\nПриложение 1\n№\tШкола\n1\tМБОУ СОШ № 1")
        let modules = PairViews.modules([.init(plan: "План МНЦ", title: "Диссеминация опыта", interactions: 3, hours: "4,5")], year: "2026/2027",
                                        plans: [Option("mentoring_center", "План МНЦ")], addURL: "/support/modules", municipalityID: Self.id(101), csrf: Self.csrf, unlinked: 1)
        assertSnapshot(html: PairViews.body(pair).render() + pool.render() + reserve.render() + order.render() + modules.render(), named: "PairPoolReserveOrder")
    }
}
