import Foundation

/// A new decision or recommendation from its form; every field's problem in Russian.
public struct DecisionDraft: Sendable, Equatable {
    public var type: DecisionType
    public var addressee: DecisionAddressee
    public var schoolID: UUID?
    public var horizon: DecisionHorizon
    public var form: DecisionForm
    public var number: String
    public var content: String
    public var deadline: CalendarDay
    public var responsible: String
    public var reportForm: String
    public var source: String

    public struct Input: Sendable {
        public var type = "", addressee = "", school = "", horizon = "", form = "", number = "", content = ""
        public var deadline = "", responsible = "", reportForm = "", source = ""
        public init() {}
    }

    /// `schools`: the schools of the municipality one may address.
    public static func parse(_ i: Input, schools: Set<UUID>, today: CalendarDay) -> (DecisionDraft?, [FieldError]) {
        var e: [FieldError] = []
        let type = DecisionType(rawValue: i.type)
        if type == nil { e.append(FieldError(field: "type", message: "Выберите: управленческое решение или адресная рекомендация.")) }
        let addressee = DecisionAddressee(rawValue: i.addressee)
        if addressee == nil { e.append(FieldError(field: "addressee", message: "Выберите, кому адресовано: управление образования, центр, директор школы или школа.")) }
        let school = UUID(uuidString: i.school)
        if addressee?.needsSchool == true {
            if school == nil { e.append(FieldError(field: "school", message: "Выберите школу, которой адресовано решение.")) }
            else if !schools.contains(school!) { e.append(FieldError(field: "school", message: "Эта школа не из вашего муниципалитета: выберите школу из списка.")) }
        }
        let horizon = DecisionHorizon(rawValue: i.horizon)
        if horizon == nil { e.append(FieldError(field: "horizon", message: "Выберите: оперативное или стратегическое.")) }
        let form = DecisionForm(rawValue: i.form)
        if form == nil { e.append(FieldError(field: "form", message: "Выберите форму: приказ, распоряжение, письмо, методические рекомендации…")) }
        let content = i.content.trimmingCharacters(in: .whitespacesAndNewlines)
        if content.isEmpty { e.append(FieldError(field: "content", message: "Напишите содержание: что поручается или рекомендуется.")) }
        if content.count > 5000 { e.append(FieldError(field: "content", message: "Содержание длиннее 5000 знаков: сократите его или приложите документ.")) }
        let deadline = CalendarDay.parse(i.deadline.trimmingCharacters(in: .whitespaces))
        if deadline == nil { e.append(FieldError(field: "deadline", message: i.deadline.isEmpty ? "Укажите срок исполнения." : "Срок исполнения — дата в виде дд.мм.гггг.")) }
        else if deadline! < today { e.append(FieldError(field: "deadline", message: "Срок \(deadline!.ru) уже прошёл: укажите срок не раньше сегодняшнего дня.")) }
        let responsible = i.responsible.trimmingCharacters(in: .whitespacesAndNewlines)
        if responsible.isEmpty { e.append(FieldError(field: "responsible", message: "Укажите ответственного, например «Директор школы» или фамилию.")) }
        let reportForm = i.reportForm.trimmingCharacters(in: .whitespacesAndNewlines)
        if reportForm.isEmpty { e.append(FieldError(field: "report_form", message: "Укажите форму отчёта, например «Аналитическая справка»." )) }
        guard e.isEmpty, let type, let addressee, let horizon, let form, let deadline else { return (nil, e) }
        return (DecisionDraft(type: type, addressee: addressee, schoolID: addressee.needsSchool ? school : nil, horizon: horizon, form: form,
                              number: String(i.number.trimmingCharacters(in: .whitespaces).prefix(100)), content: content, deadline: deadline,
                              responsible: String(responsible.prefix(300)), reportForm: String(reportForm.prefix(300)), source: String(i.source.prefix(2000))), [])
    }

    /// The prefilled content of a recommendation from a row of the results monitoring: the school,
    /// the year and the indicator values as text (the reader edits it before saving).
    public static func fromMonitoringRow(school: String, year: String, values: [(String, String)]) -> (content: String, source: String) {
        let figures = values.filter { !$0.1.isEmpty }.map { "\($0.0): \($0.1)" }.joined(separator: "; ")
        let source = "Мониторинг динамики образовательных результатов, \(year), \(school)" + (figures.isEmpty ? "" : ". " + figures)
        let content = "По итогам мониторинга динамики образовательных результатов за \(year) (\(school)"
            + (figures.isEmpty ? "" : ": " + figures) + ") рекомендуется: "
        return (content, source)
    }
}
