import Foundation

/// The objectivity step of `Monitoring.compute` (Concept §6.3, principle 3; DOMAIN §4).
struct ObjectivityOutcome {
    var checks: [[ObjectivityCheck]]
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
        var out = ObjectivityOutcome(checks: Array(repeating: [], count: n), exclusions: Array(repeating: [], count: n),
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
                guard slot >= 0, let st = Objectivity.vprStats(input.vpr[i].marks, participants: input.vpr[i].participants) else { continue }
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
        let z = settings.ciZ, noRegionalEGE = input.regionalEGEAverage.isEmpty, noRegionalVPR = input.regionalVPRMeanMark.isEmpty
        for school in 0..<n {
            let code = index.schools[school].code
            out.checks[school].reserveCapacity(index.ege.records(school: school).count + index.vpr.records(school: school).count)
            for e in index.ege.records(school: school) {
                let i = Int(e.record), r = input.ege[i]
                let st = egeStats[i]
                let regional = noRegionalEGE ? nil : input.regionalEGEAverage[r.subject]?[r.year]?.double
                // The school's own contribution to the sums is its n and average, with or without sd.
                let own = r.participants > 0 ? ObjectivityStats(n: r.participants, mean: r.average.double, sd: 0) : nil
                let ref = regional ?? others(index.ege.slot[i], own: own)
                let verdict = r.participants > 0
                    ? Objectivity.verdict(st, reference: ref, margin: settings.egeMarginScore, z: z,
                                          minN: settings.minObjectivityN, missing: Objectivity.noSpread)
                    : .notChecked(Objectivity.noMarks)
                let check = ObjectivityCheck(resultID: r.resultID, kind: .ege, subject: r.subject, grade: nil,
                                             year: r.year, participants: r.participants, mean: r.average.double,
                                             standardError: st?.standardError, lowerBound: st?.lowerBound(z: z), reference: ref,
                                             referenceKind: regional != nil ? .region : .otherSchools, verdict: verdict)
                out.checks[school].append(check)
                if decide(check, st, code, input, &out, school: school, used: &usedConfirmations) { out.excludedEGE[i] = true }
            }
            for e in index.vpr.records(school: school) {
                let i = Int(e.record), r = input.vpr[i]
                let st = vprStats[i]
                let regional = noRegionalVPR ? nil
                    : input.regionalVPRMeanMark[VPRSeriesKey(subject: r.subject, grade: r.grade, year: r.year)]?.double
                let ref = regional ?? (st == nil ? nil : others(index.vpr.slot[i], own: st))
                let verdict = Objectivity.verdict(st, reference: ref, margin: settings.vprMarginMark, z: z, minN: settings.minObjectivityN)
                let check = ObjectivityCheck(resultID: r.resultID, kind: .vpr, subject: r.subject, grade: r.grade,
                                             year: r.year, participants: st?.n ?? r.participants, mean: st?.mean,
                                             standardError: st?.standardError, lowerBound: st?.lowerBound(z: z), reference: ref,
                                             referenceKind: regional != nil ? .region : .otherSchools, verdict: verdict)
                out.checks[school].append(check)
                if decide(check, st, code, input, &out, school: school, used: &usedConfirmations) { out.excludedVPR[i] = true }
                if settings.excludeRosobrnadzorListForVPR, input.rosobrnadzorList[r.year]?.contains(code) == true {
                    out.exclusions[school].append(Exclusion(resultID: r.resultID, schoolCode: code, kind: .vpr, subject: r.subject,
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
    private static func decide(_ c: ObjectivityCheck, _ st: ObjectivityStats?, _ code: String, _ input: MonitoringInput,
                               _ out: inout ObjectivityOutcome, school: Int, used: inout Set<String>) -> Bool {
        guard c.isFlagged, let st, let lower = c.lowerBound, let ref = c.reference else { return false }
        let confirmed = input.settings.objectivity == .confirmBySpecialist && input.confirmedExclusions.contains(c.resultID)
        let margin = c.kind == .vpr ? input.settings.vprMarginMark : input.settings.egeMarginScore
        let e = Exclusion(resultID: c.resultID, schoolCode: code, kind: c.kind, subject: c.subject, grade: c.grade,
                          year: c.year, cause: .confidenceInterval(lowerBound: lower, mean: st.mean, reference: ref,
                                                                   margin: margin, z: input.settings.ciZ, n: st.n, confirmed: confirmed))
        switch input.settings.objectivity {
        case .automatic:
            out.exclusions[school].append(e); return true
        case .confirmBySpecialist:
            if confirmed { used.insert(c.resultID); out.exclusions[school].append(e); return true }
            out.proposed[school].append(e); return false
        }
    }
}
