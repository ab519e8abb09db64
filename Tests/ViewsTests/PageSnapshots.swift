import Domain
import Plot
import Testing
@testable import Views

/// Every page view rendered from a hand-made model and compared with its recorded
/// HTML (`__Snapshots__/PageSnapshots/<View>.html`): a change to a page shows as a diff.
/// A few pages go through the whole shell (navigation by role, breadcrumbs, flash);
/// the others snapshot the body alone, so a change to the shell shows once, not everywhere.
/// The tests of each area are in `PageSnapshots+<Area>.swift`.
@Suite("Page snapshots") struct PageSnapshots {
    /// Fixed ids: a snapshot never carries a random id.
    static func id(_ n: Int) -> String {
        let digits = String(n)
        return "00000000-0000-0000-0000-" + String(repeating: "0", count: 12 - digits.count) + digits
    }
    static let csrf = "csrf-token-fixed"

    /// The shell as a centre specialist of Армавир sees it.
    static func specialist(_ title: String, section: NavSection?, crumbs: [Crumb], flash: Flash? = nil) -> PageContext {
        PageContext(title: title, section: section, nav: [.overview, .schools, .people, .monitoring],
                    userName: "Иванова Е. П.", roleTitle: "Специалист центра (муниципальный координатор)",
                    crumbs: crumbs, flash: flash, csrfToken: csrf, contextLine: "г. Армавир · Методический центр")
    }

    /// The shell as the administrator sees it.
    static func admin(_ title: String, crumbs: [Crumb], flash: Flash? = nil) -> PageContext {
        PageContext(title: title, section: .admin, nav: [.overview, .schools, .people, .monitoring, .admin],
                    userName: "Администратор", roleTitle: "Администратор", crumbs: crumbs, flash: flash, csrfToken: csrf)
    }

    static func page(_ ctx: PageContext, actions: Node<HTML.BodyContext> = .empty, _ body: Node<HTML.BodyContext>) -> String {
        Layout.render(Layout.page(ctx, actions: actions, body))
    }

    // MARK: Sign-in, profile, overview, errors

    @Test func loginView() {
        let ctx = PageContext(title: "Вход в систему «Опора»", csrfToken: Self.csrf)
        let body = LoginView.body(login: "ivanova", next: "/schools", error: "Неверный логин или пароль. Проверьте раскладку и попробуйте ещё раз.",
                                  csrf: Self.csrf)
        assertSnapshot(html: Self.page(ctx, body), named: "LoginView")
    }

    @Test func accountView() {
        let model = AccountView.Model(
            details: [("Логин", "ivanova"), ("Имя", "Иванова Елена Петровна"), ("Роли", "Специалист центра (муниципальный координатор), г. Армавир")],
            personURL: "/people/" + Self.id(21),
            errors: [FieldError(field: "new", message: "Пароль короче 8 символов: добавьте буквы или цифры.")],
            newToken: "opora_tok_fixed_example",
            tokens: [
                .init(name: "Выгрузка для отчёта", created: "01.09.2025", expires: "30.11.2025", lastUsed: "15.09.2025 10:30",
                      revokeURL: "/account/tokens/" + Self.id(31) + "/revoke"),
                .init(name: "Сводная таблица", created: "10.09.2025", expires: "09.12.2025", lastUsed: "—",
                      revokeURL: "/account/tokens/" + Self.id(32) + "/revoke"),
            ],
            csrf: Self.csrf, mustChange: true)
        let ctx = Self.specialist("Профиль", section: nil, crumbs: [Crumb("Обзор", "/"), Crumb("Профиль")])
        assertSnapshot(html: Self.page(ctx, AccountView.body(model)), named: "AccountView")
    }

    @Test func overviewView() {
        let model = OverviewView.Model(
            greeting: "Здравствуйте, Елена Петровна! Здесь — школы, люди и мониторинги муниципалитета.",
            stats: [(label: "Школ", value: "24", hint: "в реестре"), (label: "ШНОР", value: "3", hint: "2025 год"),
                    (label: "ШССУ", value: "2", hint: nil)],
            links: [("Школы", "/schools"), ("Загрузить результаты", "/monitoring/imports"), ("Сводная таблица мониторинга", "/monitoring")],
            statusRows: [(municipality: "г. Армавир", year: "2025", low: "3", difficult: "2", p500: "1"),
                         (municipality: "г. Армавир", year: "2024", low: "4", difficult: "2", p500: "1")])
        let ctx = Self.specialist("Обзор", section: .overview, crumbs: [], flash: Flash(.success, "Вы вошли в систему."))
        assertSnapshot(html: Self.page(ctx, OverviewView.body(model)), named: "OverviewView")
    }

    @Test func errorView() {
        let ctx = Self.specialist("Страница не найдена", section: nil, crumbs: [])
        let body = ErrorView.body(status: 404, message: "Такой страницы нет. Проверьте адрес или вернитесь на главную.")
        assertSnapshot(html: Self.page(ctx, body), named: "ErrorView")
    }
}
