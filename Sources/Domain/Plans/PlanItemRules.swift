import Foundation

/// The checks of a plan item, shared by the form and the import (each problem names its field).
public enum PlanItemRules {
    public enum Field: String, Sendable { case measure, start, deadline, recurrence, status, doneDates = "done_dates" }

    /// Problems of an item's dates and executions, in Russian, saying what to fix.
    /// `doneDates`: the days the occurrences were executed, in the order of the occurrences.
    public static func problems(measure: String, start: CalendarDay?, deadline: CalendarDay?, recurrence: PlanRecurrence,
                                doneDates: [CalendarDay] = []) -> [(Field, String)] {
        var out: [(Field, String)] = []
        if measure.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            out.append((.measure, "Опишите мероприятие, например «Семинар для управленческих команд по анализу ВПР»."))
        }
        guard let deadline else {
            out.append((.deadline, "Укажите срок (дд.мм.гггг). У повторяющегося пункта срок — конец периода повторения."))
            return out
        }
        if let start, deadline < start {
            out.append((.deadline, "Срок \(deadline.ru) раньше начала \(start.ru): поменяйте даты местами или исправьте одну из них."))
            return out
        }
        if recurrence != .none && start == nil {
            out.append((.start, "У повторяющегося пункта («\(recurrence.title)») укажите начало: наступления считаются внутри отрезка от начала до срока."))
            return out
        }
        let occurrences = PlanOccurrences.dueDays(start: start, deadline: deadline, recurrence: recurrence)
        if occurrences.isEmpty {
            out.append((.recurrence, "Повторение «\(recurrence.title)» с \(start?.ru ?? "") по \(deadline.ru) не даёт ни одного наступления: "
                        + "в отрезок не попадает ни один конец периода. Расширьте отрезок или выберите «без повторения»."))
            return out
        }
        if doneDates.count > occurrences.count {
            out.append((.doneDates, "Дат исполнения \(doneDates.count), а наступлений у пункта \(occurrences.count): уберите лишние даты."))
        }
        if let start, let early = doneDates.first(where: { $0 < start }) {
            out.append((.doneDates, "Дата исполнения \(early.ru) раньше начала пункта \(start.ru): исправьте дату."))
        }
        return out
    }
}
