import Plot
import Domain

public enum LoginView {
    public static func body(login: String, next: String, error: String?, csrf: String) -> Node<HTML.BodyContext> {
        .div(.class("login-box"),
             .p(.class("lead"), .safe("Информационная система сопровождения школ с низкими образовательными результатами и школ, функционирующих в сложных социальных условиях.")),
             error.map { Node<HTML.BodyContext>.div(.class("alert alert-error"), .attribute(named: "role", value: "alert"), .safe($0)) } ?? .empty,
             Form.form(action: SiteURL.login().path, csrf: csrf, .group(
                Form.hidden("next", next),
                Form.text("login", "Логин", value: login, errors: [], required: true, autocomplete: "username"),
                Form.text("password", "Пароль", value: "", errors: [], required: true, type: "password", autocomplete: "current-password")
             ), submit: "Войти"))
    }
}

public enum AccountView {
    public struct Model: Sendable {
        public var details: [(String, String)]
        public var personURL: String?
        public var errors: [FieldError]
        public var newToken: String?
        public var tokens: [Token]
        public var csrf: String
        public var mustChange: Bool
        public init(details: [(String, String)], personURL: String?, errors: [FieldError], newToken: String?,
                    tokens: [Token], csrf: String, mustChange: Bool) {
            self.details = details; self.personURL = personURL; self.errors = errors; self.newToken = newToken; self.tokens = tokens
            self.csrf = csrf; self.mustChange = mustChange
        }
    }

    /// An API token of the user; `revokeURL` posts its revocation.
    public struct Token: Sendable {
        public var name: String, created: String, expires: String, lastUsed: String, revokeURL: String
        public init(name: String, created: String, expires: String, lastUsed: String, revokeURL: String) {
            self.name = name; self.created = created; self.expires = expires; self.lastUsed = lastUsed; self.revokeURL = revokeURL
        }
    }

    /// The longest lifetime a token may be issued for, in days.
    public static let maxTokenDays = 365

    public static func body(_ m: Model) -> Node<HTML.BodyContext> {
        .group(
            m.mustChange ? .div(.class("alert alert-warning"), .safe("Вы вошли с временным паролем. Задайте свой пароль.")) : .empty,
            Components.section("Учётная запись", .group(
                Components.details(m.details.map { ($0.0, .safe($0.1)) }),
                m.personURL.map { Components.link("Моя карточка", $0) } ?? .empty)),
            Components.section("Смена пароля", Form.form(action: SiteURL.accountPassword.path, csrf: m.csrf, errors: m.errors, .group(
                Form.text("current", "Текущий пароль", value: "", errors: m.errors, required: true, type: "password", autocomplete: "current-password"),
                Form.row(
                    Form.text("new", "Новый пароль", value: "", errors: m.errors, required: true, type: "password", hint: "Не короче 8 символов, буквы и цифры", autocomplete: "new-password"),
                    Form.text("repeat", "Повторите новый пароль", value: "", errors: m.errors, required: true, type: "password", autocomplete: "new-password")
                )
            ), submit: "Сменить пароль")),
            Components.section("Токены API", .group(
                .p(.class("muted"), .safe("Токен даёт программе те же права, что и вам. Передавайте его в заголовке Authorization: Bearer …")),
                m.newToken.map { Node<HTML.BodyContext>.div(.class("alert alert-success"), .safe("Новый токен (показывается один раз): "), .code(.safe($0))) } ?? .empty,
                Components.table([Column("Название"), Column("Выпущен"), Column("Действует до"), Column("Последнее использование"), Column("")],
                                 rows: m.tokens.map { t in [.safe(t.name), .safe(t.created), .safe(t.expires), .safe(t.lastUsed),
                                                            Form.form(action: t.revokeURL, csrf: m.csrf, .empty, submit: "Отозвать")] },
                                 empty: Components.emptyState("Токенов нет.")),
                Form.form(action: SiteURL.accountTokens.path, csrf: m.csrf, Form.row(
                    Form.text("name", "Название токена", value: "", errors: m.errors, required: true, hint: "Например: выгрузка для отчёта"),
                    Form.text("days", "Срок, дней", value: "90", errors: m.errors, type: "number", hint: "От 1 до \(maxTokenDays)")
                ), submit: "Выпустить токен"),
                .p(.class("muted"), .safe("Смена пароля отзывает все токены и завершает другие сеансы."))
            ))
        )
    }
}

public enum OverviewView {
    public struct Model: Sendable {
        public var greeting: String
        public var stats: [(label: String, value: String, hint: String?)]
        public var links: [(String, String)]
        public var statusRows: [(municipality: String, year: String, low: String, difficult: String, p500: String)]
        /// «Мои задачи»: what is late or waiting for this person, first on the page.
        public var tasks: [(text: String, url: String, urgent: Bool)] = []
        public init(greeting: String, stats: [(label: String, value: String, hint: String?)], links: [(String, String)],
                    statusRows: [(municipality: String, year: String, low: String, difficult: String, p500: String)]) {
            self.greeting = greeting; self.stats = stats; self.links = links; self.statusRows = statusRows
        }
    }

    /// «Мои задачи» alone (the overview puts it above its cached figures).
    public static func tasks(_ m: Model) -> Node<HTML.BodyContext> {
        m.tasks.isEmpty ? .empty : Components.section("Мои задачи", .ul(.class("plain-list"), .forEach(m.tasks) { t in
            .li(t.urgent ? Components.badge("срочно", .danger) : Components.badge("ждёт", .warning), .safe(" "), .a(.href(t.url), .safe(t.text)))
        }))
    }

    public static func body(_ m: Model) -> Node<HTML.BodyContext> {
        .group(
            .p(.class("lead"), .safe(m.greeting)),
            tasks(m),
            m.stats.isEmpty ? .empty : Components.statCards(m.stats),
            m.statusRows.isEmpty ? .empty : Components.section("Число школ со статусом по годам (Концепция, п. 7.5)", Components.table(
                [Column("Муниципалитет"), Column("Год"), Column("ШНОР", numeric: true), Column("ШССУ", numeric: true), Column("«500+»", numeric: true)],
                rows: m.statusRows.map { [.safe($0.municipality), .safe($0.year), .safe($0.low), .safe($0.difficult), .safe($0.p500)] },
                empty: .empty)),
            m.links.isEmpty ? .empty : Components.section("Быстрые действия", .ul(.class("link-list"), .forEach(m.links) { .li(.a(.href($0.1), .safe($0.0))) }))
        )
    }
}
