import ChatzyAPI
import InboxCore
import Testing

@Suite struct ConversationOpenCloseTests {
    @Test func enterOpensTheSelectedContactAndFetchesItsNewestMessages() {
        var state = loadedInbox(count: 10, selected: 2)
        send(&state, .key(.enter), effects: [.fetchConversation(creq(10, gen: 1, "a2"))]) {
            var view = ConversationState(contact: contact("a2"))
            view.layoutWidth = 40
            view.pending = creq(10, gen: 1, "a2")
            $0.conversation = view
            $0.conversationGeneration = 1
            $0.mode = .conversation
            $0.nextRequestID = 11
        }
    }

    @Test func enterOnAnEmptyOrUnloadedListDoesNothing() {
        var state = smallInbox()
        state.lists[allKey] = loadedList([], reachedEnd: true)
        send(&state, .key(.enter), effects: [])
        var unloaded = smallInbox()
        _ = reduce(&unloaded, .start)
        let effects = reduce(&unloaded, .key(.enter))
        #expect(unloaded.mode == .list && unloaded.conversation == nil)
        #expect(!effects.contains { if case .fetchConversation = $0 { true } else { false } })
    }

    @Test(arguments: [Key.escape, .char("q"), .char("h"), .left])
    func escQAndHCloseBackToTheSameTabQuerySelectionAndCancelThePendingRequest(key: Key) {
        var state = loadedInbox(count: 10, selected: 3, top: 1)
        state.filter = .all
        _ = reduce(&state, .key(.enter))
        let listBefore = state.lists
        send(&state, .key(key), effects: [.cancel(requestID: 10)]) {
            $0.conversation = nil
            $0.conversationGeneration = 2
            $0.mode = .list
        }
        #expect(state.lists == listBefore && state.filter == .all && state.query == "")
        #expect(state.shown.selectedID == "a3" && state.shown.top == 1)
    }

    @Test func qInTheConversationClosesItAndDoesNotQuit() {
        var state = openInbox()
        let effects = reduce(&state, .key(.char("q")))
        #expect(!effects.contains(.quit))
        #expect(state.mode == .list)
        #expect(reduce(&state, .key(.char("q"))) == [.quit], "q on the list still quits")
    }

    @Test func ctrlCQuitsFromTheConversation() {
        var state = openInbox()
        #expect(reduce(&state, .key(.ctrl("c"))) == [.quit])
    }

    @Test func anAnswerAfterCloseOrForAnEarlierOpeningIsDropped() {
        var state = openInbox()
        _ = reduce(&state, .key(.escape))
        let closed = state
        send(&state, .conversationLoaded(creq(10, gen: 1), convAnswer([("c1", "whatsapp", [msg("m1", 1)])])), effects: [])
        #expect(state == closed)
        // Reopened: the first opening's answer and failure are stale.
        _ = reduce(&state, .key(.enter))
        #expect(state.conversation?.pending == creq(11, gen: 3))
        let reopened = state
        send(&state, .conversationLoaded(creq(10, gen: 1), convAnswer([("c1", "whatsapp", [msg("m1", 1)])])), effects: [])
        send(&state, .conversationFailed(creq(10, gen: 1), .timeout), effects: [])
        #expect(state == reopened)
    }

    @Test func theListKeepsRefreshingInTheBackground() {
        var state = openInbox()
        state.settings.refreshIntervalSeconds = 30
        send(&state, .refresh, effects: [
            .schedule(timer: .refresh, milliseconds: 30_000, action: .refresh),
            .fetch(req(11, gen: 1)),
        ]) {
            $0.generation = 1
            $0.lists[allKey]!.pending = req(11, gen: 1)
            $0.nextRequestID = 12
        }
        send(&state, .pageLoaded(req(11, gen: 1), page("a", 0..<5)), effects: []) {
            $0.lists[allKey]!.pending = nil
        }
        #expect(state.mode == .conversation && state.conversation?.pending == creq(10, gen: 1),
                "the conversation's request is not touched by the list's new generation")
        let answer = convAnswer([("c1", "whatsapp", [msg("m1", 1)])])
        _ = reduce(&state, .conversationLoaded(creq(10, gen: 1), answer))
        #expect(state.conversation?.entries.count == 1, "its answer still applies")
    }

    @Test func helpFromTheConversationReturnsToIt() {
        var state = openInbox()
        send(&state, .key(.char("?")), effects: []) { $0.mode = .help }
        send(&state, .key(.char("x")), effects: []) { $0.mode = .conversation }
    }
}
