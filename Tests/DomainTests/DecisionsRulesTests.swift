import Domain
import Foundation
import Testing

@Suite("Decisions: drafts, execution, overdue, control") struct DecisionsRulesTests {
    let today = CalendarDay(year: 2026, month: 3, day: 10)!

    @Test func overdueAndLate() {
        let deadline = today.adding(days: -1)
        #expect(DecisionRules.isOverdue(deadline: deadline, state: .issued, today: today))
        #expect(DecisionRules.isOverdue(deadline: deadline, state: .returned, today: today))
        #expect(!DecisionRules.isOverdue(deadline: deadline, state: .reported, today: today), "the report waits for control: not the addressee's delay")
        #expect(!DecisionRules.isOverdue(deadline: today, state: .issued, today: today), "due today is not late yet")
        #expect(DecisionRules.isLate(deadline: deadline, reportDay: today) && !DecisionRules.isLate(deadline: today, reportDay: today))
    }

    @Test func reportAndControl() {
        let issued = today.adding(days: -10)
        #expect(DecisionRules.reportProblems(state: .issued, text: "Сделано", day: today, issued: issued, today: today).isEmpty)
        #expect(DecisionRules.reportProblems(state: .issued, text: "", day: today.adding(days: 1), issued: issued, today: today).map(\.field) == ["report", "report_day"])
        #expect(DecisionRules.reportProblems(state: .issued, text: "x", day: issued.adding(days: -1), issued: issued, today: today).map(\.field) == ["report_day"])
        #expect(DecisionRules.reportProblems(state: .reported, text: "x", day: today, issued: issued, today: today).map(\.field) == ["report"])
        #expect(DecisionRules.controlProblems(state: .reported, accept: true, comment: "").isEmpty)
        #expect(DecisionRules.controlProblems(state: .reported, accept: false, comment: "").map(\.field) == ["comment"])
        #expect(DecisionRules.controlProblems(state: .issued, accept: true, comment: "").map(\.field) == ["action"])
    }

    @Test func draftAndMonitoringText() {
        let school = UUID()
        var i = DecisionDraft.Input()
        i.type = "recommendation"; i.addressee = "school"; i.school = school.uuidString; i.horizon = "strategic"; i.form = "order"
        i.content = "Текст"; i.deadline = "20.03.2026"; i.responsible = "Директор"; i.reportForm = "Справка"
        #expect(DecisionDraft.parse(i, schools: [school], today: today).0?.schoolID == school)
        #expect(DecisionDraft.parse(i, schools: [], today: today).1.map(\.field) == ["school"])
        i.addressee = "center"
        #expect(DecisionDraft.parse(i, schools: [], today: today).0?.schoolID == nil, "the center needs no school")
        i.deadline = "09.03.2026"
        #expect(DecisionDraft.parse(i, schools: [], today: today).1.map(\.field) == ["deadline"])
        let t = DecisionDraft.fromMonitoringRow(school: "МБОУ-СОШ № 6", year: "2025", values: [("Показатель 1, ЕГЭ Математика", "r 1,020 → 0,880"), ("x", "")])
        #expect(t.source == "Мониторинг динамики образовательных результатов, 2025, МБОУ-СОШ № 6. Показатель 1, ЕГЭ Математика: r 1,020 → 0,880")
        #expect(t.content.hasSuffix("рекомендуется: ") && t.content.contains("(МБОУ-СОШ № 6: Показатель 1"))
    }
}
