#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Who may use curses right now. The run loop holds the gate whenever it is not asleep in
/// `poll()`; a crash handler closes it before restoring the terminal. Without it, a crash on a
/// background thread raced the loop: a signal (the fault's own, or the backtracer pausing
/// every thread) cut the loop's `poll()` short, the loop drew a frame, and a frame after
/// `endwin` re-enters curses mode — the dying inbox left its screen up and the terminal raw
/// (about one crash in ten).
final class CursesGate: Sendable {
    /// The gate of this process's one curses screen.
    static let shared = CursesGate()

    private static let open: UInt = 0, closed = UInt.max
    /// `open`, `closed` for good, or the `pthread_self()` of the thread inside.
    private let state = Atomic<UInt>(CursesGate.open)
    /// Set by `close` before it waits: the thread inside stops at its next `leave` instead of
    /// entering again. (A loop with keys pending is out of the gate only for an instant
    /// between frames, which a closer checking every millisecond would rarely catch: it gave up
    /// after its wait and restored the terminal in the middle of a frame.)
    private let closing = Atomic<Bool>(false)

    /// Enters, or returns false when the gate is closed or closing.
    func tryEnter() -> Bool {
        guard !closing.load(ordering: .acquiring) else { return false }
        guard state.compareExchange(expected: Self.open, desired: UInt(pthread_self()), ordering: .acquiringAndReleasing).exchanged
        else { return false }
        // A close that began meanwhile waits for this thread: give the gate back at once.
        if closing.load(ordering: .acquiring) {
            _ = tryLeave()
            return false
        }
        return true
    }

    /// Enters; when the gate is closed the process is dying of a crash, so the caller parks
    /// until it does rather than touch the restored terminal.
    func enter() {
        if !tryEnter() { park() }
    }

    /// Leaves; parks when a crash closed the gate, or is closing it, meanwhile (a closing
    /// gate is left open for the closer, and never entered again).
    func leave() {
        if !tryLeave() || closing.load(ordering: .acquiring) { park() }
    }

    /// Leaves, or returns false when a crash closed the gate meanwhile.
    func tryLeave() -> Bool {
        state.compareExchange(expected: UInt(pthread_self()), desired: Self.open, ordering: .acquiringAndReleasing).exchanged
    }

    /// Closes the gate for good, once the thread inside (if any) has left, or at once when the
    /// caller is that thread (a crash inside a frame). Waits at most `milliseconds` for another
    /// thread: it may itself wait on a lock the crashed thread holds. Returns false when the
    /// gate was closed already. Async-signal-safe: atomics, `pthread_self`, `clock_gettime` and
    /// `nanosleep` only.
    @discardableResult
    func close(waitingAtMost milliseconds: Int = 250) -> Bool {
        let me = UInt(pthread_self())
        closing.store(true, ordering: .releasing)
        // A deadline on the monotonic clock: signals cut each `nanosleep` short while the
        // process crashes, so counting sleeps would give up early.
        let deadline = Self.monotonicNanoseconds() + Int64(milliseconds) * 1_000_000
        while true {
            let (exchanged, inside) = state.compareExchange(expected: Self.open, desired: Self.closed, ordering: .acquiringAndReleasing)
            if exchanged { return true }
            if inside == Self.closed { return false }
            if inside == me || Self.monotonicNanoseconds() >= deadline { break }
            var pause = timespec(tv_sec: 0, tv_nsec: 1_000_000)
            nanosleep(&pause, nil)
        }
        return state.exchange(Self.closed, ordering: .acquiringAndReleasing) != Self.closed
    }

    /// `CLOCK_MONOTONIC` in nanoseconds (async-signal-safe).
    private static func monotonicNanoseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    /// Whether a crash closed the gate.
    var isClosed: Bool { state.load(ordering: .acquiring) == Self.closed }

    private func park() -> Never {
        while true { _ = pause() }
    }
}
