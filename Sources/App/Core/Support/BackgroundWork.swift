import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Work that outlives its request (a large import): kept here so that shutting the
/// application down — a restart, the end of a test — waits for it instead of cutting it off
/// mid-transaction or letting it run on against a closed database.
final class BackgroundWork: Sendable {
    private let tasks = NIOLockedValueBox<[UUID: Task<Void, Never>]>([:])

    func run(_ work: @escaping @Sendable () async -> Void) {
        let id = UUID()
        tasks.withLockedValue { all in
            all[id] = Task { [weak self] in
                await work()
                self?.tasks.withLockedValue { _ = $0.removeValue(forKey: id) }
            }
        }
    }

    /// Waits until nothing is running (work started meanwhile is waited for too).
    func drain() async {
        while let next = tasks.withLockedValue({ $0.values.first }) {
            await next.value   // a finished task has removed itself
        }
    }

    var running: Int { tasks.withLockedValue { $0.count } }

    struct Lifecycle: LifecycleHandler {
        func shutdownAsync(_ application: Application) async { await application.backgroundWork.drain() }
    }
}

extension Application {
    private struct BackgroundWorkKey: StorageKey { typealias Value = BackgroundWork }
    /// Set once in configure (with its lifecycle handler).
    var backgroundWork: BackgroundWork {
        get { storage[BackgroundWorkKey.self]! }
        set { storage[BackgroundWorkKey.self] = newValue }
    }
}
