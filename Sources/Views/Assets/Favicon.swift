/// The site icon: the letter «О» of «Опора» on the accent colour (no favicon request
/// fails, so no page logs a console error).
public enum Favicon {
    public static let svg = """
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f4e99"/>\
    <circle cx="16" cy="16" r="8.5" fill="none" stroke="#fff" stroke-width="4"/></svg>
    """
}
