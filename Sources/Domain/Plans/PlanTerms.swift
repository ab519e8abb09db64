import Foundation

/// How often a plan item recurs over [start, deadline] (issue 11, «Plans»).
public enum PlanRecurrence: String, TitledTerm {
    case none, monthly, quarterly
    case halfYear = "half_year"

    public var title: String {
        switch self {
        case .none: "без повторения"
        case .monthly: "ежемесячно"
        case .quarterly: "ежеквартально"
        case .halfYear: "раз в полугодие"
        }
    }
    public var aliases: [String] {
        switch self {
        case .none: ["нет", "однократно", "разово", "—", "-"]
        case .monthly: ["ежемесячно", "каждый месяц", "месяц"]
        case .quarterly: ["ежеквартально", "каждый квартал", "квартал"]
        case .halfYear: ["полугодие", "раз в полгода", "каждое полугодие", "halfyear", "half-year"]
        }
    }
    /// Months in one period of the recurrence; nil without recurrence.
    public var months: Int? {
        switch self {
        case .none: nil
        case .monthly: 1
        case .quarterly: 3
        case .halfYear: 6
        }
    }
}

/// The state of a plan item.
public enum PlanItemStatus: String, TitledTerm {
    case planned
    case inProgress = "in_progress"
    case done, cancelled

    public var title: String {
        switch self {
        case .planned: "запланирован"
        case .inProgress: "выполняется"
        case .done: "выполнен"
        case .cancelled: "отменён"
        }
    }
    public var aliases: [String] {
        switch self {
        case .planned: ["запланировано", "план", "planned"]
        case .inProgress: ["в работе", "выполняется", "в процессе", "inprogress"]
        case .done: ["выполнено", "исполнено", "исполнен"]
        case .cancelled: ["отменено", "отмена", "canceled"]
        }
    }
}

/// Whom a measure is for (Concept §4): the management team, school methodological associations, teachers.
public enum PlanTargetGroup: String, TitledTerm, Comparable {
    case management, shmo, teachers

    public var title: String {
        switch self {
        case .management: "управленческая команда"
        case .shmo: "ШМО"
        case .teachers: "педагоги"
        }
    }
    public var aliases: [String] {
        switch self {
        case .management: ["управленческие команды", "администрация", "руководители"]
        case .shmo: ["школьные методические объединения", "методические объединения", "шмо"]
        case .teachers: ["учителя", "педагогические работники", "педагог", "учитель"]
        }
    }
    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// A comma (or semicolon) list of groups; nil with the first word that is not a group.
    public static func parseList(_ text: String) -> (groups: [PlanTargetGroup], unknown: String?) {
        var out: [PlanTargetGroup] = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let t = part.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { continue }
            guard let g = parse(t) else { return (out, t) }
            if !out.contains(g) { out.append(g) }
        }
        return (out, nil)
    }
}

/// Whether a plan is still being drawn up or has been approved by an order.
public enum PlanState: String, TitledTerm {
    case draft, approved
    public var title: String {
        switch self {
        case .draft: "проект"
        case .approved: "утверждён"
        }
    }
}

/// Who a plan kind belongs to: the municipality (its roadmap, the center's plans) or a school.
public enum PlanOwnerLevel: String, TitledTerm {
    case municipality, school, any
    public var title: String {
        switch self {
        case .municipality: "муниципалитет"
        case .school: "школа"
        case .any: "муниципалитет или школа"
        }
    }
    public func admits(school: Bool) -> Bool {
        switch self {
        case .municipality: !school
        case .school: school
        case .any: true
        }
    }
}

/// The plan kinds the seeds name (DOMAIN §2, «Plan, PlanItem»): the editable list starts with these.
public enum PlanKindCatalog {
    public struct Kind: Sendable, Hashable {
        public var code: String, title: String, owner: PlanOwnerLevel
    }
    public static let initial: [Kind] = [
        Kind(code: "roadmap", title: "Муниципальная дорожная карта", owner: .municipality),
        Kind(code: "school_roadmap", title: "Дорожная карта школы (программа перехода в эффективный режим)", owner: .school),
        Kind(code: "mentoring_center_plan", title: "План работы муниципального наставнического центра (МНЦ)", owner: .municipality),
        Kind(code: "tutor_point_plan", title: "План работы муниципального тьюторского консультационного пункта (МТКП)", owner: .municipality),
        Kind(code: "school_method_help", title: "План методической помощи педагогам школы", owner: .school),
        Kind(code: "quality_plan", title: "Комплексный план повышения качества образования", owner: .any),
        Kind(code: "training_plan", title: "План повышения квалификации", owner: .any),
        Kind(code: "vshk_plan", title: "План ВШК / ВСОКО школы", owner: .school),
        Kind(code: "tutor_community", title: "Программа работы муниципального тьюторского сообщества", owner: .municipality),
        Kind(code: "shmo_roadmap", title: "Дорожная карта развития ШМО", owner: .any),
    ]
}
