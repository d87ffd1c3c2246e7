import ChatzyAPI
import InboxCore
import Testing

@Suite struct RefreshTests {
    @Test func rRefreshesTheTabInANewGenerationKeepingItsRows() {
        var state = loadedInbox(count: 10, selected: 5, top: 3)
        state.lists[allKey]!.pending = req(10, gen: 0, offset: 10, .prefetch)
        state.nextRequestID = 11
        send(&state, .key(.char("r")), effects: [.cancel(requestID: 10), .fetch(req(11, gen: 1))]) {
            $0.generation = 1
            $0.lists[allKey]!.pending = req(11, gen: 1)
            $0.nextRequestID = 12
        }
        // Two new contacts arrive on top; a5 stays selected on the same screen row.
        let head = ContactPage(contacts: [contact("n0"), contact("n1")] + contacts("a", 0..<3))
        send(&state, .pageLoaded(req(11, gen: 1), head), effects: []) {
            $0.lists[allKey] = loadedList(
                [contact("n0"), contact("n1")] + contacts("a", 0..<10), nextOffset: 10, selected: 7, top: 5)
        }
    }

    @Test func manyNewContactsKeepTheSelectionOnScreenWithItsMargin() {
        var state = loadedInbox(count: 10)
        _ = reduce(&state, .refresh)  // request 10, generation 1
        send(&state, .pageLoaded(req(10, gen: 1), page("n", 0..<5)), effects: []) {
            // a0 was on screen row 0; five rows above it now, so it keeps the one-row margin.
            $0.lists[allKey] = loadedList(contacts("n", 0..<5) + contacts("a", 0..<10), nextOffset: 10, selected: 5, top: 4)
        }
    }

    @Test func aShortFirstPageIsTheWholeListAndTheSelectionFallsBackToItsRow() {
        var state = loadedInbox(count: 10, selected: 5, top: 3)
        _ = reduce(&state, .refresh)
        send(&state, .pageLoaded(req(10, gen: 1), ContactPage(contacts: [contact("a1"), contact("a3")])), effects: []) {
            $0.lists[allKey] = loadedList([contact("a1"), contact("a3")], reachedEnd: true, selected: 1)
        }
    }

    @Test func theSelectedContactFollowsItsMoveWithinTheHead() {
        var state = loadedInbox(count: 10, selected: 2, top: 0)
        _ = reduce(&state, .refresh)
        let head = ContactPage(contacts: [contact("a2"), contact("a0"), contact("a1"), contact("a3"), contact("a4")])
        send(&state, .pageLoaded(req(10, gen: 1), head), effects: []) {
            var list = loadedList(
                [contact("a2"), contact("a0"), contact("a1")] + contacts("a", 3..<10), selected: 0, top: 0)
            list.selectedID = "a2"
            $0.lists[allKey] = list
        }
    }

    @Test func thePeriodicRefreshReArmsItsTimer() {
        var state = loadedInbox(count: 10, .init(pageSize: 5, refreshIntervalSeconds: 60))
        send(&state, .refresh, effects: [
            .schedule(timer: .refresh, milliseconds: 60_000, action: .refresh),
            .fetch(req(10, gen: 1)),
        ]) {
            $0.generation = 1
            $0.lists[allKey]!.pending = req(10, gen: 1)
            $0.nextRequestID = 11
        }
    }

    @Test func aRefreshForgetsAFailureAndItsBackoff() {
        var state = loadedInbox(count: 10)
        state.lists[allKey]!.error = .forbidden
        state.lists[allKey]!.failedRequest = req(9, gen: 0, offset: 10, .prefetch)
        state.lists[allKey]!.failures = 3
        send(&state, .refresh, effects: [.fetch(req(10, gen: 1))]) {
            $0.generation = 1
            $0.lists[allKey]!.error = nil
            $0.lists[allKey]!.failedRequest = nil
            $0.lists[allKey]!.failures = 0
            $0.lists[allKey]!.pending = req(10, gen: 1)
            $0.nextRequestID = 11
        }
    }

    @Test func aRefreshWhileTheSessionIsExpiredWaitsForTheLogin() {
        var state = loadedInbox(count: 10, .init(pageSize: 5, refreshIntervalSeconds: 60))
        state.sessionExpired = true
        send(&state, .refresh, effects: [])
    }
}
