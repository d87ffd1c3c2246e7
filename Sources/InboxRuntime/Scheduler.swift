import Dispatch

/// Runs work later; injected so that tests drive time by hand.
public protocol Scheduler: Sendable {
    /// Runs `work` on `queue` after `milliseconds`; the returned item cancels it.
    func schedule(after milliseconds: Int, on queue: DispatchQueue, _ work: @escaping @Sendable () -> Void) -> ScheduledWork
}

/// A handle on scheduled work.
public protocol ScheduledWork: Sendable {
    func cancel()
}

/// The real clock: `DispatchQueue.asyncAfter` with a cancellable `DispatchWorkItem`.
public struct DispatchScheduler: Scheduler {
    public init() {}

    public func schedule(after milliseconds: Int, on queue: DispatchQueue, _ work: @escaping @Sendable () -> Void) -> ScheduledWork {
        let item = DispatchWorkItem(block: work)
        queue.asyncAfter(deadline: .now() + .milliseconds(max(0, milliseconds)), execute: item)
        return DispatchWork(item: item)
    }
}

struct DispatchWork: ScheduledWork, @unchecked Sendable {
    // DispatchWorkItem is thread-safe; it is simply not annotated Sendable.
    let item: DispatchWorkItem
    func cancel() { item.cancel() }
}
