import ChatzyAPI
import InboxCore
import InboxRuntime
import Testing

/// The worker on its own, fed effects directly: at most two requests on the wire, a visible
/// page before any prefetch, cancelled requests never sent, nothing after `stop`.
@Suite struct AdmissionTests {
    func request(_ id: Int, _ priority: PageRequest.Priority) -> PageRequest {
        PageRequest(id: id, generation: 0, key: ListKey(filter: .all, search: ""),
                    offset: id * 10, limit: 10, priority: priority)
    }

    /// The ids of the client's calls (each offset is ten times its request id).
    func ids(_ client: ScriptedClient) -> [Int] { client.calls.map { $0.query.offset / 10 } }

    @Test func aVisiblePageGoesBeforeWaitingPrefetchesAndTwoAtMostAreInFlight() async throws {
        let client = ScriptedClient()
        let delivered = Recorder<Int>()
        let worker = FetchWorker(client: client, email: "me@example.com", clock: ManualClock()) { action in
            if case .pageLoaded(let request, _) = action { delivered.append(request.id) }
        }
        defer { worker.stop() }
        worker.run([.fetch(request(1, .prefetch)), .fetch(request(2, .prefetch)), .fetch(request(3, .visible))])
        var snapshot = worker.snapshot()
        #expect(snapshot.inFlight == [3, 1], "the visible page and one prefetch")
        #expect(snapshot.waiting == [2])
        #expect(await eventually { client.calls.count == 2 })
        #expect(Set(ids(client)) == [1, 3])

        // A visible page asked for now waits for the next slot, ahead of the older prefetch.
        worker.run([.fetch(request(4, .prefetch)), .fetch(request(5, .visible))])
        #expect(worker.snapshot().waiting == [5, 2, 4])
        client.answer(ids(client).firstIndex(of: 1)!, with: page("p", 0..<1))
        #expect(await eventually { client.calls.count == 3 })
        #expect(ids(client).last == 5)
        snapshot = worker.snapshot()
        #expect(snapshot.inFlight == [3, 5] && snapshot.waiting == [2, 4])

        // Two visible pages in flight: a prefetch may start only when one of them ends.
        worker.run([.cancel(requestID: 2)])
        client.answer(ids(client).firstIndex(of: 3)!, with: page("p", 0..<1))
        #expect(await eventually { client.calls.count == 4 })
        #expect(ids(client).last == 4, "the cancelled prefetch 2 was never sent")
        client.answer(ids(client).firstIndex(of: 5)!, with: page("p", 0..<1))
        client.answer(ids(client).firstIndex(of: 4)!, with: page("p", 0..<1))
        #expect(await eventually { delivered.values.count == 4 })
        #expect(Set(delivered.values) == [1, 3, 5, 4])
        #expect(worker.snapshot().isIdle)
        #expect(ids(client).count == 4)
    }

    @Test func aLimitOfOneStillPutsVisibleFirst() async throws {
        let client = ScriptedClient()
        let worker = FetchWorker(client: client, email: "me@example.com", clock: ManualClock(), maxInFlight: 1) { _ in }
        defer { worker.stop() }
        worker.run([.fetch(request(1, .prefetch))])
        #expect(await eventually { client.calls.count == 1 })
        worker.run([.fetch(request(2, .prefetch)), .fetch(request(3, .visible))])
        #expect(worker.snapshot().waiting == [3, 2])
        client.answer(0, with: page("p", 0..<1))
        #expect(await eventually { client.calls.count == 2 })
        #expect(ids(client) == [1, 3])
    }

    @Test func stopCancelsRequestsAndTimersAndIgnoresLaterEffects() async throws {
        let client = ScriptedClient()
        let clock = ManualClock()
        let delivered = Recorder<Action>()
        let worker = FetchWorker(client: client, email: "me@example.com", clock: clock) { action in
            delivered.append(action)
        }
        worker.run([.fetch(request(1, .visible)), .schedule(timer: .refresh, milliseconds: 1000, action: .refresh)])
        #expect(await eventually { client.calls.count == 1 })
        worker.stop()
        #expect(await eventually { client.calls[0].cancelled })
        clock.advance(by: 5000)
        worker.run([.fetch(request(2, .visible))])
        #expect(worker.snapshot().isIdle)
        #expect(client.calls.count == 1)
        #expect(delivered.values.isEmpty)
    }

    @Test func timersWithDifferentIDsRunIndependentlyAndAReplacedOneNever() async throws {
        let clock = ManualClock()
        let delivered = Recorder<Action>()
        let worker = FetchWorker(client: ScriptedClient(), email: "me@example.com", clock: clock) { action in
            delivered.append(action)
        }
        defer { worker.stop() }
        worker.run([
            .schedule(timer: .refresh, milliseconds: 300, action: .refresh),
            .schedule(timer: .retry, milliseconds: 100, action: .retryFailed(requestID: 1)),
            .schedule(timer: .retry, milliseconds: 200, action: .retryFailed(requestID: 2)),
        ])
        _ = worker.snapshot()
        clock.advance(by: 199)
        #expect(delivered.values.isEmpty, "the replaced retry at 100 ms never fires")
        clock.advance(by: 1)
        #expect(delivered.values == [.retryFailed(requestID: 2)])
        clock.advance(by: 100)
        #expect(delivered.values == [.retryFailed(requestID: 2), .refresh])
        #expect(clock.pendingTimers == 0)
    }
}
