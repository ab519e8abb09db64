import Vapor
import Views

/// The stylesheet and the icon, served from memory with a cache lifetime.
enum AssetsController {
    static func stylesheet() -> Response {
        asset(Stylesheet.css, HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"]))
    }

    static func favicon() -> Response {
        asset(Favicon.svg, HTTPMediaType(type: "image", subType: "svg+xml"))
    }

    private static func asset(_ text: String, _ type: HTTPMediaType) -> Response {
        let res = Response(status: .ok, body: .init(string: text))
        res.headers.contentType = type
        res.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return res
    }
}
