import Domain
import Foundation
import Testing

@Suite("Audits of documents: checklist, protocol, fix deadline, re-check") struct RisksAuditRulesTests {
    let d = { (y: Int, m: Int, day: Int) in CalendarDay(year: y, month: m, day: day)! }

    @Test func checklistIsOneItemPerLine() {
        #expect(DocumentAuditRules.items("  Программа развития \n\n Дорожная карта\r\n") == ["Программа развития", "Дорожная карта"])
    }

    @Test func protocol_() {
        let items = ["Программа", "Дорожная карта", "Антирисковые программы"]
        let bad = DocumentAuditRules.protocolProblems(items: items, marks: [true, false, nil], notes: ["", "", ""], held: d(2026, 3, 12), fixDeadline: nil, today: d(2026, 3, 10))
        #expect(Set(bad.errors.map(\.field)) == ["mark_2", "note_1", "held", "fix_deadline"])
        let late = DocumentAuditRules.protocolProblems(items: items, marks: [true, false, true], notes: ["", "нет сроков", ""], held: d(2026, 3, 10),
                                                        fixDeadline: d(2026, 3, 10), today: d(2026, 3, 10))
        #expect(late.errors.map(\.field) == ["fix_deadline"])
        let ok = DocumentAuditRules.protocolProblems(items: items, marks: [true, false, true], notes: ["", "нет сроков", ""], held: d(2026, 3, 10),
                                                      fixDeadline: d(2026, 4, 10), today: d(2026, 3, 10))
        #expect(ok.errors.isEmpty && DocumentAuditRules.state(after: ok.findings) == .violations)
        let clean = DocumentAuditRules.protocolProblems(items: items, marks: [true, true, true], notes: [], held: d(2026, 3, 10), fixDeadline: nil, today: d(2026, 3, 10))
        #expect(clean.errors.isEmpty && DocumentAuditRules.state(after: clean.findings) == .closed)
    }

    @Test func recheckAndOverdue() {
        #expect(DocumentAuditRules.recheckProblems(state: .closed, day: d(2026, 4, 1), held: d(2026, 3, 10), today: d(2026, 4, 1), fixed: true, note: "").map(\.field) == ["fixed"])
        #expect(Set(DocumentAuditRules.recheckProblems(state: .violations, day: d(2026, 3, 1), held: d(2026, 3, 10), today: d(2026, 4, 1), fixed: false, note: "")
            .map(\.field)) == ["recheck_day", "recheck_note"])
        #expect(DocumentAuditRules.recheckProblems(state: .violations, day: d(2026, 4, 1), held: d(2026, 3, 10), today: d(2026, 4, 1), fixed: true, note: "").isEmpty)
        #expect(DocumentAuditRules.isOverdue(state: .violations, fixDeadline: d(2026, 4, 10), today: d(2026, 4, 11)))
        #expect(!DocumentAuditRules.isOverdue(state: .violations, fixDeadline: d(2026, 4, 10), today: d(2026, 4, 10)))
        #expect(!DocumentAuditRules.isOverdue(state: .closed, fixDeadline: d(2026, 4, 10), today: d(2026, 5, 1)))
    }
}
