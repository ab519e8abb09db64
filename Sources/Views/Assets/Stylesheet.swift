/// The single stylesheet of the application, served at `/assets/app.css`.
/// No inline styles anywhere: the Content-Security-Policy allows only 'self'.
public enum Stylesheet {
    public static let css: String = base + layout + tables + components + forms + pages + charts + print
}
