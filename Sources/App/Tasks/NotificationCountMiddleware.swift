import Vapor
import Fluent

/// The unread count in the header of signed-in HTML pages (not the API, not assets), counted
/// again only when the user's notifications change (`DataKey.notifications`).
struct NotificationCountMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if req.method == .GET, let user = req.currentUser, !req.isAPI, !req.url.path.hasPrefix("/assets") {
            req.unreadNotifications = (try? await Notifier.unread(user.id, req)) ?? 0
        }
        return try await next.respond(to: req)
    }
}

extension Request {
    private struct UnreadKey: StorageKey { typealias Value = Int }
    /// Set by `NotificationCountMiddleware` for page requests; 0 otherwise (a page re-rendered after a POST shows none).
    var unreadNotifications: Int {
        get { storage[UnreadKey.self] ?? 0 }
        set { storage[UnreadKey.self] = newValue }
    }
}
