import Plot
import Domain

/// «Сопровождение»: pairs and their health, load against capacity, deficit coverage — every
/// figure as `opora curatorship figures` prints it, with its definition beside the table.
public enum SupportViews {
    public struct PairRow: Sendable {
        public var author: String, target: String, pool: String, order: String, span: String
        public var interactions: String, hours: String, lastContact: String, daysSince: String, quiet: Bool, overCapacity: Bool
        /// The pair's own page (its plan and log).
        public var url: String? = nil
        public init(author: String, target: String, pool: String, order: String, span: String, interactions: String, hours: String,
                    lastContact: String, daysSince: String, quiet: Bool, overCapacity: Bool) {
            self.author = author; self.target = target; self.pool = pool; self.order = order; self.span = span
            self.interactions = interactions; self.hours = hours; self.lastContact = lastContact; self.daysSince = daysSince
            self.quiet = quiet; self.overCapacity = overCapacity
        }
    }
    public struct PersonRow: Sendable {
        public var name: String, load: String, capacity: String, over: Bool, interactions: String, quietPairs: String
        public init(name: String, load: String, capacity: String, over: Bool, interactions: String, quietPairs: String) {
            self.name = name; self.load = load; self.capacity = capacity; self.over = over; self.interactions = interactions; self.quietPairs = quietPairs
        }
    }
    public struct SchoolRow: Sendable {
        public var name: String, deficits: String, covered: String, coverage: String
        public init(name: String, deficits: String, covered: String, coverage: String) {
            self.name = name; self.deficits = deficits; self.covered = covered; self.coverage = coverage
        }
    }
    public struct Model: Sendable {
        public var municipalities: [Option], municipalityID: String, from: String, to: String, quietDays: Int, own: Bool
        public var pairs: [PairRow], people: [PersonRow], schools: [SchoolRow]
        public var logURL: String?, csvHint: String
        /// The center's form of the municipal settings of the area.
        public var settingsURL: String? = nil, mentorCapacity = 3, tutorCapacity = 5, csrf = ""
        /// Links of the center: the draft of the order, the imports.
        public var orderURL: String? = nil, importsURL: String? = nil
        /// The assistance monitoring's figures of the municipality: title, value, the inputs it is made of.
        public var monitoring: [(title: String, value: String, inputs: String)] = []
        /// The area's other pages the user may open (materials, ШМО, reserve).
        public var sections: [(title: String, url: String)] = []
        public init(municipalities: [Option], municipalityID: String, from: String, to: String, quietDays: Int, own: Bool,
                    pairs: [PairRow], people: [PersonRow], schools: [SchoolRow], logURL: String?, csvHint: String) {
            self.municipalities = municipalities; self.municipalityID = municipalityID; self.from = from; self.to = to
            self.quietDays = quietDays; self.own = own; self.pairs = pairs; self.people = people; self.schools = schools
            self.logURL = logURL; self.csvHint = csvHint
        }
    }

    static func definition(_ key: String) -> String {
        CuratorshipFigures.methodText.first { $0.figure == key }?.definition ?? ""
    }

    static func note(_ keys: [String]) -> Node<HTML.BodyContext> {
        Components.disclosure("Как считаются эти цифры", .ul(.forEach(keys) { k in .li(.strong(.safe(k)), .safe(" — " + definition(k))) }))
    }

    public static func body(_ m: Model) -> Node<HTML.BodyContext> {
        .group(
            Form.filters(path: SiteURL.support().path, .group([
                m.municipalities.count > 1 ? Form.select("municipality", "Муниципалитет", options: m.municipalities, selected: m.municipalityID, errors: []) : .empty,
                Form.text("from", "С", value: m.from, errors: [], type: "date"),
                Form.text("to", "По", value: m.to, errors: [], type: "date"),
            ])),
            .div(.class("button-row"), .group([
                m.logURL.map { Components.buttonLink("Записать взаимодействие", $0, primary: true) } ?? .empty,
                m.orderURL.map { Components.buttonLink("Проект приказа о закреплении", $0) } ?? .empty,
                m.importsURL.map { Components.buttonLink("Загрузить из таблицы", $0) } ?? .empty,
            ] + m.sections.map { Components.buttonLink($0.title, $0.url) })),
            m.monitoring.isEmpty ? .empty : Components.section("Для мониторинга методической помощи", .group(
                Components.table([Column("Показатель"), Column("Значение", numeric: true), Column("Из чего")],
                                 rows: m.monitoring.map { [.safe($0.title), .safe($0.value), .safe($0.inputs)] }, empty: .empty),
                note(["municipality.accessibility", "municipality.interactions_per_pair", "municipality.mentor_coverage"])
            )),
            Components.section(m.own ? "Мои пары: здоровье" : "Пары и их здоровье", .group(
                .p(.class("muted"), .safe("Сначала — пары, где контакта не было дольше всего. «Затихла»: закрепление действует, а последний контакт был больше \(m.quietDays) дней назад (порог — настройка муниципалитета).")),
                m.own ? ownPairs(m) : Components.table([Column("Наставник / тьютор"), Column("Школа / педагог"), Column("Вид"), Column("Приказ, срок"),
                                  Column("Взаимодействий", numeric: true), Column("Часов", numeric: true), Column("Последний контакт"),
                                  Column("Дней без контакта", numeric: true), Column("Состояние")],
                                 rows: m.pairs.map { r in
                                     [.safe(r.author), r.url.map { Components.link(r.target, $0) } ?? .safe(r.target), .safe(r.pool),
                                      .group(.safe(r.order + (r.span.isEmpty ? "" : ", " + r.span)),
                                             r.overCapacity ? .group(.safe(" "), Components.badge("сверх нормы", .warning)) : .empty),
                                      .safe(r.interactions), .safe(r.hours), .safe(r.lastContact), .safe(r.daysSince),
                                      r.quiet ? Components.badge("затихла", .danger) : Components.badge("на связи", .success)]
                                 },
                                 empty: Components.emptyState("Закреплений нет. Закрепите наставника или тьютора в карточке школы или загрузите файл закреплений.")),
                note(["pair.interactions", "pair.hours", "pair.last_contact", "pair.quiet"])
            )),
            m.own ? Components.section("Моя нагрузка", .group(
                .group(m.people.map { r in .p(.safe("Закреплений сейчас: \(r.load) при норме \(r.capacity) · взаимодействий в периоде: \(r.interactions) · затихших пар: \(r.quietPairs)"),
                                                 r.over ? .group(.safe(" "), Components.badge("выше нормы", .warning)) : .empty) }),
                note(["person.load", "person.interactions", "person.quiet_pairs"])
            )) : Components.section("Нагрузка наставников и тьюторов", .group(
                Components.table([Column("Человек"), Column("Закреплений сейчас", numeric: true), Column("Норма", numeric: true),
                                  Column("Взаимодействий", numeric: true), Column("Затихших пар", numeric: true)],
                                 rows: m.people.map { r in
                                     [.safe(r.name), .group(.safe(r.load), r.over ? .group(.safe(" "), Components.badge("выше нормы", .warning)) : .empty),
                                      .safe(r.capacity), .safe(r.interactions), .safe(r.quietPairs)]
                                 }, empty: Components.emptyState("Нет наставников и тьюторов с закреплениями.")),
                note(["person.load", "person.interactions", "person.quiet_pairs"])
            )),
            m.own ? .empty : Components.section("Охват дефицитов маршрутами", .group(
                Components.table([Column("Школа"), Column("Дефицитов", numeric: true), Column("С шагом ИОМ", numeric: true), Column("Охват", numeric: true)],
                                 rows: m.schools.map { [.safe($0.name), .safe($0.deficits), .safe($0.covered), .safe($0.coverage)] },
                                 empty: Components.emptyState("Нет сопровождаемых школ с дефицитами: внесите результаты диагностики.")),
                note(["school.deficits", "school.deficits_covered", "school.deficit_coverage"])
            )),
            m.settingsURL.map { url in Components.section("Настройки муниципалитета", Form.form(action: url, csrf: m.csrf, .group(
                Form.hidden("municipality", m.municipalityID),
                Form.row(
                    Form.text("mentor_capacity", "Норма наставника / куратора, школ", value: String(m.mentorCapacity), errors: [], type: "number"),
                    Form.text("tutor_capacity", "Норма тьютора, педагогов", value: String(m.tutorCapacity), errors: [], type: "number"),
                    Form.text("quiet_days", "Пара «затихла» через, дней", value: String(m.quietDays), errors: [], type: "number")
                )
            ), submit: "Сохранить настройки")) } ?? .empty,
            .p(.class("muted"), .safe(m.csvHint), .safe(" "), Components.link("Методика расчёта", SiteURL.supportMethod.path))
        )
    }

    /// A supporter's own pairs on a phone: one card each, the state first.
    static func ownPairs(_ m: Model) -> Node<HTML.BodyContext> {
        m.pairs.isEmpty ? Components.emptyState("У вас нет закреплений: их назначает центр приказом.")
            : Markup.el("ul", [.class("step-list")] + m.pairs.map { r in
                Markup.el("li", .class(r.quiet ? "step overdue" : "step"),
                          .div(.class("step-head"), r.url.map { Components.link(r.target, $0) } ?? .strong(.safe(r.target)), .safe(" "),
                               r.quiet ? Components.badge("затихла", .danger) : Components.badge("на связи", .success)),
                          .p(.class("muted"), .safe("\(r.pool) · последний контакт: \(r.lastContact) · дней без контакта: \(r.daysSince)")),
                          .p(.safe("Взаимодействий в периоде: \(r.interactions), часов: \(r.hours)")))
            })
    }

    public static func method() -> Node<HTML.BodyContext> {
        Components.section("Как считаются показатели сопровождения", .group(
            .p(.safe("Период [с, по] включает обе даты. Показатели те же, что печатает команда «opora curatorship figures --municipality КОД --from ДАТА --to ДАТА --format csv|json» (столбцы scope, scope_code, figure, value).")),
            Components.table([Column("Показатель"), Column("Определение")],
                             rows: CuratorshipFigures.methodText.map { [.code(.safe($0.figure)), .safe($0.definition)] }, empty: .empty)
        ))
    }

    // MARK: the work log

    public struct Recent: Sendable {
        public var day: String, target: String, form: String, topic: String, minutes: String
        public init(day: String, target: String, form: String, topic: String, minutes: String) {
            self.day = day; self.target = target; self.form = form; self.topic = topic; self.minutes = minutes
        }
    }
    public struct Request: Sendable {
        public var id: String, from: String, text: String, when: String
        public init(id: String, from: String, text: String, when: String) { self.id = id; self.from = from; self.text = text; self.when = when }
    }
    public struct LogModel: Sendable {
        public var targets: [Option], values: [String: String], errors: [FieldError], csrf: String
        public var requests: [Request], recent: [Recent]
        /// The plan modules of the year the entry may be counted under.
        public var modules: [Option] = []
        public init(targets: [Option], values: [String: String], errors: [FieldError], csrf: String, requests: [Request], recent: [Recent]) {
            self.targets = targets; self.values = values; self.errors = errors; self.csrf = csrf; self.requests = requests; self.recent = recent
        }
        func v(_ k: String) -> String { values[k] ?? "" }
    }

    /// The phone-first form: what most entries need on one screen, the rest folded.
    public static func log(_ m: LogModel) -> Node<HTML.BodyContext> {
        .group(
            m.requests.isEmpty ? .empty : Components.section("Вопросы ко мне", .ul(.class("plain-list"), .forEach(m.requests) { r in
                .li(.strong(.safe(r.from)), .safe(" · \(r.when): «\(r.text)» "),
                    Components.link("ответить записью", SiteURL.supportLog.path + "?request=" + r.id))
            })),
            Components.section("Записать взаимодействие", m.targets.isEmpty
                ? Components.emptyState("У вас нет действующих закреплений: записывать взаимодействия можно со своими школами и тьюторантами.")
                : Form.form(action: SiteURL.supportLog.path, csrf: m.csrf, errors: m.errors, .group(
                    Form.hidden("request_id", m.v("request_id")),
                    Form.select("target", "С кем", options: m.targets, selected: m.v("target"), errors: m.errors, required: true, includeBlank: "— выберите —"),
                    Form.row(
                        Form.text("day", "Дата", value: m.v("day"), errors: m.errors, required: true, type: "date"),
                        Form.text("duration_min", "Минут", value: m.v("duration_min"), errors: m.errors, required: true, type: "number")
                    ),
                    Form.row(
                        Form.select("form", "Форма", options: InteractionForm.allCases.map { Option($0.rawValue, $0.title) }, selected: m.v("form"), errors: m.errors, required: true),
                        Form.select("format", "Формат", options: InteractionFormat.allCases.map { Option($0.rawValue, $0.title) }, selected: m.v("format"), errors: m.errors, required: true)
                    ),
                    Form.text("topic", "Тема", value: m.v("topic"), errors: m.errors, required: true),
                    m.modules.isEmpty ? .empty : Form.select("module_id", "Модуль плана МНЦ / МТКП", options: m.modules, selected: m.v("module_id"), errors: m.errors,
                                                             includeBlank: "— без модуля —"),
                    Components.disclosure("Итог, следующий шаг, участники", open: !m.v("outcome").isEmpty || !m.v("next_step").isEmpty, .group(
                        Form.textarea("outcome", "Итог", value: m.v("outcome"), errors: m.errors, rows: 2),
                        Form.textarea("next_step", "Следующий шаг", value: m.v("next_step"), errors: m.errors, rows: 2),
                        Form.text("participants", "Участников", value: m.v("participants"), errors: m.errors, type: "number")
                    ))
                ), submit: "Записать")),
            Components.section("Мои последние записи", Components.table(
                [Column("Дата"), Column("С кем"), Column("Форма"), Column("Тема"), Column("Минут", numeric: true)],
                rows: m.recent.map { [.safe($0.day), .safe($0.target), .safe($0.form), .safe($0.topic), .safe($0.minutes)] },
                empty: Components.emptyState("Записей ещё нет.")))
        )
    }
}
