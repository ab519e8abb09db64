import Domain
import Foundation
import Testing

@Suite("Risks: the Concept's deadline rules, the matrix cells, the form, the factor model") struct RisksRulesTests {
    let d = { (y: Int, m: Int, day: Int) in CalendarDay(year: y, month: m, day: day)! }

    @Test func cyclicRiskHasTwoDeadlines() {
        // Registered 10.02.2026, next possible occurrence (the spring ВПР) 15.04.2026.
        let due = RiskDeadlines.due(registered: d(2026, 2, 10), cyclic: true, nextOccurrence: d(2026, 4, 15))
        #expect(due.decision == d(2026, 2, 10), "the decision: at once")
        #expect(due.measures == d(2026, 4, 14), "the measures: before the next occurrence")
        let plain = RiskDeadlines.due(registered: d(2026, 2, 10), cyclic: false, nextOccurrence: d(2026, 4, 15))
        #expect(plain.decision == nil && plain.measures == nil)
    }

    @Test func nextYearDecisionsByJune() {
        #expect(RiskDeadlines.nextYearDecisionsBy(d(2026, 3, 1)) == d(2026, 6, 30))
        #expect(RiskDeadlines.nextYearDecisionsBy(d(2026, 6, 30)) == d(2026, 6, 30))
        #expect(RiskDeadlines.nextYearDecisionsBy(d(2026, 7, 1)) == d(2027, 6, 30))
    }

    @Test func decisionOverdue() {
        #expect(!RiskDeadlines.decisionOverdue(due: d(2026, 2, 10), decided: nil, today: d(2026, 2, 10)))
        #expect(RiskDeadlines.decisionOverdue(due: d(2026, 2, 10), decided: nil, today: d(2026, 2, 11)))
        #expect(!RiskDeadlines.decisionOverdue(due: d(2026, 2, 10), decided: d(2026, 2, 12), today: d(2026, 3, 1)))
        #expect(!RiskDeadlines.decisionOverdue(due: nil, decided: nil, today: d(2026, 3, 1)))
    }

    @Test func matrixCellIsTheHighestLevel() {
        let a = UUID(), b = UUID()
        let cells = RiskMatrix.cells([.init(school: a, kind: "staffing", level: .low), .init(school: a, kind: "staffing", level: .high),
                                      .init(school: a, kind: "staffing", level: .medium), .init(school: a, kind: "social", level: .medium),
                                      .init(school: b, kind: "staffing", level: .low)])
        #expect(cells[a]?["staffing"] == .high)
        #expect(cells[a]?["social"] == .medium)
        #expect(cells[b]?["staffing"] == .low && cells[b]?["social"] == nil)
        #expect(cells.count == 2)
    }

    @Test func formProblemsInRussian() {
        let item = UUID()
        var i = RiskDraft.Input()
        i.kind = "nope"; i.cyclic = true; i.registered = "2026-03-01"; i.nextOccurrence = "2026-02-01"; i.measures = [UUID().uuidString]
        let (draft, e) = RiskDraft.parse(i, kinds: ["staffing"], items: [item], today: d(2026, 3, 10))
        #expect(draft == nil)
        #expect(Set(e.map(\.field)) == ["kind", "manageability", "level", "evidence", "owner", "next_occurrence", "measures"])
        #expect(e.first { $0.field == "next_occurrence" }?.message.contains("позже даты выявления") == true)
        i = RiskDraft.Input()
        i.kind = "staffing"; i.manageability = "weak"; i.level = "high"; i.evidence = "Две вакансии"; i.owner = "Директор"
        i.cyclic = true; i.registered = "01.03.2026"; i.measures = [item.uuidString, item.uuidString]
        #expect(RiskDraft.parse(i, kinds: ["staffing"], items: [item], today: d(2026, 3, 10)).1.map(\.field) == ["next_occurrence"])
        i.nextOccurrence = "2026-04-15"
        let ok = RiskDraft.parse(i, kinds: ["staffing"], items: [item], today: d(2026, 3, 10))
        #expect(ok.1.isEmpty && ok.0?.measures == [item] && ok.0?.registered == d(2026, 3, 1) && ok.0?.level == .high)
        i.registered = "2026-03-11"
        #expect(RiskDraft.parse(i, kinds: ["staffing"], items: [item], today: d(2026, 3, 10)).1.first?.message.contains("ещё не наступила") == true)
    }

    @Test func factorModel() throws {
        let text = #"{"indicators":[{"title":"Вакансии","source":"отчёт","normalisation":"доля","weight":2},{"title":"Совместители","source":"ОО-1","normalisation":"доля","weight":1}],"cutPoints":{"medium":0.4,"high":0.7}}"#
        let (model, problem) = RiskFactorModel.validate(text)
        #expect(problem == nil)
        let m = try #require(model)
        // (2·0.9 + 1·0.6) / 3 = 0.8 → high; (2·0.5 + 1·0.3) / 3 ≈ 0.43 → medium; (2·0.3 + 0) / 3 = 0.2 → low.
        #expect(m.level(normalised: [0.9, 0.6]) == .high)
        #expect(m.level(normalised: [0.5, 0.3]) == .medium)
        #expect(m.level(normalised: [0.3, 0.0]) == .low)
        #expect(m.level(normalised: [0.3]) == nil)
        #expect(RiskFactorModel.validate("").0 == nil && RiskFactorModel.validate("").1 == nil)
        #expect(RiskFactorModel.validate("{").1?.contains("не читается") == true)
        #expect(RiskFactorModel.validate(#"{"indicators":[],"cutPoints":{"medium":0.4,"high":0.7}}"#).1?.contains("хотя бы один") == true)
        #expect(RiskFactorModel.validate(text.replacingOccurrences(of: "0.7", with: "0.3")).1?.contains("Пороги") == true)
    }
}
