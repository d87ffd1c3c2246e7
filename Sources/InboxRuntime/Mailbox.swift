#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import InboxCore

/// Carries actions from worker threads to the UI thread. `post` may be called from any
/// thread; it wakes the UI thread through a pipe whose read end the UI thread `poll()`s.
public final class Mailbox: @unchecked Sendable {
    // Safe because `queue` is only touched under `lock`, and the pipe's file descriptors
    // are written once in init and only closed in deinit.
    private let lock = NSLock()
    private var queue: [Action] = []
    private let readFD: Int32
    private let writeFD: Int32

    public init() {
        var fds: [Int32] = [0, 0]
        precondition(pipe(&fds) == 0, "cannot create the wake-up pipe")
        readFD = fds[0]
        writeFD = fds[1]
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
    }

    deinit {
        close(readFD)
        close(writeFD)
    }

    /// The descriptor to `poll()` for readability.
    public var wakeFD: Int32 { readFD }

    /// Queues an action and wakes the UI thread (one byte per batch, not per action).
    public func post(_ action: Action) {
        lock.lock()
        let wasEmpty = queue.isEmpty
        queue.append(action)
        lock.unlock()
        if wasEmpty {
            var byte: UInt8 = 1
            _ = write(writeFD, &byte, 1)
        }
    }

    /// Takes every queued action, in order, and clears the wake-up pipe.
    public func drain() -> [Action] {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(readFD, &buffer, buffer.count) > 0 {}
        lock.lock()
        defer { lock.unlock() }
        let actions = queue
        queue.removeAll(keepingCapacity: true)
        return actions
    }
}
