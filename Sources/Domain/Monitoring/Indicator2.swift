import Foundation

/// Indicator 2: dynamics of ВПР results, grades 5 and 6 (Concept §6.3, indicator 2;
/// DOMAIN §4). Δ(m) = share(m, Y) − share(m, Y−1) in percentage points, exact;
/// "exceeding" T is strict, so Δ = 30 exactly is not negative.
///
/// Each rule is here once: the full cell (`cell`) and the compute-time flags
/// (`MonitoringCore.quick2`) both call `delta`, `state`, `isSharp`, `inSummary` and
/// `MonitoringSettings.isSmall`.
public enum Indicator2 {
    /// Shares always come from counts: the given ones or those rebuilt from ФИС ОКО's
    /// two-decimal percentages (`MarkCounts.rebuilt`); shown on the page (DOMAIN §4:
    /// "say whether shares come from counts or from the published percentages").
    public static let sharesNote = "Показатель 2: доли отметок считаются по числу отметок (100·k/n). Если ФИС ОКО дал только "
        + "проценты с двумя знаками («Статистика по отметкам»), число отметок сначала восстанавливается как "
        + "round(доля × участники / 100) — для школы до 10 000 участников это точное число — и доли и Δ считаются "
        + "по восстановленным числам, а не по округлённым процентам (у самого порога 30 п.п. это может менять вывод)."

    /// Δ(m) of one mark from counts: 100·(k₁·n₀ − k₀·n₁)/(n₀·n₁), exact but not reduced —
    /// for comparisons; `reduced` before it is stored or shown. n₀, n₁ > 0.
    @inline(__always)
    static func delta(_ k0: Int, _ n0: Int, _ k1: Int, _ n1: Int) -> Rational {
        let a = Int128(fast: n0), b = Int128(fast: n1)
        return Rational(unreduced: 100 * (Int128(fast: k1) * a - Int128(fast: k0) * b), a * b)
    }

    /// Δ(2), Δ(3), Δ(4), Δ(5) of two years' counts (unreduced), see `delta`.
    @inline(__always)
    static func deltas(_ k0: MarkCounts, _ n0: Int, _ k1: MarkCounts, _ n1: Int) -> (Rational, Rational, Rational, Rational) {
        (delta(k0.m2, n0, k1.m2, n1), delta(k0.m3, n0, k1.m3, n1), delta(k0.m4, n0, k1.m4, n1), delta(k0.m5, n0, k1.m5, n1))
    }

    /// Δ(2)…Δ(5), reduced; nil when a side has no usable counts (no participants).
    public static func deltas(previous: VPRSide, current: VPRSide) -> [Rational]? {
        guard let k0 = previous.counts, let k1 = current.counts else { return nil }
        let d = deltas(k0, previous.participants, k1, current.participants)
        return [d.0.reduced, d.1.reduced, d.2.reduced, d.3.reduced]
    }

    /// The state under a reading (Concept §6.3, indicator 2 «д», «е»; DOMAIN §4 (a)–(c)).
    public static func state(_ d: [Rational], reading: Indicator2Reading, threshold t: Rational) -> CellState {
        state(d[0], d[1], d[2], d[3], reading: reading, threshold: t)
    }

    /// The same on Δ(2)…Δ(5) given one by one. Only comparisons and one sum are used, so
    /// the values may be unreduced fractions.
    static func state(_ d2: Rational, _ d3: Rational, _ d4: Rational, _ d5: Rational,
                      reading: Indicator2Reading, threshold t: Rational) -> CellState {
        let minusT = -t
        switch reading {
        case .twoGrows:
            return d2 > t ? .negative : (d2 < minusT ? .positive : .noChange)
        case .anyMark:
            return isSharp(d2, t) || isSharp(d3, t) || isSharp(d4, t) || isSharp(d5, t) ? .negative : .noChange
        case .twoGrowsOrTopFalls:
            let top = d4 + d5
            if d2 > t || top < minusT { return .negative }
            if d2 < minusT || top > t { return .positive }
            return .noChange
        }
    }

    /// «Резкое изменение» of one mark: |Δ(m)| > T (DOMAIN §4).
    @inline(__always)
    static func isSharp(_ d: Rational, _ t: Rational) -> Bool { d.magnitude > t }

    /// A pair is in the summary table when it is negative (Concept §6.3).
    @inline(__always)
    static func inSummary(_ state: CellState) -> Bool { state == .negative }

    /// «Резкое изменение»: every mark with |Δ(m)| > T (DOMAIN §4).
    public static func sharpChanges(_ d: [Rational], threshold t: Rational) -> [SharpChange] {
        var out: [SharpChange] = []
        for (i, v) in d.enumerated() where isSharp(v, t) { out.append(SharpChange(mark: i + 2, delta: v)) }
        return out
    }

    static func side(_ r: VPRInput?, excluded: Bool) -> VPRSide? {
        r.map { VPRSide(resultID: $0.resultID, year: $0.year, grade: $0.grade, participants: $0.participants,
                        marks: $0.marks, excluded: excluded) }
    }

    /// One school, subject and grade. Excluded results → `excluded`; a missing year or
    /// no participants → `noData` (missing data is a state, not a zero).
    static func cell(subject: String, grade: Int, previousGrade: Int, previous: VPRInput?, current: VPRInput?,
                     previousExcluded: Bool, currentExcluded: Bool, settings: MonitoringSettings) -> Indicator2Cell {
        let p = side(previous, excluded: previousExcluded), c = side(current, excluded: currentExcluded)
        let small = settings.isSmall(p?.participants) || settings.isSmall(c?.participants)
        var cell = Indicator2Cell(subject: subject, grade: grade, previousGrade: previousGrade, previous: p, current: c,
                                  deltas: nil, state: .noData, smallGroup: small, sharpChanges: [], inSummary: false)
        if previousExcluded || currentExcluded {
            cell.state = .excluded
        } else if let p, let c, let d = deltas(previous: p, current: c) {
            let t = settings.t
            cell.deltas = d
            cell.state = state(d, reading: settings.reading, threshold: t)
            cell.sharpChanges = sharpChanges(d, threshold: t)
            cell.inSummary = inSummary(cell.state)
        }
        return cell
    }
}
