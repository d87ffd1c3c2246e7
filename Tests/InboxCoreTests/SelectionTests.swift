import ChatzyAPI
import InboxCore
import Testing

@Suite struct SelectionTests {
    /// 20 rows loaded, the end reached (so no prefetch), 4 list rows, selection on row `selected`.
    func twenty(selected: Int = 0, top: Int = 0) -> InboxState {
        var state = smallInbox()
        state.lists[allKey] = loadedList(contacts("a", 0..<20), reachedEnd: true, selected: selected, top: top)
        return state
    }

    /// Keys that move the selection, from row 10 (top 8): the new selection and top.
    @Test(arguments: [
        (Key.char("j"), 11, 9), (.down, 11, 9), (.char("k"), 9, 8), (.up, 9, 8),
        (.ctrl("d"), 12, 10), (.ctrl("u"), 8, 7),
        (.pageDown, 14, 12), (.char(" "), 14, 12), (.ctrl("f"), 14, 12),
        (.pageUp, 6, 5), (.char("b"), 6, 5), (.ctrl("b"), 6, 5),
        (.char("g"), 0, 0), (.home, 0, 0), (.char("G"), 19, 16), (.end, 19, 16),
        (.click(row: 2, col: 5), 8, 7), (.click(row: 5, col: 0), 11, 9),
        (.wheelDown, 12, 11), (.wheelUp, 7, 5),
    ])
    func movingKeys(key: Key, selected: Int, top: Int) {
        var state = twenty(selected: 10, top: 8)
        send(&state, .key(key), effects: []) {
            $0.lists[allKey]!.selected = selected
            $0.lists[allKey]!.selectedID = "a\(selected)"
            $0.lists[allKey]!.top = top
        }
    }

    /// The same keys with the default margin (none): the view moves only when the selection
    /// would leave it (rows 8 to 11 are on screen).
    @Test(arguments: [
        (Key.char("j"), 11, 8), (.char("k"), 9, 8), (.ctrl("d"), 12, 9), (.ctrl("u"), 8, 8),
        (.pageDown, 14, 11), (.pageUp, 6, 6), (.char("G"), 19, 16),
        (.click(row: 2, col: 5), 8, 8), (.click(row: 5, col: 0), 11, 8), (.wheelDown, 11, 11), (.wheelUp, 8, 5),
    ])
    func movingKeysWithoutAMargin(key: Key, selected: Int, top: Int) {
        var state = twenty(selected: 10, top: 8)
        state.settings.scrollMargin = 0
        send(&state, .key(key), effects: []) {
            $0.lists[allKey]!.selected = selected
            $0.lists[allKey]!.selectedID = "a\(selected)"
            $0.lists[allKey]!.top = top
        }
        // One more j from the bottom row scrolls by exactly one row.
        state = twenty(selected: 11, top: 8)
        state.settings.scrollMargin = 0
        _ = reduce(&state, .key(.char("j")))
        #expect(state.shown.selected == 12 && state.shown.top == 9)
    }

    @Test func movesStopAtTheLoadedEnds() {
        var state = twenty(selected: 19, top: 16)
        send(&state, .key(.char("j")), effects: [])
        send(&state, .key(.pageDown), effects: [])
        state = twenty()
        send(&state, .key(.char("k")), effects: [])
        send(&state, .key(.pageUp), effects: [])
    }

    @Test func theWheelMovesTheSelectionWhenTheViewportCannotMove() {
        var state = twenty(selected: 1, top: 0)
        send(&state, .key(.wheelUp), effects: []) {
            $0.lists[allKey]!.selected = 0
            $0.lists[allKey]!.selectedID = "a0"
        }
        state = twenty(selected: 17, top: 16)
        send(&state, .key(.wheelDown), effects: []) {
            $0.lists[allKey]!.selected = 19
            $0.lists[allKey]!.selectedID = "a19"
        }
    }

    @Test func aWheelScrollNearTheLoadedEndPrefetches() {
        var state = loadedInbox(count: 10)
        send(&state, .key(.wheelDown), effects: []) {
            $0.lists[allKey]!.selected = 4
            $0.lists[allKey]!.selectedID = "a4"
            $0.lists[allKey]!.top = 3
        }
        send(&state, .key(.wheelDown), effects: [.fetch(req(10, gen: 0, offset: 10, .prefetch))]) {
            $0.lists[allKey]!.selected = 7
            $0.lists[allKey]!.selectedID = "a7"
            $0.lists[allKey]!.top = 6
            $0.lists[allKey]!.pending = req(10, gen: 0, offset: 10, .prefetch)
            $0.nextRequestID = 11
        }
    }

    @Test func clicksOutsideTheLoadedRowsSelectNothing() {
        var state = smallInbox()
        state.lists[allKey] = loadedList(contacts("a", 0..<2), reachedEnd: true)
        send(&state, .key(.click(row: Layout.listTop + 2, col: 3)), effects: [])
        send(&state, .key(.click(row: Layout.listTop + 4, col: 3)), effects: [])
        send(&state, .key(.click(row: 6, col: 3)), effects: [])
    }

    @Test func aClickOnTheSearchLineEditsTheQuery() {
        var state = InboxState(query: "bob")
        state.lists[ListKey(filter: .all, search: "bob")] = loadedList([], reachedEnd: true)
        state.cursor = 0
        send(&state, .key(.click(row: Layout.searchRow, col: 9)), effects: []) {
            $0.mode = .search
            $0.cursor = 3
        }
    }

    @Test func movingAnEmptyListDoesNothing() {
        var state = smallInbox()
        state.lists[allKey] = loadedList([], reachedEnd: true)
        for key in [Key.char("j"), .char("k"), .char("G"), .char("g"), .pageDown, .wheelDown, .click(row: 2, col: 0)] {
            send(&state, .key(key), effects: [])
        }
    }
}

@Suite struct ModeKeyTests {
    @Test func qQuitsFromTheList() {
        var state = loadedInbox()
        send(&state, .key(.char("q")), effects: [.quit])
    }

    @Test(arguments: [InboxState.Mode.list, .search, .help])
    func ctrlCQuitsFromAnyMode(mode: InboxState.Mode) {
        var state = loadedInbox()
        state.mode = mode
        send(&state, .key(.ctrl("c")), effects: [.quit])
    }

    @Test func questionMarkOpensHelpAndAnyKeyClosesItWithoutActing() {
        var state = loadedInbox()
        send(&state, .key(.char("?")), effects: []) { $0.mode = .help }
        send(&state, .key(.char("q")), effects: []) { $0.mode = .list }
        state.mode = .help
        send(&state, .key(.char("j")), effects: []) { $0.mode = .list }
    }

    @Test func slashOpensTheSearchLineWithTheCursorAtTheEnd() {
        var state = InboxState(query: "bob")
        state.lists[ListKey(filter: .all, search: "bob")] = loadedList([], reachedEnd: true)
        state.cursor = 1
        send(&state, .key(.char("/")), effects: []) {
            $0.mode = .search
            $0.cursor = 3
        }
    }

    @Test func unboundKeysDoNothing() {
        var state = loadedInbox()
        for key in [Key.char("z"), .ctrl("x"), .delete, .backspace, .escape] { // Enter opens the conversation view
            send(&state, .key(key), effects: [])
        }
    }

    @Test func reduceIntoIsTheSameReducer() {
        var a = loadedInbox(count: 10, selected: 5, top: 3)
        var b = a
        #expect(reduce(into: &a, action: .key(.char("G"))) == reduce(&b, .key(.char("G"))))
        #expect(a == b)
    }
}
