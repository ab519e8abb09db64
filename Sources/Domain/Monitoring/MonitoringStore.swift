import Foundation

/// What `Monitoring.compute` keeps: the input, the index and flat per-record and
/// per-school outcomes. A school's full `SchoolResult` (cells with sides, checks) is built
/// from it when read, so that a whole country computes without materialising hundreds of
/// megabytes of cells nobody looks at; building is deterministic, so reading twice
/// gives equal values.
struct MonitoringCore: Sendable {
    let input: MonitoringInput
    let index: MonitoringIndex
    let obj: ObjectivityOutcome
    /// Municipality × indicator-1 subject × (Y−1, Y), see `Indicator1.references`.
    let refs: [Indicator1Reference]
    let journal: [[JournalSign]]
    let participantSigns: [[ParticipantSign]]
    let risks: [FederalRisk]
    let egeKeys: [(UInt32?, UInt32?)]
    let vprKeys: [(subject: String, grade: Int, previousGrade: Int, previous: UInt32?, current: UInt32?)]

    init(input: MonitoringInput, index: MonitoringIndex, obj: ObjectivityOutcome, refs: [Indicator1Reference],
         journal: [[JournalSign]], participantSigns: [[ParticipantSign]], risks: [FederalRisk]) {
        self.input = input; self.index = index; self.obj = obj; self.refs = refs
        self.journal = journal; self.participantSigns = participantSigns; self.risks = risks
        let s = input.settings, y = input.year, y0 = input.year - 1
        egeKeys = s.egeSubjects.map { (index.key($0, grade: 0, year: y0), index.key($0, grade: 0, year: y)) }
        vprKeys = s.vprSubjects.flatMap { subject in
            s.vprGrades.map { grade in
                let g0 = s.cohort ? grade - 1 : grade
                return (subject, grade, g0, index.key(subject, grade: g0, year: y0), index.key(subject, grade: grade, year: y))
            }
        }
    }

    /// Indicator 1 cells of school `s` (Concept §6.3, indicator 1).
    func indicator1(_ s: Int) -> [Indicator1Cell] {
        let mun = Int(index.municipalityOf[s]), settings = input.settings
        var out: [Indicator1Cell] = []
        out.reserveCapacity(egeKeys.count)
        for (j, subject) in settings.egeSubjects.enumerated() {
            let p = egeKeys[j].0.flatMap { index.ege.find(school: s, key: $0) }
            let c = egeKeys[j].1.flatMap { index.ege.find(school: s, key: $0) }
            let rp = refs[(mun * egeKeys.count + j) * 2], rc = refs[(mun * egeKeys.count + j) * 2 + 1]
            out.append(Indicator1.cell(subject: subject, previous: p.map { input.ege[$0] }, current: c.map { input.ege[$0] },
                                       previousExcluded: p.map { obj.excludedEGE[$0] } ?? false,
                                       currentExcluded: c.map { obj.excludedEGE[$0] } ?? false,
                                       previousReference: rp, currentReference: rc, source: rc.source, settings: settings))
        }
        return out
    }

    /// Indicator 2 cells of school `s` (Concept §6.3, indicator 2; cohort view as set).
    func indicator2(_ s: Int) -> [Indicator2Cell] {
        var out: [Indicator2Cell] = []
        out.reserveCapacity(vprKeys.count)
        for k in vprKeys {
            let p = k.previous.flatMap { index.vpr.find(school: s, key: $0) }
            let c = k.current.flatMap { index.vpr.find(school: s, key: $0) }
            out.append(Indicator2.cell(subject: k.subject, grade: k.grade, previousGrade: k.previousGrade,
                                       previous: p.map { input.vpr[$0] }, current: c.map { input.vpr[$0] },
                                       previousExcluded: p.map { obj.excludedVPR[$0] } ?? false,
                                       currentExcluded: c.map { obj.excludedVPR[$0] } ?? false, settings: input.settings))
        }
        return out
    }

    func flagged(_ s: Int) -> Bool {
        index.ege.records(school: s).contains { obj.ege[Int($0.record)].verdict == .nonObjective }
            || index.vpr.records(school: s).contains { obj.vpr[Int($0.record)].verdict == .nonObjective }
    }

    /// The confidence-interval checks of school `s`, ЕГЭ then ВПР, each by subject, grade, year.
    func checks(_ s: Int) -> [ObjectivityCheck] {
        var out: [ObjectivityCheck] = []
        func make(_ o: CheckOutcome, _ id: String, _ kind: ProcedureKind, _ subject: String, _ grade: Int?, _ year: Int) {
            func opt(_ x: Double) -> Double? { x.isNaN ? nil : x }
            out.append(ObjectivityCheck(resultID: id, kind: kind, subject: subject, grade: grade, year: year, participants: Int(o.n),
                                        mean: opt(o.mean), standardError: opt(o.se), lowerBound: opt(o.lower),
                                        reference: opt(o.reference), referenceKind: o.reference.isNaN ? nil : (o.regional ? .region : .otherSchools),
                                        verdict: o.publicVerdict))
        }
        for e in index.ege.records(school: s) {
            let r = input.ege[Int(e.record)]
            make(obj.ege[Int(e.record)], r.resultID, .ege, r.subject, nil, r.year)
        }
        for e in index.vpr.records(school: s) {
            let r = input.vpr[Int(e.record)]
            make(obj.vpr[Int(e.record)], r.resultID, .vpr, r.subject, r.grade, r.year)
        }
        return out
    }
}

/// The core plus what was derived per school while computing.
final class MonitoringStore: Sendable {
    let core: MonitoringCore
    let profiles: [SchoolProfile]
    let onList: [Bool]
    /// In the summary table by indicator 1 (D < 0, or D = 0 while `includeNoChange` is on).
    let summary1: [Bool]
    /// In the summary table by indicator 2 (negative).
    let summary2: [Bool]

    init(core: MonitoringCore, profiles: [SchoolProfile], onList: [Bool], summary1: [Bool], summary2: [Bool]) {
        self.core = core; self.profiles = profiles; self.onList = onList; self.summary1 = summary1; self.summary2 = summary2
    }

    func school(_ s: Int) -> SchoolResult {
        SchoolResult(school: core.index.schools[s], indicator1: core.indicator1(s), indicator2: core.indicator2(s),
                     exclusions: core.obj.exclusions[s], proposedExclusions: core.obj.proposed[s], objectivity: core.checks(s),
                     journalSigns: core.journal[s], participantSigns: core.participantSigns[s], federalRisk: core.risks[s],
                     onRosobrnadzorList: onList[s], profile: profiles[s], cluster: ClusterRule.rule(for: profiles[s]))
    }
}

/// All schools' results in school-code order, each built when read (random access).
public struct SchoolResults: RandomAccessCollection, Sendable {
    let store: MonitoringStore
    public var startIndex: Int { 0 }
    public var endIndex: Int { store.profiles.count }
    public subscript(position: Int) -> SchoolResult { store.school(position) }
}
