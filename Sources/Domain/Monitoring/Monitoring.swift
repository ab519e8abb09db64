import Foundation

/// The monitoring of the dynamics of educational results (Concept §6.3; DOMAIN §4):
/// one pure function from the year's data and settings to every school's indicators,
/// exclusions, signs, clusters and the summary table.
///
/// Records are grouped per school once (counting sort, `MonitoringIndex`) and found by
/// (subject, grade, year) with a binary search in the school's slice; municipal sums
/// are addressed directly. Comparisons are exact. Every cell of every school is
/// evaluated here (states, negative flags, profiles, clusters); the full per-school
/// values and all texts are built when read (`MonitoringResult.schools`, `rows()`).
public enum Monitoring {
    public static func compute(_ input: MonitoringInput) -> MonitoringResult {
        let settings = input.settings
        let index = MonitoringIndex(input)
        let y = input.year, y0 = input.year - 1

        // Concept §6.3, principle 3: non-objective results leave the analysis first,
        // so that both the school's indicators and the reference average go without them.
        let obj = objectivity(input, index)
        let refs = Indicator1.references(index: index, input: input, excluded: obj.excludedEGE)
        let core = MonitoringCore(input: input, index: index, obj: obj, refs: refs, journal: journalSigns(input, index),
                                  participantSigns: participantSigns(input, index), risks: federalRisks(input, index))

        let n = index.schools.count
        let flaggedCodes = Set(input.rosobrnadzorFlags.lazy.filter { $0.year == y || $0.year == y0 }.map(\.schoolCode))
        var profiles: [SchoolProfile] = [], onList: [Bool] = [], sum1: [Bool] = [], sum2: [Bool] = []
        profiles.reserveCapacity(n); onList.reserveCapacity(n); sum1.reserveCapacity(n); sum2.reserveCapacity(n)
        for (s, school) in index.schools.enumerated() {
            var egeNegative: [String] = [], egeNoChange: [String] = [], s1 = false
            var n2 = false, sharp = false, small = false, hasData = false
            for j in settings.egeSubjects.indices {
                let q = core.quick1(s, subject: j)
                // D < 0 and D = 0 are counted apart; both may enter the summary table (DOMAIN §4).
                if q.negative { egeNegative.append(settings.egeSubjects[j]) }
                if q.noChange { egeNoChange.append(settings.egeSubjects[j]) }
                s1 = s1 || q.inSummary; small = small || q.small; hasData = hasData || q.hasData
            }
            for k in core.vprKeys {
                let q = core.quick2(s, k)
                n2 = n2 || q.inSummary; sharp = sharp || q.sharp; small = small || q.small; hasData = hasData || q.hasData
            }
            // On the list (context column): a flag of any procedure for Y−1 or Y.
            let listed = (!input.rosobrnadzorList.isEmpty && (input.rosobrnadzorList[y]?.contains(school.code) == true
                || input.rosobrnadzorList[y0]?.contains(school.code) == true)) || flaggedCodes.contains(school.code)
            profiles.append(profile(egeNegative: egeNegative, egeNoChange: egeNoChange, indicator2Negative: n2, sharp: sharp, small: small, hasData: hasData,
                                    flagged: core.flagged(s), exclusions: obj.exclusions[s],
                                    signs: core.participantSigns[s], onList: listed, risk: core.risks[s],
                                    school: school, settings: settings))
            onList.append(listed)
            sum1.append(s1)
            sum2.append(n2)
        }
        let clusters = Clustering.clusters(zip(index.schools, profiles).map { ($0.code, $1) })
        let store = MonitoringStore(core: core, profiles: profiles, onList: onList, summary1: sum1, summary2: sum2)
        return MonitoringResult(year: input.year, settings: settings, store: store, references: refs,
                                clusters: clusters, warnings: index.warnings + obj.warnings)
    }
}
