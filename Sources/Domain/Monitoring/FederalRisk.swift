import Foundation

/// One procedure of a school as the federal risk flag sees it.
public struct RiskProcedure: Sendable, Hashable {
    public var kind: ProcedureKind
    public var subject: String
    public var grade: Int?
    public var year: Int
    public var participants: Int
    /// Share of "2" (ОГЭ: below the threshold; ЕГЭ: below the minimum score), percent.
    public var failingShare: Rational

    public var title: String {
        "\(kind.title), \(MonitoringSubject.title(subject))" + (grade.map { ", \($0) класс" } ?? "") + ", \(year)"
    }
    var sameProcedure: String { "\(kind.rawValue)|\(subject)|\(grade ?? 0)" }
}

/// «Группа риска» by Rosobrnadzor's risk indicators (beyond the Concept; order of
/// Rosobrnadzor No 1336 of 04.10.2021 as amended; thresholds are settings).
public struct FederalRisk: Sendable, Hashable {
    public enum Trigger: Sendable, Hashable {
        /// At least `federalRiskProcedures` procedures of year Y with a share of "2" ≥ the threshold.
        case severalProceduresInYear([RiskProcedure])
        /// The same procedure with such a share in Y−1 and in Y.
        case sameProcedureTwoYears(previous: RiskProcedure, current: RiskProcedure)
    }
    public var schoolCode: String
    public var triggers: [Trigger]
    public var isAtRisk: Bool { !triggers.isEmpty }

    /// The procedures that triggered the flag, each once, in order.
    public var procedures: [RiskProcedure] {
        var seen = Set<RiskProcedure>(), out: [RiskProcedure] = []
        for t in triggers {
            let list: [RiskProcedure]
            switch t {
            case .severalProceduresInYear(let l): list = l
            case let .sameProcedureTwoYears(p, c): list = [p, c]
            }
            for p in list where seen.insert(p).inserted { out.append(p) }
        }
        return out
    }

    public var reason: String {
        triggers.map { t -> String in
            switch t {
            case .severalProceduresInYear(let l):
                "Доля «2» не меньше порога в \(l.count) процедурах одного года: "
                    + l.map { "\($0.title) — \($0.failingShare.ru(1)) %" }.joined(separator: "; ")
            case let .sameProcedureTwoYears(p, c):
                "Доля «2» не меньше порога в одной процедуре два года подряд: \(p.title) — \(p.failingShare.ru(1)) %; "
                    + "\(c.title) — \(c.failingShare.ru(1)) %"
            }
        }.joined(separator: ". ")
    }

    public static let helpText = """
    Группа риска (федеральные показатели риска). Признак не входит в Концепцию: он повторяет \
    показатели риска Рособрнадзора (приказ Рособрнадзора от 04.10.2021 № 1336 с изменениями) и \
    показывается как контекст, без влияния на показатели 1 и 2. Школа попадает в группу риска, если \
    доля участников с отметкой «2» (для ОГЭ — ниже установленного минимума, для ЕГЭ — ниже \
    минимального балла) составляет не менее 30 % в двух и более оценочных процедурах года мониторинга \
    или в одной и той же процедуре (вид, предмет, класс) два года подряд. Доля считается точно: \
    29,9 % не достигает порога. Порог в процентах и число процедур задаются в настройках. Процедуры ВПР \
    берутся из загруженных результатов ВПР, ОГЭ и ЕГЭ — из отдельно загруженных данных.
    """

    /// Applies the rule to one school's procedures of years Y−1 and Y.
    public static func evaluate(schoolCode: String, procedures: [RiskProcedure], year: Int,
                                settings: MonitoringSettings) -> FederalRisk {
        let share = Rational(settings.federalRiskShare)
        let risky = procedures.filter { $0.participants > 0 && $0.failingShare >= share }
        var triggers: [Trigger] = []
        let current = risky.filter { $0.year == year }
        if current.count >= max(1, settings.federalRiskProcedures) { triggers.append(.severalProceduresInYear(current)) }
        var previous: [String: RiskProcedure] = [:]
        for p in risky where p.year == year - 1 { previous[p.sameProcedure] = p }
        for c in current {
            if let p = previous[c.sameProcedure] { triggers.append(.sameProcedureTwoYears(previous: p, current: c)) }
        }
        return FederalRisk(schoolCode: schoolCode, triggers: triggers)
    }

    /// Whether a ВПР result's share of "2" is at least `share` percent, exactly, without fractions.
    static func reaches(_ marks: VPRMarks, _ participants: Int, _ share: Int) -> Bool {
        switch marks {
        case .counts(let k): k.count == 4 && participants > 0 && 100 * k[0] >= share * participants
        case .percentages(let p): p.count == 4 && participants > 0 && p[0] >= Rational(share)
        }
    }

    /// The procedure of a ВПР result: the share of "2" from the count or the percentage.
    static func procedure(_ r: VPRInput) -> RiskProcedure? {
        let share: Rational
        switch r.marks {
        case .counts(let k):
            guard k.count == 4, r.participants > 0 else { return nil }
            share = Rational(Int128(fast: 100 * k[0]), Int128(fast: r.participants))
        case .percentages(let p):
            guard p.count == 4 else { return nil }
            share = p[0]
        }
        return RiskProcedure(kind: .vpr, subject: r.subject, grade: r.grade, year: r.year,
                             participants: r.participants, failingShare: share)
    }

    static func procedure(_ p: ProcedureInput) -> RiskProcedure? {
        guard let share = p.failingShare else { return nil }
        return RiskProcedure(kind: p.kind, subject: p.subject, grade: p.grade, year: p.year,
                             participants: p.participants, failingShare: share)
    }

    /// Deterministic order for one school's list: year, kind, subject, grade.
    static func less(_ a: RiskProcedure, _ b: RiskProcedure) -> Bool {
        (a.year, a.kind.rawValue, a.subject, a.grade ?? 0) < (b.year, b.kind.rawValue, b.subject, b.grade ?? 0)
    }
}
