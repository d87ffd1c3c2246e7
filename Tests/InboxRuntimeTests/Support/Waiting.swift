import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Waits, yielding the thread, until `condition` holds or `seconds` of real time pass;
/// returns whether it held. A bound on a wait, not a timing assertion.
func eventually(within seconds: Double = 20, _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    var pause = 1
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(pause))
        pause = min(pause * 2, 16)
    }
    return condition()
}

/// Runs `body` on a thread of its own, as the inbox's UI thread is: it may block in `poll()`
/// without starving Swift's cooperative pool (two threads on this machine), which the
/// worker's tasks and the demo server need. Expectations are checked on what it returns.
func onUIThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        let thread = Thread { continuation.resume(returning: body()) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}

/// True when `fd` is readable now.
func isReadable(_ fd: Int32) -> Bool {
    var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    return poll(&entry, 1, 0) == 1
}

/// Blocks up to `milliseconds` for `fd` to become readable, as the UI thread does.
func waitReadable(_ fd: Int32, milliseconds: Int32) -> Bool {
    var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    while true {
        let ready = poll(&entry, 1, milliseconds)
        if ready >= 0 { return ready == 1 }
        if errno != EINTR { return false }
    }
}

/// A list that any thread may append to (what a worker delivered, for instance).
final class Recorder<Element: Sendable>: Sendable {
    private let storage = Mutex<[Element]>([])

    func append(_ element: Element) { storage.withLock { $0.append(element) } }

    var values: [Element] { storage.withLock { $0 } }
}
