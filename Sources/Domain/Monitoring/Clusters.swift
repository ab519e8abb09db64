import Foundation

/// What a school's results have in common with others (Concept §7.1: «использование
/// элементов кластеризации … систематизации деятельности в отношении схожих проблем»).
public struct SchoolProfile: Sendable, Hashable {
    /// Indicator 1 subjects with D < 0 (negative dynamics).
    public var egeNegativeSubjects: [String]
    /// Indicator 1 subjects with D = 0 («без изменений»): in the summary table while
    /// `includeNoChange` is on, but not a decline (DOMAIN §4), so counted apart.
    public var egeNoChangeSubjects: [String] = []
    public var indicator2Negative: Bool
    public var sharpChanges: Bool
    public var smallGroups: Bool
    /// A flagged confidence-interval check, an exclusion, a boundary peak, or Rosobrnadzor's list.
    public var objectivitySigns: Bool
    public var federalRisk: Bool
    /// Index of social well-being below the setting, or the status «сложные социальные условия».
    public var difficultConditions: Bool
    public var statuses: Set<SchoolRef.Status>
    /// At least one indicator cell has both years of data.
    public var hasData: Bool

    /// D < 0 in a subject: a decline. D = 0 alone is not (`egeNoChangeSubjects`).
    public var indicator1Negative: Bool { !egeNegativeSubjects.isEmpty }

    public init(egeNegativeSubjects: [String], egeNoChangeSubjects: [String] = [], indicator2Negative: Bool, sharpChanges: Bool,
                smallGroups: Bool, objectivitySigns: Bool, federalRisk: Bool, difficultConditions: Bool,
                statuses: Set<SchoolRef.Status>, hasData: Bool) {
        self.egeNegativeSubjects = egeNegativeSubjects; self.egeNoChangeSubjects = egeNoChangeSubjects
        self.indicator2Negative = indicator2Negative; self.sharpChanges = sharpChanges; self.smallGroups = smallGroups
        self.objectivitySigns = objectivitySigns; self.federalRisk = federalRisk; self.difficultConditions = difficultConditions
        self.statuses = statuses; self.hasData = hasData
    }
}

/// The rule table of clusters, in priority order: a school belongs to the first rule it
/// matches. Schools in difficult social conditions form a separate cluster within each
/// rule, since help for them differs (Concept §7.1: «персонификацию видов помощи»).
///
/// | # | rule | a school matches when |
/// |---|------|------------------------|
/// | 1 | objectivity | objectivity signs (flagged check, exclusion, boundary peak, Rosobrnadzor's list) |
/// | 2 | egeAndVpr | negative on indicator 1 and on indicator 2 |
/// | 3 | egeOnly | negative on indicator 1 only (D < 0; D = 0 is no decline) |
/// | 4 | vprOnly | negative on indicator 2 only |
/// | 5 | federalRisk | in the federal risk group, no negative dynamics |
/// | 6 | sharpChanges | a sharp change of a mark share, no negative dynamics |
/// | 7 | socialConditions | difficult social conditions, none of the above |
/// | 8 | insufficientData | no indicator cell with data for both years |
/// | 9 | stable | everything else |
public enum ClusterRule: String, CaseIterable, Codable, Sendable {
    case objectivity, egeAndVpr, egeOnly, vprOnly, federalRisk, sharpChanges, socialConditions, insufficientData, stable

    public var title: String {
        switch self {
        case .objectivity: "Признаки необъективности результатов"
        case .egeAndVpr: "Снижение результатов ЕГЭ и ВПР"
        case .egeOnly: "Снижение только по ЕГЭ"
        case .vprOnly: "Отрицательная динамика только по ВПР"
        case .federalRisk: "Высокая доля «2» (группа риска)"
        case .sharpChanges: "Резкие изменения без отрицательной динамики"
        case .socialConditions: "Сложные социальные условия при стабильных результатах"
        case .insufficientData: "Недостаточно данных"
        case .stable: "Стабильные результаты"
        }
    }

    public var description: String {
        switch self {
        case .objectivity: "Результаты хотя бы одной процедуры отмечены проверкой доверительного интервала, исключены из анализа, показывают пики на границах отметок или школа в списке Рособрнадзора. Сначала — проверка объективности оценивания."
        case .egeAndVpr: "Отрицательная динамика и среднего балла ЕГЭ (показатель 1), и результатов ВПР в 5–6 классах (показатель 2): проблема проходит через основную и среднюю школу."
        case .egeOnly: "Отрицательная динамика среднего балла ЕГЭ по русскому языку и (или) профильной математике при отсутствии отрицательной динамики ВПР."
        case .vprOnly: "Отрицательная динамика результатов ВПР по русскому языку и (или) математике в 5–6 классах при отсутствии снижения по ЕГЭ."
        case .federalRisk: "Доля отметок «2» не меньше порога в нескольких процедурах или два года подряд (показатели риска Рособрнадзора) без отрицательной динамики по показателям 1 и 2."
        case .sharpChanges: "Доля какой-либо отметки изменилась больше чем на пороговое значение, но по выбранному правилу это не отрицательная динамика."
        case .socialConditions: "Низкий индекс социального благополучия или статус школы в сложных социальных условиях; отрицательной динамики и признаков риска нет."
        case .insufficientData: "Ни по одному предмету нет результатов за оба года: динамику оценить нельзя."
        case .stable: "Отрицательной динамики, резких изменений и признаков риска нет."
        }
    }

    public func matches(_ p: SchoolProfile) -> Bool {
        switch self {
        case .objectivity: p.objectivitySigns
        case .egeAndVpr: p.indicator1Negative && p.indicator2Negative
        case .egeOnly: p.indicator1Negative
        case .vprOnly: p.indicator2Negative
        case .federalRisk: p.federalRisk
        case .sharpChanges: p.sharpChanges
        case .socialConditions: p.difficultConditions
        case .insufficientData: !p.hasData
        case .stable: true
        }
    }

    public static func rule(for p: SchoolProfile) -> ClusterRule {
        allCases.first { $0.matches(p) } ?? .stable
    }
}

/// One cluster: what its members share, and who they are (sorted by school code).
public struct Cluster: Sendable, Hashable {
    public var rule: ClusterRule
    /// The members are in difficult social conditions (a cluster within the rule).
    public var difficultConditions: Bool
    public var members: [String]

    public var title: String {
        rule.title + (difficultConditions && rule != .socialConditions ? " — в сложных социальных условиях" : "")
    }
    public var description: String {
        rule.description + (difficultConditions && rule != .socialConditions
            ? " Школы работают в сложных социальных условиях (низкий индекс социального благополучия или статус)." : "")
    }
}

public enum Clustering {
    /// Groups schools deterministically: the same profiles give the same clusters in the
    /// same order (rule order, then without/with difficult conditions), whatever the input order.
    public static func clusters(_ profiles: [(code: String, profile: SchoolProfile)]) -> [Cluster] {
        var groups: [Int: [String]] = [:]
        for (code, p) in profiles {
            let rule = ClusterRule.rule(for: p)
            let social = p.difficultConditions && rule != .socialConditions
            let slot = ClusterRule.allCases.firstIndex(of: rule)! * 2 + (social ? 1 : 0)
            groups[slot, default: []].append(code)
        }
        return groups.keys.sorted().map { slot in
            Cluster(rule: ClusterRule.allCases[slot / 2], difficultConditions: slot % 2 == 1, members: groups[slot]!.sorted())
        }
    }
}
