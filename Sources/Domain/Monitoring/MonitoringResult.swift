import Foundation

/// Everything computed for one school: both indicators per subject/grade with the raw
/// values behind them, exclusions, objectivity checks, further signs, the federal risk
/// flag and its cluster (DOMAIN §4 "The summary table"; "all of the municipality's
/// schools are computed, not only those with a status").
public struct SchoolResult: Sendable, Hashable {
    public var school: SchoolRef
    public var indicator1: [Indicator1Cell]
    public var indicator2: [Indicator2Cell]
    /// Results excluded from the analysis, with reasons.
    public var exclusions: [Exclusion]
    /// Flagged results awaiting a specialist (policy `.confirmBySpecialist`), unconfirmed.
    public var proposedExclusions: [Exclusion]
    /// The confidence-interval check of each of the school's results of Y−1 and Y.
    public var objectivity: [ObjectivityCheck]
    public var journalSigns: [JournalSign]
    public var participantSigns: [ParticipantSign]
    public var federalRisk: FederalRisk
    public var onRosobrnadzorList: Bool
    public var profile: SchoolProfile
    public var cluster: ClusterRule

    /// Negative on indicator 1: D < 0 in either subject. D = 0 is not a decline (`noChange1`),
    /// although it enters the summary table while `includeNoChange` is on (`inSummary1`).
    public var negative1: Bool { indicator1.contains { $0.state == .negative } }
    /// «Без изменений» on indicator 1: D = 0 in a subject and D < 0 in none.
    public var noChange1: Bool { !negative1 && indicator1.contains { $0.state == .noChange } }
    /// In the summary table by indicator 1: a subject is (either subject is enough).
    public var inSummary1: Bool { indicator1.contains { $0.inSummary } }
    /// Negative on indicator 2: any subject/grade is (and that is what enters the table).
    public var negative2: Bool { indicator2.contains { $0.inSummary } }

    public var sharpChanges: [(subject: String, grade: Int, change: SharpChange)] {
        indicator2.flatMap { c in c.sharpChanges.map { (c.subject, c.grade, $0) } }
    }

    public func included(by filter: SummaryFilter) -> Bool {
        switch filter {
        case .either: inSummary1 || negative2
        case .indicator1: inSummary1
        case .indicator2: negative2
        case .both: inSummary1 && negative2
        }
    }
}

/// Schools counted by state, "negative" and "no change" apart (DOMAIN §4: D = 0 has its
/// own label, it is not a decline).
public struct MonitoringTally: Sendable, Hashable {
    public var schools = 0
    /// D < 0 on indicator 1 (either subject).
    public var negative1 = 0
    /// D = 0 on indicator 1 and D < 0 in no subject.
    public var noChange1 = 0
    public var negative2 = 0
    /// D < 0 on indicator 1 and negative on indicator 2.
    public var both = 0
    /// In the summary table under the settings (D = 0 included while `includeNoChange` is on).
    public var inSummary = 0
    public init() {}
}

/// The outcome of one monitoring of year Y.
public struct MonitoringResult: Sendable {
    public var year: Int
    public var settings: MonitoringSettings
    let store: MonitoringStore
    /// References of indicator 1: municipality × subject (as configured) × year.
    public var references: [Indicator1Reference]
    public var clusters: [Cluster]
    public var warnings: [String]

    /// All schools, sorted by code; each school's values are built when read.
    public var schools: SchoolResults { SchoolResults(store: store) }

    /// The summary table (Concept §6.3: «включаются ОО …, имеющие наличие отрицательной
    /// динамики по показателям № 1 и № 2»), filtered; rows keep both indicators.
    public func summary(_ filter: SummaryFilter = .either) -> [SchoolResult] {
        var out: [SchoolResult] = []
        for s in 0..<store.profiles.count {
            let n1 = store.summary1[s], n2 = store.summary2[s]
            let included = switch filter {
            case .either: n1 || n2
            case .indicator1: n1
            case .indicator2: n2
            case .both: n1 && n2
            }
            if included { out.append(store.school(s)) }
        }
        return out
    }

    /// Counts of the summary table without building its rows.
    public func summaryCount(_ filter: SummaryFilter = .either) -> Int {
        zip(store.summary1, store.summary2).reduce(0) { acc, f in
            let included = switch filter {
            case .either: f.0 || f.1
            case .indicator1: f.0
            case .indicator2: f.1
            case .both: f.0 && f.1
            }
            return acc + (included ? 1 : 0)
        }
    }

    /// The schools `include` accepts, counted without building them (profiles hold the states).
    public func tally(_ include: (SchoolRef) -> Bool = { _ in true }) -> MonitoringTally {
        var t = MonitoringTally()
        for (s, school) in store.core.index.schools.enumerated() where include(school) {
            let p = store.profiles[s]
            t.schools += 1
            if p.indicator1Negative { t.negative1 += 1 } else if !p.egeNoChangeSubjects.isEmpty { t.noChange1 += 1 }
            if p.indicator2Negative { t.negative2 += 1 }
            if p.indicator1Negative && p.indicator2Negative { t.both += 1 }
            if store.summary1[s] || store.summary2[s] { t.inSummary += 1 }
        }
        return t
    }

    /// How many checks of a procedure compared with the region and how many with the other
    /// schools of the municipality (the fallback when there is no regional value), so that
    /// the page can say which reference the objectivity check used.
    public func objectivityReferences(_ kind: ProcedureKind) -> (region: Int, otherSchools: Int) {
        let outcomes = kind == .ege ? store.core.obj.ege : (kind == .vpr ? store.core.obj.vpr : [])
        var region = 0, others = 0
        for o in outcomes where !o.reference.isNaN { if o.regional { region += 1 } else { others += 1 } }
        return (region, others)
    }

    public var exclusions: [Exclusion] { store.core.obj.exclusions.flatMap { $0 } }
    public var proposedExclusions: [Exclusion] { store.core.obj.proposed.flatMap { $0 } }

    public func school(_ code: String) -> SchoolResult? {
        store.core.index.schoolIndex[code].map { store.school($0) }
    }

    /// The cluster rule of each school in school order, without building the schools.
    public var clusterRules: [ClusterRule] { store.profiles.map { ClusterRule.rule(for: $0) } }

    public func reference(subject: String, year: Int, municipality: String = "") -> Indicator1Reference? {
        references.first { $0.subject == subject && $0.year == year && $0.municipality == municipality }
    }

    /// Whether a municipal reference with data was used: "the reference used is recorded
    /// with the approved table" (DOMAIN §4).
    public var usesMunicipalFallback: Bool {
        references.contains { $0.source == .municipalFallback && $0.value != nil }
    }
}
