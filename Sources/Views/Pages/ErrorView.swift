import Plot

public enum ErrorView {
    public static func body(status: Int, message: String) -> Node<HTML.BodyContext> {
        .div(.class("error-page"),
             .p(.class("error-code"), .safe("Код ошибки: \(status)")),
             .p(.class("lead"), .safe(message)),
             .p(.a(.class("button"), .href(SiteURL.home.path), .safe("На главную"))))
    }
}
