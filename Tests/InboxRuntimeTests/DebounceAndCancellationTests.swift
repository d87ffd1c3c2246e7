import ChatzyAPI
import InboxCore
import InboxRuntime
import Testing

/// Typing a search on a manual clock: the worker honours the debounce timer the reducer
/// asks for, replaces it on every keystroke, and cancels a superseded request on the wire.
@Suite struct DebounceAndCancellationTests {
    @Test func tenKeystrokesInsideTheDebounceWindowMakeOneRequest() async throws {
        let rig = Rig()
        #expect(await rig.open())
        let debounce = rig.state.settings.searchDebounceMilliseconds
        rig.press(.char("/"))
        for character in "abcdefghij" {
            rig.type(String(character))
            rig.advance(by: debounce / 2)
            #expect(rig.pump() == 0, "no timer fires while typing")
        }
        let scheduled = rig.effects.filter { if case .schedule(.searchDebounce, _, _) = $0 { true } else { false } }
        #expect(scheduled.count == 10, "every keystroke re-armed the debounce")
        #expect(rig.clock.pendingTimers == 1, "each re-arm cancelled the previous timer")
        #expect(rig.worker.snapshot().timers == [.searchDebounce])

        rig.advance(by: debounce - debounce / 2 - 1)
        #expect(rig.pump() == 0, "the debounce runs from the last keystroke")
        rig.advance(by: 1)
        #expect(rig.pump() == 1, "the pause settles the query")
        #expect(rig.store.now == rig.clock.now && rig.clock.elapsedMilliseconds == 10 * (debounce / 2) + debounce - debounce / 2,
                "the store reads the injected clock")
        #expect(await rig.calls(2))
        let snapshot = rig.worker.snapshot()
        #expect(snapshot.inFlight.count == 1 && snapshot.waiting.isEmpty && snapshot.timers.isEmpty)
        #expect(rig.client.calls.count == 2)
        #expect(rig.client.calls.last?.query.search == "abcdefghij")
    }

    @Test func aSupersededRequestIsCancelledOnTheWireAndItsAnswerNeverDelivered() async throws {
        let rig = Rig()
        #expect(await rig.open())
        let debounce = rig.state.settings.searchDebounceMilliseconds
        rig.press(.char("/"))
        rig.type("x")
        rig.advance(by: debounce)
        rig.pump()
        #expect(await rig.calls(2))
        let superseded = try #require(rig.state.lists[ListKey(filter: .all, search: "x")]?.pending)

        rig.type("y")
        rig.advance(by: debounce)
        rig.pump()
        #expect(await rig.calls(3))
        #expect(await eventually { rig.client.calls[1].cancelled && rig.client.calls[1].returned },
                "the client saw its call cancelled")
        #expect(!rig.worker.snapshot().inFlight.contains(superseded.id))
        #expect(rig.client.calls[2].query.search == "xy")

        rig.client.answer(2, with: page("xy", 0..<3))
        #expect(await rig.pump { $0.shown.rows.map(\.id) == ["xy0", "xy1", "xy2"] })
        _ = rig.worker.snapshot()
        #expect(!rig.delivered.contains { action in
            if case .pageFailed(let request, _) = action { return request.id == superseded.id }
            if case .pageLoaded(let request, _) = action { return request.id == superseded.id }
            return false
        }, "a cancelled request's answer is not delivered")
    }

    @Test func answersCompletedOutOfOrderNeverApplyAStalePage() async throws {
        // A server that answers even after the client gave up: the stale answers do arrive.
        let rig = Rig(client: ScriptedClient(honoursCancellation: false))
        #expect(await rig.open())
        let debounce = rig.state.settings.searchDebounceMilliseconds
        rig.press(.char("/"))
        for query in ["x", "xy", "xyz"] {
            rig.type(String(query.last!))
            rig.advance(by: debounce)
            rig.pump()
        }
        #expect(await rig.calls(4))
        #expect(rig.client.calls.map(\.query.search) == ["", "x", "xy", "xyz"])
        #expect(await eventually { rig.client.calls[1].cancelled && rig.client.calls[2].cancelled })

        // The oldest search answers first, while the newest is still in flight.
        rig.client.answer(1, with: page("x", 0..<10))
        #expect(await eventually { rig.client.calls[1].returned })
        rig.client.answer(3, with: page("xyz", 0..<2))
        #expect(await rig.pump { $0.shown.rows.map(\.id) == ["xyz0", "xyz1"] })
        // And the middle one last of all.
        rig.client.answer(2, with: page("xy", 0..<10))
        #expect(await eventually { rig.client.calls[2].returned })
        _ = rig.worker.snapshot()
        rig.pump()
        #expect(rig.state.shown.rows.map(\.id) == ["xyz0", "xyz1"])
        #expect(rig.state.shownSearch == "xyz")
        let staleRows = rig.state.lists.values.flatMap(\.rows).filter { $0.id.hasPrefix("x") && !$0.id.hasPrefix("xyz") }
        #expect(staleRows.isEmpty, "no stale page was applied to any list")
    }
}
