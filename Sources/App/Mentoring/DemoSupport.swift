import Fluent
import Foundation
import Domain

/// The demo's work of the mentoring area, dated back from the day of seeding: every mentor
/// and tutor pair gets interactions, every third mentor pair of a municipality has gone quiet (last contact
/// 45 days ago), the tutors' tutorants get deficits of this year and routes in several states.
enum DemoSupport {
    static let forms: [InteractionForm] = [.consultation, .schoolVisit, .methodSession, .lessonObservation, .tutorial]

    static func seed(_ db: any Database, assignments: [Assignment], people: [String: Person], today: CalendarDay) async throws {
        let byID = Dictionary(people.values.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        var interactions: [Interaction] = []
        func add(_ a: Assignment, _ back: Int, _ n: Int, topic: String) {
            let i = Interaction()
            i.id = UUID(); i.municipalityID = a.municipalityID; i.$author.id = a.$person.id!
            i.$school.id = a.$teacher.id == nil ? a.$school.id : nil; i.$teacher.id = a.$teacher.id
            i.dayText = today.adding(days: -back).iso; i.form = forms[n % forms.count].rawValue
            i.format = (n % 3 == 0 ? InteractionFormat.remote : .inPerson).rawValue
            i.topic = topic; i.durationMinutes = [45, 60, 90, 30][n % 4]; i.participants = a.$teacher.id == nil ? 3 + n % 5 : 1
            i.outcome = "Обсудили текущие результаты и план на месяц."; i.nextStep = "Посещение уроков и разбор."; i.createdBy = "демо"
            interactions.append(i)
        }
        let mentorPairs = assignments.filter { $0.assignmentKind == .mentorSchool || $0.assignmentKind == .curatorSchool }
        var nth: [UUID: Int] = [:]
        for (k, a) in mentorPairs.enumerated() where a.$person.id != nil && a.$school.id != nil {
            // The second, fifth… pair of each municipality has gone quiet.
            let index = nth[a.municipalityID, default: 0]
            nth[a.municipalityID] = index + 1
            let quiet = index % 3 == 1
            let backs = quiet ? [45, 70, 100] : [3, 17, 31, 52, 80]
            for (n, b) in backs.enumerated() { add(a, b + k % 5, n + k, topic: ["Анализ результатов ВПР", "Программа перехода в эффективный режим", "Посещение уроков в 5-х классах", "Работа ШМО", "Планирование адресной помощи"][n % 5]) }
        }
        let tutorPairs = assignments.filter { $0.assignmentKind == .tutorTeacher && $0.$person.id != nil && $0.$teacher.id != nil }
        for (k, a) in tutorPairs.enumerated() {
            for (n, b) in [6, 20, 41].enumerated() { add(a, b + k % 4, n + k, topic: ["Разбор урока", "Формирующее оценивание", "Подготовка к ВПР"][n % 3]) }
        }
        // The МНЦ plan modules of seed 000 and the МТКП directions of the tutor point, this school year;
        // the demo's interactions are spread over them (one in five left without a module).
        let planYear = today.month >= 9 ? today.year : today.year - 1
        let centerModules = ["Развитие кадрового потенциала школ с рисками низких образовательных результатов",
                             "Эффективные механизмы управления качеством образования",
                             "Развитие управленческих и профессиональных компетенций на основе сетевого взаимодействия",
                             "Диссеминация передового управленческого опыта", "Контрольно-аналитическая и мониторинговая деятельность",
                             "Проектирование программ развития общеобразовательных организаций"]
        let tutorModules = ["Индивидуализация образования тьюторантов", "Тьюториалы для профессионального роста учителей",
                            "Адресные консультационные услуги тьюторов"]
        var modules: [PlanModule] = [], byPlan: [String: [UUID]] = [:]
        for mid in Set(assignments.map(\.municipalityID)) {
            for (plan, titles) in [(PlanModule.Plan.mentoringCenter, centerModules), (.tutorPoint, tutorModules)] {
                for (n, title) in titles.enumerated() {
                    let mod = PlanModule()
                    mod.id = UUID(); mod.municipalityID = mid; mod.plan = plan.rawValue; mod.year = planYear; mod.position = n + 1; mod.title = title
                    modules.append(mod)
                    byPlan["\(mid)|\(plan.rawValue)", default: []].append(mod.id!)
                }
            }
        }
        try await ImportRows.createInBatches(modules, on: db)
        for (n, i) in interactions.enumerated() where n % 5 != 4 {
            let plan = i.$teacher.id == nil ? PlanModule.Plan.mentoringCenter : .tutorPoint
            if let ids = byPlan["\(i.municipalityID)|\(plan.rawValue)"], let d = i.day, d.iso >= CalendarDay(year: planYear, month: 9, day: 1)!.iso {
                i.moduleID = ids[n % ids.count]
            }
        }
        try await ImportRows.createInBatches(interactions, on: db)

        // Deficits and routes of the tutorants: the first with an active route, the second agreed, the third a draft.
        let year = DeficitRules.diagnosticsYear(of: today)
        let diagnostics = CalendarDay(year: year, month: 8, day: 20)!
        var deficits: [DeficitRecord] = [], routes: [RouteRecord] = [], steps: [RouteStepRecord] = []
        for (k, a) in tutorPairs.enumerated() {
            guard let t = byID[a.$teacher.id!] else { continue }
            let areas: [DeficitArea] = [[.assessment, .methodological], [.subject, .digital], [.psychoPedagogical, .assessment]][k % 3]
            for (n, area) in areas.enumerated() {
                let d = DeficitRecord()
                d.id = UUID(); d.municipalityID = t.$municipality.id; d.$teacher.id = t.id!; d.$school.id = t.$school.id; d.year = year
                d.area = area.rawValue; d.source = (n == 0 ? DeficitSource.iroTest : .lessonObservation).rawValue
                d.score = n == 0 ? Double(9 + k % 6) : nil; d.level = n == 0 ? "ниже базового" : ""; d.dayText = diagnostics.iso; d.hasDeficit = true
                deficits.append(d)
            }
            let state: RouteState = [.active, .agreed, .draft][k % 3]
            let r = RouteRecord()
            r.id = UUID(); r.municipalityID = t.$municipality.id; r.$teacher.id = t.id!; r.year = year; r.state = state.rawValue; r.reviewNote = ""
            if state != .draft { r.agreedBy = a.$person.id.flatMap { byID[$0]?.draft.shortName }; r.agreedDay = diagnostics.adding(days: 14).iso }
            routes.append(r)
            let plan: [(String, RouteStepKind, DeficitArea?, Int, RouteStepStatus)] = [
                ("Курсы ИРО «Формирующее оценивание на уроке»", .course, areas[0], -20, state == .active ? .done : .planned),
                ("Консультация тьютора по разбору урока", .tutorConsultation, areas[1], -5, state == .active ? .inProgress : .planned),
                ("Открытый урок в рамках методической сессии", .methodSession, areas[1], 30, .planned),
            ]
            for (title, kind, area, due, status) in plan {
                let s = RouteStepRecord()
                s.id = UUID(); s.$route.id = r.id!; s.title = title; s.kind = kind.rawValue; s.deficitArea = area?.rawValue
                s.due = today.adding(days: due).iso; s.status = status.rawValue
                s.doneDay = status == .done ? today.adding(days: due - 2).iso : nil
                s.evidence = status == .done ? "удостоверение о повышении квалификации" : ""; s.cancelReason = ""
                steps.append(s)
            }
        }
        // ШМО of the schools with a mentor: two per school, their August forms in every state.
        let shmoYear = ShmoController.reviewYear(today)
        let mentored = Array(Set(mentorPairs.compactMap(\.$school.id))).sorted { $0.uuidString < $1.uuidString }
        var groups: [ShmoGroup] = [], reviews: [ShmoReview] = []
        for (k, schoolID) in mentored.enumerated() {
            let staff = people.values.filter { $0.$school.id == schoolID && $0.functionSet.contains(.teacher) }.sorted { $0.staffCode < $1.staffCode }
            guard staff.count >= 2 else { continue }
            let halves = [Array(staff.prefix(staff.count / 2)), Array(staff.suffix(staff.count - staff.count / 2))]
            for (n, (name, members)) in zip(["ШМО учителей гуманитарного цикла", "ШМО учителей естественно-математического цикла"], halves).enumerated() {
                let g = ShmoGroup()
                g.id = UUID(); g.municipalityID = staff[0].$municipality.id; g.$school.id = schoolID; g.name = name
                g.$head.id = members.first?.id; g.members = members.compactMap(\.id?.uuidString).joined(separator: ",")
                groups.append(g)
                let state: ShmoReview.Status = [.reviewed, .submitted, .draft][(k + n) % 3]
                let r = ShmoReview()
                r.id = UUID(); r.$group.id = g.id!; r.year = shmoYear; r.hasPlan = state != .draft; r.meetings = 4 + (k + n) % 3; r.openLessons = 2 + n
                r.topics = "Анализ результатов ВПР; формирующее оценивание; подготовка к ГИА"; r.deficitsAddressed = "оценочные, методические"
                r.status = state.rawValue; r.reviewerNote = state == .reviewed ? "План выполнен, рекомендовано больше открытых уроков." : ""
                reviews.append(r)
            }
        }
        try await ImportRows.createInBatches(groups, on: db)
        try await ImportRows.createInBatches(reviews, on: db)
        try await ImportRows.createInBatches(deficits, on: db)
        try await ImportRows.createInBatches(routes, on: db)
        try await ImportRows.createInBatches(steps, on: db)
    }
}
