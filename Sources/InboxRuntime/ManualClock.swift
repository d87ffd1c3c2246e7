import Dispatch
import Foundation
import Synchronization

/// A clock that moves only when told to: `advance(by:)` runs every timer that falls due, in
/// order of deadline, before it returns. For tests of debounces, backoffs and refreshes
/// without waiting for them.
public final class ManualClock: InboxClock {
    private struct Timer {
        var deadline: Int
        var sequence: Int
        var work: TimerWork
        var queue: DispatchQueue
    }

    private struct State {
        var elapsed = 0
        var sequence = 0
        var timers: [Timer] = []
    }

    private let start: Date
    private let state = Mutex(State())

    /// A clock reading `start` until advanced.
    public init(start: Date = Date(timeIntervalSince1970: 1_750_000_000)) {
        self.start = start
    }

    public var now: Date { start.addingTimeInterval(Double(elapsedMilliseconds) / 1000) }

    /// Milliseconds advanced since the clock was made.
    public var elapsedMilliseconds: Int { state.withLock { $0.elapsed } }

    /// Timers scheduled and neither run nor cancelled.
    public var pendingTimers: Int { state.withLock { $0.timers.count { !$0.work.isCancelled } } }

    public func schedule(_ work: TimerWork, after milliseconds: Int, on queue: DispatchQueue) {
        state.withLock { state in
            state.sequence += 1
            state.timers.append(Timer(deadline: state.elapsed + max(0, milliseconds), sequence: state.sequence,
                                      work: work, queue: queue))
        }
    }

    /// Moves time forward, running each timer that falls due on its queue, synchronously,
    /// earliest deadline first (timers they schedule run too when they fall due in time).
    /// Never call it from a queue a timer runs on.
    public func advance(by milliseconds: Int) {
        let target = state.withLock { $0.elapsed } + max(0, milliseconds)
        while let due = nextDue(before: target) {
            if !due.work.isCancelled { due.queue.sync(execute: due.work.item) }
        }
    }

    /// Removes and returns the earliest timer due by `target`, moving the time to its
    /// deadline; when none is due, moves the time to `target` and returns nil.
    private func nextDue(before target: Int) -> Timer? {
        state.withLock { state in
            state.timers.removeAll { $0.work.isCancelled }
            guard let index = state.timers.indices.filter({ state.timers[$0].deadline <= target })
                .min(by: { (state.timers[$0].deadline, state.timers[$0].sequence)
                         < (state.timers[$1].deadline, state.timers[$1].sequence) })
            else {
                state.elapsed = target
                return nil
            }
            state.elapsed = max(state.elapsed, state.timers[index].deadline)
            return state.timers.remove(at: index)
        }
    }
}
