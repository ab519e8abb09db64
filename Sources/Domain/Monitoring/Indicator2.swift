import Foundation

/// Indicator 2: dynamics of ВПР results, grades 5 and 6 (Concept §6.3, indicator 2;
/// DOMAIN §4). Δ(m) = share(m, Y) − share(m, Y−1) in percentage points, exact;
/// "exceeding" T is strict, so Δ = 30 exactly is not negative.
public enum Indicator2 {
    /// Δ(2), Δ(3), Δ(4), Δ(5). From counts on both sides: 100·(k₁·n₀ − k₀·n₁)/(n₀·n₁),
    /// exact; otherwise the difference of the shares (published percentages are exact
    /// as decimals). Nil when a side has no usable marks.
    public static func deltas(previous: VPRSide, current: VPRSide) -> [Rational]? {
        guard usable(previous), usable(current) else { return nil }
        if case .counts(let k0) = previous.marks, case .counts(let k1) = current.marks {
            let n0 = Int128(fast: previous.participants), n1 = Int128(fast: current.participants)
            return (0..<4).map { Rational(100 * (Int128(fast: k1[$0]) * n0 - Int128(fast: k0[$0]) * n1), n0 * n1) }
        }
        return (2...5).map { current.share($0)! - previous.share($0)! }
    }

    /// The state under a reading (Concept §6.3, indicator 2 «д», «е»; DOMAIN §4 (a)–(c)).
    public static func state(_ d: [Rational], reading: Indicator2Reading, threshold t: Rational) -> CellState {
        state(d[0], d[1], d[2], d[3], reading: reading, threshold: t)
    }

    /// The same on Δ(2)…Δ(5) given one by one. Only comparisons and one sum are used, so
    /// the values may be unreduced fractions (the compute-time path, `QuickStates`).
    static func state(_ d2: Rational, _ d3: Rational, _ d4: Rational, _ d5: Rational,
                      reading: Indicator2Reading, threshold t: Rational) -> CellState {
        let minusT = -t
        switch reading {
        case .twoGrows:
            return d2 > t ? .negative : (d2 < minusT ? .positive : .noChange)
        case .anyMark:
            return d2.magnitude > t || d3.magnitude > t || d4.magnitude > t || d5.magnitude > t ? .negative : .noChange
        case .twoGrowsOrTopFalls:
            let top = d4 + d5
            if d2 > t || top < minusT { return .negative }
            if d2 < minusT || top > t { return .positive }
            return .noChange
        }
    }

    /// «Резкое изменение»: every mark with |Δ(m)| > T (DOMAIN §4).
    public static func sharpChanges(_ d: [Rational], threshold t: Rational) -> [SharpChange] {
        var out: [SharpChange] = []
        for (i, v) in d.enumerated() where v.magnitude > t { out.append(SharpChange(mark: i + 2, delta: v)) }
        return out
    }

    static func usable(_ s: VPRSide) -> Bool {
        switch s.marks {
        case .counts(let k): s.participants > 0 && k.count == 4
        case .percentages(let p): p.count == 4
        }
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
        let small = (p.map { $0.participants < settings.smallGroup } ?? false) || (c.map { $0.participants < settings.smallGroup } ?? false)
        var cell = Indicator2Cell(subject: subject, grade: grade, previousGrade: previousGrade, previous: p, current: c,
                                  deltas: nil, state: .noData, smallGroup: small, sharpChanges: [], inSummary: false)
        if previousExcluded || currentExcluded {
            cell.state = .excluded
        } else if let p, let c, p.participants > 0, c.participants > 0, let d = deltas(previous: p, current: c) {
            let t = settings.t
            cell.deltas = d
            cell.state = state(d, reading: settings.reading, threshold: t)
            cell.sharpChanges = sharpChanges(d, threshold: t)
            cell.inSummary = cell.state == .negative
        }
        return cell
    }
}
