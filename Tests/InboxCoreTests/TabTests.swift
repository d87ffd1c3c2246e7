import ChatzyAPI
import InboxCore
import Testing

@Suite struct TabTests {
    @Test func switchingToAnUnloadedTabStartsAGenerationAndFetchesIt() {
        var state = loadedInbox(count: 10)
        state.lists[allKey]!.pending = req(10, gen: 0, offset: 10, .prefetch)
        state.nextRequestID = 11
        send(&state, .key(.char("2")), effects: [.cancel(requestID: 10), .fetch(req(11, gen: 1, .unread))]) {
            $0.filter = .unread
            $0.queryRevision = 1
            $0.generation = 1
            $0.lists[allKey]!.pending = nil
            $0.lists[unreadKey] = { var l = ListState(); l.pending = req(11, gen: 1, .unread); return l }()
            $0.nextRequestID = 12
        }
    }

    @Test func switchingBackShowsTheKeptRowsAtOnceAndRevalidatesThem() {
        var state = loadedInbox(count: 10, selected: 5, top: 3)
        state.lists[unreadKey] = loadedList(contacts("u", 0..<3), reachedEnd: true)
        state.filter = .unread
        state.generation = 1
        send(&state, .key(.char("1")), effects: [.fetch(req(10, gen: 2))]) {
            $0.filter = .all
            $0.queryRevision = 1
            $0.generation = 2
            $0.lists[allKey]!.pending = req(10, gen: 2)
            $0.nextRequestID = 11
        }
        #expect(state.shown.rows.count == 10)
        // The revalidated page brings a new contact on top: rows are replaced in place and
        // a5 stays selected on the same screen row (row 2 of the list).
        let fresh = ContactPage(contacts: [contact("n0")] + contacts("a", 0..<4))
        send(&state, .pageLoaded(req(10, gen: 2), fresh), effects: []) {
            $0.lists[allKey] = loadedList([contact("n0")] + contacts("a", 0..<10), nextOffset: 10, selected: 6, top: 4)
        }
    }

    @Test func aSwitchWhileASearchIsPendingKeepsThatTabsPreviousRowsOnScreen() {
        var state = loadedInbox(count: 10)
        state.lists[unreadKey] = loadedList(contacts("u", 0..<3), reachedEnd: true)
        state.query = "ab"
        state.cursor = 2
        state.queryRevision = 2
        state.settledQuery = "ab"
        state.generation = 1
        let searchAll = ListKey(filter: .all, search: "ab")
        state.lists[searchAll] = { var l = ListState(); l.pending = req(10, gen: 1, search: "ab"); return l }()
        state.nextRequestID = 11
        let searchUnread = ListKey(filter: .unread, search: "ab")
        send(&state, .key(.tab), effects: [.cancel(requestID: 10), .fetch(req(11, gen: 2, .unread, search: "ab"))]) {
            $0.filter = .unread
            $0.queryRevision = 3
            $0.generation = 2
            $0.lists[searchAll]!.pending = nil
            $0.lists[searchUnread] = { var l = ListState(); l.pending = req(11, gen: 2, .unread, search: "ab"); return l }()
            $0.nextRequestID = 12
        }
        #expect(state.shownKey == unreadKey)
        #expect(state.isSearching)
        send(&state, .pageLoaded(req(11, gen: 2, .unread, search: "ab"), page("ua", 0..<2)), effects: []) {
            $0.shownSearch = "ab"
            $0.lists[searchUnread] = loadedList(contacts("ua", 0..<2), reachedEnd: true)
        }
    }

    @Test func theTabOnScreenIgnoresItsOwnKey() {
        var state = loadedInbox()
        send(&state, .key(.char("1")), effects: [])
    }

    @Test(arguments: [
        (ConversationFilter.all, Key.tab, ConversationFilter.unread),
        (.live, .tab, .all),
        (.all, .backTab, .live),
        (.unread, .right, .live),
        (.unread, .left, .all),
        (.all, .char("l"), .unread),
        (.all, .char("h"), .live),
        (.live, .char("2"), .unread),
        (.all, .char("3"), .live),
        (.all, .click(row: 0, col: 8), .unread),
        (.all, .click(row: 0, col: 17), .live),
        (.live, .click(row: 0, col: 2), .all),
    ])
    func tabKeysAndClicks(from: ConversationFilter, key: Key, to: ConversationFilter) {
        var state = smallInbox()
        state.filter = from
        let key0 = ListKey(filter: to, search: "")
        send(&state, .key(key), effects: [.fetch(req(1, gen: 1, to))]) {
            $0.filter = to
            $0.queryRevision = 1
            $0.generation = 1
            $0.nextRequestID = 2
            $0.lists[key0] = { var l = ListState(); l.pending = req(1, gen: 1, to); return l }()
        }
    }

    @Test func aClickBetweenTabLabelsDoesNothing() {
        var state = loadedInbox()
        // The All label grows with its loaded count ("All 10"): the gap after it moves too.
        let gap = TabLabels.columns(state)[0].upperBound
        send(&state, .key(.click(row: 0, col: gap)), effects: [])
        send(&state, .key(.click(row: 0, col: 70)), effects: [])
    }
}
