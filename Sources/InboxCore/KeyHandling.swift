import ChatzyAPI

/// Interprets a key in the current mode.
func handleKey(_ state: inout InboxState, _ key: Key) -> [Effect] {
    if key == .ctrl("c") { return [.quit] }
    switch state.mode {
    case .help:
        state.mode = .list
        return []
    case .search:
        return handleSearchKey(&state, key)
    case .list:
        return handleListKey(&state, key)
    }
}

func handleListKey(_ state: inout InboxState, _ key: Key) -> [Effect] {
    let height = state.listHeight
    let page = max(height, 1)
    switch key {
    case .char("q"): return [.quit]
    case .char("j"), .down: move(&state) { $0.move(by: 1, height: height) }
    case .char("k"), .up: move(&state) { $0.move(by: -1, height: height) }
    case .pageDown, .char(" "), .ctrl("f"): move(&state) { $0.move(by: page, height: height) }
    case .pageUp, .char("b"), .ctrl("b"): move(&state) { $0.move(by: -page, height: height) }
    case .ctrl("d"): move(&state) { $0.move(by: max(page / 2, 1), height: height) }
    case .ctrl("u"): move(&state) { $0.move(by: -max(page / 2, 1), height: height) }
    case .char("g"), .home: move(&state) { $0.select(0, height: height) }
    case .char("G"), .end: move(&state) { $0.select(Int.max, height: height) }
    case .wheelDown: move(&state) { $0.move(by: 3, height: height) }
    case .wheelUp: move(&state) { $0.move(by: -3, height: height) }
    case .click(let row, let col): return click(&state, row: row, col: col)
    case .char("1"): return switchTab(&state, to: .all)
    case .char("2"): return switchTab(&state, to: .unread)
    case .char("3"): return switchTab(&state, to: .live)
    case .tab: return switchTab(&state, to: cycled(state.filter, by: 1))
    case .backTab: return switchTab(&state, to: cycled(state.filter, by: -1))
    case .char("/"):
        state.mode = .search
        state.cursor = state.query.count
    case .char("?"): state.mode = .help
    case .char("r"): return refresh(&state)
    case .escape:
        if !state.query.isEmpty { return editQuery(&state, to: "", cursor: 0, immediate: true) }
    default: break
    }
    return []
}

func move(_ state: inout InboxState, _ change: (inout ListState) -> Void) {
    updateShown(&state, change)
}

func cycled(_ filter: ConversationFilter, by step: Int) -> ConversationFilter {
    let all = ConversationFilter.allCases
    let index = all.firstIndex(of: filter)!
    return all[(index + step + all.count) % all.count]
}

/// Shows another tab: its loaded rows at once (the search follows the user across tabs).
func switchTab(_ state: inout InboxState, to filter: ConversationFilter) -> [Effect] {
    guard filter != state.filter else { return [] }
    let effects = newGeneration(&state)
    state.filter = filter
    state.shownSearch = state.query
    state.queryRevision += 1
    let height = state.listHeight
        updateShown(&state) { $0.scrollIntoView(height: height) }
    return effects
}

func click(_ state: inout InboxState, row: Int, col: Int) -> [Effect] {
    if row == Layout.tabBarRow {
        let ranges = Layout.tabLabelColumns(titles: ConversationFilter.allCases.map(\.title))
        if let index = ranges.firstIndex(where: { $0.contains(col) }) {
            return switchTab(&state, to: ConversationFilter.allCases[index])
        }
        return []
    }
    if row == Layout.searchRow {
        state.mode = .search
        state.cursor = state.query.count
        return []
    }
    let offset = row - Layout.listTop
    guard offset >= 0, offset < state.listHeight else { return [] }
    let height = state.listHeight
    updateShown(&state) { list in
        let index = list.top + offset
        if index < list.rows.count { list.select(index, height: height) }
    }
    return []
}
