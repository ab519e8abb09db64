import Foundation

extension Rational {
    /// A fraction that is not reduced (denominator > 0): only for comparisons, never stored
    /// or compared with `==`. Saves the gcd on the compute-time path.
    init(unreduced num: Int128, _ den: Int128) { self.init(reduced: num, den) }

    /// −1, 0, 1; correct for unreduced fractions too.
    static func compare(_ a: Rational, _ b: Rational) -> Int { a < b ? -1 : (b < a ? 1 : 0) }

    /// The reduced form of a possibly unreduced fraction, for storing and showing.
    var reduced: Rational { Rational(numerator, denominator) }
}

/// The compute-time evaluation of every cell, giving only what the summary flags, profiles
/// and clusters need. It reads the flat index (no allocation per cell) but decides nothing
/// itself: the small-group, ratio, D, Δ, state, sharp-change and summary rules are the
/// functions of `Indicator1` / `Indicator2` (Concept §6.3, indicators 1 and 2) that the full
/// cells call too, and the tests check that both agree.
struct QuickCell {
    var inSummary = false, small = false, sharp = false, hasData = false
    /// Indicator 1: D < 0 (negative) or D = 0 (no change), counted apart (DOMAIN §4).
    var negative = false, noChange = false
}

extension MonitoringCore {
    func quick1(_ s: Int, subject j: Int) -> QuickCell {
        var q = QuickCell()
        let settings = input.settings
        let mun = Int(index.municipalityOf[s])
        let p = egeKeys[j].0.flatMap { index.ege.find(school: s, key: $0) }
        let c = egeKeys[j].1.flatMap { index.ege.find(school: s, key: $0) }
        q.small = settings.isSmall(p.map { input.ege[$0].participants }) || settings.isSmall(c.map { input.ege[$0].participants })
        guard let p, let c, !obj.excludedEGE[p], !obj.excludedEGE[c] else { return q }
        let rp = refs[(mun * egeKeys.count + j) * 2].value, rc = refs[(mun * egeKeys.count + j) * 2 + 1].value
        guard let r0 = Indicator1.ratio(input.ege[p].average, participants: input.ege[p].participants, reference: rp),
              let r1 = Indicator1.ratio(input.ege[c].average, participants: input.ege[c].participants, reference: rc) else { return q }
        let state = Indicator1.state(previousRatio: r0, currentRatio: r1)
        q.hasData = true
        q.negative = state == .negative
        q.noChange = state == .noChange
        q.inSummary = Indicator1.inSummary(state, settings)
        return q
    }

    func quick2(_ s: Int, _ k: (subject: String, grade: Int, previousGrade: Int, previous: UInt32?, current: UInt32?)) -> QuickCell {
        var q = QuickCell()
        let settings = input.settings
        let p = k.previous.flatMap { index.vpr.find(school: s, key: $0) }
        let c = k.current.flatMap { index.vpr.find(school: s, key: $0) }
        q.small = settings.isSmall(p.map { input.vpr[$0].participants }) || settings.isSmall(c.map { input.vpr[$0].participants })
        guard let p, let c, !obj.excludedVPR[p], !obj.excludedVPR[c],
              let k0 = index.counts(p), let k1 = index.counts(c) else { return q }
        let t = settings.t
        let d = Indicator2.deltas(k0, input.vpr[p].participants, k1, input.vpr[c].participants)
        let state = Indicator2.state(d.0, d.1, d.2, d.3, reading: settings.reading, threshold: t)
        q.hasData = true
        q.inSummary = Indicator2.inSummary(state)
        q.sharp = Indicator2.isSharp(d.0, t) || Indicator2.isSharp(d.1, t) || Indicator2.isSharp(d.2, t) || Indicator2.isSharp(d.3, t)
        return q
    }
}
