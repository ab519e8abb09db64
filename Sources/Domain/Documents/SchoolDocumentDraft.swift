import Foundation

/// A document a school must submit: its kind, the risk of an anti-risk programme, its due date.
public struct SchoolDocumentDraft: Sendable, Equatable {
    public var kind: SchoolDocumentKind
    public var risk: String
    public var due: CalendarDay

    /// The draft from the form's text, or the errors naming the fields (Russian, saying what to fix).
    public static func parse(kind: String, risk: String, due: String) -> (SchoolDocumentDraft?, [FieldError]) {
        var errors: [FieldError] = []
        let k = SchoolDocumentKind(rawValue: kind)
        if k == nil { errors.append(FieldError(field: "kind", message: "Выберите вид документа из списка.")) }
        let r = risk.trimmingCharacters(in: .whitespacesAndNewlines)
        if k == .antiRisk && r.isEmpty {
            errors.append(FieldError(field: "risk", message: "Антирисковая программа пишется на один риск: укажите его, например «Дефицит педагогических кадров»."))
        }
        if r.count > 300 { errors.append(FieldError(field: "risk", message: "Название риска длиннее 300 знаков: сократите его.")) }
        let d = CalendarDay.parse(due.trimmingCharacters(in: .whitespaces))
        if d == nil { errors.append(FieldError(field: "due", message: due.isEmpty ? "Укажите срок сдачи документа." : "Срок сдачи — дата в виде дд.мм.гггг.")) }
        guard errors.isEmpty, let k, let d else { return (nil, errors) }
        return (SchoolDocumentDraft(kind: k, risk: k == .antiRisk ? r : "", due: d), [])
    }

    /// The document's name in lists: its kind, and the risk of an anti-risk programme.
    public var title: String { SchoolDocumentDraft.title(kind, risk: risk) }

    public static func title(_ kind: SchoolDocumentKind, risk: String) -> String {
        kind == .antiRisk && !risk.isEmpty ? "\(kind.title): «\(risk)»" : kind.title
    }
}
