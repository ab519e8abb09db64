import Plot
import Domain

/// One pair (mentor — school, tutor — teacher): its health, plan of interaction and log —
/// the rows behind the pair's figures on «Сопровождение».
public enum PairViews {
    public struct Item: Sendable {
        public var title: String, due: String, done: String?, overdue: Bool, markURL: String?
        public init(title: String, due: String, done: String?, overdue: Bool, markURL: String?) {
            self.title = title; self.due = due; self.done = done; self.overdue = overdue; self.markURL = markURL
        }
    }
    public struct Entry: Sendable {
        public var day: String, form: String, format: String, topic: String, minutes: String, outcome: String, next: String, module: String
        public var files: [FileViews.File] = [], uploadURL: String? = nil
        public init(day: String, form: String, format: String, topic: String, minutes: String, outcome: String, next: String, module: String) {
            self.day = day; self.form = form; self.format = format; self.topic = topic; self.minutes = minutes; self.outcome = outcome
            self.next = next; self.module = module
        }
    }
    public struct Model: Sendable {
        public var facts: [(String, String)], quiet: Bool, items: [Item], entries: [Entry], addItemURL: String?, logURL: String?, csrf: String, today: String
        /// This page, where an upload returns.
        public var back: String? = nil
        public init(facts: [(String, String)], quiet: Bool, items: [Item], entries: [Entry], addItemURL: String?, logURL: String?, csrf: String, today: String) {
            self.facts = facts; self.quiet = quiet; self.items = items; self.entries = entries; self.addItemURL = addItemURL; self.logURL = logURL
            self.csrf = csrf; self.today = today
        }
    }

    public static func body(_ m: Model) -> Node<HTML.BodyContext> {
        .group(
            Components.section("Пара", actions: m.quiet ? Components.badge("затихла", .danger) : Components.badge("на связи", .success),
                               Components.details(m.facts.map { ($0.0, .safe($0.1)) })),
            Components.section("План взаимодействия", .group(
                m.items.isEmpty ? .p(.class("muted"), .safe("Пунктов плана ещё нет.")) : Markup.el("ul", [.class("step-list")] + m.items.map { i in
                    Markup.el("li", .class(i.overdue ? "step overdue" : "step"),
                              .div(.class("step-head"), .strong(.safe(i.title)), .safe(" "),
                                   i.done.map { Components.badge("выполнено \($0)", .success) } ?? (i.overdue ? Components.badge("просрочено", .danger) : Components.badge("запланировано", .neutral))),
                              i.due.isEmpty ? .empty : .p(.class("muted"), .safe("срок " + i.due)),
                              i.markURL.map { url in
                                  Markup.el("form", .class("inline-form"), .attr("method", "post"), .attr("action", url), Markup.hidden("_csrf", m.csrf),
                                            Markup.hidden("done", i.done == nil ? "1" : "0"), Markup.hidden("day", m.today),
                                            Markup.el("button", .attr("type", "submit"), .class("button"), .safe(i.done == nil ? "Отметить выполненным" : "Снять отметку")))
                              } ?? .empty)
                }),
                m.addItemURL.map { url in Components.disclosure("Добавить пункт плана", open: m.items.isEmpty, Form.form(action: url, csrf: m.csrf, .group(
                    Form.text("title", "Что планируем", value: "", errors: [], required: true, hint: "Например: разбор результатов ВПР с управленческой командой"),
                    Form.text("due", "Срок", value: "", errors: [], type: "date")
                ), submit: "Добавить")) } ?? .empty
            )),
            Components.section("Журнал взаимодействий пары", actions: m.logURL.map { Components.buttonLink("Записать", $0, primary: true) } ?? .empty,
                Components.table([Column("Дата"), Column("Форма"), Column("Формат"), Column("Тема"), Column("Минут", numeric: true), Column("Модуль плана"),
                                  Column("Итог"), Column("Следующий шаг"), Column("Файлы")],
                                 rows: m.entries.map { e in [.safe(e.day), .safe(e.form), .safe(e.format), .safe(e.topic), .safe(e.minutes), .safe(e.module),
                                                             .safe(e.outcome), .safe(e.next), FileViews.files(e.files, uploadURL: e.uploadURL, csrf: m.csrf, back: m.back)] },
                                 empty: Components.emptyState("Взаимодействий ещё не было.")))
        )
    }

    // MARK: plan modules

    public struct ModuleRow: Sendable {
        public var plan: String, title: String, interactions: Int, hours: String
        public init(plan: String, title: String, interactions: Int, hours: String) { self.plan = plan; self.title = title; self.interactions = interactions; self.hours = hours }
    }

    public static func modules(_ rows: [ModuleRow], year: String, plans: [Option], addURL: String?, municipalityID: String, csrf: String, unlinked: Int) -> Node<HTML.BodyContext> {
        .group(
            Components.section("Модули планов МНЦ и МТКП, \(year)", .group(
                .p(.class("muted"), .safe("Взаимодействие, записанное с модулем плана, считается в работу по этому модулю. Без модуля записано взаимодействий: \(unlinked).")),
                Components.table([Column("План"), Column("Модуль"), Column("Взаимодействий", numeric: true), Column("Часов", numeric: true)],
                                 rows: rows.map { [.safe($0.plan), .safe($0.title), .safe(String($0.interactions)), .safe($0.hours)] },
                                 empty: Components.emptyState("Модулей на этот год нет" + (addURL == nil ? "." : ": добавьте их формой ниже (например, «Развитие кадрового потенциала школ», «Эффективные механизмы управления качеством образования»)."))))),
            addURL.map { url in Components.section("Добавить модуль", Form.form(action: url, csrf: csrf, .group(
                Form.hidden("municipality", municipalityID),
                Form.row(Form.select("plan", "План", options: plans, selected: "", errors: [], required: true),
                         Form.text("title", "Название модуля", value: "", errors: [], required: true))
            ), submit: "Добавить модуль")) } ?? .empty
        )
    }
}
