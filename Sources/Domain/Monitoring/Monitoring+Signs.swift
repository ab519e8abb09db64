import Foundation

/// Further signs and the federal risk flag, grouped per school in one pass each.
extension Monitoring {
    static func journalSigns(_ input: MonitoringInput, _ index: MonitoringIndex) -> [[JournalSign]] {
        var out = Array(repeating: [JournalSign](), count: index.schools.count)
        for j in input.journalComparisons where j.year == input.year || j.year == input.year - 1 {
            guard let s = index.schoolIndex[j.schoolCode] else { continue }
            out[s].append(FurtherSigns.journal(j))
        }
        for i in out.indices where out[i].count > 1 {
            out[i].sort { ($0.subject, $0.grade, $0.year) < ($1.subject, $1.grade, $1.year) }
        }
        return out
    }

    static func participantSigns(_ input: MonitoringInput, _ index: MonitoringIndex) -> [[ParticipantSign]] {
        struct Group: Hashable { var school: Int; var subject: String; var grade: Int; var year: Int }
        var groups: [Group: [VPRParticipantInput]] = [:]
        for p in input.participants where p.year == input.year || p.year == input.year - 1 {
            guard let s = index.schoolIndex[p.schoolCode] else { continue }
            groups[Group(school: s, subject: p.subject, grade: p.grade, year: p.year), default: []].append(p)
        }
        var out = Array(repeating: [ParticipantSign](), count: index.schools.count)
        for (g, list) in groups {
            let b = input.boundaries[VPRSeriesKey(subject: g.subject, grade: g.grade, year: g.year)]
            if let sign = FurtherSigns.participants(list, boundaries: b, settings: input.settings) { out[g.school].append(sign) }
        }
        for i in out.indices where out[i].count > 1 {
            out[i].sort { ($0.subject, $0.grade, $0.year) < ($1.subject, $1.grade, $1.year) }
        }
        return out
    }

    /// ВПР procedures come from the ВПР results; a procedure given in `input.procedures`
    /// with the same kind, subject, grade and year replaces the derived one.
    static func federalRisks(_ input: MonitoringInput, _ index: MonitoringIndex) -> [FederalRisk] {
        var explicit: [Int: [RiskProcedure]] = [:]
        for p in input.procedures where p.year == input.year || p.year == input.year - 1 {
            guard let s = index.schoolIndex[p.schoolCode], let r = FederalRisk.procedure(p) else { continue }
            explicit[s, default: []].append(r)
        }
        var out: [FederalRisk] = []
        out.reserveCapacity(index.schools.count)
        let share = input.settings.federalRiskShare
        let minCount = max(1, input.settings.federalRiskProcedures)
        let counts = index.vprCounts
        func reaches(_ i: Int) -> Bool {
            index.hasGivenCounts(i) ? 100 * Int(counts[4 * i]) >= share * input.vpr[i].participants
                : FederalRisk.reaches(input.vpr[i].marks, input.vpr[i].participants, share)
        }
        for (s, school) in index.schools.enumerated() {
            let extra = explicit[s]
            // Fast path: count the ВПР procedures at or above the share; a school with too few
            // of them this year and no procedure repeated from last year cannot be flagged.
            var current = 0, repeated = false, lastPrevious: UInt32 = .max
            for e in index.vpr.records(school: s) where reaches(Int(e.record)) {
                let procedure = e.key >> 14, isCurrent = Int(e.key & 0x3FFF) == input.year & 0x3FFF
                if isCurrent { current += 1; if procedure == lastPrevious { repeated = true } } else { lastPrevious = procedure }
            }
            if extra == nil && current < minCount && !repeated {
                out.append(FederalRisk(schoolCode: school.code, triggers: []))
                continue
            }
            // Only procedures at or above the share become values; the rest cannot trigger.
            var list: [RiskProcedure] = []
            for e in index.vpr.records(school: s) where reaches(Int(e.record)) {
                if let p = FederalRisk.procedure(input.vpr[Int(e.record)]) { list.append(p) }
            }
            if let extra {
                let replaced = Set(extra.map { "\($0.sameProcedure)|\($0.year)" })
                list.removeAll { replaced.contains("\($0.sameProcedure)|\($0.year)") }
                list += extra
                list.sort(by: FederalRisk.less)
            }
            out.append(FederalRisk.evaluate(schoolCode: school.code, procedures: list, year: input.year, settings: input.settings))
        }
        return out
    }

    static func profile(egeNegative: [String], egeNoChange: [String] = [], indicator2Negative: Bool, sharp: Bool, small: Bool, hasData: Bool,
                        flagged: Bool, exclusions: [Exclusion], signs: [ParticipantSign], onList: Bool, risk: FederalRisk,
                        school: SchoolRef, settings: MonitoringSettings) -> SchoolProfile {
        var low = school.statuses.contains(.difficultConditions)
        if let limit = settings.lowWellbeingIndex, let value = school.wellbeingIndex, value < limit { low = true }
        return SchoolProfile(
            egeNegativeSubjects: egeNegative, egeNoChangeSubjects: egeNoChange, indicator2Negative: indicator2Negative, sharpChanges: sharp, smallGroups: small,
            objectivitySigns: onList || !exclusions.isEmpty || flagged || signs.contains(where: \.hasPeak),
            federalRisk: risk.isAtRisk, difficultConditions: low, statuses: school.statuses, hasData: hasData)
    }
}
