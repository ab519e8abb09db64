import Vapor
import Domain
import Views

/// Registration from `SiteURL` patterns: the same permission, upload flag and body limit
/// as the path-component helpers of `RoutePermissions`, the path taken from the one source.
extension RoutesBuilder {
    @discardableResult
    func get<R: AsyncResponseEncodable>(_ permission: Permission, _ url: SiteURL,
                                        use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        register(.GET, permission, url, upload: false, handler)
    }

    @discardableResult
    func post<R: AsyncResponseEncodable>(_ permission: Permission, _ url: SiteURL, upload: Bool = false,
                                         use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        register(.POST, permission, url, upload: upload, handler)
    }

    @discardableResult
    func put<R: AsyncResponseEncodable>(_ permission: Permission, _ url: SiteURL,
                                        use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        register(.PUT, permission, url, upload: false, handler)
    }

    private func register<R: AsyncResponseEncodable>(_ method: HTTPMethod, _ permission: Permission, _ url: SiteURL, upload: Bool,
                                                      _ handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        register(method, permission, url.routePath, upload: upload, handler)
    }
}

extension SiteURL {
    /// The pattern as Vapor path components (":id" becomes a parameter).
    var routePath: [PathComponent] { pathComponents.map { PathComponent(stringLiteral: $0) } }
}

extension String {
    /// The placeholder for a parameter in a registration (`.schoolEdit(.key)`): only the pattern is read.
    static var key: String { "" }
}

extension Request {
    func redirect(to url: SiteURL, redirectType: Redirect = .normal) -> Response { redirect(to: url.path, redirectType: redirectType) }

    /// Redirect after a successful post, with a flash message shown on the next page.
    func redirect(_ url: SiteURL, flash text: String, kind: Flash.Kind = .success) -> Response { redirect(url.path, flash: text, kind: kind) }
}
