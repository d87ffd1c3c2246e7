import ChatzyAPI

/// Shows another tab. Its loaded rows and selection come back at once and are revalidated
/// in the background; the query, shared by all tabs, is settled at once.
func switchTab(_ state: inout InboxState, to filter: ConversationFilter) -> [Effect] {
    guard filter != state.filter else { return [] }
    let previous = state.shownKey
    state.filter = filter
    state.queryRevision += 1
    state.settledQuery = state.query
    return showWanted(&state, previous: previous)
}

/// The typed query becomes the searched one (after the debounce, or at once for an empty query).
func settleQuery(_ state: inout InboxState) -> [Effect] {
    guard state.query != state.settledQuery else { return [] }
    let previous = state.shownKey
    state.settledQuery = state.query
    return showWanted(&state, previous: previous)
}

/// Starts a generation for the newly wanted list and decides what is on screen meanwhile:
/// - the wanted list itself when it has loaded rows (revalidated unless it was already shown);
/// - else the same tab under the previous search, when loaded (the "searching" marker shows);
/// - else the wanted list, empty, with its loading row.
func showWanted(_ state: inout InboxState, previous: ListKey) -> [Effect] {
    let effects = newGeneration(&state)
    let wanted = state.wantedKey
    let window = state.listWindow
    if var list = state.lists[wanted], list.hasLoaded {
        list.error = nil
        list.failedRequest = nil
        if wanted != previous { list.needsRevalidation = true }
        list.scrollIntoView(in: window)
        state.lists[wanted] = list
        state.shownSearch = wanted.search
        return effects
    }
    state.lists[wanted] = ListState()
    if state.lists[state.shownKey]?.hasLoaded == true, state.shownKey != wanted {
        updateShown(&state) { $0.scrollIntoView(in: window) }
    } else {
        state.shownSearch = wanted.search
    }
    return effects
}
