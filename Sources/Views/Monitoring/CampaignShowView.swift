import Plot
import Domain

/// An approved campaign: the table as it was approved, with the settings and the reference
/// values it was computed with, so it can be recomputed and explained later.
public enum CampaignShowView {
    public struct Reference: Sendable, Hashable {
        public var exam: String, subject: String, year: Int, value: String, source: String
        public init(exam: String, subject: String, year: Int, value: String, source: String) {
            self.exam = exam; self.subject = subject; self.year = year; self.value = value; self.source = source
        }
    }

    public struct Model: Sendable {
        public var status: String, statusKind: Components.BadgeKind, approved: String
        public var notes: [String]
        /// Header row first; nil before approval.
        public var rows: [[String]]?
        public var settings: MonitoringSettings?
        public var references: [Reference]
        public var summaryURL: String
        public init(status: String, statusKind: Components.BadgeKind, approved: String, notes: [String], rows: [[String]]?,
                    settings: MonitoringSettings?, references: [Reference], summaryURL: String) {
            self.status = status; self.statusKind = statusKind; self.approved = approved; self.notes = notes; self.rows = rows
            self.settings = settings; self.references = references; self.summaryURL = summaryURL
        }
    }

    public static func body(_ m: Model) -> Node<HTML.BodyContext> {
        guard let rows = m.rows, let header = rows.first else {
            return .group(details(m), Components.emptyState("Копия таблицы сохраняется при утверждении; до этого смотрите текущую сводную таблицу.",
                                                            action: (title: "Сводная таблица", url: m.summaryURL)))
        }
        return .group(
            details(m),
            .div(.class("method-notes"), .ul(.forEach(m.notes) { .li(.safe($0)) })),
            Components.table(header.map { Column($0) }, rows: rows.dropFirst().map { $0.map { .safe($0) } }, count: rows.count - 1,
                             empty: Components.emptyState("В утверждённой таблице нет школ с отрицательной динамикой.")),
            m.settings.map(settingsSection) ?? .empty,
            Components.section("Эталоны, с которыми считалась таблица", Components.table(
                [Column("Процедура"), Column("Предмет"), Column("Год", numeric: true), Column("Значение", numeric: true), Column("Источник")],
                rows: m.references.map { [.safe($0.exam == "ege" ? "ЕГЭ" : "ВПР"), .safe(MonFormat.subject($0.subject)), .safe(String($0.year)),
                                          .safe($0.value.replacingOccurrences(of: ".", with: ",")), .safe($0.source)] },
                empty: Components.emptyState("Региональных эталонов не было: сравнение шло со средним по муниципалитету.")))
        )
    }

    static func details(_ m: Model) -> Node<HTML.BodyContext> {
        Components.details([("Состояние", Components.badge(m.status, m.statusKind)), ("Утверждена", .safe(m.approved))])
    }

    static func settingsSection(_ s: MonitoringSettings) -> Node<HTML.BodyContext> {
        Components.section("Настройки на момент утверждения", Components.details([
            ("Порог T, п. п.", .safe(String(s.threshold))),
            ("Правило показателя 2", .safe(s.reading.title)),
            ("Малая группа, участников меньше", .safe(String(s.smallGroup))),
            ("«Без изменений» (D = 0) в таблице", .safe(s.includeNoChange ? "да" : "нет")),
            ("Необъективные результаты", .safe(s.objectivity.title)),
            ("Предметы ЕГЭ", .safe(s.egeSubjects.map(MonFormat.subject).joined(separator: ", "))),
            ("ВПР", .safe(s.vprSubjects.map(MonFormat.subject).joined(separator: ", ") + "; классы " + s.vprGrades.map(String.init).joined(separator: ", "))),
        ]))
    }
}
