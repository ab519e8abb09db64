import Foundation

/// A school's risk from its form; every field's problem in Russian.
public struct RiskDraft: Sendable, Equatable {
    public var kind: String
    public var manageability: RiskManageability
    public var level: RiskLevel
    public var evidence: String
    public var owner: String
    public var cyclic: Bool
    public var registered: CalendarDay
    public var nextOccurrence: CalendarDay?
    public var decided: CalendarDay?
    public var measures: [UUID]

    public struct Input: Sendable {
        public var kind = "", manageability = "", level = "", evidence = "", owner = "", cyclic = false
        public var registered = "", nextOccurrence = "", decided = "", measures: [String] = []
        public init() {}
    }

    /// `kinds`: the active kinds' codes; `items`: the plan items of the school's and the municipality's plans.
    public static func parse(_ i: Input, kinds: Set<String>, items: Set<UUID>, today: CalendarDay) -> (RiskDraft?, [FieldError]) {
        var e: [FieldError] = []
        if !kinds.contains(i.kind) { e.append(FieldError(field: "kind", message: "Выберите вид риска из справочника.")) }
        let m = RiskManageability(rawValue: i.manageability)
        if m == nil { e.append(FieldError(field: "manageability", message: "Выберите управляемость: управляемый, слабоуправляемый или неуправляемый.")) }
        let level = RiskLevel(rawValue: i.level)
        if level == nil { e.append(FieldError(field: "level", message: "Выберите уровень риска: низкий, средний или высокий.")) }
        let evidence = i.evidence.trimmingCharacters(in: .whitespacesAndNewlines)
        if evidence.isEmpty { e.append(FieldError(field: "evidence", message: "Опишите основания: какие данные показывают риск.")) }
        let owner = i.owner.trimmingCharacters(in: .whitespacesAndNewlines)
        if owner.isEmpty { e.append(FieldError(field: "owner", message: "Укажите владельца риска, например «Заместитель директора по УВР»." )) }
        let registered = Self.day(i.registered, "registered", "Дата выявления", &e)
        if let r = registered, r > today { e.append(FieldError(field: "registered", message: "Дата выявления \(r.ru) ещё не наступила: укажите фактическую дату.")) }
        let next = Self.day(i.nextOccurrence, "next_occurrence", "Ближайшее возможное проявление", &e, optional: !i.cyclic)
        if i.cyclic, let n = next, let r = registered, n <= r {
            e.append(FieldError(field: "next_occurrence", message: "Ближайшее возможное проявление \(n.ru) должно быть позже даты выявления \(r.ru)."))
        }
        let decided = Self.day(i.decided, "decided", "Дата решения", &e, optional: true)
        if let d = decided, d > today { e.append(FieldError(field: "decided", message: "Дата решения \(d.ru) ещё не наступила: укажите её, когда решение принято.")) }
        var measures: [UUID] = []
        for raw in i.measures where !raw.isEmpty {
            guard let id = UUID(uuidString: raw), items.contains(id) else {
                e.append(FieldError(field: "measures", message: "Мера не из планов этой школы или муниципалитета: выберите пункты плана из списка.")); break
            }
            if !measures.contains(id) { measures.append(id) }
        }
        guard e.isEmpty, let m, let level, let registered else { return (nil, e) }
        return (RiskDraft(kind: i.kind, manageability: m, level: level, evidence: String(evidence.prefix(3000)), owner: String(owner.prefix(300)),
                          cyclic: i.cyclic, registered: registered, nextOccurrence: next, decided: decided, measures: measures), [])
    }

    static func day(_ raw: String, _ field: String, _ label: String, _ e: inout [FieldError], optional: Bool = false) -> CalendarDay? {
        let t = raw.trimmingCharacters(in: .whitespaces)
        if t.isEmpty {
            if !optional { e.append(FieldError(field: field, message: field == "next_occurrence" ? "Для циклического риска укажите дату его ближайшего возможного проявления." : "Укажите: \(label.lowercased()).")) }
            return nil
        }
        guard let d = CalendarDay.parse(t) else { e.append(FieldError(field: field, message: "\(label) — дата в виде дд.мм.гггг.")); return nil }
        return d
    }
}

/// The model of a risk-profile factor (500+): indicators with source, normalisation and weight, and the
/// cut-points of the weighted score → level. Kept as JSON text on the kind (editable reference data).
public struct RiskFactorModel: Codable, Sendable, Equatable {
    public struct Indicator: Codable, Sendable, Equatable {
        public var title: String, source: String, normalisation: String, weight: Double
    }
    /// Score (0…1, the weighted mean of normalised indicators) from which the level is medium / high.
    public struct CutPoints: Codable, Sendable, Equatable { public var medium: Double, high: Double }
    public var indicators: [Indicator]
    public var cutPoints: CutPoints

    /// The text as stored: empty (no model) or a valid model; the problem in Russian otherwise.
    public static func validate(_ text: String) -> (RiskFactorModel?, String?) {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { return (nil, nil) }
        guard let m = try? JSONDecoder().decode(RiskFactorModel.self, from: Data(t.utf8)) else {
            return (nil, "Модель не читается: нужен JSON вида {\"indicators\": [{\"title\", \"source\", \"normalisation\", \"weight\"}], \"cutPoints\": {\"medium\", \"high\"}}.")
        }
        if m.indicators.isEmpty { return (nil, "Добавьте в модель хотя бы один индикатор.") }
        if m.indicators.contains(where: { $0.weight <= 0 }) { return (nil, "Вес каждого индикатора должен быть больше нуля.") }
        if !(0 < m.cutPoints.medium && m.cutPoints.medium < m.cutPoints.high && m.cutPoints.high <= 1) {
            return (nil, "Пороги уровня: 0 < «средний» < «высокий» ≤ 1.")
        }
        return (m, nil)
    }

    /// The level of a score: weighted mean of normalised values (0…1) against the cut-points.
    public func level(normalised values: [Double]) -> RiskLevel? {
        guard values.count == indicators.count else { return nil }
        let w = indicators.map(\.weight).reduce(0, +)
        let score = zip(indicators, values).map { $0.weight * $1 }.reduce(0, +) / w
        return score >= cutPoints.high ? .high : score >= cutPoints.medium ? .medium : .low
    }
}
