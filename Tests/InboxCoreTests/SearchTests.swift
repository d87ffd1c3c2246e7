import ChatzyAPI
import InboxCore
import Testing

@Suite struct SearchTests {
    static let alKey = ListKey(filter: .all, search: "al")

    /// All loaded, in search mode with "al" typed but not yet settled (revision 2).
    func typedAl() -> InboxState {
        var state = loadedInbox(count: 10, selected: 5, top: 3)
        state.mode = .search
        state.query = "al"
        state.cursor = 2
        state.queryRevision = 2
        return state
    }

    @Test func editingTheQueryEmitsADebounceAsData() {
        var state = loadedInbox()
        send(&state, .key(.char("/")), effects: []) { $0.mode = .search }
        send(&state, .key(.char("a")), effects: [
            .schedule(timer: .searchDebounce, milliseconds: 120, action: .searchSettled(revision: 1)),
        ]) {
            $0.query = "a"
            $0.cursor = 1
            $0.queryRevision = 1
        }
        send(&state, .key(.char("l")), effects: [
            .schedule(timer: .searchDebounce, milliseconds: 120, action: .searchSettled(revision: 2)),
        ]) {
            $0.query = "al"
            $0.cursor = 2
            $0.queryRevision = 2
        }
        #expect(state.isSearching)
        send(&state, .searchSettled(revision: 1), effects: [])
    }

    @Test func onlyTheSettledQueryFetchesAndTheOldListStaysOnScreen() {
        var state = typedAl()
        state.lists[allKey]!.pending = req(10, gen: 0, offset: 10, .prefetch)
        state.nextRequestID = 11
        send(&state, .searchSettled(revision: 2), effects: [.cancel(requestID: 10), .fetch(req(11, gen: 1, search: "al"))]) {
            $0.settledQuery = "al"
            $0.generation = 1
            $0.lists[allKey]!.pending = nil
            $0.lists[Self.alKey] = { var l = ListState(); l.pending = req(11, gen: 1, search: "al"); return l }()
            $0.nextRequestID = 12
        }
        #expect(state.shownKey == allKey)
        #expect(state.shown.rows.count == 10)
        #expect(state.isSearching)
        send(&state, .pageLoaded(req(11, gen: 1, search: "al"), page("s", 0..<2)), effects: []) {
            $0.shownSearch = "al"
            $0.lists[Self.alKey] = loadedList(contacts("s", 0..<2), reachedEnd: true)
        }
        #expect(!state.isSearching)
    }

    @Test func anAnswerToASupersededSearchIsDropped() {
        var state = typedAl()
        _ = reduce(&state, .searchSettled(revision: 2))  // asks for "al" as request 10, generation 1
        _ = reduce(&state, .key(.char("i")))
        send(&state, .searchSettled(revision: 3), effects: [.cancel(requestID: 10), .fetch(req(11, gen: 2, search: "ali"))]) {
            $0.settledQuery = "ali"
            $0.generation = 2
            $0.lists[Self.alKey]!.pending = nil
            $0.lists[ListKey(filter: .all, search: "ali")] = {
                var l = ListState(); l.pending = req(11, gen: 2, search: "ali"); return l
            }()
            $0.nextRequestID = 12
        }
        send(&state, .pageLoaded(req(10, gen: 1, search: "al"), page("s", 0..<2)), effects: [])
        send(&state, .pageFailed(req(10, gen: 1, search: "al"), .timeout), effects: [])
    }

    @Test func escapeClearsTheQueryAndReturnsToTheLoadedListAtOnce() {
        var state = typedAl()
        state.settledQuery = "al"
        state.shownSearch = "al"
        state.generation = 1
        state.lists[Self.alKey] = loadedList(contacts("s", 0..<2), reachedEnd: true)
        send(&state, .key(.escape), effects: [.fetch(req(10, gen: 2))]) {
            $0.mode = .list
            $0.query = ""
            $0.cursor = 0
            $0.queryRevision = 3
            $0.settledQuery = ""
            $0.shownSearch = ""
            $0.generation = 2
            $0.lists[allKey]!.pending = req(10, gen: 2)
            $0.nextRequestID = 11
        }
        #expect(state.shown.selectedID == "a5")
    }

    @Test func escapeInTheListClearsASettledSearchToo() {
        var state = typedAl()
        state.mode = .list
        state.settledQuery = "al"
        state.shownSearch = "al"
        state.lists[Self.alKey] = loadedList(contacts("s", 0..<2), reachedEnd: true)
        send(&state, .key(.escape), effects: [.fetch(req(10, gen: 1))]) {
            $0.query = ""
            $0.cursor = 0
            $0.queryRevision = 3
            $0.settledQuery = ""
            $0.shownSearch = ""
            $0.generation = 1
            $0.lists[allKey]!.pending = req(10, gen: 1)
            $0.nextRequestID = 11
        }
    }

    @Test func deletingBackToTheSearchedQueryNeedsNoRequest() {
        var state = loadedInbox()
        state.mode = .search
        send(&state, .key(.char("a")), effects: [
            .schedule(timer: .searchDebounce, milliseconds: 120, action: .searchSettled(revision: 1)),
        ]) {
            $0.query = "a"
            $0.cursor = 1
            $0.queryRevision = 1
        }
        send(&state, .key(.backspace), effects: []) {
            $0.query = ""
            $0.cursor = 0
            $0.queryRevision = 2
        }
        send(&state, .searchSettled(revision: 1), effects: [])
    }

    @Test func deletingBackToAPendingSearchCancelsNothing() {
        var state = typedAl()
        state.settledQuery = "al"
        state.generation = 1
        state.lists[Self.alKey] = { var l = ListState(); l.pending = req(10, gen: 1, search: "al"); return l }()
        state.nextRequestID = 11
        _ = reduce(&state, .key(.char("x")))
        send(&state, .key(.backspace), effects: []) {
            $0.query = "al"
            $0.cursor = 2
            $0.queryRevision = 4
        }
    }

    @Test func enterLeavesTheSearchLineAndKeepsTheQuery() {
        var state = typedAl()
        send(&state, .key(.enter), effects: []) { $0.mode = .list }
    }

    @Test func arrowsInTheSearchLineMoveTheSelection() {
        var state = typedAl()
        send(&state, .key(.down), effects: [.fetch(req(10, gen: 0, offset: 10, .prefetch))]) {
            $0.lists[allKey]!.selected = 6
            $0.lists[allKey]!.selectedID = "a6"
            $0.lists[allKey]!.top = 4
            $0.lists[allKey]!.pending = req(10, gen: 0, offset: 10, .prefetch)
            $0.nextRequestID = 11
        }
    }

    @Test(arguments: [
        ("hello", 5, Key.left, "hello", 4),
        ("hello", 0, .left, "hello", 0),
        ("hello", 5, .right, "hello", 5),
        ("hello", 2, .home, "hello", 0),
        ("hello", 2, .ctrl("e"), "hello", 5),
        ("hello", 2, .backspace, "hllo", 1),
        ("hello", 0, .backspace, "hello", 0),
        ("hello", 2, .delete, "helo", 2),
        ("hello", 5, .delete, "hello", 5),
        ("ab cd", 5, .ctrl("w"), "ab ", 3),
        ("ab cd  ", 7, .ctrl("w"), "ab ", 3),
        ("ab cd", 3, .ctrl("u"), "cd", 0),
        ("héllo", 1, .char("x"), "hxéllo", 2),
        ("ab", 2, .char("\u{1B}"), "ab", 2),
        ("ab", 2, .char("\n"), "ab", 2),
    ])
    func lineEditing(query: String, cursor: Int, key: Key, newQuery: String, newCursor: Int) {
        var state = InboxState(query: query)
        state.mode = .search
        state.cursor = cursor
        _ = reduce(&state, .key(key))
        #expect(state.query == newQuery)
        #expect(state.cursor == newCursor)
        #expect(state.queryRevision == (query == newQuery ? 0 : 1))
        #expect(state.mode == .search)
    }
}
