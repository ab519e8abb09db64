import Foundation

extension Rational {
    /// A fraction that is not reduced (denominator > 0): only for comparisons, never stored
    /// or compared with `==`. Saves the gcd on the compute-time path.
    init(unreduced num: Int128, _ den: Int128) { self.init(reduced: num, den) }

    /// −1, 0, 1; correct for unreduced fractions too.
    static func compare(_ a: Rational, _ b: Rational) -> Int { a < b ? -1 : (b < a ? 1 : 0) }
}

/// The compute-time evaluation of every cell: the same rules as `Indicator1.cell` and
/// `Indicator2.cell` (Concept §6.3, indicators 1 and 2), giving only what the summary
/// flags, profiles and clusters need. The long rows and the summary table are built with
/// the full cells, and the tests check that both agree.
struct QuickCell { var inSummary = false, small = false, sharp = false, hasData = false }

extension MonitoringCore {
    func quick1(_ s: Int, subject j: Int) -> QuickCell {
        var q = QuickCell()
        let settings = input.settings
        let mun = Int(index.municipalityOf[s])
        let p = egeKeys[j].0.flatMap { index.ege.find(school: s, key: $0) }
        let c = egeKeys[j].1.flatMap { index.ege.find(school: s, key: $0) }
        guard let p, let c else {
            // One year only: the small-group mark as the full cell has it, no state.
            q.small = (p ?? c).map { input.ege[$0].participants < settings.smallGroup } ?? false
            return q
        }
        let np = input.ege[p].participants, nc = input.ege[c].participants
        q.small = np < settings.smallGroup || nc < settings.smallGroup
        guard !obj.excludedEGE[p], !obj.excludedEGE[c], np > 0, nc > 0,
              let rp = refs[(mun * egeKeys.count + j) * 2].value, let rc = refs[(mun * egeKeys.count + j) * 2 + 1].value,
              rp.signum != 0, rc.signum != 0 else { return q }
        func ratio(_ a: Rational, _ r: Rational) -> Rational {
            r.numerator > 0 ? Rational(unreduced: a.numerator * r.denominator, a.denominator * r.numerator)
                : Rational(unreduced: -a.numerator * r.denominator, -a.denominator * r.numerator)
        }
        let sign = Rational.compare(ratio(input.ege[c].average, rc), ratio(input.ege[p].average, rp))
        q.hasData = true
        q.inSummary = sign < 0 || (sign == 0 && settings.includeNoChange)
        return q
    }

    func quick2(_ s: Int, _ k: (subject: String, grade: Int, previousGrade: Int, previous: UInt32?, current: UInt32?)) -> QuickCell {
        var q = QuickCell()
        let settings = input.settings
        let p = k.previous.flatMap { index.vpr.find(school: s, key: $0) }
        let c = k.current.flatMap { index.vpr.find(school: s, key: $0) }
        q.small = (p.map { input.vpr[$0].participants < settings.smallGroup } ?? false)
            || (c.map { input.vpr[$0].participants < settings.smallGroup } ?? false)
        guard let p, let c, !obj.excludedVPR[p], !obj.excludedVPR[c] else { return q }
        let n0 = input.vpr[p].participants, n1 = input.vpr[c].participants
        guard n0 > 0, n1 > 0 else { return q }
        let t = settings.t
        var d = (Rational.zero, Rational.zero, Rational.zero, Rational.zero)
        let counts = index.vprCounts
        if counts[4 * p] >= 0 && counts[4 * c] >= 0 {
            let den = Int128(fast: n0) * Int128(fast: n1)
            func delta(_ m: Int) -> Rational {
                Rational(unreduced: Int128(fast: 100 * (Int(counts[4 * c + m]) * n0 - Int(counts[4 * p + m]) * n1)), den)
            }
            d = (delta(0), delta(1), delta(2), delta(3))
        } else {
            let ps = Indicator2.side(input.vpr[p], excluded: false)!, cs = Indicator2.side(input.vpr[c], excluded: false)!
            guard let full = Indicator2.deltas(previous: ps, current: cs) else { return q }
            d = (full[0], full[1], full[2], full[3])
        }
        q.hasData = true
        q.inSummary = Indicator2.state(d.0, d.1, d.2, d.3, reading: settings.reading, threshold: t) == .negative
        q.sharp = d.0.magnitude > t || d.1.magnitude > t || d.2.magnitude > t || d.3.magnitude > t
        return q
    }
}
