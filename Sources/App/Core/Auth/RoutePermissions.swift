import Vapor
import Domain

/// Every route is registered with the permission it needs (STYLE.md, "Access"): the
/// permission is kept in the route's userInfo, `PermissionMiddleware` enforces it before
/// the handler runs, and `RoutePermissions.undeclared` lets a test walk `app.routes`.
enum RoutePermissions {
    static let key = AnySendableHashable("opora.permission")
    static let uploadKey = AnySendableHashable("opora.upload")
    /// Bodies of ordinary form posts and API calls; only upload routes take more.
    static let formBodyLimit = 1024 * 1024
    static let uploadBodyLimit = 25 * 1024 * 1024

    static func permission(of route: Route?) -> Permission? { route?.userInfo[key] as? Permission }
    static func isUpload(_ route: Route?) -> Bool { (route?.userInfo[uploadKey] as? Bool) ?? false }

    /// Routes that declare no permission (a test fails when this is not empty).
    static func undeclared(in routes: Routes) -> [String] {
        routes.all.filter { permission(of: $0) == nil }
            .map { "\($0.method.rawValue) /" + $0.path.map(\.description).joined(separator: "/") }
    }
}

extension RoutesBuilder {
    /// Registers a route with its permission (and, for uploads, the larger body limit); the
    /// typed entry points are in SiteURL+Routes.swift.
    func register<R: AsyncResponseEncodable>(_ method: HTTPMethod, _ permission: Permission, _ path: [PathComponent], upload: Bool,
                                             _ handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        let limit = upload ? RoutePermissions.uploadBodyLimit : RoutePermissions.formBodyLimit
        let route = on(method, path, body: .collect(maxSize: ByteCount(value: limit)), use: handler)
        route.userInfo[RoutePermissions.key] = permission
        if upload { route.userInfo[RoutePermissions.uploadKey] = true }
        return route
    }
}

/// The route-level gate: sign-in, the one-time-password lock, and whether the principal
/// holds the route's permission anywhere. A route without a declared permission is
/// refused (fail closed). Object-level checks follow in the scoped loaders.
struct PermissionMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let route = req.route else { return try await next.respond(to: req) } // 404 follows
        guard let permission = RoutePermissions.permission(of: route) else {
            req.logger.error("route without a declared permission: \(req.method) \(req.url.path)")
            throw AppError.forbidden
        }
        if permission.needsSignIn {
            let user = try req.requireUser()
            if user.mustChangePassword && !permission.allowedWithOneTimePassword {
                if req.isAPI { throw Abort(.forbidden, reason: "Сначала смените одноразовый пароль в профиле (/account).") }
                return req.redirect("/account", flash: "Сначала смените одноразовый пароль: до этого доступен только профиль.", kind: .info)
            }
            guard Access.allows(permission, user.principal) else { throw AppError.forbidden }
        }
        return try await next.respond(to: req)
    }
}

/// The role × route matrix, generated from the route table and `Access.allows`, so it can't
/// drift from what the server enforces: `opora routes --format csv|json` prints it.
enum RouteMatrix {
    struct Row: Codable, Equatable, Sendable {
        var method: String
        var path: String
        var permission: String
        var title: String
        /// Roles that pass the route gate (object-level checks may still refuse a given record).
        var roles: [String]
    }

    /// One representative principal per role, its grant bound to some scope and assignments present.
    static func representative(_ role: Role) -> Principal {
        let id = UUID()
        let grant: Grant = switch role.scopeKind {
        case .none: Grant(role: role)
        case .region: Grant(role: role, regionID: id)
        case .municipality: Grant(role: role, municipalityID: id)
        case .school: Grant(role: role, schoolID: id)
        case .person: Grant(role: role)
        }
        return Principal(userID: UUID(), personID: UUID(), grants: [grant], assignedSchoolIDs: [UUID()], tutorantIDs: [UUID()])
    }

    static func rows(_ routes: Routes) -> [Row] {
        routes.all.map { route in
            let permission = RoutePermissions.permission(of: route)
            let roles = permission.map { p in
                p.needsSignIn ? Role.allCases.filter { Access.allows(p, representative($0)) }.map(\.rawValue) : ["(без входа)"]
            } ?? []
            return Row(method: route.method.rawValue, path: "/" + route.path.map(\.description).joined(separator: "/"),
                       permission: permission?.rawValue ?? "—", title: permission?.title ?? "НЕ ОБЪЯВЛЕНО", roles: roles)
        }
    }
}

/// `opora routes [--format csv|json]`: every route with its permission and the roles it lets through.
struct RoutesMatrixCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "format") var format: String?
    }
    let help = "Маршруты, их права и роли: routes --format csv|json"

    func run(using context: CommandContext, signature s: Signature) async throws {
        let rows = RouteMatrix.rows(context.application.routes)
        switch s.format ?? "csv" {
        case "json":
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            context.console.print(String(decoding: try enc.encode(rows), as: UTF8.self))
        case "csv":
            context.console.print("method;path;permission;title;roles")
            for r in rows { context.console.print([r.method, r.path, r.permission, r.title, r.roles.joined(separator: ",")].joined(separator: ";")) }
        default:
            throw Abort(.badRequest, reason: "Формат — csv или json.")
        }
    }
}
