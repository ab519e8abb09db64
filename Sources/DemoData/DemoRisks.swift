import Domain

/// The demo's risk register (issue 11): a few risks at different levels across three schools of the
/// home municipality (0 = the «school» login's school). Days are relative to the day of seeding.
public enum DemoRisks {
    public struct Risk: Sendable {
        public var school: Int, kind: String, level: RiskLevel, manageability: RiskManageability, evidence: String, owner: String
        public var cyclic: Bool, registeredDaysAgo: Int, nextOccurrenceInDays: Int?, decidedDaysAgo: Int?
        /// Link the first item of the school's plans as a measure.
        public var linkMeasure: Bool
    }

    public static let risks: [Risk] = [
        Risk(school: 0, kind: "f500_staff_shortage", level: .high, manageability: .weak,
             evidence: "Две вакансии учителей математики с начала года; 30 % часов ведут совместители.", owner: "Директор школы",
             cyclic: false, registeredDaysAgo: 40, nextOccurrenceInDays: nil, decidedDaysAgo: 30, linkMeasure: true),
        Risk(school: 0, kind: "academic_failure", level: .medium, manageability: .managed,
             evidence: "Доля отметок «2» по ВПР по математике в 5 классах — 24 %; повторяется каждую весну.", owner: "Заместитель директора по УВР",
             cyclic: true, registeredDaysAgo: 10, nextOccurrenceInDays: 120, decidedDaysAgo: nil, linkMeasure: true),
        Risk(school: 1, kind: "f500_equipment", level: .medium, manageability: .weak,
             evidence: "Нет оборудования для практических работ по физике и химии.", owner: "Директор школы",
             cyclic: false, registeredDaysAgo: 60, nextOccurrenceInDays: nil, decidedDaysAgo: 50, linkMeasure: false),
        Risk(school: 1, kind: "social", level: .low, manageability: .unmanaged,
             evidence: "Треть семей — с низким доходом; учитывается при планировании внеурочной деятельности.", owner: "Социальный педагог",
             cyclic: false, registeredDaysAgo: 90, nextOccurrenceInDays: nil, decidedDaysAgo: nil, linkMeasure: false),
        Risk(school: 2, kind: "f500_competence", level: .high, manageability: .managed,
             evidence: "По диагностике 45 % учителей имеют предметные дефициты.", owner: "Руководитель ШМО",
             cyclic: true, registeredDaysAgo: 20, nextOccurrenceInDays: 60, decidedDaysAgo: 20, linkMeasure: true),
    ]
}
