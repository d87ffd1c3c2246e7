import Dispatch
import Foundation

/// The runtime's sense of time, injected so that tests drive it by hand (`ManualClock`).
/// The worker's timers (search debounce, retry backoff, periodic refresh) go through
/// `schedule`; the store reads `now` for what the screen shows as relative times.
public protocol InboxClock: Sendable {
    /// The wall-clock time now.
    var now: Date { get }
    /// Runs `work` on `queue` once `milliseconds` have passed. The caller keeps `work` and
    /// cancels it when it is superseded; a cancelled item never runs.
    func schedule(_ work: TimerWork, after milliseconds: Int, on queue: DispatchQueue)
}

/// A `DispatchWorkItem` that may cross threads.
///
/// `@unchecked Sendable` is safe: the wrapper is immutable, and libdispatch documents
/// `dispatch_block_cancel`, `dispatch_block_testcancel` and performing a block as safe from
/// any thread (a work item is a reference-counted dispatch block); Swift's overlay simply
/// does not annotate the class.
public struct TimerWork: @unchecked Sendable {
    /// The item itself.
    public let item: DispatchWorkItem

    public init(_ block: @escaping @Sendable () -> Void) {
        item = DispatchWorkItem(block: block)
    }

    /// Makes the item a no-op if it has not started.
    public func cancel() { item.cancel() }

    /// True once `cancel` was called.
    public var isCancelled: Bool { item.isCancelled }
}

/// The real clock: `Date()` and a strict dispatch timer.
///
/// Not `asyncAfter`: libdispatch lets such a timer fire up to a tenth of its interval late
/// (12 ms on the 120 ms search debounce), which the user sees as a slower search. These
/// timers ask for no leeway.
public struct SystemClock: InboxClock {
    public init() {}

    public var now: Date { Date() }

    public func schedule(_ work: TimerWork, after milliseconds: Int, on queue: DispatchQueue) {
        let timer = DispatchSource.makeTimerSource(flags: .strict, queue: queue)
        timer.schedule(deadline: .now() + .milliseconds(max(0, milliseconds)), leeway: .nanoseconds(0))
        // The handler holds the timer until it has fired once; a cancelled work item is a no-op.
        timer.setEventHandler {
            work.item.perform()
            timer.cancel()
        }
        timer.activate()
    }
}
