/// The figures of mentoring and tutoring work for a municipality and a period, as the
/// CLI prints them (`opora curatorship figures --municipality <code> --from <date>
/// --to <date> --format csv|json`) and the pages show them: one implementation, one
/// method text (`methodText`). DOMAIN §5: "number of mentor/tutor interactions per
/// assigned school/teacher", "coverage of all groups"; seed 001: ИОМ by deficits.
public enum CuratorshipFigures {
    /// One contact of a pair.
    public struct Interaction: Sendable, Hashable, Codable {
        public var date: CalendarDay
        public var minutes: Int
        public init(date: CalendarDay, minutes: Int) { self.date = date; self.minutes = minutes }
    }

    /// A supporter assigned to a school (mentor, curator) or to a teacher (tutor).
    public struct Pair: Sendable, Hashable, Codable {
        /// Staff code of the mentor, tutor or curator.
        public var author: String
        /// School code (mentor, curator) or teacher's staff code (tutor).
        public var target: String
        public var pool: SupportPool
        public var span: AssignmentSpan
        /// All of the pair's interactions, of any date.
        public var interactions: [Interaction]

        public init(author: String, target: String, pool: SupportPool, span: AssignmentSpan, interactions: [Interaction] = []) {
            self.author = author; self.target = target; self.pool = pool; self.span = span; self.interactions = interactions
        }

        /// `<author>><target>`, the pair's `scope_code`.
        public var code: String { "\(author)>\(target)" }
    }

    /// A step of a teacher's route, as far as coverage of deficits needs it.
    public struct RouteStep: Sendable, Hashable, Codable {
        public var teacher: String
        /// The diagnostics year of the route (`DeficitRules.diagnosticsYear(of:)`).
        public var year: Int
        public var area: DeficitArea
        public var status: RouteStepStatus
        public init(teacher: String, year: Int, area: DeficitArea, status: RouteStepStatus) {
            self.teacher = teacher; self.year = year; self.area = area; self.status = status
        }
    }

    /// A mentor, tutor or curator with all their assignments (of any kind).
    public struct Person: Sendable, Hashable, Codable {
        public var staffCode: String
        public var assignments: [AssignmentSpan]
        public init(staffCode: String, assignments: [AssignmentSpan]) {
            self.staffCode = staffCode; self.assignments = assignments
        }
    }

    public struct Input: Sendable, Hashable, Codable {
        /// The period, both ends included.
        public var from: CalendarDay
        public var to: CalendarDay
        /// N of `PairHealth.isQuiet`.
        public var quietThresholdDays: Int
        public var pairs: [Pair]
        /// Schools to report even without deficits; schools of `deficits` are added.
        public var schools: [String]
        public var deficits: [ProfessionalDeficit]
        public var steps: [RouteStep]
        /// The people to report; each gets person rows.
        public var people: [Person]
        /// The municipality's code: when set, the municipality rows (the assistance monitoring's
        /// intensity, accessibility and coverage) follow the others.
        public var municipality: String = ""
        /// Codes of the supported schools (ШНОР or ШССУ), the base of `mentor_coverage`.
        public var supportedSchools: [String] = []

        public init(from: CalendarDay, to: CalendarDay, quietThresholdDays: Int = PairHealth.defaultThresholdDays,
                    pairs: [Pair] = [], schools: [String] = [], deficits: [ProfessionalDeficit] = [],
                    steps: [RouteStep] = [], people: [Person] = []) {
            self.from = from; self.to = to; self.quietThresholdDays = quietThresholdDays; self.pairs = pairs
            self.schools = schools; self.deficits = deficits; self.steps = steps; self.people = people
        }
    }

    /// What a row is about, in output order.
    public enum Scope: String, CaseIterable, Sendable {
        case pair, school, person, municipality

        /// The scope's figures, in output order.
        public var figures: [String] {
            switch self {
            case .pair: ["interactions", "hours", "last_contact", "quiet"]
            case .school: ["deficits", "deficits_covered", "deficit_coverage"]
            case .person: ["load", "interactions", "quiet_pairs"]
            case .municipality: ["active_pairs", "pairs_with_contact", "accessibility", "interactions_per_pair",
                                 "supported_schools", "schools_with_mentor", "mentor_coverage"]
            }
        }
    }

    /// All rows: pairs, then schools, then people, each by scope code, figures in the
    /// order of `Scope.figures`. A period with `from` after `to` has no interactions in it.
    public static func rows(_ input: Input) -> [FigureRow] {
        let pairs = input.pairs.map { PairFacts($0, input) }.sorted { ($0.code, $0.pool) < ($1.code, $1.pool) }
        var out: [FigureRow] = []
        for p in pairs {
            out += rows(.pair, code: p.code, values: [
                String(p.interactions), hoursText(minutes: p.minutes), p.lastInPeriod?.iso ?? "", p.quiet ? "true" : "false",
            ])
        }
        for s in schoolCoverage(input) {
            out += rows(.school, code: s.school, values: [
                String(s.deficits), String(s.covered),
                coverageText(covered: s.covered, of: s.deficits),
            ])
        }
        let byAuthor = Dictionary(grouping: pairs, by: \.author)
        for person in input.people.sorted(by: { $0.staffCode < $1.staffCode }) {
            let own = byAuthor[person.staffCode] ?? []
            out += rows(.person, code: person.staffCode, values: [
                String(Capacity.load(assignments: person.assignments, at: input.to)),
                String(own.reduce(0) { $0 + $1.interactions }),
                String(own.count(where: \.quiet)),
            ])
        }
        if !input.municipality.isEmpty { out += municipalityRows(input, pairs) }
        return out
    }

    // MARK: the municipality (the assistance monitoring's figures)

    /// Pairs active on `to`; those with an interaction in the period (accessibility = their share);
    /// interactions in the period per active pair (intensity); supported schools with an active
    /// mentor or curator on `to` (coverage = their share). Ratios are empty when the base is 0.
    static func municipalityRows(_ input: Input, _ facts: [PairFacts]) -> [FigureRow] {
        let active = input.pairs.filter { $0.span.isActive(on: input.to) }
        let activeFacts = facts.filter { f in active.contains { $0.code == f.code && $0.pool.rawValue == f.pool } }
        let touched = activeFacts.filter { $0.interactions > 0 }.count
        let interactions = activeFacts.reduce(0) { $0 + $1.interactions }
        let mentored = Set(active.filter { $0.pool != .tutor }.map(\.target))
        let supported = Set(input.supportedSchools)
        let covered = supported.intersection(mentored).count
        return rows(.municipality, code: input.municipality, values: [
            String(active.count), String(touched), coverageText(covered: touched, of: active.count),
            active.isEmpty ? "" : decimalText(Rational(Int128(interactions), Int128(active.count)), places: 2),
            String(supported.count), String(covered), coverageText(covered: covered, of: supported.count),
        ])
    }

    // MARK: pairs

    /// A pair's figures: interactions dated within the period; quiet by the last contact
    /// on or before `to` of any date (a contact just before the period still counts).
    struct PairFacts {
        let author: String, code: String, pool: String
        let interactions: Int, minutes: Int
        let lastInPeriod: CalendarDay?
        let quiet: Bool

        init(_ pair: Pair, _ input: Input) {
            let inPeriod = pair.interactions.filter { input.from <= $0.date && $0.date <= input.to }
            author = pair.author; code = pair.code; pool = pair.pool.rawValue
            interactions = inPeriod.count
            minutes = inPeriod.reduce(0) { $0 + $1.minutes }
            lastInPeriod = inPeriod.map(\.date).max()
            let last = PairHealth.lastContact(in: pair.interactions.map(\.date), onOrBefore: input.to)
            quiet = PairHealth.isQuiet(span: pair.span, lastContact: last, at: input.to, thresholdDays: input.quietThresholdDays)
        }
    }

    // MARK: schools

    struct SchoolCoverage: Equatable {
        let school: String
        let deficits: Int
        let covered: Int
    }

    /// Per school: the distinct (teacher, area) deficits of the diagnostics year containing
    /// `to`, and those with a route step of the same teacher, year and area that is not
    /// cancelled. A deficit found by two diagnostics counts once.
    static func schoolCoverage(_ input: Input) -> [SchoolCoverage] {
        struct Key: Hashable { let teacher: String; let area: DeficitArea }
        let year = DeficitRules.diagnosticsYear(of: input.to)
        let stepKeys = Set(input.steps.filter { $0.year == year && $0.status != .cancelled }.map { Key(teacher: $0.teacher, area: $0.area) })
        var deficits: [String: Set<Key>] = [:]
        for d in input.deficits where d.year == year {
            deficits[d.school, default: []].insert(Key(teacher: d.teacher, area: d.area))
        }
        let schools = Set(input.schools).union(input.deficits.map(\.school)).sorted()
        return schools.map { school in
            let keys = deficits[school] ?? []
            return SchoolCoverage(school: school, deficits: keys.count, covered: keys.intersection(stepKeys).count)
        }
    }

    // MARK: text

    private static func rows(_ scope: Scope, code: String, values: [String]) -> [FigureRow] {
        assert(values.count == scope.figures.count, "one value per figure of \(scope)")
        return zip(scope.figures, values).map { FigureRow(scope: scope.rawValue, scopeCode: code, figure: $0, value: $1) }
    }

    /// Minutes as hours: minutes / 60 rounded half away from zero to two decimals, trailing
    /// zeros dropped: 90 → "1.5", 120 → "2", 15 → "0.25", 100 → "1.67".
    static func hoursText(minutes: Int) -> String {
        decimalText(Rational(Int128(minutes), 60), places: 2)
    }

    /// covered / total to at most four decimals ("0.5", "0.6667", "1"); "" without deficits.
    static func coverageText(covered: Int, of total: Int) -> String {
        total == 0 ? "" : decimalText(Rational(Int128(covered), Int128(total)), places: 4)
    }

    /// A decimal with a point, rounded half away from zero to `places`, without trailing
    /// zeros: "0.5", "0.3333", "1".
    static func decimalText(_ x: Rational, places: Int) -> String {
        var s = x.rounded(places)
        guard s.contains(".") else { return s }
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }
}
