import Domain
import Plot
import Testing
@testable import Views

@Suite struct LayoutTests {
    func render(_ ctx: PageContext, actions: Node<HTML.BodyContext> = .empty) -> String {
        Layout.render(Layout.page(ctx, actions: actions, .p(.text("Тело страницы"))))
    }

    var signedIn: PageContext {
        PageContext(
            title: "Школы города Армавира, 2025/2026", section: .schools,
            nav: [.overview, .schools, .people], userName: "Иванова Е. П.", roleTitle: "Специалист центра",
            crumbs: [Crumb("Обзор", "/"), Crumb("Школы")], flash: Flash(.success, "Изменения сохранены"),
            csrfToken: "tok123"
        )
    }

    /// The kept shell with the page spliced in is the document Plot renders, for every kind of page.
    @Test func splicedShellEqualsTheRenderedDocument() {
        var printable = signedIn; printable.printable = true
        var bare = PageContext(title: "Вход в систему")
        bare.flash = Flash(.error, "Неверный логин или пароль <b>")
        var tasks = signedIn; tasks.tasksURL = "/tasks"; tasks.notificationsURL = "/notifications"; tasks.unreadNotifications = 3; tasks.flash = nil
        let actions: Node<HTML.BodyContext> = .a(.href("/schools/new"), .text("Добавить школу"))
        let body = "<p>Тело «страницы» &amp; таблица</p>"
        for ctx in [signedIn, printable, bare, tasks] {
            let expected = Layout.render(Layout.page(ctx, actions: actions, .raw(body)))
            for _ in 0..<2 {   // the second time from the kept shell
                #expect(Layout.shell(ctx).pieces(actions: actions.render(), body: body).joined() == expected)
            }
        }
        var other = signedIn; other.title = "Люди"
        #expect(Layout.shell(other).pieces(actions: "", body: "").joined().contains("<h1>Люди</h1>"))
    }

    @Test func documentIsRussianWithCharsetViewportAndStylesheet() {
        let html = render(signedIn)
        #expect(html.hasPrefix("<!DOCTYPE html><html lang=\"ru\">"))
        #expect(html.contains(#"<meta charset="UTF-8"/>"#))
        #expect(html.contains(#"<meta name="viewport" content="width=device-width, initial-scale=1"/>"#))
        #expect(html.contains(#"<link rel="stylesheet" href="/assets/app.css"/>"#))
        #expect(html.contains("<title>Школы города Армавира, 2025/2026 — Опора</title>"))
        #expect(html.contains("<h1>Школы города Армавира, 2025/2026</h1>"))
        #expect(html.contains("Опора — информационная система сопровождения ШНОР и ШССУ"))
    }

    @Test func navMarksCurrentSectionOnly() {
        let html = render(signedIn)
        #expect(html.contains(#"<a href="/schools" aria-current="page">Школы</a>"#))
        #expect(html.contains(#"<a href="/">Обзор</a>"#))
        #expect(html.contains(#"<a href="/people">Люди</a>"#))
        #expect(!html.contains("/admin"))
    }

    @Test func userMenuHasProfileAndPostLogoutWithCSRF() {
        let html = render(signedIn)
        #expect(html.contains("Иванова Е. П."))
        #expect(html.contains(#"href="/account">Профиль</a>"#))
        #expect(html.contains(#"<form class="logout-form" method="post" action="/logout"><input type="hidden" name="_csrf" value="tok123"/>"#))
    }

    @Test func breadcrumbsAndFlash() {
        let html = render(signedIn)
        #expect(html.contains(#"<li><a href="/">Обзор</a></li><li aria-current="page">Школы</li>"#))
        #expect(html.contains(#"<div class="flash flash-success" role="status">Изменения сохранены</div>"#))
        var failed = signedIn
        failed.flash = Flash(.error, "Не удалось сохранить")
        #expect(render(failed).contains(#"class="flash flash-error" role="alert""#))
    }

    @Test func loginPageHasNoNavigation() {
        let html = render(PageContext(title: "Вход", csrfToken: "t"))
        #expect(!html.contains("main-nav"))
        #expect(!html.contains("/logout"))
        #expect(!html.contains("breadcrumbs"))
    }

    @Test func printViewHidesNavigationAndActions() {
        var ctx = signedIn
        ctx.printable = true
        let html = render(ctx, actions: Components.buttonLink("Скачать XLSX", "/schools.xlsx"))
        #expect(html.contains(#"<body class="print-view">"#))
        #expect(!html.contains("main-nav"))
        #expect(!html.contains("/logout"))
        #expect(!html.contains("Скачать XLSX"))
        #expect(render(signedIn, actions: Components.buttonLink("Скачать XLSX", "/schools.xlsx")).contains("Скачать XLSX"))
    }

    @Test func noInlineStylesOrScripts() {
        let html = render(signedIn)
        #expect(!html.contains("style="))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<style"))
    }

    @Test func navSectionsHaveTitlesAndPaths() {
        #expect(NavSection.overview.path == "/")
        #expect(NavSection.deficits.path == "/deficits")
        #expect(NavSection.deficits.title == "Дефициты и ИОМ")
        #expect(NavSection.admin.title == "Администрирование")
        #expect(NavSection.allCases.count == 12)
    }

    @Test func stylesheetIsSelfContained() {
        let css = Stylesheet.css
        #expect(css.contains("@media print"))
        #expect(css.contains(".data-table .num"))
        #expect(css.contains("position: sticky"))
        #expect(!css.contains("@import"))
        #expect(!css.contains("url("))
    }
}
