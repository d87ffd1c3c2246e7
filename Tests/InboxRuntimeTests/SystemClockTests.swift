import Dispatch
import Foundation
import InboxRuntime
import Synchronization
import Testing

/// The real clock's timers: each runs once, on its queue, not before its time; a cancelled
/// one never runs. (How late a timer fires is a benchmark figure, not asserted here.)
@Suite struct SystemClockTests {
    @Test func aTimerRunsOnceOnItsQueueNotBeforeItsTime() async throws {
        let queue = DispatchQueue(label: "clock-test")
        let key = DispatchSpecificKey<Bool>()
        queue.setSpecific(key: key, value: true)
        let runs = Mutex<[(onQueue: Bool, elapsed: TimeInterval)]>([])
        let start = Date()
        let fired = TimerWork {
            runs.withLock { $0.append((DispatchQueue.getSpecific(key: key) == true, Date().timeIntervalSince(start))) }
        }
        let cancelled = TimerWork { runs.withLock { $0.append((false, -1)) } }
        SystemClock().schedule(fired, after: 40, on: queue)
        SystemClock().schedule(cancelled, after: 20, on: queue)
        cancelled.cancel()
        try await Task.sleep(for: .milliseconds(400))
        let seen = runs.withLock { $0 }
        #expect(seen.count == 1, "the timer ran once and the cancelled one never")
        #expect(seen.first?.onQueue == true)
        #expect((seen.first?.elapsed ?? 0) >= 0.039)
    }
}
