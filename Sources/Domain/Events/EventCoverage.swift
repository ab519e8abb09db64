import Foundation

/// Coverage of schools by the center's events over a period (Concept §6.4, criteria 5 and 6:
/// «охват всех групп», «количество (%) участников методических мероприятий»).
///
/// Schools: the supported ones (ШНОР/ШССУ in the latest status year, or with a mentor or curator).
/// Only events whose attendance the organiser signed off count, held within [from, to].
/// Per school: `teachers` — its teachers (people with the teacher function); `attended` — of them,
/// those marked present at one event at least; `share` = attended / teachers (empty without
/// teachers); `events` — distinct events any person of the school attended; `groups_covered` —
/// distinct target groups (management team, ШМО, teachers) in the audience of those events, 0–3.
/// The row `municipality` sums the schools: teachers and attended added, share of the sums.
public enum EventCoverage {
    public struct School: Sendable {
        public var code: String, name: String, teachers: Set<UUID>, people: Set<UUID>
        public init(code: String, name: String, teachers: Set<UUID>, people: Set<UUID>) { self.code = code; self.name = name; self.teachers = teachers; self.people = people }
    }
    public struct Event: Sendable {
        public var id: UUID, day: CalendarDay, signedOff: Bool, audience: Set<PlanTargetGroup>, attended: Set<UUID>
        public init(id: UUID, day: CalendarDay, signedOff: Bool, audience: Set<PlanTargetGroup>, attended: Set<UUID>) {
            self.id = id; self.day = day; self.signedOff = signedOff; self.audience = audience; self.attended = attended
        }
    }
    public struct Result: Sendable, Equatable {
        public var code: String, name: String, teachers: Int, attended: Int, events: Int, groups: Set<PlanTargetGroup>
        public var share: Rational? { teachers == 0 ? nil : Rational(Int128(attended), Int128(teachers)) }
    }

    public static let figures = ["teachers", "attended", "share", "events", "groups_covered"]

    public static func compute(_ schools: [School], events: [Event], from: CalendarDay, to: CalendarDay) -> [Result] {
        let counted = events.filter { $0.signedOff && $0.day >= from && $0.day <= to }
        var rows = schools.map { s -> Result in
            let attendedTeachers = Set(counted.flatMap { $0.attended.intersection(s.teachers) })
            let theirs = counted.filter { !$0.attended.isDisjoint(with: s.people) }
            return Result(code: s.code, name: s.name, teachers: s.teachers.count, attended: attendedTeachers.count, events: theirs.count,
                          groups: Set(theirs.flatMap(\.audience)))
        }.sorted { $0.code < $1.code }
        let allPeople = Set(schools.flatMap(\.people))
        let all = counted.filter { !$0.attended.isDisjoint(with: allPeople) }
        rows.append(Result(code: "municipality", name: "Все школы", teachers: rows.map(\.teachers).reduce(0, +), attended: rows.map(\.attended).reduce(0, +),
                           events: all.count, groups: Set(all.flatMap(\.audience))))
        return rows
    }

    /// One figure's value: `value` as the CLI prints it (fractions as decimals with a point), `ru` as the page shows it.
    public struct Value: Sendable, Equatable { public var figure: String, value: String, ru: String, formula: String }

    public static func values(_ r: Result) -> [Value] {
        let share = r.share
        return [
            Value(figure: "teachers", value: String(r.teachers), ru: RuFormat.integer(r.teachers), formula: "педагогов школы в реестре"),
            Value(figure: "attended", value: String(r.attended), ru: RuFormat.integer(r.attended), formula: "из них отмечены присутствующими хотя бы на одном мероприятии"),
            Value(figure: "share", value: share.map { PlanFigures.decimal($0) } ?? "", ru: share.map { RuFormat.decimal($0.double * 100, digits: 1) + " %" } ?? "—",
                  formula: r.teachers == 0 ? "нет педагогов — доля не считается" : "\(r.attended) / \(r.teachers)"),
            Value(figure: "events", value: String(r.events), ru: RuFormat.integer(r.events), formula: "мероприятий с подписанной посещаемостью, где были люди школы"),
            Value(figure: "groups_covered", value: String(r.groups.count), ru: "\(r.groups.count) из 3",
                  formula: r.groups.isEmpty ? "нет" : r.groups.sorted().map(\.title).joined(separator: ", ")),
        ]
    }

    public static let methodText: [(figure: String, definition: String)] = [
        ("teachers", "Педагоги школы — люди реестра с функцией «педагог» (знаменатель доли). Школы — сопровождаемые: ШНОР или ШССУ в последнем году статусов либо с закреплённым наставником или куратором."),
        ("attended", "Из них — отмеченные присутствующими хотя бы на одном мероприятии периода с подписанной организатором посещаемостью."),
        ("share", "Доля охвата = attended / teachers; пусто, когда педагогов нет. На странице — в процентах, в выгрузке — десятичная дробь с точкой."),
        ("events", "Мероприятия периода с подписанной посещаемостью, на которых был хотя бы один человек школы (педагог или администрация)."),
        ("groups_covered", "Охваченные целевые группы: различные группы (управленческая команда, ШМО, педагоги) в аудитории этих мероприятий, от 0 до 3."),
    ]

    public static let csvHeader = "school_code,school,figure,value"

    public struct Row: Sendable, Hashable, Codable {
        public var schoolCode: String, school: String, figure: String, value: String
        enum CodingKeys: String, CodingKey { case schoolCode = "school_code", school, figure, value }
    }

    public static func rows(_ results: [Result]) -> [Row] {
        results.flatMap { r in values(r).map { Row(schoolCode: r.code, school: r.name, figure: $0.figure, value: $0.value) } }
    }

    public static func csv(_ rows: [Row]) -> String {
        rows.reduce(csvHeader + "\n") { $0 + [$1.schoolCode, $1.school, $1.figure, $1.value].map(MonitoringRow.csvField).joined(separator: ",") + "\n" }
    }

    public static func json(_ rows: [Row]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(rows)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
}
