import Vapor
import Views
import Domain

/// Keeps the real status and answers HTML for pages, JSON for /api (STYLE.md). A failure of the
/// database itself (`DatabaseFault`: disk full, read-only, locked, server gone) is a 503 with a
/// Russian message, a `Retry-After`, the fault's `code` in the API's body and one error log line.
struct ErrorPageMiddleware: AsyncMiddleware {
    struct APIError: Content {
        struct Body: Content {
            let status: Int; let message: String; let fields: [FieldError]?
            /// Set for a database fault (`database_disk_full`, `database_busy`, …).
            var code: String? = nil
        }
        let error: Body
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            let (status, message, fields) = Self.describe(error)
            let fault = DatabaseFault.classify(error)
            if let fault {
                // The cause and the driver's code; no query, no values, no query string of the URL.
                req.logger.error("database fault: \(fault.fault.logCause) [\(fault.code)] during \(req.method) \(req.url.path)")
            } else if status != .notFound && status.code >= 500 {
                req.logger.report(error: error)
            }
            // JSON for the API and for clients that ask for JSON by name; a browser's "*/*" is not
            // such a request (HTTPMediaType's == treats "*" as a wildcard, hence the explicit test).
            let wantsJSON = req.headers.accept.contains { $0.mediaType.type == "application" && $0.mediaType.subType == "json" }
            if req.isAPI || wantsJSON {
                let res = Response(status: status)
                try res.content.encode(APIError(error: .init(status: Int(status.code), message: message, fields: fields, code: fault?.fault.rawValue)))
                if let fault { res.headers.replaceOrAdd(name: .retryAfter, value: String(fault.fault.retryAfter)) }
                return res
            }
            if status == .unauthorized {
                let next = req.url.path + (req.url.query.map { "?" + $0 } ?? "")
                return req.redirect(to: SiteURL.login(next: next))
            }
            let title = status == .forbidden ? "Доступ запрещён" : status == .notFound ? "Страница не найдена"
                : fault != nil ? "База данных недоступна" : "Ошибка"
            let res = req.page(title, section: nil, status: status, ErrorView.body(status: Int(status.code), message: message))
            if let fault { res.headers.replaceOrAdd(name: .retryAfter, value: String(fault.fault.retryAfter)) }
            return res
        }
    }

    static func describe(_ error: any Error) -> (HTTPStatus, String, [FieldError]?) {
        switch error {
        case let e as AppError:
            if case .validation(let f) = e { return (e.status, e.reason, f) }
            return (e.status, e.reason, nil)
        case let e as any AbortError:
            let reason = e.status == .notFound && e.reason == "Not Found" ? "Такой страницы нет. Проверьте адрес или вернитесь на главную." : e.reason
            return (e.status, reason, nil)
        case _ where DatabaseFault.classify(error) != nil:
            return (DatabaseFault.status, DatabaseFault.classify(error)!.fault.message, nil)
        case is DecodingError:
            return (.badRequest, "Данные запроса не удалось прочитать: проверьте формат полей.", nil)
        default:
            return (.internalServerError, "Внутренняя ошибка сервера. Введённые данные не сохранены; повторите попытку или сообщите администратору.", nil)
        }
    }
}
