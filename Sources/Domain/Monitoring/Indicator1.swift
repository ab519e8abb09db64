import Foundation

/// Indicator 1: dynamics of weighted average ЕГЭ scores (Concept §6.3, indicator 1;
/// DOMAIN §4). r(s, y) = school average / reference average; D = r(Y) − r(Y−1);
/// D < 0 negative, D = 0 no change, D > 0 positive, compared exactly.
public enum Indicator1 {
    /// D for one subject, exact (DOMAIN §4 worked example: 62/66 − 60/65,5 = +0,023…).
    public static func d(previousAverage: Rational, previousReference: Rational,
                         currentAverage: Rational, currentReference: Rational) -> Rational {
        currentAverage / currentReference - previousAverage / previousReference
    }

    /// The state of an exact D (Concept §6.3, indicator 1 «е): уменьшение – отрицательная,
    /// увеличение – положительная»; D = 0 does not exceed the reference value 0).
    public static func state(of d: Rational) -> CellState { state(sign: d.signum) }

    /// The state from the sign of D: the one place that reads it.
    @inline(__always)
    static func state(sign: Int) -> CellState { sign < 0 ? .negative : (sign == 0 ? .noChange : .positive) }

    /// The state of D = r(Y) − r(Y−1) without forming D: the sign of r(Y) compared with r(Y−1)
    /// (ratios may be unreduced). The full cells and the compute-time flags both call this.
    @inline(__always)
    static func state(previousRatio r0: Rational, currentRatio r1: Rational) -> CellState {
        state(sign: Rational.compare(r1, r0))
    }

    /// r = school average / reference average (Concept §6.3, indicator 1), unreduced: nil
    /// without participants or without a (nonzero) reference.
    @inline(__always)
    static func ratio(_ average: Rational, participants: Int, reference: Rational?) -> Rational? {
        guard participants > 0, let r = reference, r.signum != 0 else { return nil }
        return r.numerator > 0 ? Rational(unreduced: average.numerator * r.denominator, average.denominator * r.numerator)
            : Rational(unreduced: -average.numerator * r.denominator, -average.denominator * r.numerator)
    }

    /// In the summary table: negative, or D = 0 while `includeNoChange` is on (DOMAIN §4).
    @inline(__always)
    static func inSummary(_ state: CellState, _ settings: MonitoringSettings) -> Bool {
        state == .negative || (state == .noChange && settings.includeNoChange)
    }

    /// The participant-weighted mean Σ nᵢ·avgᵢ / Σ nᵢ (DOMAIN §4, municipal fallback).
    public static func weightedMean(_ results: [(participants: Int, average: Rational)]) -> Rational? {
        var sum = Rational.zero, n = 0
        for r in results where r.participants > 0 {
            sum = sum + Rational(r.average.numerator * Int128(fast: r.participants), r.average.denominator)
            n += r.participants
        }
        return n > 0 ? sum / Rational(n) : nil
    }

    /// One school and subject. Excluded results make the cell `excluded`; a missing
    /// year (or no participants, or no reference) makes it `noData` — never negative.
    static func cell(subject: String, previous: EGEInput?, current: EGEInput?,
                     previousExcluded: Bool, currentExcluded: Bool,
                     previousReference: Indicator1Reference?, currentReference: Indicator1Reference?,
                     source: ReferenceSource, settings: MonitoringSettings) -> Indicator1Cell {
        func side(_ r: EGEInput?, _ excluded: Bool, _ ref: Indicator1Reference?) -> EGESide? {
            guard let r else { return nil }
            let refValue = ref?.value
            let ratio = excluded ? nil : Indicator1.ratio(r.average, participants: r.participants, reference: refValue)?.reduced
            return EGESide(resultID: r.resultID, year: r.year, participants: r.participants, average: r.average,
                           reference: refValue, ratio: ratio, excluded: excluded)
        }
        let p = side(previous, previousExcluded, previousReference)
        let c = side(current, currentExcluded, currentReference)
        let small = settings.isSmall(p?.participants) || settings.isSmall(c?.participants)
        var cell = Indicator1Cell(subject: subject, previous: p, current: c, source: source, d: nil,
                                  state: .noData, smallGroup: small, inSummary: false)
        if previousExcluded || currentExcluded {
            cell.state = .excluded
        } else if let r0 = p?.ratio, let r1 = c?.ratio {
            cell.d = r1 - r0
            cell.state = state(previousRatio: r0, currentRatio: r1)
            cell.inSummary = inSummary(cell.state, settings)
        }
        return cell
    }

    /// References per municipality, subject and year. The region is used for a subject
    /// only when its value is known for BOTH years (a ratio to the region in one year and
    /// to the municipality in the other would be meaningless); otherwise both years use
    /// the municipal fallback, computed without the excluded results (Concept §6.3,
    /// principle 3) and also before exclusions, for the page.
    static func references(index: MonitoringIndex, input: MonitoringInput,
                           excluded: [Bool]) -> [Indicator1Reference] {
        struct Acc { var all = RationalSum(), nAll = 0, kept = RationalSum(), nKept = 0, ids: [String] = [] }
        var acc = [Acc](repeating: Acc(), count: index.slotCount)
        var wanted = [Bool](repeating: false, count: index.subjectRank.count)
        for s in input.settings.egeSubjects { if let r = index.subjectRank[s] { wanted[Int(r)] = true } }
        for school in index.schools.indices {
            for e in index.ege.records(school: school) where wanted[Int(e.key >> 20)] {
                let i = Int(e.record), slot = Int(index.ege.slot[i])
                let p = input.ege[i].participants, avg = input.ege[i].average
                guard p > 0, slot >= 0 else { continue }
                let term = avg.numerator * Int128(fast: p)
                acc[slot].all.add(term, avg.denominator); acc[slot].nAll += p
                if excluded[i] { acc[slot].ids.append(input.ege[i].resultID) } else {
                    acc[slot].kept.add(term, avg.denominator); acc[slot].nKept += p
                }
            }
        }
        // Municipality-major, then subject as configured, then year: the order of the result.
        var out: [Indicator1Reference] = []
        for (m, mun) in index.municipalities.enumerated() {
            for subject in input.settings.egeSubjects {
                let regional = input.regionalEGEAverage[subject] ?? [:]
                let useRegion = regional[input.year - 1] != nil && regional[input.year] != nil
                for year in (input.year - 1)...input.year {
                    let a = index.key(subject, grade: 0, year: year).flatMap { index.slot(municipality: Int32(m), key: $0) }
                        .map { acc[$0] } ?? Acc()
                    let before = a.nAll > 0 ? a.all.value / Rational(a.nAll) : nil
                    let after = a.nKept > 0 ? a.kept.value / Rational(a.nKept) : nil
                    let source: ReferenceSource = useRegion ? .region(regional[year]!) : .municipalFallback
                    out.append(Indicator1Reference(municipality: mun, subject: subject, year: year, source: source,
                                                   value: useRegion ? regional[year]! : after,
                                                   valueBeforeExclusions: useRegion ? regional[year]! : before,
                                                   participants: a.nKept, excludedResultIDs: a.ids.sorted()))
                }
            }
        }
        return out
    }
}
