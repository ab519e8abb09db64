import Foundation

/// Which average a ratio of indicator 1 is taken to (DOMAIN §4, indicator 1).
/// The municipal fallback makes about half of the schools negative by construction
/// (Σ nᵢ·rᵢ = N every year), so the page must say which one was used.
public enum ReferenceSource: Sendable, Hashable {
    case region(Rational)
    case municipalFallback

    public var title: String {
        switch self {
        case .region: "средний балл по региону"
        case .municipalFallback: "средневзвешенный балл по школам муниципалитета (регионального значения нет)"
        }
    }
}

/// The reference average of one subject and year, before and after exclusions
/// (Concept §6.3, principle 3: excluded results leave the reference average too).
public struct Indicator1Reference: Sendable, Hashable {
    public var municipality: String
    public var subject: String
    public var year: Int
    public var source: ReferenceSource
    /// The value the ratios use; nil when no school has data and there is no regional value.
    public var value: Rational?
    /// The municipal mean with the excluded results still in (equals `value` when none).
    public var valueBeforeExclusions: Rational?
    /// Participants behind the municipal mean after exclusions.
    public var participants: Int
    public var excludedResultIDs: [String]
}

/// One year of a school's ЕГЭ result as used by indicator 1.
public struct EGESide: Sendable, Hashable {
    public var resultID: String
    public var year: Int
    public var participants: Int
    public var average: Rational
    public var reference: Rational?
    /// r(y) = school average / reference average (Concept §6.3, indicator 1).
    public var ratio: Rational?
    public var excluded: Bool
}

/// Indicator 1 for one school and subject (Concept §6.3, indicator 1; DOMAIN §4).
public struct Indicator1Cell: Sendable, Hashable {
    public var subject: String
    public var previous: EGESide?
    public var current: EGESide?
    public var source: ReferenceSource
    /// D = r(Y) − r(Y−1), exact; nil without data for both years or when excluded.
    public var d: Rational?
    public var state: CellState
    /// Fewer participants than the small-group setting in either year.
    public var smallGroup: Bool
    /// In the summary table: negative, or D = 0 while `includeNoChange` is on.
    public var inSummary: Bool

    /// D to three decimals with a point, "" when there is no D.
    public var dText: String { d?.rounded(3) ?? "" }
}

/// Where a ВПР result's counts came from: given counts, or counts rebuilt from ФИС ОКО's
/// published two-decimal percentages (`MarkCounts.rebuilt`); shares and Δ are always
/// computed from the counts (DOMAIN §4: at exactly 30 the two could differ).
public enum ShareSource: String, Codable, Sendable {
    case counts, percentages, mixed
}

/// One year of a school's ВПР result as used by indicator 2.
public struct VPRSide: Sendable, Hashable {
    public var resultID: String
    public var year: Int
    public var grade: Int
    public var participants: Int
    public var marks: VPRMarks
    public var excluded: Bool

    public var source: ShareSource {
        if case .counts = marks { return .counts }
        return .percentages
    }

    /// The counts of marks «2»…«5» indicator 2 uses: given, or rebuilt from the published
    /// percentages; nil without participants.
    public var counts: MarkCounts? { MarkCounts(marks, participants: participants) }

    /// Share of mark m (2…5) in percent: 100·k/n from the counts (given or rebuilt).
    public func share(_ mark: Int) -> Rational? {
        guard (2...5).contains(mark), let k = counts else { return nil }
        return Rational(Int128(fast: 100 * k[mark - 2]), Int128(fast: participants))
    }
}

/// A «резкое изменение»: a mark whose share changed by more than T in absolute value.
public struct SharpChange: Sendable, Hashable {
    public var mark: Int
    public var delta: Rational
}

/// Indicator 2 for one school, subject and grade (Concept §6.3, indicator 2; DOMAIN §4).
public struct Indicator2Cell: Sendable, Hashable {
    public var subject: String
    /// The grade in year Y.
    public var grade: Int
    /// The grade compared with in Y−1 (g, or g−1 in the cohort view).
    public var previousGrade: Int
    public var previous: VPRSide?
    public var current: VPRSide?
    /// Δ(m) for m = 2, 3, 4, 5 in percentage points; nil without data or when excluded.
    public var deltas: [Rational]?
    public var state: CellState
    public var smallGroup: Bool
    public var sharpChanges: [SharpChange]
    public var inSummary: Bool

    public func delta(_ mark: Int) -> Rational? {
        guard let deltas, (2...5).contains(mark) else { return nil }
        return deltas[mark - 2]
    }

    /// Given counts, rebuilt ones (percentages), or mixed when the two years differ; nil without both years.
    public var source: ShareSource? {
        guard let p = previous, let c = current else { return nil }
        return p.source == c.source ? p.source : .mixed
    }

    /// Δ(2) to three decimals with a point, "" when there is none.
    public var delta2Text: String { delta(2)?.rounded(3) ?? "" }
}
