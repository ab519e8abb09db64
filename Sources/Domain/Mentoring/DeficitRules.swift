/// Rules about professional deficits: when one counts as closed, which are shared by a
/// group of teachers, which diagnostics year a day belongs to.
public enum DeficitRules {
    /// The diagnostics year containing `day`: deficits are identified each August
    /// (seed 001, recommendation 3: «ежегодно (в августе) проводить процедуру выявления
    /// профессиональных дефицитов»), so a year runs from 1 August to 31 July and is named
    /// by its start: 2026-08-01…2027-07-31 is 2026. Unlike `YearLabel.currentSchoolYear`
    /// (September), August already belongs to the new year: its diagnostics open it.
    public static func diagnosticsYear(of day: CalendarDay) -> Int {
        day.month >= 8 ? day.year : day.year - 1
    }

    /// The first diagnostic that closes `deficit`: of the same teacher and area, dated
    /// strictly after the deficit, recording no deficit. Nil while the deficit is open.
    /// A diagnostic of the same day does not close it (it may be the very one that
    /// found it); route steps never close a deficit, only a repeated diagnostic does.
    public static func closingDiagnostic(of deficit: ProfessionalDeficit, in diagnostics: [DiagnosticResult]) -> DiagnosticResult? {
        diagnostics
            .filter { $0.teacher == deficit.teacher && $0.area == deficit.area && $0.date > deficit.date && !$0.hasDeficit }
            .min { $0.date < $1.date }
    }

    public static func isClosed(_ deficit: ProfessionalDeficit, diagnostics: [DiagnosticResult]) -> Bool {
        closingDiagnostic(of: deficit, in: diagnostics) != nil
    }

    /// A deficit area shared by several teachers of a school or of the whole municipality:
    /// the ground for corporate training (seed 001, recommendation 7: «вести корпоративное
    /// обучение по групповым профессиональным дефицитам»).
    public struct Group: Sendable, Hashable, Codable {
        /// The school's code; nil for the municipality as a whole.
        public var school: String?
        public var area: DeficitArea
        /// Distinct teachers' staff codes, sorted.
        public var teachers: [String]
        public var teacherCount: Int { teachers.count }
    }

    /// Areas with deficits of at least `minTeachers` distinct teachers, per school and for
    /// the municipality (all the given deficits). Pass the deficits of one diagnostics year.
    /// Sorted by the number of teachers (most first), then by area in `DeficitArea` order,
    /// the municipality row before the schools', then by school code.
    public static func groupDeficits(_ deficits: [ProfessionalDeficit], minTeachers: Int = 2) -> [Group] {
        var bySchool: [String: [DeficitArea: Set<String>]] = [:]
        var municipal: [DeficitArea: Set<String>] = [:]
        for d in deficits {
            bySchool[d.school, default: [:]][d.area, default: []].insert(d.teacher)
            municipal[d.area, default: []].insert(d.teacher)
        }
        var groups: [Group] = []
        func add(_ school: String?, _ areas: [DeficitArea: Set<String>]) {
            for (area, teachers) in areas where teachers.count >= minTeachers {
                groups.append(Group(school: school, area: area, teachers: teachers.sorted()))
            }
        }
        add(nil, municipal)
        for (school, areas) in bySchool { add(school, areas) }
        let order = Dictionary(uniqueKeysWithValues: DeficitArea.allCases.enumerated().map { ($1, $0) })
        return groups.sorted { a, b in
            if a.teacherCount != b.teacherCount { return a.teacherCount > b.teacherCount }
            if a.area != b.area { return order[a.area, default: 0] < order[b.area, default: 0] }
            switch (a.school, b.school) {
            case let (x?, y?): return x < y
            case (nil, _?): return true
            default: return false
            }
        }
    }
}
