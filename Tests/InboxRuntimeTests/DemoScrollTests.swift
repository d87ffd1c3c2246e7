import ChatzyAPI
import DemoServer
import Foundation
import InboxCore
import InboxRuntime
import Testing

/// The whole runtime against the real demo server over 127.0.0.1 at 50 ms latency, on the
/// real clock: a user holding `j` at 50 rows per second through 1,000 contacts.
@Suite struct DemoScrollTests {
    static let contacts = 1_000
    static let pageSize = 50
    static let pressInterval = Duration.milliseconds(20)

    struct Outcome: Sendable {
        var firstPageLoaded = false
        var presses = 0
        /// Presses that found the next row not loaded yet: the selection stayed on the last
        /// loaded row, with the "loading…" row under it.
        var stalls = 0
        /// The rows the selection was stuck on, once each.
        var stalledAt: [Int] = []
        /// The fewest loaded rows left below the selection when a key was pressed.
        var leastHeadroom = Int.max
        var rows = 0
        var uniqueRows = 0
        var reachedEnd = false
        var seconds = 0.0
    }

    @Test func scrollingAThousandContactsAt50RowsASecondFetchesEachPageOnce() async throws {
        let logPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("inbox-runtime-scroll-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: logPath) }
        let server = try await DemoServer.start(DemoServerOptions(
            contacts: Self.contacts, latencyMilliseconds: 50, requestLogPath: logPath))
        // A long time-out: inside a loaded suite the in-process server can be starved for
        // seconds, and a timed-out page is retried by design — that retry is not what this
        // test counts.
        let client = ChatzyClient(endpoint: try ChatzyEndpoint(baseURL: server.url), token: server.issueToken(), timeout: 300)
        let outcome = await onUIThread { Self.scroll(client) }
        await server.shutdown()

        #expect(outcome.firstPageLoaded)
        // Presses on the loading row are printed, not asserted: the prefetch starts a screen
        // (21 rows, 420 ms at 50 rows/s) before the loaded end and a page takes about 55 ms,
        // so run alone the count is 0 with at least 17 rows of margin (every run measured,
        // load average 7-12 on two cores). But the demo server shares this process's
        // cooperative pool (two threads here), and in the whole suite other tests hold it —
        // the tmux test blocks one thread for its whole run while server suites seed data
        // on the other — and pages then come back seconds late (43 such presses measured).
        #expect(outcome.reachedEnd && outcome.rows == Self.contacts && outcome.uniqueRows == Self.contacts)
        let offsets = try Self.requestedOffsets(logPath)
        let pages = stride(from: 0, to: Self.contacts, by: Self.pageSize).map { $0 }
        #expect(offsets.count == 20 || offsets.count == 21, "\(offsets.count) page requests")
        #expect(Set(offsets).count == offsets.count, "no page requested twice: \(offsets)")
        #expect(offsets.sorted() == pages || offsets.sorted() == pages + [Self.contacts])
        print("""
            scroll: \(outcome.presses) presses of j in \(String(format: "%.1f", outcome.seconds)) s, \
            \(offsets.count) page requests, \(outcome.stalls) presses on the loading row, \
            at least \(outcome.leastHeadroom) loaded rows ahead of the selection\
            \(outcome.stalledAt.isEmpty ? "" : " (stuck on rows \(outcome.stalledAt))")
            """)
    }

    /// The UI thread: the loop `InboxApp.run` has, with a key due every 20 ms instead of a
    /// terminal. Between keys it blocks in `poll()` on the mailbox and reduces what arrives.
    static func scroll(_ client: ChatzyClient) -> Outcome {
        let mailbox = Mailbox()
        let worker = FetchWorker(client: client, email: DemoServerOptions.demoEmail) { mailbox.post($0) }
        defer { worker.stop() }
        let store = Store(state: InboxState(settings: .init(pageSize: pageSize))) { worker.run($0) }
        func pump(until deadline: ContinuousClock.Instant) {
            while true {
                let left = deadline - ContinuousClock.now
                let milliseconds = Int32(max(0, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
                if waitReadable(mailbox.wakeFD, milliseconds: milliseconds) { store.send(mailbox.drain()) }
                if ContinuousClock.now >= deadline { return }
            }
        }
        var outcome = Outcome()
        store.send([.resize(rows: 24, cols: 80), .start])
        let opening = ContinuousClock.now + .seconds(15)
        while store.state.shown.rows.isEmpty, ContinuousClock.now < opening {
            pump(until: min(opening, ContinuousClock.now + .milliseconds(10)))
        }
        outcome.firstPageLoaded = !store.state.shown.rows.isEmpty
        guard outcome.firstPageLoaded else { return outcome }

        let start = ContinuousClock.now
        let last = contacts - 1
        while store.state.shown.selected < last, outcome.presses < 3 * contacts {
            pump(until: start + pressInterval * outcome.presses)
            let before = store.state.shown.selected
            if !store.state.shown.reachedEnd {
                outcome.leastHeadroom = min(outcome.leastHeadroom, store.state.shown.rows.count - 1 - before)
            }
            store.send(.key(.char("j")))
            outcome.presses += 1
            if store.state.shown.selected == before {
                outcome.stalls += 1
                if outcome.stalledAt.last != before { outcome.stalledAt.append(before) }
            }
        }
        outcome.seconds = Double((ContinuousClock.now - start).components.attoseconds) / 1e18
            + Double((ContinuousClock.now - start).components.seconds)
        // The last prefetch (the empty page past the end) may still be on its way.
        let ending = ContinuousClock.now + .seconds(10)
        while !store.state.shown.reachedEnd, store.state.shown.pending != nil, ContinuousClock.now < ending {
            pump(until: min(ending, ContinuousClock.now + .milliseconds(10)))
        }
        let list = store.state.shown
        outcome.rows = list.rows.count
        outcome.uniqueRows = Set(list.rows.map(\.id)).count
        outcome.reachedEnd = list.reachedEnd
        return outcome
    }

    /// The `offset` of every contact-list request in the server's request log.
    static func requestedOffsets(_ path: String) throws -> [Int] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line -> Int? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  object["path"] as? String == "/get_contact_conversations",
                  let query = object["query"] as? String
            else { return nil }
            return URLComponents(string: "?" + query)?.queryItems?.first { $0.name == "offset" }?.value.flatMap(Int.init)
        }
    }
}
