import Dispatch
import Foundation
import InboxCore
import InboxRuntime
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The mailbox is how every result reaches the UI thread: nothing may be lost or reordered,
/// and the UI thread must be woken through the pipe it polls.
@Suite struct MailboxTests {
    static func isReadable(_ fd: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) == 1
    }

    @Test func aBurstFromAnotherThreadArrivesWholeAndInOrder() {
        let mailbox = Mailbox()
        #expect(!Self.isReadable(mailbox.wakeFD))
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            for n in 0..<1_000 { mailbox.post(.resize(rows: n, cols: 80)) }
            done.signal()
        }
        done.wait()
        #expect(Self.isReadable(mailbox.wakeFD), "posting wakes the poller")
        let actions = mailbox.drain()
        #expect(actions == (0..<1_000).map { .resize(rows: $0, cols: 80) })
        #expect(!Self.isReadable(mailbox.wakeFD), "draining clears the wake-up")
        #expect(mailbox.drain().isEmpty)
    }

    @Test func postsFromManyThreadsAreNeverLost() {
        let mailbox = Mailbox()
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for n in 0..<500 { mailbox.post(.resize(rows: thread, cols: n)) }
        }
        var received: [Action] = []
        while Self.isReadable(mailbox.wakeFD) { received += mailbox.drain() }
        #expect(received.count == 4_000)
        for thread in 0..<8 {
            let columns = received.compactMap { action -> Int? in
                if case .resize(let rows, let cols) = action, rows == thread { return cols }
                return nil
            }
            #expect(columns == Array(0..<500), "thread \(thread)'s posts keep their order")
        }
    }
}
