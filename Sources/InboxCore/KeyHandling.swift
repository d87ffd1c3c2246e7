import ChatzyAPI

/// Interprets a key in the current mode.
func handleKey(_ state: inout InboxState, _ key: Key) -> [Effect] {
    if key == .ctrl("c") { return [.quit] }
    switch state.mode {
    case .help:
        state.mode = state.conversation == nil ? .list : .conversation
        return []
    case .conversation:
        return handleConversationKey(&state, key)
    case .search:
        return handleSearchKey(&state, key)
    case .list:
        return handleListKey(&state, key)
    }
}

/// The list's keymap (the help overlay and the report list the same bindings).
func handleListKey(_ state: inout InboxState, _ key: Key) -> [Effect] {
    let window = state.listWindow
    let page = max(window.height, 1)
    let half = max(page / 2, 1)
    switch key {
    case .char("q"): return [.quit]
    case .char("j"), .down: updateShown(&state) { $0.move(by: 1, in: window) }
    case .char("k"), .up: updateShown(&state) { $0.move(by: -1, in: window) }
    case .pageDown, .char(" "), .ctrl("f"): updateShown(&state) { $0.move(by: page, in: window) }
    case .pageUp, .char("b"), .ctrl("b"): updateShown(&state) { $0.move(by: -page, in: window) }
    case .ctrl("d"): updateShown(&state) { $0.move(by: half, in: window) }
    case .ctrl("u"): updateShown(&state) { $0.move(by: -half, in: window) }
    case .char("g"), .home: updateShown(&state) { $0.select(0, in: window) }
    case .char("G"), .end: updateShown(&state) { $0.select(Int.max, in: window) }
    case .wheelDown: updateShown(&state) { $0.scroll(by: Layout.wheelRows, in: window) }
    case .wheelUp: updateShown(&state) { $0.scroll(by: -Layout.wheelRows, in: window) }
    case .click(let row, let col): return click(&state, row: row, col: col)
    case .char("1"): return switchTab(&state, to: .all)
    case .char("2"): return switchTab(&state, to: .unread)
    case .char("3"): return switchTab(&state, to: .live)
    case .tab, .right, .char("l"): return switchTab(&state, to: cycled(state.filter, by: 1))
    case .backTab, .left, .char("h"): return switchTab(&state, to: cycled(state.filter, by: -1))
    case .char("/"):
        state.mode = .search
        state.cursor = state.query.count
    case .char("?"): state.mode = .help
    case .enter: return openConversation(&state)
    case .char("r"):
        if state.lists[state.wantedKey]?.error != nil { retryWanted(&state); return [] }
        return refresh(&state)
    case .escape:
        if !state.query.isEmpty { return editQuery(&state, to: "", cursor: 0) }
    default: break
    }
    return []
}

/// The tab `step` places after `filter`, wrapping around.
func cycled(_ filter: ConversationFilter, by step: Int) -> ConversationFilter {
    let all = ConversationFilter.allCases
    let index = all.firstIndex(of: filter) ?? 0
    return all[((index + step) % all.count + all.count) % all.count]
}

/// A click: on a tab label switches to it, on the search line edits it, on a loaded row
/// selects it (a placeholder row is never selected).
func click(_ state: inout InboxState, row: Int, col: Int) -> [Effect] {
    if row == Layout.tabBarRow {
        let ranges = TabLabels.columns(state)
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
    let window = state.listWindow
    updateShown(&state) { list in
        let index = list.top + offset
        if index < list.rows.count { list.select(index, in: window) }
    }
    return []
}
