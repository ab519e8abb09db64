import Domain

/// The demo's control data (issue 11): documents of supported schools in each state of the review,
/// two decisions (one overdue) and the notifications they produced. Days are relative to the day of seeding.
public enum DemoControl {
    public struct Document: Sendable {
        /// Index among the home municipality's schools with a mentor (0 = the «school» login's school).
        public var school: Int, kind: SchoolDocumentKind, risk: String, dueInDays: Int
        /// The review history: each version's outcome ("" = waiting), and the state now.
        public var versions: [(outcome: SchoolDocumentState?, comment: String)], state: SchoolDocumentState
    }

    public static let documents: [Document] = [
        Document(school: 0, kind: .concept, risk: "", dueInDays: -40, versions: [(.accepted, "Концепция согласована с управленческой командой.")], state: .accepted),
        Document(school: 0, kind: .programme, risk: "", dueInDays: -20,
                 versions: [(.returned, "Нет показателей результативности по годам и ответственных за мероприятия третьего раздела.")], state: .returned),
        Document(school: 0, kind: .antiRisk, risk: "Дефицит педагогических кадров", dueInDays: -15,
                 versions: [(.returned, "Мероприятия не связаны с причинами дефицита: добавьте анализ вакансий."), (nil, "")], state: .submitted),
        Document(school: 0, kind: .roadmap, risk: "", dueInDays: -7, versions: [], state: .required),
        Document(school: 1, kind: .concept, risk: "", dueInDays: -5, versions: [(nil, "")], state: .underReview),
        Document(school: 1, kind: .roadmap, risk: "", dueInDays: 20, versions: [], state: .required),
        Document(school: 2, kind: .programme, risk: "", dueInDays: -3, versions: [], state: .required),
    ]

    public struct Decision: Sendable {
        public var type: DecisionType, addressee: DecisionAddressee, school: Int?, horizon: DecisionHorizon, form: DecisionForm, number: String
        public var content: String, issuedDaysAgo: Int, deadlineInDays: Int, responsible: String, reportForm: String
        public var reported: (text: String, daysAgo: Int)?
    }

    public static let decisions: [Decision] = [
        Decision(type: .recommendation, addressee: .school, school: 0, horizon: .operational, form: .methodRecommendations, number: "",
                 content: "По итогам мониторинга динамики образовательных результатов: провести анализ причин роста доли отметок «2» по ВПР по математике в 5 классах, скорректировать ИОМ учителей математики, организовать взаимопосещение уроков с наставником.",
                 issuedDaysAgo: 30, deadlineInDays: -5, responsible: "Директор школы", reportForm: "Аналитическая справка", reported: nil),
        Decision(type: .decision, addressee: .center, school: nil, horizon: .strategic, form: .order, number: "14-о",
                 content: "Включить в план работы муниципального наставнического центра на полугодие практико-ориентированные семинары по оценочной деятельности педагога для ШНОР.",
                 issuedDaysAgo: 20, deadlineInDays: 14, responsible: "Руководитель МНЦ", reportForm: "Информационное письмо",
                 reported: (text: "Семинары включены в план работы МНЦ (модуль «Оценочная деятельность педагога»), проведён первый.", daysAgo: 2)),
    ]
}
