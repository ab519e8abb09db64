import Foundation

/// The monitoring of the dynamics of educational results (Concept §6.3; DOMAIN §4):
/// one pure function from the year's data and settings to every school's indicators,
/// exclusions, signs, clusters and the summary table.
///
/// Records are grouped per school once (counting sort, `MonitoringIndex`) and found by
/// (subject, grade, year) with a binary search in the school's slice; municipal sums
/// are addressed directly. Comparisons are exact; no text is formatted while computing
/// (reasons and export values are formatted on demand).
public enum Monitoring {
    public static func compute(_ input: MonitoringInput) -> MonitoringResult {
        let settings = input.settings
        let index = MonitoringIndex(input)
        let y = input.year, y0 = input.year - 1

        // Concept §6.3, principle 3: non-objective results leave the analysis first,
        // so that both the school's indicators and the reference average go without them.
        let obj = objectivity(input, index)
        let refs = Indicator1.references(index: index, input: input, excluded: obj.excludedEGE)
        let journal = journalSigns(input, index)
        let participantSigns = participantSigns(input, index)
        let risks = federalRisks(input, index)

        let egeKeys = settings.egeSubjects.map { (index.key($0, grade: 0, year: y0), index.key($0, grade: 0, year: y)) }
        let vprKeys = settings.vprSubjects.flatMap { subject in
            settings.vprGrades.map { grade in
                let g0 = settings.cohort ? grade - 1 : grade
                return (subject, grade, g0, index.key(subject, grade: g0, year: y0), index.key(subject, grade: grade, year: y))
            }
        }
        var results: [SchoolResult] = []
        results.reserveCapacity(index.schools.count)
        for (s, school) in index.schools.enumerated() {
            let mun = Int(index.municipalityOf[s])
            // Concept §6.3, indicator 1; references are laid out municipality × subject × year.
            var ind1: [Indicator1Cell] = []
            ind1.reserveCapacity(egeKeys.count)
            for (j, subject) in settings.egeSubjects.enumerated() {
                let p = egeKeys[j].0.flatMap { index.ege.find(school: s, key: $0) }
                let c = egeKeys[j].1.flatMap { index.ege.find(school: s, key: $0) }
                let rp = refs[(mun * egeKeys.count + j) * 2], rc = refs[(mun * egeKeys.count + j) * 2 + 1]
                ind1.append(Indicator1.cell(subject: subject, previous: p.map { input.ege[$0] }, current: c.map { input.ege[$0] },
                                            previousExcluded: p.map { obj.excludedEGE[$0] } ?? false,
                                            currentExcluded: c.map { obj.excludedEGE[$0] } ?? false,
                                            previousReference: rp, currentReference: rc, source: rc.source, settings: settings))
            }
            // Concept §6.3, indicator 2; the cohort view compares grade g in Y with g−1 in Y−1.
            var ind2: [Indicator2Cell] = []
            ind2.reserveCapacity(vprKeys.count)
            for (subject, grade, g0, k0, k1) in vprKeys {
                let p = k0.flatMap { index.vpr.find(school: s, key: $0) }
                let c = k1.flatMap { index.vpr.find(school: s, key: $0) }
                ind2.append(Indicator2.cell(subject: subject, grade: grade, previousGrade: g0,
                                            previous: p.map { input.vpr[$0] }, current: c.map { input.vpr[$0] },
                                            previousExcluded: p.map { obj.excludedVPR[$0] } ?? false,
                                            currentExcluded: c.map { obj.excludedVPR[$0] } ?? false, settings: settings))
            }
            let onList = !input.rosobrnadzorList.isEmpty && (input.rosobrnadzorList[y]?.contains(school.code) == true
                || input.rosobrnadzorList[y0]?.contains(school.code) == true)
            let profile = profile(ind1, ind2, checks: obj.checks[s], exclusions: obj.exclusions[s], signs: participantSigns[s],
                                  onList: onList, risk: risks[s], school: school, settings: settings)
            results.append(SchoolResult(school: school, indicator1: ind1, indicator2: ind2, exclusions: obj.exclusions[s],
                                        proposedExclusions: obj.proposed[s], objectivity: obj.checks[s],
                                        journalSigns: journal[s], participantSigns: participantSigns[s], federalRisk: risks[s],
                                        onRosobrnadzorList: onList, profile: profile, cluster: ClusterRule.rule(for: profile)))
        }
        let clusters = Clustering.clusters(results.map { ($0.school.code, $0.profile) })
        return MonitoringResult(year: input.year, settings: settings, schools: results, references: refs,
                                clusters: clusters, warnings: index.warnings + obj.warnings)
    }
}
