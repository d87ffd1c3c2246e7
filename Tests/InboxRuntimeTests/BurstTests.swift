import ChatzyAPI
import InboxCore
import InboxRuntime
import Testing

/// A thousand answers racing back from the worker's tasks: the UI thread, blocked in
/// `poll()` on the mailbox, is woken and receives every one exactly once.
@Suite struct BurstTests {
    struct Outcome: Sendable {
        var received: [Int] = []
        var wakeUps = 0
        var readableAfter = true
    }

    @Test func aBurstOfAThousandResultsWakesTheUIThreadWithoutLosingOne() async throws {
        let mailbox = Mailbox()
        let worker = FetchWorker(client: InstantClient(), email: "me@example.com", clock: ManualClock()) {
            mailbox.post($0)
        }
        defer { worker.stop() }
        let requests = (1...1_000).map {
            PageRequest(id: $0, generation: 0, key: ListKey(filter: .all, search: ""),
                        offset: $0, limit: 1, priority: $0.isMultiple(of: 3) ? .visible : .prefetch)
        }
        let outcome = await onUIThread {
            var outcome = Outcome()
            worker.run(requests.map(Effect.fetch))
            while outcome.received.count < 1_000, waitReadable(mailbox.wakeFD, milliseconds: 10_000) {
                outcome.wakeUps += 1
                for action in mailbox.drain() {
                    if case .pageLoaded(let request, let page) = action, page.contacts.first?.id == "c\(request.offset)" {
                        outcome.received.append(request.id)
                    }
                }
            }
            outcome.readableAfter = isReadable(mailbox.wakeFD)
            return outcome
        }
        #expect(outcome.received.count == 1_000)
        #expect(Set(outcome.received) == Set(1...1_000), "every result arrived, none twice")
        #expect(outcome.wakeUps >= 1 && outcome.wakeUps <= 1_000)
        #expect(!outcome.readableAfter, "nothing left behind in the pipe")
        #expect(worker.snapshot().inFlight.isEmpty)
        print("burst: 1000 results in \(outcome.wakeUps) wake-ups of the UI thread")
    }
}
