import Foundation

/// Planned audits of documents (issue 11, «Audits»; Concept §6.1): a checklist per audit kind, the
/// protocol (each item conforms or is a violation with a note), the deadline to fix, the re-check.
public enum DocumentAuditState: String, CaseIterable, Sendable {
    case planned, violations, closed
    public var title: String {
        switch self {
        case .planned: "запланирован"
        case .violations: "нарушения: устранить"
        case .closed: "закрыт"
        }
    }
}

public struct DocumentAuditFinding: Codable, Sendable, Equatable {
    public var item: String, ok: Bool, note: String
    public init(item: String, ok: Bool, note: String) { self.item = item; self.ok = ok; self.note = note }
}

public enum DocumentAuditRules {
    /// The checklist as stored: one item per line, blank lines dropped.
    public static func items(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The protocol: every item marked (`true` conforms, `false` violation, nil unmarked), a note on each
    /// violation, the day held (not in the future), and with a violation a fix deadline after that day.
    public static func protocolProblems(items: [String], marks: [Bool?], notes: [String], held: CalendarDay?, fixDeadline: CalendarDay?,
                                        today: CalendarDay) -> (findings: [DocumentAuditFinding], errors: [FieldError]) {
        var e: [FieldError] = []
        var findings: [DocumentAuditFinding] = []
        for (k, item) in items.enumerated() {
            let mark = k < marks.count ? marks[k] : nil
            let note = k < notes.count ? notes[k].trimmingCharacters(in: .whitespacesAndNewlines) : ""
            guard let ok = mark else { e.append(FieldError(field: "mark_\(k)", message: "Отметьте пункт «\(item)»: соответствует или нарушение.")); continue }
            if !ok && note.isEmpty { e.append(FieldError(field: "note_\(k)", message: "Опишите нарушение по пункту «\(item)».")) }
            findings.append(DocumentAuditFinding(item: item, ok: ok, note: String(note.prefix(1000))))
        }
        if let held {
            if held > today { e.append(FieldError(field: "held", message: "Дата проверки \(held.ru) ещё не наступила.")) }
        } else { e.append(FieldError(field: "held", message: "Укажите дату проверки в виде дд.мм.гггг.")) }
        if findings.contains(where: { !$0.ok }) {
            if let f = fixDeadline { if let held, f <= held { e.append(FieldError(field: "fix_deadline", message: "Срок устранения \(f.ru) должен быть позже даты проверки.")) } }
            else { e.append(FieldError(field: "fix_deadline", message: "Есть нарушения: укажите срок их устранения.")) }
        }
        return (findings, e)
    }

    /// The state after the protocol: violations to fix, or closed.
    public static func state(after findings: [DocumentAuditFinding]) -> DocumentAuditState {
        findings.contains { !$0.ok } ? .violations : .closed
    }

    /// The re-check: only with violations; its day not before the audit, not in the future.
    public static func recheckProblems(state: DocumentAuditState, day: CalendarDay?, held: CalendarDay, today: CalendarDay, fixed: Bool?, note: String) -> [FieldError] {
        guard state == .violations else { return [FieldError(field: "fixed", message: "Повторная проверка нужна только при нарушениях.")] }
        var e: [FieldError] = []
        if let day {
            if day > today { e.append(FieldError(field: "recheck_day", message: "Дата повторной проверки \(day.ru) ещё не наступила.")) }
            if day < held { e.append(FieldError(field: "recheck_day", message: "Повторная проверка не может быть раньше проверки \(held.ru).")) }
        } else { e.append(FieldError(field: "recheck_day", message: "Укажите дату повторной проверки.")) }
        if fixed == nil { e.append(FieldError(field: "fixed", message: "Выберите: нарушения устранены или нет.")) }
        if fixed == false && note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            e.append(FieldError(field: "recheck_note", message: "Напишите, что осталось не устранено."))
        }
        return e
    }

    /// Overdue: violations not fixed and the deadline has passed.
    public static func isOverdue(state: DocumentAuditState, fixDeadline: CalendarDay?, today: CalendarDay) -> Bool {
        state == .violations && (fixDeadline.map { $0 < today } ?? false)
    }
}
