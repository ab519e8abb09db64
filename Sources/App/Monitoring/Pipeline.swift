import Foundation

/// Two-stage pipeline on two threads: the producer (reading and checking a file) runs on
/// its own thread and hands items over in batches through a bounded queue; the consumer
/// (writing to SQLite) runs on the calling thread. Memory stays bounded (`capacity`
/// batches in flight); a failure on either side stops both, and the producer's failure
/// is the one reported when it comes first.
enum Pipeline {
    struct Cancelled: Error, LocalizedError { var errorDescription: String? { "запись в базу прервана" } }

    static func run<T, R>(batch: Int = 2048, capacity: Int = 4,
                          produce: @escaping (_ emit: (T) throws -> Void) throws -> R,
                          consume: (T) throws -> Void) throws -> R {
        let pipe = Pipe<T>(capacity: capacity)
        let done = DispatchSemaphore(value: 0)
        let outcome = Box<Result<R, any Error>?>(nil)
        do {
            // Joined before returning (done.wait), so the producer never outlives this call.
            nonisolated(unsafe) let produce = produce
            let thread = Thread {
                var items: [T] = []
                items.reserveCapacity(batch)
                let r = Result {
                    let value = try produce { item in
                        items.append(item)
                        if items.count == batch {
                            guard pipe.put(items) else { throw Cancelled() }
                            items.removeAll(keepingCapacity: true)
                        }
                    }
                    if !items.isEmpty, !pipe.put(items) { throw Cancelled() }
                    return value
                }
                outcome.value = r
                pipe.finish()
                done.signal()
            }
            thread.stackSize = 8 << 20
            thread.start()
            defer { done.wait() }
            do {
                var busy = 0.0
                while let items = pipe.take() {
                    let t = Date()
                    for item in items { try consume(item) }
                    busy += Date().timeIntervalSince(t)
                }
                if ProcessInfo.processInfo.environment["OPORA_BENCH_TRACE"] != nil { print("  запись в базу: занята \(busy) с") }
            } catch {
                pipe.cancel()
                throw error
            }
        }
        return try outcome.value!.get()
    }

    final class Box<V>: @unchecked Sendable { var value: V; init(_ v: V) { value = v } }

    final class Pipe<T>: @unchecked Sendable {
        private let cond = NSCondition()
        private var queue: [[T]] = [], finished = false, cancelled = false
        let capacity: Int
        init(capacity: Int) { self.capacity = capacity }

        /// False when the consumer has given up.
        func put(_ items: [T]) -> Bool {
            cond.lock(); defer { cond.unlock() }
            while queue.count >= capacity && !cancelled { cond.wait() }
            if cancelled { return false }
            queue.append(items); cond.broadcast()
            return true
        }
        /// Nil when the producer has finished and everything was taken.
        func take() -> [T]? {
            cond.lock(); defer { cond.unlock() }
            while queue.isEmpty && !finished { cond.wait() }
            if queue.isEmpty { return nil }
            let items = queue.removeFirst(); cond.broadcast()
            return items
        }
        func finish() { cond.lock(); finished = true; cond.broadcast(); cond.unlock() }
        func cancel() { cond.lock(); cancelled = true; queue.removeAll(); cond.broadcast(); cond.unlock() }
    }
}

extension Pipeline {
    /// The same two stages with an asynchronous consumer (writing through SQLKit): the
    /// producer keeps its own thread and blocks when `capacity` batches wait; the consumer
    /// awaits batches without holding a thread. A failure on either side stops both.
    static func runAsync<T: Sendable, R>(batch: Int = 2048, capacity: Int = 4,
                                         produce: @escaping (_ emit: (T) throws -> Void) throws -> R,
                                         consume: ([T]) async throws -> Void) async throws -> R {
        let pipe = AsyncPipe<T>(capacity: capacity)
        let outcome = Box<Result<R, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        // Joined before returning (the semaphore below), so the producer never outlives this call.
        nonisolated(unsafe) let produce = produce
        let thread = Thread {
            var items: [T] = []
            items.reserveCapacity(batch)
            outcome.value = Result {
                let value = try produce { item in
                    items.append(item)
                    if items.count == batch {
                        guard pipe.put(items) else { throw Cancelled() }
                        items.removeAll(keepingCapacity: true)
                    }
                }
                if !items.isEmpty, !pipe.put(items) { throw Cancelled() }
                return value
            }
            pipe.finish()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        do {
            while let items = await pipe.take() { try await consume(items) }
        } catch {
            pipe.cancel()
            await AsyncPipe<T>.join(done)
            throw error
        }
        await AsyncPipe<T>.join(done)
        return try outcome.value!.get()
    }

    /// A bounded queue from a thread to an async consumer.
    final class AsyncPipe<T: Sendable>: @unchecked Sendable {
        private let cond = NSCondition()
        private var queue: [[T]] = [], finished = false, cancelled = false
        private var waiting: CheckedContinuation<[T]?, Never>?
        let capacity: Int
        init(capacity: Int) { self.capacity = capacity }

        /// Producer side; false when the consumer has given up.
        func put(_ items: [T]) -> Bool {
            cond.lock()
            while queue.count >= capacity && !cancelled { cond.wait() }
            if cancelled { cond.unlock(); return false }
            if let w = waiting {
                waiting = nil
                cond.unlock()
                w.resume(returning: items)
                return true
            }
            queue.append(items)
            cond.unlock()
            return true
        }
        func finish() {
            cond.lock()
            finished = true
            let w = waiting
            waiting = nil
            cond.unlock()
            w?.resume(returning: nil)
        }
        func cancel() { cond.lock(); cancelled = true; queue.removeAll(); cond.broadcast(); cond.unlock() }

        /// Nil when the producer has finished and everything was taken.
        func take() async -> [T]? {
            await withCheckedContinuation { (c: CheckedContinuation<[T]?, Never>) in
                cond.lock()
                if !queue.isEmpty {
                    let items = queue.removeFirst()
                    cond.broadcast()
                    cond.unlock()
                    c.resume(returning: items)
                } else if finished {
                    cond.unlock()
                    c.resume(returning: nil)
                } else {
                    waiting = c
                    cond.unlock()
                }
            }
        }

        /// Waits for the producer thread's end without blocking a concurrency thread.
        static func join(_ done: DispatchSemaphore) async {
            await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                DispatchQueue.global().async { done.wait(); c.resume() }
            }
        }
    }

    /// Runs blocking work (the SQLite-file writer and its pipeline) on a thread of its own,
    /// so that no concurrency thread waits for it.
    static func onOwnThread<R: Sendable>(_ work: @escaping @Sendable () throws -> R) async throws -> R {
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<R, any Error>) in
            let t = Thread { c.resume(with: Result { try work() }) }
            t.stackSize = 8 << 20
            t.start()
        }
    }
}
