import Dispatch
import Foundation
import Synchronization
@testable import TerminalUI
import Testing

/// The gate between the run loop's curses work and a crash handler's restore: a crash on
/// another thread waits for the frame in progress, and nothing enters after it.
@Suite struct CursesGateTests {
    /// Runs `body` on a thread of its own (the gate knows threads by `pthread_self`).
    static func onThread(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.start()
    }

    @Test func aCrashWaitsForTheFrameInProgressThenNothingEntersAgain() {
        let gate = CursesGate()
        let entered = DispatchSemaphore(value: 0), leave = DispatchSemaphore(value: 0)
        let left = DispatchSemaphore(value: 0), closed = DispatchSemaphore(value: 0)
        let results = Mutex<(leftOpen: Bool?, closedFirst: Bool?)>((nil, nil))
        Self.onThread {
            #expect(gate.tryEnter())
            entered.signal()
            leave.wait()
            let ok = gate.tryLeave()
            results.withLock { $0.leftOpen = ok }
            left.signal()
        }
        entered.wait()
        Self.onThread {
            let first = gate.close(waitingAtMost: 10_000)
            results.withLock { $0.closedFirst = first }
            closed.signal()
        }
        // The closer must still be waiting: the frame has not ended.
        #expect(closed.wait(timeout: .now() + .milliseconds(200)) == .timedOut)
        #expect(!gate.isClosed)
        leave.signal()
        #expect(left.wait(timeout: .now() + .seconds(10)) == .success)
        #expect(closed.wait(timeout: .now() + .seconds(10)) == .success)
        results.withLock {
            #expect($0.leftOpen == true, "the frame ended before the gate closed")
            #expect($0.closedFirst == true)
        }
        #expect(gate.isClosed)
        #expect(!gate.tryEnter(), "the loop cannot draw after the restore")
        #expect(!gate.close(), "a second crash does not restore again")
    }

    /// A loop with keys always pending is out of the gate only for an instant between frames:
    /// the close still gets the gate as that frame ends, long before its wait runs out, and
    /// the loop does not enter again. (Checking every millisecond for an open gate, the close
    /// used to miss those instants, give up and restore the terminal mid-frame.)
    @Test func aBusyLoopHandsTheGateOverBetweenFrames() {
        let gate = CursesGate()
        let running = DispatchSemaphore(value: 0), stopped = DispatchSemaphore(value: 0)
        let frames = Mutex((total: 0, afterClose: 0))
        Self.onThread {
            var signalled = false
            while gate.tryEnter() {
                if gate.isClosed { frames.withLock { $0.afterClose += 1 } }
                // A frame's worth of work inside the gate (a millisecond), an instant outside.
                let end = DispatchTime.now().uptimeNanoseconds + 1_000_000
                while DispatchTime.now().uptimeNanoseconds < end {}
                frames.withLock { $0.total += 1 }
                if !signalled, frames.withLock({ $0.total }) > 10 {
                    running.signal()
                    signalled = true
                }
                _ = gate.tryLeave()
            }
            stopped.signal()
        }
        running.wait()
        let started = Date()
        #expect(gate.close(waitingAtMost: 5_000))
        #expect(Date().timeIntervalSince(started) < 4, "handed over, not forced after the wait")
        #expect(stopped.wait(timeout: .now() + .seconds(10)) == .success, "the loop stopped entering")
        #expect(frames.withLock { $0.afterClose } == 0)
        #expect(gate.isClosed)
    }

    @Test func aCrashInsideAFrameClosesWithoutWaitingForItself() {
        let gate = CursesGate()
        #expect(gate.tryEnter())
        let started = Date()
        #expect(gate.close(waitingAtMost: 20_000))
        #expect(Date().timeIntervalSince(started) < 10, "did not wait out its own frame")
        #expect(!gate.tryLeave(), "the frame that crashed cannot leave into an open gate")
        #expect(gate.isClosed)
    }

    @Test func aFrameThatNeverEndsDelaysTheRestoreOnlySoLong() {
        let gate = CursesGate()
        let entered = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let leftAfterClose = Mutex<Bool?>(nil), done = DispatchSemaphore(value: 0)
        Self.onThread {
            #expect(gate.tryEnter())
            entered.signal()
            release.wait()
            let ok = gate.tryLeave()
            leftAfterClose.withLock { $0 = ok }
            done.signal()
        }
        entered.wait()
        let started = Date()
        #expect(gate.close(waitingAtMost: 50))
        #expect(Date().timeIntervalSince(started) >= 0.045, "waited for the frame first (its 50 ms, on another clock)")
        release.signal()
        #expect(done.wait(timeout: .now() + .seconds(10)) == .success)
        #expect(leftAfterClose.withLock { $0 } == false, "a late frame finds the gate closed")
    }
}
