import Foundation

/// Analysis of the results of study periods (quarters, half-years): success rate
/// (успеваемость) and quality rate (качество знаний) per school, groups of schools by
/// those two figures, and the recommendations addressed to mentors and management
/// teams (seeds 000, 003: «анализ … по итогам учебных периодов», кластерный подход).
public enum TermAnalysis {
    public struct Row: Sendable {
        public var schoolCode: String, subject: String, participants: Int, success: Rational, quality: Rational
        public init(schoolCode: String, subject: String, participants: Int, success: Rational, quality: Rational) {
            self.schoolCode = schoolCode; self.subject = subject; self.participants = participants; self.success = success; self.quality = quality
        }
    }

    public enum Group: String, CaseIterable, Sendable {
        case lowBoth, lowQuality, lowSuccess, fine
        public var title: String {
            switch self {
            case .lowBoth: "Низкая успеваемость и низкое качество знаний"
            case .lowQuality: "Низкое качество знаний"
            case .lowSuccess: "Низкая успеваемость"
            case .fine: "Показатели не ниже пороговых"
            }
        }
        public var recommendation: String {
            switch self {
            case .lowBoth: "Наставнику и управленческой команде: разобрать неуспевающих по предметам и классам, составить индивидуальные планы ликвидации пробелов, включить тьюторов предметов с наименьшей успеваемостью; обсудить на ШМО и проконтролировать в следующем периоде."
            case .lowQuality: "Управленческой команде и ШМО: адресная работа с учащимися, имеющими одну «3»; методические сессии по качеству урока с тьютором; обмен практиками со школой-лидером."
            case .lowSuccess: "Управленческой команде: контроль за неуспевающими, консультации и дополнительные занятия, работа с родителями; наставнику — проверить выполнение мер в следующем периоде."
            case .fine: "Сохранить принятые меры; поделиться практиками на муниципальных мероприятиях."
            }
        }
    }

    public struct School: Sendable {
        public var code: String
        public var participants: Int
        /// Participant-weighted over the school's subjects and classes.
        public var success: Rational
        public var quality: Rational
        public var weakestSubjects: [String]
        public var group: Group
    }

    /// The period before `period` in the same school year (q1 → none, q2 → q1, h2 → h1);
    /// «year» compares with the previous school year's «year».
    public static func previous(_ period: String, year: Int) -> (period: String, year: Int)? {
        switch period {
        case "q2": ("q1", year)
        case "q3": ("q2", year)
        case "q4": ("q3", year)
        case "h2": ("h1", year)
        case "year": ("year", year - 1)
        default: nil
        }
    }

    /// A school's change against the previous period, in percentage points.
    public struct Change: Sendable {
        public var success: Rational, quality: Rational, previousGroup: Group
    }

    /// Changes of the schools present in both periods (the same thresholds for both).
    public static func changes(current: Result, previous: Result) -> [String: Change] {
        let before = Dictionary(uniqueKeysWithValues: previous.schools.map { ($0.code, $0) })
        var out: [String: Change] = [:]
        for s in current.schools {
            guard let p = before[s.code] else { continue }
            out[s.code] = Change(success: s.success - p.success, quality: s.quality - p.quality, previousGroup: p.group)
        }
        return out
    }

    public struct Result: Sendable {
        public var schools: [School]
        public var municipalSuccess: Rational?
        public var municipalQuality: Rational?
        public func members(_ g: Group) -> [School] { schools.filter { $0.group == g } }
    }

    /// Weighted means Σ nᵢ·pᵢ / Σ nᵢ; a school is in a low group when its mean is below the threshold.
    public static func analyze(_ rows: [Row], successThreshold: Rational, qualityThreshold: Rational) -> Result {
        var by: [String: [Row]] = [:]
        for r in rows where r.participants > 0 { by[r.schoolCode, default: []].append(r) }
        var schools: [School] = []
        var totalN = 0, totalS = Rational.zero, totalQ = Rational.zero
        for code in by.keys.sorted() {
            let rs = by[code]!
            let n = rs.reduce(0) { $0 + $1.participants }
            let s = rs.reduce(Rational.zero) { $0 + Rational($1.participants) * $1.success } / Rational(n)
            let q = rs.reduce(Rational.zero) { $0 + Rational($1.participants) * $1.quality } / Rational(n)
            totalN += n; totalS = totalS + s * Rational(n); totalQ = totalQ + q * Rational(n)
            let lowS = s < successThreshold, lowQ = q < qualityThreshold
            let group: Group = lowS && lowQ ? .lowBoth : lowQ ? .lowQuality : lowS ? .lowSuccess : .fine
            let weakest = rs.sorted { ($0.quality, $0.subject) < ($1.quality, $1.subject) }.prefix(2).map(\.subject)
            schools.append(School(code: code, participants: n, success: s, quality: q, weakestSubjects: Array(weakest), group: group))
        }
        return Result(schools: schools, municipalSuccess: totalN > 0 ? totalS / Rational(totalN) : nil,
                      municipalQuality: totalN > 0 ? totalQ / Rational(totalN) : nil)
    }
}
