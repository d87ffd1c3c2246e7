import ChatzyAPI

/// Starts a new generation: every pending request is abandoned and cancelled, oldest first.
func newGeneration(_ state: inout InboxState) -> [Effect] {
    state.generation += 1
    let pending = state.lists.compactMap { key, list in list.pending.map { (key, $0) } }
        .sorted { $0.1.id < $1.1.id }
    for (key, _) in pending { state.lists[key]?.pending = nil }
    return pending.map { .cancel(requestID: $0.1.id) }
}

/// Makes a request for `key`, records it as the list's pending request and returns its effect.
func request(_ state: inout InboxState, key: ListKey, offset: Int, priority: PageRequest.Priority) -> Effect {
    let request = PageRequest(
        id: state.nextRequestID, generation: state.generation, key: key,
        offset: offset, limit: state.settings.pageSize, priority: priority
    )
    state.nextRequestID += 1
    var list = state.lists[key] ?? ListState()
    list.pending = request
    if offset == 0 { list.needsRevalidation = false }
    state.lists[key] = list
    return .fetch(request)
}

/// Issues the one fetch the screen needs next, if any. Only the wanted list is ever loaded,
/// one request at a time:
/// - its first page when nothing is loaded, or again when it is marked for revalidation;
/// - the next page when it is on screen and the selection is within `prefetchDistance`
///   rows of the loaded end.
/// Nothing is fetched while a request is pending, after a failure (until it is retried),
/// at the end of the list, or while the session is expired.
func ensureLoaded(_ state: inout InboxState) -> [Effect] {
    guard !state.sessionExpired else { return [] }
    let key = state.wantedKey
    let list = state.lists[key] ?? ListState()
    guard list.pending == nil, list.error == nil else { return [] }
    if !list.hasLoaded || list.needsRevalidation {
        return [request(&state, key: key, offset: 0, priority: .visible)]
    }
    guard key == state.shownKey, !list.reachedEnd,
          list.selected >= list.rows.count - state.prefetchDistance
    else { return [] }
    return [request(&state, key: key, offset: list.nextOffset, priority: .prefetch)]
}
