/// How the summary table is ordered (a rule of the monitoring, not of the page): by the
/// default order of the result, by the worst indicator 1 (lowest D first), or by the
/// largest growth of the share of «2» in indicator 2.
public enum SummaryOrder: String, Sendable, CaseIterable {
    case name, d1, d2

    public init(query: String?) { self = query.flatMap(SummaryOrder.init(rawValue:)) ?? .name }

    public func apply(_ rows: [SchoolResult]) -> [SchoolResult] {
        switch self {
        case .name: rows
        case .d1: rows.sorted { ($0.indicator1.compactMap(\.d).min() ?? .zero) < ($1.indicator1.compactMap(\.d).min() ?? .zero) }
        case .d2: rows.sorted { ($0.indicator2.compactMap { $0.delta(2) }.max() ?? .zero) > ($1.indicator2.compactMap { $0.delta(2) }.max() ?? .zero) }
        }
    }
}

/// A municipality's own words for the two statuses (its order may say «ШНОР» or «ШНОР»/
/// «школы с низкими результатами», «ШССУ»…), from the registry's status labels.
public struct StatusWords: Sendable, Hashable {
    public var low: String
    public var difficult: String
    public init(low: String = "ШНОР", difficult: String = "ШССУ") { self.low = low; self.difficult = difficult }
}
