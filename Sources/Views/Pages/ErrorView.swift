import Plot

public enum ErrorView {
    public static func body(status: Int, message: String) -> Node<HTML.BodyContext> {
        .div(.class("error-page"),
             .p(.class("error-code"), .text("Код ошибки: \(status)")),
             .p(.class("lead"), .text(message)),
             .p(.a(.class("button"), .href("/"), .text("На главную"))))
    }
}
