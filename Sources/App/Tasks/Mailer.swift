import Foundation

/// Optional e-mail of notifications (off by default). Without `OPORA_SMTP_HOST` nothing is sent;
/// the in-app list is the channel of record.
final class Mailer: @unchecked Sendable {
    static let shared = Mailer()
    private let lock = NSLock()
    private var handler: (@Sendable ([(user: UUID, subject: String, text: String, url: String)]) -> Void)?

    /// Installed at start when SMTP is configured (or by a test).
    func install(_ h: (@Sendable ([(user: UUID, subject: String, text: String, url: String)]) -> Void)?) {
        lock.lock(); handler = h; lock.unlock()
    }

    func enqueue(_ items: [(user: UUID, subject: String, text: String, url: String)]) {
        lock.lock(); let h = handler; lock.unlock()
        h?(items)
    }
}
