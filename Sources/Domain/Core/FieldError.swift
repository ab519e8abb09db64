/// A validation failure tied to one input field. `field` is the stable key of the
/// field (the same key names a form input and an import column); `message` is
/// Russian and says what to fix.
public struct FieldError: Sendable, Equatable, Hashable, Codable {
    public var field: String
    public var message: String
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

public extension Array where Element == FieldError {
    func message(for field: String) -> String? { first { $0.field == field }?.message }
}
