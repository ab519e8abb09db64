import Foundation

/// One long-form row of `opora plans figures`: `plan_owner, plan_kind, plan_year, plan_title, figure, value`.
public struct PlanFigureRow: Sendable, Hashable, Codable {
    /// The school's code, or `municipality`.
    public var planOwner: String
    public var planKind: String
    public var planYear: Int
    public var planTitle: String
    public var figure: String
    public var value: String

    public init(planOwner: String, planKind: String, planYear: Int, planTitle: String, figure: String, value: String) {
        self.planOwner = planOwner; self.planKind = planKind; self.planYear = planYear; self.planTitle = planTitle
        self.figure = figure; self.value = value
    }

    enum CodingKeys: String, CodingKey {
        case planOwner = "plan_owner", planKind = "plan_kind", planYear = "plan_year", planTitle = "plan_title", figure, value
    }
}

extension PlanFigures {
    /// A plan as the export names it.
    public struct PlanKey: Sendable, Hashable {
        public var owner: String, kind: String, year: Int, title: String
        public init(owner: String, kind: String, year: Int, title: String) { self.owner = owner; self.kind = kind; self.year = year; self.title = title }
    }

    public static func rows(_ plans: [(PlanKey, Result)]) -> [PlanFigureRow] {
        plans.flatMap { key, r in
            values(r).map { PlanFigureRow(planOwner: key.owner, planKind: key.kind, planYear: key.year, planTitle: key.title, figure: $0.figure, value: $0.value) }
        }
    }

    public static let csvHeader = "plan_owner,plan_kind,plan_year,plan_title,figure,value"

    public static func csv(_ rows: [PlanFigureRow]) -> String {
        var text = csvHeader + "\n"
        for r in rows {
            text += [r.planOwner, r.planKind, String(r.planYear), r.planTitle, r.figure, r.value].map(MonitoringRow.csvField).joined(separator: ",") + "\n"
        }
        return text
    }

    public static func json(_ rows: [PlanFigureRow]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(rows) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}
