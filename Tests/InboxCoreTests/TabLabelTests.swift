import ChatzyAPI
@testable import InboxCore
import Testing

/// The tab bar's labels carry loaded counts, and a click is matched against the same columns
/// the renderer draws them at.
@Suite struct TabLabelTests {
    @Test func labelsCountWhatIsLoadedUnderTheShownSearch() {
        var state = smallInbox()
        #expect(TabLabels.labels(state) == ["All", "Unread", "Live"], "nothing loaded: bare titles")
        state.lists[allKey] = loadedList(contacts("a", 0..<50))
        state.lists[ListKey(filter: .live, search: "")] = loadedList(contacts("l", 0..<3), reachedEnd: true)
        state.lists[ListKey(filter: .unread, search: "x")] = loadedList(contacts("u", 0..<7), reachedEnd: true)
        #expect(TabLabels.labels(state) == ["All 50+", "Unread", "Live 3"])
        state.shownSearch = "x"
        #expect(TabLabels.labels(state) == ["All", "Unread 7", "Live"], "counts follow the search on screen")
    }

    @Test func anEmptyFinishedListCountsZero() {
        var state = smallInbox()
        state.lists[ListKey(filter: .unread, search: "")] = loadedList([], nextOffset: 0, reachedEnd: true)
        #expect(TabLabels.labels(state)[1] == "Unread 0")
    }

    @Test func aClickAnywhereOnAWiderLabelSwitchesToItsTab() {
        var state = loadedInbox(count: 10)
        state.lists[ListKey(filter: .unread, search: "")] = loadedList(contacts("u", 0..<12))
        let columns = TabLabels.columns(state)
        #expect(columns.count == 3)
        #expect(columns[1].count == "Unread 12+".count + 2)
        // The last column of the Unread label, which a title-only layout would not cover.
        _ = reduce(&state, .key(.click(row: Layout.tabBarRow, col: columns[1].upperBound - 1)))
        #expect(state.filter == .unread)
        _ = reduce(&state, .key(.click(row: Layout.tabBarRow, col: TabLabels.columns(state)[2].lowerBound)))
        #expect(state.filter == .live)
    }
}
