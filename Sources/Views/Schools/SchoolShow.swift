import Plot
import Domain

/// The school card: the hub of everything about a school (UI.md).
public enum SchoolShow {
    public struct StatusRow: Sendable {
        public var year: String, badges: [(String, Components.BadgeKind)], order: String, note: String, editURL: String?
        public init(year: String, badges: [(String, Components.BadgeKind)], order: String, note: String, editURL: String?) {
            self.year = year; self.badges = badges; self.order = order; self.note = note; self.editURL = editURL
        }
    }
    public struct ContextRow: Sendable {
        public var year: String, cells: [String], editURL: String?
        public init(year: String, cells: [String], editURL: String?) { self.year = year; self.cells = cells; self.editURL = editURL }
    }
    public struct StaffRow: Sendable {
        public var id: String, name: String, position: String, functions: String, subjects: String, category: String
        public init(id: String, name: String, position: String, functions: String, subjects: String, category: String) {
            self.id = id; self.name = name; self.position = position; self.functions = functions; self.subjects = subjects; self.category = category
        }
    }
    public struct AssignmentRow: Sendable {
        public var kind: String, who: String, whoURL: String?, order: String, deleteURL: String?
        /// «с 01.09.2025», «01.09.2025 — 31.05.2026»; ended rows are history.
        public var span: String, ended: Bool, overCapacity: Bool, endURL: String?
        public init(kind: String, who: String, whoURL: String?, order: String, deleteURL: String?,
                    span: String = "", ended: Bool = false, overCapacity: Bool = false, endURL: String? = nil) {
            self.kind = kind; self.who = who; self.whoURL = whoURL; self.order = order; self.deleteURL = deleteURL
            self.span = span; self.ended = ended; self.overCapacity = overCapacity; self.endURL = endURL
        }
    }

    public struct Model: Sendable {
        public var id: String
        public var details: [(String, String)]
        public var statuses: [StatusRow]
        public var contextColumns: [String]
        public var contexts: [ContextRow]
        public var staff: [StaffRow]
        public var assignments: [AssignmentRow]
        public var canEdit: Bool
        public var canAssign: Bool
        public var assignKinds: [Option]
        public var assignPeople: [Option]
        public var assignSchools: [Option]
        public var csrf: String
        /// The work of the school's supporters (mentoring area): figures with their links.
        public var supportFigures: [(label: String, value: String, url: String?)] = []
        /// The school's plans («Планы»), when the user reads them.
        public var plansURL: String? = nil
        /// The school's documents under review (issue 11), when the user reads them; their list's page.
        public var documents: [DocumentPages.Row]? = nil
        public var documentsURL = ""
        /// The school's risk register (issue 11), when the user reads it.
        public var risksURL: String? = nil
        public init(id: String, details: [(String, String)], statuses: [StatusRow], contextColumns: [String], contexts: [ContextRow],
                    staff: [StaffRow], assignments: [AssignmentRow], canEdit: Bool, canAssign: Bool, assignKinds: [Option],
                    assignPeople: [Option], assignSchools: [Option], csrf: String) {
            self.id = id; self.details = details; self.statuses = statuses; self.contextColumns = contextColumns; self.contexts = contexts
            self.staff = staff; self.assignments = assignments; self.canEdit = canEdit; self.canAssign = canAssign
            self.assignKinds = assignKinds; self.assignPeople = assignPeople; self.assignSchools = assignSchools; self.csrf = csrf
        }
    }

    public static func actions(_ m: Model) -> Node<HTML.BodyContext> {
        m.canEdit ? Components.buttonLink("Редактировать", SiteURL.schoolEdit(m.id).path, primary: true) : .empty
    }

    public static func body(_ m: Model) -> Node<HTML.BodyContext> {
        .group(
            Components.tabs([("Сведения", "#info", true), ("Статусы", "#statuses", false), ("Контекст", "#context", false),
                             ("Сопровождение", "#support", false), ("Педагоги и команда", "#staff", false), ("Результаты", SiteURL.schoolResults(m.id).path, false)]
                            + (m.plansURL.map { [("Планы", $0, false)] } ?? [])
                            + (m.documents == nil ? [] : [("Документы", "#documents", false)])
                            + (m.risksURL.map { [("Риски", $0, false)] } ?? [])),
            .div(.id("info"), Components.section("Основные сведения", Components.details(m.details.map { ($0.0, .safe($0.1)) }))),
            .div(.id("statuses"), statuses(m)),
            .div(.id("context"), contexts(m)),
            .div(.id("support"), SchoolSupport.section(m)),
            .div(.id("staff"), staff(m)),
            .unwrap(m.documents) { .div(.id("documents"), DocumentPages.cardSection($0, listURL: m.documentsURL)) }
        )
    }

    static func statuses(_ m: Model) -> Node<HTML.BodyContext> {
        let rows: [[Node<HTML.BodyContext>]] = m.statuses.map { s in
            [.safe(s.year), .group(s.badges.map { Components.badge($0.0, $0.1) }), .safe(s.order), .safe(s.note),
             s.editURL.map { Components.link("Изменить", $0) } ?? .empty]
        }
        let add = m.canEdit ? Components.buttonLink("Добавить год", SiteURL.schoolStatusNew(m.id).path) : .empty
        return Components.section("Статусы по годам", actions: add, Components.table(
            [Column("Год"), Column("Статус"), Column("Приказ"), Column("Примечание"), Column("")], rows: rows,
            empty: Components.emptyState("Статусы не установлены. Статус ШНОР / ШССУ задаётся на год приказом управления образования.")))
    }

    /// Figures as rows and years as columns (latest first): ten long titles side by side
    /// would not fit a card, a year per column does.
    static func contexts(_ m: Model) -> Node<HTML.BodyContext> {
        let cols = [Column("Показатель")] + m.contexts.map { Column($0.year, numeric: true) }
        var rows: [[Node<HTML.BodyContext>]] = m.contextColumns.enumerated().map { i, title in
            [.safe(title)] + m.contexts.map { c in .safe(i < c.cells.count ? c.cells[i] : "—") }
        }
        if !m.contexts.isEmpty, m.contexts.contains(where: { $0.editURL != nil }) {
            rows.append([.empty] + m.contexts.map { c in c.editURL.map { Components.link("Изменить \(c.year)", $0) } ?? .empty })
        }
        if m.contexts.isEmpty { rows = [] }
        let add = m.canEdit ? Components.buttonLink("Добавить год", SiteURL.schoolContextNew(m.id).path) : .empty
        return Components.section("Контекст: социальный паспорт, самообследование, ИСБШ, НОКО", actions: add, Components.table(
            cols, rows: rows, count: m.contexts.count,
            empty: Components.emptyState("Контекстные данные не внесены: добавьте год и заполните социальный паспорт.")))
    }

    static func staff(_ m: Model) -> Node<HTML.BodyContext> {
        let rows: [[Node<HTML.BodyContext>]] = m.staff.map { p in
            [Components.link(p.name, SiteURL.person(p.id).path), .safe(p.position), .safe(p.functions), .safe(p.subjects), .safe(p.category)]
        }
        let add = m.canEdit ? Components.buttonLink("Добавить сотрудника", SiteURL.personNew(school: m.id).path) : .empty
        return Components.section("Педагоги и управленческая команда", actions: add, Components.table(
            [Column("ФИО"), Column("Должность"), Column("Роли"), Column("Предметы"), Column("Категория")], rows: rows, count: m.staff.count,
            empty: Components.emptyState("Сотрудники не внесены. Добавьте их по одному или загрузите файл кадров.")))
    }
}
