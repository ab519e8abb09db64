import Foundation

/// The outcome of one check, kept per input record in a flat array; the public
/// `ObjectivityCheck` is built from it when a school's result is read.
struct CheckOutcome: Sendable {
    enum Verdict: UInt8, Sendable { case notIndexed, objective, nonObjective, fewParticipants, noSpread, noReference, noMarks }
    var verdict = Verdict.notIndexed
    var regional = false
    var n: Int32 = 0
    var mean = Double.nan, se = Double.nan, lower = Double.nan, reference = Double.nan

    var publicVerdict: ObjectivityCheck.Verdict {
        switch verdict {
        case .objective: .objective
        case .nonObjective: .nonObjective
        case .fewParticipants: .notChecked(Objectivity.fewParticipants)
        case .noSpread: .notChecked(Objectivity.noSpread)
        case .noReference: .notChecked(Objectivity.noReference)
        case .noMarks, .notIndexed: .notChecked(Objectivity.noMarks)
        }
    }

    init() {}
    init(_ st: ObjectivityStats?, mean: Double?, n: Int, reference: Double?, regional: Bool, verdict: Verdict, z: Double) {
        self.n = Int32(clamping: n); self.regional = regional; self.verdict = verdict
        self.mean = mean ?? .nan; self.reference = reference ?? .nan
        if let st { se = st.standardError; lower = st.lowerBound(z: z) }
    }
}

/// The objectivity step of `Monitoring.compute` (Concept §6.3, principle 3; DOMAIN §4).
struct ObjectivityOutcome: Sendable {
    var ege: [CheckOutcome]
    var vpr: [CheckOutcome]
    var exclusions: [[Exclusion]]
    var proposed: [[Exclusion]]
    /// Per record index of `input.ege` / `input.vpr`.
    var excludedEGE: [Bool]
    var excludedVPR: [Bool]
    var warnings: [String] = []
}

extension Monitoring {
    static func objectivity(_ input: MonitoringInput, _ index: MonitoringIndex) -> ObjectivityOutcome {
        let settings = input.settings
        let n = index.schools.count
        var out = ObjectivityOutcome(ege: Array(repeating: CheckOutcome(), count: input.ege.count),
                                     vpr: Array(repeating: CheckOutcome(), count: input.vpr.count), exclusions: Array(repeating: [], count: n),
                                     proposed: Array(repeating: [], count: n),
                                     excludedEGE: Array(repeating: false, count: input.ege.count),
                                     excludedVPR: Array(repeating: false, count: input.vpr.count))
        // Σn and Σ n·x̄ per municipality × (subject, grade, year), for the mean of the other
        // schools; summed in school order so that floating-point sums never depend on input order.
        var sumN = [Double](repeating: 0, count: index.slotCount), sumX = sumN
        var egeStats = [ObjectivityStats?](repeating: nil, count: input.ege.count)
        var vprStats = [ObjectivityStats?](repeating: nil, count: input.vpr.count)
        for school in 0..<n {
            for e in index.ege.records(school: school) {
                let i = Int(e.record), p = input.ege[i].participants, slot = Int(index.ege.slot[i])
                guard p > 0, slot >= 0 else { continue }
                let mean = input.ege[i].average.double
                if let sd = input.ege[i].sd { egeStats[i] = ObjectivityStats(n: p, mean: mean, sd: sd) }
                sumN[slot] += Double(p); sumX[slot] += Double(p) * mean
            }
            for e in index.vpr.records(school: school) {
                let i = Int(e.record), slot = Int(index.vpr.slot[i])
                let c = index.vprCounts
                let stats = index.hasGivenCounts(i)
                    ? Objectivity.countStats(Int(c[4 * i]), Int(c[4 * i + 1]), Int(c[4 * i + 2]), Int(c[4 * i + 3]))
                    : Objectivity.vprStats(input.vpr[i].marks, participants: input.vpr[i].participants)
                guard slot >= 0, let st = stats else { continue }
                vprStats[i] = st
                sumN[slot] += Double(st.n); sumX[slot] += Double(st.n) * st.mean
            }
        }
        func others(_ slot: Int32, own: ObjectivityStats?) -> Double? {
            guard slot >= 0 else { return nil }
            let s = Int(slot), on = Double(own?.n ?? 0)
            guard sumN[s] - on > 0 else { return nil }
            return (sumX[s] - on * (own?.mean ?? 0)) / (sumN[s] - on)
        }
        var usedConfirmations = Set<String>()
        let egeMargin = settings.egeMarginScore.double, vprMargin = settings.vprMarginMark.double
        let z = settings.ciZ, noRegionalEGE = input.regionalEGEAverage.isEmpty, noRegionalVPR = input.regionalVPRMeanMark.isEmpty
        // Opt-in exclusion by Rosobrnadzor's list: only flags of the ВПР procedure itself.
        let listed = settings.excludeRosobrnadzorListForVPR ? input.rosobrnadzorList : [:]
        var vprFlags: [String: [RosobrnadzorFlag]] = [:]
        if settings.excludeRosobrnadzorListForVPR {
            for f in input.rosobrnadzorFlags where f.kind == .vpr { vprFlags[f.schoolCode, default: []].append(f) }
        }
        func listedForVPR(_ r: VPRInput, _ code: String) -> Bool {
            listed[r.year]?.contains(code) == true
                || vprFlags[code]?.contains { $0.covers(kind: .vpr, subject: r.subject, grade: r.grade, year: r.year) } == true
        }
        for school in 0..<n {
            for e in index.ege.records(school: school) {
                let i = Int(e.record), p = input.ege[i].participants, mean = input.ege[i].average.double
                let st = egeStats[i]
                let regional = noRegionalEGE ? nil : input.regionalEGEAverage[input.ege[i].subject]?[input.ege[i].year]?.double
                // The school's own contribution to the sums is its n and average, with or without sd.
                let ref = regional ?? (p > 0 ? others(index.ege.slot[i], own: ObjectivityStats(n: p, mean: mean, sd: 0)) : nil)
                let verdict: CheckOutcome.Verdict = p > 0
                    ? Objectivity.code(st, reference: ref, margin: egeMargin, z: z, minN: settings.minObjectivityN, missingSpread: true)
                    : .noMarks
                out.ege[i] = CheckOutcome(st, mean: mean, n: p, reference: ref, regional: regional != nil, verdict: verdict, z: z)
                if verdict == .nonObjective {
                    let r = input.ege[i]
                    if decide(r.resultID, .ege, r.subject, nil, r.year, out.ege[i], index.schools[school].code, input, &out,
                              school: school, used: &usedConfirmations) { out.excludedEGE[i] = true }
                }
            }
            for e in index.vpr.records(school: school) {
                let i = Int(e.record)
                let st = vprStats[i]
                let regional = noRegionalVPR ? nil : input.regionalVPRMeanMark[
                    VPRSeriesKey(subject: input.vpr[i].subject, grade: input.vpr[i].grade, year: input.vpr[i].year)]?.double
                let ref = regional ?? (st == nil ? nil : others(index.vpr.slot[i], own: st))
                let verdict = Objectivity.code(st, reference: ref, margin: vprMargin, z: z, minN: settings.minObjectivityN, missingSpread: false)
                out.vpr[i] = CheckOutcome(st, mean: st?.mean, n: st?.n ?? input.vpr[i].participants, reference: ref,
                                          regional: regional != nil, verdict: verdict, z: z)
                if verdict == .nonObjective {
                    let r = input.vpr[i]
                    if decide(r.resultID, .vpr, r.subject, r.grade, r.year, out.vpr[i], index.schools[school].code, input, &out,
                              school: school, used: &usedConfirmations) { out.excludedVPR[i] = true }
                }
                if !listed.isEmpty || !vprFlags.isEmpty, listedForVPR(input.vpr[i], index.schools[school].code) {
                    let r = input.vpr[i]
                    out.exclusions[school].append(Exclusion(resultID: r.resultID, schoolCode: r.schoolCode, kind: .vpr, subject: r.subject,
                                                            grade: r.grade, year: r.year, cause: .rosobrnadzorList))
                    out.excludedVPR[i] = true
                }
            }
        }
        if settings.objectivity == .confirmBySpecialist {
            let stray = input.confirmedExclusions.subtracting(usedConfirmations)
            if !stray.isEmpty {
                out.warnings.append("Подтверждённые исключения не относятся к результатам, отмеченным проверкой, и не применены: "
                                    + stray.sorted().joined(separator: ", ") + ".")
            }
        }
        return out
    }

    /// Applies the policy to a flagged result; true when it is excluded.
    private static func decide(_ id: String, _ kind: ProcedureKind, _ subject: String, _ grade: Int?, _ year: Int,
                               _ c: CheckOutcome, _ code: String, _ input: MonitoringInput,
                               _ out: inout ObjectivityOutcome, school: Int, used: inout Set<String>) -> Bool {
        let confirmed = input.settings.objectivity == .confirmBySpecialist && input.confirmedExclusions.contains(id)
        let margin = kind == .vpr ? input.settings.vprMarginMark : input.settings.egeMarginScore
        let e = Exclusion(resultID: id, schoolCode: code, kind: kind, subject: subject, grade: grade, year: year,
                          cause: .confidenceInterval(lowerBound: c.lower, mean: c.mean, reference: c.reference,
                                                     margin: margin, z: input.settings.ciZ, n: Int(c.n), confirmed: confirmed))
        switch input.settings.objectivity {
        case .automatic:
            out.exclusions[school].append(e); return true
        case .confirmBySpecialist:
            if confirmed { used.insert(id); out.exclusions[school].append(e); return true }
            out.proposed[school].append(e); return false
        }
    }
}
