import Foundation

/// The confidence-interval check of one result (Concept §6.3, principle 3: "исключение
/// из анализа … необъективных образовательных результатов по конкретной оценочной
/// процедуре, выявленных через оценку доверительного интервала"; DOMAIN §4 "Objectivity").
///
/// Rule: with the school mean x̄, the standard error SE = s/√n and z, the lower bound
/// L = x̄ − z·SE. The result is non-objective when L − reference > h (strictly): even the
/// most cautious estimate of the school's mean lies above the reference by more than h.
/// ВПР: x̄, s from the mark distribution (s is the sample deviation, n − 1), h in marks
/// (default 0,5). ЕГЭ: x̄ is the average score, s a published deviation, h in points
/// (default 10). Reference: the regional value when given, else the participant-weighted
/// mean of the OTHER schools of the municipality (before any exclusion, so the check does
/// not depend on its own outcome). Silent (`notChecked`) below `minObjectivityN`
/// participants. s = 0 with n ≥ the minimum is checked as usual: SE = 0, L = x̄ — a class
/// of ten or more with one and the same mark is itself a sign worth checking.
/// Floating point is used here (√, z); the indicators themselves are exact. z and h are
/// in `MonitoringSettings` (`ciZ`, `vprMarginMark`, `egeMarginScore`).
public struct ObjectivityCheck: Sendable, Hashable {
    public enum Verdict: Sendable, Hashable {
        case objective
        case nonObjective
        case notChecked(String)
    }
    public enum ReferenceKind: String, Sendable, Hashable { case region, otherSchools }

    public var resultID: String
    public var kind: ProcedureKind
    public var subject: String
    public var grade: Int?
    public var year: Int
    public var participants: Int
    public var mean: Double?
    public var standardError: Double?
    public var lowerBound: Double?
    public var reference: Double?
    public var referenceKind: ReferenceKind?
    public var verdict: Verdict

    public var isFlagged: Bool { verdict == .nonObjective }
}

/// The statistics of a check, separated from ids so that they can be tested alone.
public struct ObjectivityStats: Sendable, Hashable {
    public var n: Int
    public var mean: Double
    public var sd: Double
    public var standardError: Double { n > 0 ? sd / Double(n).squareRoot() : 0 }
    public func lowerBound(z: Double) -> Double { mean - z * standardError }
}

public enum Objectivity {
    public static let fewParticipants = "мало участников для проверки доверительного интервала"
    public static let noSpread = "нет данных о разбросе баллов"
    public static let noReference = "нет эталона для сравнения (нет регионального значения и других школ с данными)"
    public static let noMarks = "нет распределения отметок"

    /// Mean mark and sample deviation from marks 2…5: counts exactly, or percentages
    /// (normalised by their sum) of `participants` pupils.
    public static func vprStats(_ marks: VPRMarks, participants: Int) -> ObjectivityStats? {
        switch marks {
        case .counts(let k):
            guard k.count == 4 else { return nil }
            return countStats(k[0], k[1], k[2], k[3])
        case .percentages(let p):
            guard p.count == 4, participants > 0 else { return nil }
            let total = p[0].double + p[1].double + p[2].double + p[3].double
            guard total > 0 else { return nil }
            var mean = 0.0, m2 = 0.0
            for i in 0..<4 { let m = Double(i + 2), w = p[i].double; mean += m * w / total; m2 += m * m * w / total }
            let n = participants
            let variance = n > 1 ? (m2 - mean * mean) * Double(n) / Double(n - 1) : 0
            return ObjectivityStats(n: n, mean: mean, sd: max(0, variance).squareRoot())
        }
    }

    /// Mean mark and sample deviation from the numbers of marks 2, 3, 4, 5, exact sums.
    static func countStats(_ k2: Int, _ k3: Int, _ k4: Int, _ k5: Int) -> ObjectivityStats? {
        let n = k2 + k3 + k4 + k5, s1 = 2 * k2 + 3 * k3 + 4 * k4 + 5 * k5, s2 = 4 * k2 + 9 * k3 + 16 * k4 + 25 * k5
        guard n > 0 else { return nil }
        let variance = n > 1 ? Double(n * s2 - s1 * s1) / Double(n * (n - 1)) : 0
        return ObjectivityStats(n: n, mean: Double(s1) / Double(n), sd: max(0, variance).squareRoot())
    }

    /// Applies the rule to given statistics; `reference` nil → not checked.
    public static func verdict(_ stats: ObjectivityStats?, reference: Double?, margin: Rational, z: Double,
                               minN: Int, missingSpread: Bool = false) -> ObjectivityCheck.Verdict {
        var o = CheckOutcome()
        o.verdict = code(stats, reference: reference, margin: margin.double, z: z, minN: minN, missingSpread: missingSpread)
        return o.publicVerdict
    }

    static func code(_ stats: ObjectivityStats?, reference: Double?, margin: Double, z: Double,
                     minN: Int, missingSpread: Bool) -> CheckOutcome.Verdict {
        guard let stats else { return missingSpread ? .noSpread : .noMarks }
        guard stats.n >= minN else { return .fewParticipants }
        guard let reference else { return .noReference }
        return stats.lowerBound(z: z) - reference > margin ? .nonObjective : .objective
    }
}

/// Why a result left the analysis (DOMAIN §4: "the table says which and why").
public struct Exclusion: Sendable, Hashable {
    public enum Cause: Sendable, Hashable {
        /// The confidence-interval check flagged it; `confirmed` when a specialist confirmed.
        case confidenceInterval(lowerBound: Double, mean: Double, reference: Double, margin: Rational, z: Double, n: Int, confirmed: Bool)
        /// The school is on Rosobrnadzor's list for that year (opt-in, ВПР only).
        case rosobrnadzorList
    }
    public var resultID: String
    public var schoolCode: String
    public var kind: ProcedureKind
    public var subject: String
    public var grade: Int?
    public var year: Int
    public var cause: Cause

    /// The Russian reason shown in the table; formatted on demand.
    public var reason: String {
        let what = "\(kind.title), \(MonitoringSubject.title(subject))" + (grade.map { ", \($0) класс" } ?? "") + ", \(year)"
        switch cause {
        case let .confidenceInterval(lower, mean, reference, margin, z, n, confirmed):
            let unit = kind == .vpr ? "отметки" : "балла"
            return "Результат (\(what)) признан необъективным: нижняя граница доверительного интервала "
                + "среднего \(RuFormat.decimal(lower, digits: 2)) (среднее \(RuFormat.decimal(mean, digits: 2)), "
                + "n = \(n), z = \(RuFormat.decimal(z, digits: 2))) выше эталона \(RuFormat.decimal(reference, digits: 2)) "
                + "более чем на \(margin.ru(margin.denominator == 1 ? 0 : 1)) \(unit)."
                + (confirmed ? " Исключение подтверждено специалистом." : "")
        case .rosobrnadzorList:
            return "Результат (\(what)) исключён: школа входит в список Рособрнадзора с признаками "
                + "необъективности результатов ВПР за \(year) год (исключение по списку включено в настройках)."
        }
    }
}

/// Russian names of subject codes for texts.
public enum MonitoringSubject {
    public static func title(_ code: String) -> String {
        switch code {
        case "russian": "русский язык"
        case "math": "математика"
        case "math_profile": "математика (профильный уровень)"
        case "math_base": "математика (базовый уровень)"
        default: code
        }
    }
}
