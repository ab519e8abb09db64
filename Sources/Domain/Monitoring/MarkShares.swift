import Foundation

extension MarkCounts {
    /// The counts of marks «2»…«5» behind ФИС ОКО's published shares (DOMAIN §4, indicator 2;
    /// RESULT-FILES «Статистика по отметкам»): countᵢ = round(shareᵢ × n / 100), halves away
    /// from zero, in exact arithmetic. With shares to two decimals the error of a share is at
    /// most 0,005 p.p., i.e. n/20 000 of a pupil: below half a pupil for any school under
    /// 10 000 participants, so the rebuilt counts are the school's real counts. When the
    /// rounded counts do not add up to n (published shares may sum to 100,01), the difference
    /// goes by the largest-remainder rule: missing pupils one by one to the marks with the
    /// largest remainder (shareᵢ × n / 100 − countᵢ), surplus ones taken from the marks with
    /// the smallest remainder and a count above 0; ties go to the lower mark first.
    /// `adjusted` tells whether that correction was needed. Nil without four shares.
    public static func rebuilt(percentages p: [Rational], participants n: Int) -> (counts: MarkCounts, adjusted: Bool)? {
        guard p.count == 4 else { return nil }
        return rebuilt(p[0], p[1], p[2], p[3], participants: n)
    }

    /// The same on four shares given one by one (no array: the index rebuilds every
    /// published result of a country's monitoring).
    static func rebuilt(_ p2: Rational, _ p3: Rational, _ p4: Rational, _ p5: Rational,
                        participants n: Int) -> (counts: MarkCounts, adjusted: Bool) {
        let n128 = Int128(fast: n)
        // shareᵢ × n / 100 as numᵢ / denᵢ (denominator positive).
        func raw(_ s: Rational) -> (num: Int128, den: Int128) { (s.numerator * n128, s.denominator * 100) }
        let r = (raw(p2), raw(p3), raw(p4), raw(p5))
        func at(_ i: Int) -> (num: Int128, den: Int128) {
            switch i { case 0: r.0; case 1: r.1; case 2: r.2; default: r.3 }
        }
        func round(_ x: (num: Int128, den: Int128)) -> Int {
            let m = x.num.magnitude, d = x.den.magnitude
            let q = Int((m * 2 + d) / (d * 2))
            return x.num < 0 ? -q : q
        }
        var k = MarkCounts(round(r.0), round(r.1), round(r.2), round(r.3))
        var diff = n - (k.m2 + k.m3 + k.m4 + k.m5)
        guard diff != 0 else { return (k, false) }
        /// Remainder of mark i: rawᵢ − countᵢ, as an unreduced fraction for comparisons only.
        func remainder(_ i: Int) -> Rational {
            let x = at(i)
            return Rational(unreduced: x.num - Int128(fast: k[i]) * x.den, x.den)
        }
        while diff != 0 {
            var best = -1
            for i in 0..<4 {
                if diff < 0 && k[i] <= 0 { continue }
                if best < 0 { best = i; continue }
                let c = Rational.compare(remainder(i), remainder(best))
                if diff > 0 ? c > 0 : c < 0 { best = i }     // strict: ties keep the lower mark
            }
            guard best >= 0 else { break }
            k[best] += diff > 0 ? 1 : -1
            diff += diff > 0 ? -1 : 1
        }
        return (k, true)
    }

    /// The counts indicator 2 computes with: the given counts, or the counts rebuilt from
    /// published percentages (`rebuilt`); nil without participants or four values.
    public init?(_ marks: VPRMarks, participants n: Int) {
        guard n > 0 else { return nil }
        switch marks {
        case .counts(let k): self = k
        case .percentages(let p):
            guard let r = MarkCounts.rebuilt(percentages: p, participants: n) else { return nil }
            self = r.counts
        }
    }
}
