import Domain
import Foundation
import Testing

@Suite("School documents: the review workflow and the control order") struct DocumentsWorkflowTests {
    let today = CalendarDay(year: 2026, month: 3, day: 10)!

    @Test func transitions() throws {
        #expect(DocumentWorkflow.submitProblem(state: .required, hasFile: false, hasPlan: false) != nil)
        #expect(DocumentWorkflow.submitProblem(state: .required, hasFile: true, hasPlan: false) == nil)
        #expect(DocumentWorkflow.submitProblem(state: .returned, hasFile: false, hasPlan: true) == nil)
        #expect(DocumentWorkflow.submitProblem(state: .underReview, hasFile: true, hasPlan: false) != nil)
        #expect(DocumentWorkflow.submitProblem(state: .accepted, hasFile: true, hasPlan: false) != nil)
        #expect(try DocumentWorkflow.review(.start, state: .submitted, comment: "").get() == .underReview)
        #expect(try DocumentWorkflow.review(.accept, state: .underReview, comment: "").get() == .accepted)
        #expect(try DocumentWorkflow.review(.return, state: .submitted, comment: "Нет показателей").get() == .returned)
        if case .failure(let r) = DocumentWorkflow.review(.return, state: .underReview, comment: "  ") { #expect(r.field == "comment") } else { Issue.record("a return needs comments") }
        if case .success = DocumentWorkflow.review(.accept, state: .required, comment: "") { Issue.record("nothing submitted to accept") }
        if case .success = DocumentWorkflow.review(.start, state: .underReview, comment: "") { Issue.record("already under review") }
    }

    @Test func overdueAndOrder() {
        #expect(DocumentWorkflow.isOverdue(due: today.adding(days: -1), state: .required, today: today))
        #expect(DocumentWorkflow.isOverdue(due: today.adding(days: -1), state: .returned, today: today))
        #expect(!DocumentWorkflow.isOverdue(due: today, state: .required, today: today), "due today is not late yet")
        #expect(!DocumentWorkflow.isOverdue(due: today.adding(days: -9), state: .submitted, today: today))
        let docs: [(String, Int, SchoolDocumentState)] = [("accepted", -30, .accepted), ("review", -20, .submitted), ("later", 5, .required),
                                                           ("late2", -2, .returned), ("late1", -9, .required)]
        let order = docs.sorted { DocumentWorkflow.controlRank(due: today.adding(days: $0.1), state: $0.2, today: today) < DocumentWorkflow.controlRank(due: today.adding(days: $1.1), state: $1.2, today: today) }
        #expect(order.map(\.0) == ["late1", "late2", "later", "review", "accepted"])
    }

    @Test func draft() {
        let (d, e) = SchoolDocumentDraft.parse(kind: "anti_risk", risk: " Дефицит педагогических кадров ", due: "01.04.2026")
        #expect(e.isEmpty && d?.risk == "Дефицит педагогических кадров" && d?.due == CalendarDay(year: 2026, month: 4, day: 1))
        #expect(d?.title == "Антирисковая программа: «Дефицит педагогических кадров»")
        #expect(SchoolDocumentDraft.parse(kind: "anti_risk", risk: "", due: "").1.map(\.field) == ["risk", "due"])
        #expect(SchoolDocumentDraft.parse(kind: "x", risk: "", due: "2026-04-01").1.map(\.field) == ["kind"])
        #expect(SchoolDocumentDraft.parse(kind: "concept", risk: "ignored", due: "2026-04-01").0?.risk == "")
    }
}
