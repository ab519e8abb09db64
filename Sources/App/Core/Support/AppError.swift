import Vapor
import Domain

/// Domain failures with a Russian message that says what to do.
enum AppError: Error, AbortError {
    case forbidden
    case notFound(String)
    case validation([FieldError])
    case conflict(String)
    case badRequest(String)

    var status: HTTPResponseStatus {
        switch self {
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .validation: .unprocessableEntity
        case .conflict: .conflict
        case .badRequest: .badRequest
        }
    }

    var reason: String {
        switch self {
        case .forbidden: "Недостаточно прав: этот раздел или запись вне вашей роли и закреплений. Если доступ нужен по работе, обратитесь к администратору."
        case .notFound(let what): "\(what) не найдено. Проверьте ссылку или вернитесь к списку."
        case .validation(let errors): errors.map(\.message).joined(separator: " ")
        case .conflict(let m), .badRequest(let m): m
        }
    }
}

extension UUID {
    /// Parses an id from a route parameter or a form; a malformed id is a 404, not a 500.
    static func from(_ text: String?) throws -> UUID {
        guard let text, let id = UUID(uuidString: text) else { throw AppError.notFound("Запись") }
        return id
    }
}

extension Request {
    func id(_ name: String = "id") throws -> UUID { try UUID.from(parameters.get(name)) }
}
