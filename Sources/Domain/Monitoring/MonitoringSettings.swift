import Foundation

/// How the difference of ВПР mark shares is read (DOMAIN §4, indicator 2; Concept §6.3,
/// indicator 2 «д) модель интерпретации данных»). T is `MonitoringSettings.threshold`.
public enum Indicator2Reading: String, CaseIterable, Codable, Sendable {
    /// (a) default: negative when Δ(2) > +T, positive when Δ(2) < −T.
    case twoGrows
    /// (b) the literal text: any |Δ(m)| > T flags the pair as negative; nothing is positive.
    case anyMark
    /// (c) negative when Δ(2) > T or Δ(4)+Δ(5) < −T; positive, mirrored, when
    /// Δ(2) < −T or Δ(4)+Δ(5) > T and the pair is not negative.
    case twoGrowsOrTopFalls

    public var title: String {
        switch self {
        case .twoGrows: "Доля отметок «2»: отрицательная динамика, если она выросла более чем на T п. п.; положительная, если снизилась более чем на T п. п."
        case .anyMark: "Любая отметка: отрицательная динамика, если доля любой отметки изменилась по модулю более чем на T п. п. (буквальное прочтение Концепции)"
        case .twoGrowsOrTopFalls: "Доля «2» или доля «4» и «5»: отрицательная динамика, если доля «2» выросла более чем на T п. п. или суммарная доля «4» и «5» снизилась более чем на T п. п."
        }
    }
}

/// Who decides that a non-objective result is excluded (DOMAIN §4 "Objectivity").
public enum ObjectivityPolicy: String, Codable, Sendable, CaseIterable {
    /// As the Concept says (§6.3, principle 3): flagged results are excluded at once.
    case automatic
    /// Flagged results are only proposed; a specialist confirms each exclusion.
    case confirmBySpecialist

    public var title: String {
        switch self {
        case .automatic: "Автоматически: результаты, отмеченные проверкой доверительного интервала, исключаются из анализа"
        case .confirmBySpecialist: "С подтверждением: отмеченные результаты предлагаются к исключению, исключает специалист"
        }
    }
}

/// The state of one indicator cell (DOMAIN §4: three states plus missing and excluded data).
public enum CellState: String, Codable, Sendable {
    case negative, noChange = "no change", positive, noData = "no data", excluded

    public var title: String {
        switch self {
        case .negative: "отрицательная динамика"
        case .noChange: "без изменений"
        case .positive: "положительная динамика"
        case .noData: "нет данных"
        case .excluded: "исключено из анализа"
        }
    }
}

/// Every threshold of the monitoring, stored with the approved table so that the
/// table can be recomputed and explained later (DOMAIN §4).
public struct MonitoringSettings: Sendable, Codable, Equatable {
    /// T of indicator 2 in percentage points (Concept §6.3, indicator 2: reference value 30).
    public var threshold: Int = 30
    public var reading: Indicator2Reading = .twoGrows
    /// Groups with fewer participants than this in either year are marked small (DOMAIN §4).
    public var smallGroup: Int = 10
    /// Indicator 1: D = 0 "does not exceed" the reference value 0, so it is in the table.
    public var includeNoChange: Bool = true
    /// Indicator 2: compare grade g in Y with grade g−1 in Y−1 instead of grade g in both.
    public var cohort: Bool = false
    public var objectivity: ObjectivityPolicy = .automatic
    /// Opt-in: exclude ВПР results of schools on Rosobrnadzor's list for that year.
    public var excludeRosobrnadzorListForVPR: Bool = false
    /// z of the confidence interval (1,96 ≈ 95 %).
    public var ciZ: Double = 1.96
    /// h for ВПР, in marks: flagged when the lower bound exceeds the reference by more.
    public var vprMarginMark: Rational = Rational(1, 2)
    /// h for ЕГЭ, in test points.
    public var egeMarginScore: Rational = Rational(10)
    /// Below this many participants the objectivity check stays silent.
    public var minObjectivityN = 10
    /// Federal risk: share of "2" in percent, "at least" (order No 1336).
    public var federalRiskShare = 30
    /// Federal risk: how many procedures of year Y with such a share make a risk.
    public var federalRiskProcedures = 2
    /// Context: a school whose index of social well-being is below this is "low".
    public var lowWellbeingIndex: Rational? = nil
    /// Further signs: a boundary peak ratio at or above this is a sign.
    public var peakRatio: Rational = Rational(2)
    /// Further signs: below this many participants the peak check stays silent.
    public var minPeakN = 30
    /// Indicator 1 subjects (Concept §6.3: Russian; mathematics, profile level).
    public var egeSubjects: [String] = ["russian", "math_profile"]
    /// Indicator 2 subjects and grades (Concept §6.3: Russian, mathematics; grades 5 and 6).
    public var vprSubjects: [String] = ["russian", "math"]
    public var vprGrades: [Int] = [5, 6]
    /// Study periods: a school's success rate below this (%) puts it in a «low success» group.
    public var termSuccessThreshold: Int = 97
    /// Study periods: a school's quality rate below this (%) puts it in a «low quality» group.
    public var termQualityThreshold: Int = 45

    public init() {}

    public static let `default` = MonitoringSettings()

    /// T as an exact value.
    var t: Rational { Rational(threshold) }

    /// A small group (DOMAIN §4): fewer participants than `smallGroup`; a missing year is not small.
    /// The one rule of both indicators, for the full cells and the compute-time flags.
    @inline(__always)
    func isSmall(_ participants: Int?) -> Bool { participants.map { $0 < smallGroup } ?? false }
}

/// Which schools the summary table lists (DOMAIN §4 "The summary table").
public enum SummaryFilter: String, CaseIterable, Codable, Sendable {
    case either, indicator1, indicator2, both

    public var title: String {
        switch self {
        case .either: "Отрицательная динамика по показателю 1 и (или) 2"
        case .indicator1: "Отрицательная динамика по показателю 1"
        case .indicator2: "Отрицательная динамика по показателю 2"
        case .both: "Отрицательная динамика по обоим показателям"
        }
    }
}

extension MonitoringSettings {
    /// Missing keys take their defaults, so settings stored with an older approved
    /// table still decode after a setting is added.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func v<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
            try c.decodeIfPresent(T.self, forKey: key) ?? fallback
        }
        self.init()
        threshold = try v(.threshold, threshold)
        reading = try v(.reading, reading)
        smallGroup = try v(.smallGroup, smallGroup)
        includeNoChange = try v(.includeNoChange, includeNoChange)
        cohort = try v(.cohort, cohort)
        objectivity = try v(.objectivity, objectivity)
        excludeRosobrnadzorListForVPR = try v(.excludeRosobrnadzorListForVPR, excludeRosobrnadzorListForVPR)
        ciZ = try v(.ciZ, ciZ)
        vprMarginMark = try v(.vprMarginMark, vprMarginMark)
        egeMarginScore = try v(.egeMarginScore, egeMarginScore)
        minObjectivityN = try v(.minObjectivityN, minObjectivityN)
        federalRiskShare = try v(.federalRiskShare, federalRiskShare)
        federalRiskProcedures = try v(.federalRiskProcedures, federalRiskProcedures)
        lowWellbeingIndex = try c.decodeIfPresent(Rational.self, forKey: .lowWellbeingIndex)
        peakRatio = try v(.peakRatio, peakRatio)
        minPeakN = try v(.minPeakN, minPeakN)
        egeSubjects = try v(.egeSubjects, egeSubjects)
        vprSubjects = try v(.vprSubjects, vprSubjects)
        vprGrades = try v(.vprGrades, vprGrades)
        termSuccessThreshold = try v(.termSuccessThreshold, termSuccessThreshold)
        termQualityThreshold = try v(.termQualityThreshold, termQualityThreshold)
    }
}
