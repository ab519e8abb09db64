import Foundation

/// «Сравнение отметок с отметками по журналу» (ФИС ОКО) for one subject/grade/year:
/// shares in percent of participants whose ВПР mark lowered, confirmed or raised the
/// journal mark. A further sign of objectivity, never an automatic exclusion.
public struct JournalSign: Sendable, Hashable {
    public var subject: String
    public var grade: Int
    public var year: Int
    public var total: Int
    public var lowered: Rational
    public var confirmed: Rational
    public var raised: Rational
}

/// A peak of the primary-score distribution at the minimum score of a mark.
/// ratio = c(b) / max((c(b−1) + c(b−2)) / 2, 1): how many more pupils scored exactly the
/// boundary than, on average, the two scores just below it (the floor of 1 keeps a single
/// pupil at an empty boundary from reading as a peak).
public struct BoundaryPeak: Sendable, Hashable {
    public var mark: Int
    public var boundary: Int
    public var atBoundary: Int
    public var oneBelow: Int
    public var twoBelow: Int
    public var ratio: Rational
    /// ratio ≥ the setting (default 2) and at least `minPeakN` participants.
    public var flagged: Bool
}

/// Signs from participant-level ВПР data for one school/subject/grade/year.
public struct ParticipantSign: Sendable, Hashable {
    public var subject: String
    public var grade: Int
    public var year: Int
    public var participants: Int
    /// Participants with a journal mark; the shares below are of them, in percent.
    public var withJournalMark: Int
    public var belowJournal: Rational?
    public var equalJournal: Rational?
    public var aboveJournal: Rational?
    /// |ВПР mark − journal mark| ≥ 2.
    public var gapTwoOrMore: Rational?
    /// Empty when boundaries are unknown or there are fewer than `minPeakN` participants.
    public var peaks: [BoundaryPeak]
    public var hasPeak: Bool { peaks.contains { $0.flagged } }
}

public enum FurtherSigns {
    public static let helpText = """
    Дополнительные признаки необъективности (не ведут к исключению результатов, показываются \
    специалисту). 1) Сравнение с журналом (ФИС ОКО): доли участников, у которых отметка за ВПР ниже, \
    равна или выше отметки по журналу. 2) По данным об участниках: те же доли и доля расхождений на две \
    отметки и более. 3) Пики распределения первичных баллов на границах отметок «3», «4», «5»: для \
    границы b считается отношение числа участников с баллом ровно b к среднему числу участников с баллами \
    b−1 и b−2 (среднее не меньше 1). Отношение 2 и более — признак «дотягивания» до отметки. Проверка \
    пиков не проводится, если участников меньше 30. Порог отношения и минимальное число участников \
    задаются в настройках.
    """

    static func percent(_ k: Int, _ n: Int) -> Rational? { n > 0 ? Rational(Int128(fast: 100 * k), Int128(fast: n)) : nil }

    public static func journal(_ j: JournalComparisonInput) -> JournalSign {
        let n = j.lowered + j.confirmed + j.raised
        return JournalSign(subject: j.subject, grade: j.grade, year: j.year, total: n,
                           lowered: percent(j.lowered, n) ?? .zero, confirmed: percent(j.confirmed, n) ?? .zero,
                           raised: percent(j.raised, n) ?? .zero)
    }

    /// The peak at boundary b from the counts of primary scores.
    public static func peak(mark: Int, boundary b: Int, scoreCounts c: [Int: Int], participants: Int,
                            settings: MonitoringSettings) -> BoundaryPeak {
        let at = c[b] ?? 0, one = c[b - 1] ?? 0, two = c[b - 2] ?? 0
        // ratio = at / max((one + two)/2, 1) = 2·at / max(one + two, 2)
        let ratio = Rational(Int128(fast: 2 * at), Int128(fast: max(one + two, 2)))
        return BoundaryPeak(mark: mark, boundary: b, atBoundary: at, oneBelow: one, twoBelow: two, ratio: ratio,
                            flagged: participants >= settings.minPeakN && ratio >= settings.peakRatio)
    }

    /// Signs of one group of participants (same school, subject, grade, year).
    public static func participants(_ list: [VPRParticipantInput], boundaries: VPRBoundaries?,
                                    settings: MonitoringSettings) -> ParticipantSign? {
        guard let first = list.first else { return nil }
        var below = 0, equal = 0, above = 0, gap = 0, scores: [Int: Int] = [:]
        for p in list {
            scores[p.primaryScore, default: 0] += 1
            guard let j = p.journalMark else { continue }
            if p.mark < j { below += 1 } else if p.mark == j { equal += 1 } else { above += 1 }
            if abs(p.mark - j) >= 2 { gap += 1 }
        }
        let withJ = below + equal + above
        var peaks: [BoundaryPeak] = []
        if let b = boundaries, list.count >= settings.minPeakN {
            peaks = [(3, b.min3), (4, b.min4), (5, b.min5)].map {
                peak(mark: $0.0, boundary: $0.1, scoreCounts: scores, participants: list.count, settings: settings)
            }
        }
        return ParticipantSign(subject: first.subject, grade: first.grade, year: first.year, participants: list.count,
                               withJournalMark: withJ, belowJournal: percent(below, withJ), equalJournal: percent(equal, withJ),
                               aboveJournal: percent(above, withJ), gapTwoOrMore: percent(gap, withJ), peaks: peaks)
    }
}
