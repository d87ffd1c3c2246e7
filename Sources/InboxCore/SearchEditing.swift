/// Editing the search line. Every change is debounced: only the settled query is fetched.
func handleSearchKey(_ state: inout InboxState, _ key: Key) -> [Effect] {
    var text = Array(state.query)
    var cursor = min(state.cursor, text.count)
    switch key {
    case .escape:
        state.mode = .list
        return editQuery(&state, to: "", cursor: 0)
    case .enter:
        state.mode = .list
        return []
    case .down, .up, .pageDown, .pageUp, .click, .wheelUp, .wheelDown:
        return handleListKey(&state, key)
    case .left: state.cursor = max(0, cursor - 1); return []
    case .right: state.cursor = min(text.count, cursor + 1); return []
    case .home, .ctrl("a"): state.cursor = 0; return []
    case .end, .ctrl("e"): state.cursor = text.count; return []
    case .backspace:
        guard cursor > 0 else { return [] }
        text.remove(at: cursor - 1)
        cursor -= 1
    case .delete:
        guard cursor < text.count else { return [] }
        text.remove(at: cursor)
    case .ctrl("u"):
        text.removeSubrange(0..<cursor)
        cursor = 0
    case .ctrl("w"):
        var start = cursor
        while start > 0, text[start - 1] == " " { start -= 1 }
        while start > 0, text[start - 1] != " " { start -= 1 }
        text.removeSubrange(start..<cursor)
        cursor = start
    case .char(let c):
        guard !c.isNewline, c.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else { return [] }
        text.insert(c, at: cursor)
        cursor += 1
    default:
        return []
    }
    return editQuery(&state, to: String(text), cursor: cursor)
}

/// Sets the query. An empty query, or the one already searched, settles at once (the
/// unsearched list comes back from what is loaded); any other edit schedules the debounce,
/// whose revision makes every earlier one void.
func editQuery(_ state: inout InboxState, to query: String, cursor: Int) -> [Effect] {
    state.cursor = cursor
    guard query != state.query else { return [] }
    state.query = query
    state.queryRevision += 1
    if query.isEmpty || query == state.settledQuery { return settleQuery(&state) }
    return [.schedule(
        timer: .searchDebounce,
        milliseconds: state.settings.searchDebounceMilliseconds,
        action: .searchSettled(revision: state.queryRevision)
    )]
}
