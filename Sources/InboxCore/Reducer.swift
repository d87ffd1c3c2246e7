import ChatzyAPI

/// The view-model's only mutator: applies an action and returns the work it implies.
/// Pure: no I/O, no clock, no Dispatch.
public func reduce(_ state: inout InboxState, _ action: Action) -> [Effect] {
    var effects: [Effect] = []
    switch action {
    case .start:
        break
    case .key(let key):
        effects += handleKey(&state, key)
    case .resize(let rows, let cols):
        state.screenRows = max(0, rows)
        state.screenCols = max(0, cols)
        let height = state.listHeight
        updateShown(&state) { $0.scrollIntoView(height: height) }
    case .pageLoaded(let request, let page):
        applyPage(&state, request, page)
    case .pageFailed(let request, let error):
        applyFailure(&state, request, error)
    case .searchSettled(let revision):
        if revision == state.queryRevision { effects += settleSearch(&state) }
    case .refresh:
        effects += refresh(&state)
    }
    if effects.contains(.quit) { return effects }
    effects += ensureLoaded(&state)
    return effects
}

/// Applies `change` to the list on screen (creating it when absent).
func updateShown(_ state: inout InboxState, _ change: (inout ListState) -> Void) {
    change(&state.lists[state.shownKey, default: ListState()])
}

/// Starts a new generation: every pending request is abandoned and cancelled.
func newGeneration(_ state: inout InboxState) -> [Effect] {
    state.generation += 1
    var effects: [Effect] = []
    for key in state.lists.keys.sorted(by: { $0.filter.rawValue + $0.search < $1.filter.rawValue + $1.search }) {
        if let pending = state.lists[key]?.pending {
            effects.append(.cancel(requestID: pending.id))
            state.lists[key]?.pending = nil
        }
    }
    return effects
}

/// Sends the settled query: shows a loaded list at once, else keeps the old one on screen
/// until the first page of the new search arrives.
func settleSearch(_ state: inout InboxState) -> [Effect] {
    let wanted = state.wantedKey
    let effects = newGeneration(&state)
    if let list = state.lists[wanted], list.hasLoaded {
        state.shownSearch = wanted.search
    } else {
        state.lists[wanted] = ListState()
    }
    return effects
}

/// Re-fetches the shown tab from the top, keeping its rows until the new page arrives.
func refresh(_ state: inout InboxState) -> [Effect] {
    var effects = newGeneration(&state)
    let key = state.wantedKey
    var list = state.lists[key] ?? ListState()
    list.error = nil
    list.failures = 0
    state.lists[key] = list
    effects.append(request(&state, key: key, offset: 0, priority: .visible))
    return effects
}

/// Makes a request for `key`, records it as pending and returns its effect.
func request(_ state: inout InboxState, key: ListKey, offset: Int, priority: PageRequest.Priority) -> Effect {
    let request = PageRequest(
        id: state.nextRequestID, generation: state.generation, key: key,
        offset: offset, limit: state.settings.pageSize, priority: priority
    )
    state.nextRequestID += 1
    state.lists[key, default: ListState()].pending = request
    return .fetch(request)
}

/// Issues the next fetch the screen needs, if any: the first page of the wanted list, or a
/// prefetch when the selection nears the loaded end.
func ensureLoaded(_ state: inout InboxState) -> [Effect] {
    guard !state.sessionExpired else { return [] }
    let key = state.isSearching && state.lists[state.wantedKey] != nil ? state.wantedKey : state.shownKey
    let list = state.lists[key] ?? ListState()
    guard list.pending == nil, !list.reachedEnd, list.error == nil else { return [] }
    if !list.hasLoaded {
        return [request(&state, key: key, offset: 0, priority: .visible)]
    }
    let distance = state.settings.prefetchDistance ?? max(state.listHeight, 1)
    if key == state.shownKey, list.selected >= list.rows.count - distance {
        return [request(&state, key: key, offset: list.nextOffset, priority: .prefetch)]
    }
    return []
}

/// Applies a page when it answers the pending request of the current generation.
func applyPage(_ state: inout InboxState, _ request: PageRequest, _ page: ContactPage) {
    guard request.generation == state.generation, var list = state.lists[request.key],
          list.pending == request
    else { return }
    list.pending = nil
    list.error = nil
    list.failures = 0
    if request.offset == 0 {
        let keepID = list.selectedID
        list.rows = []
        list.ids = []
        list.skipped = 0
        list.selectedID = keepID
    }
    list.append(page.contacts)
    list.skipped += page.skipped
    list.nextOffset = request.offset + page.received
    list.reachedEnd = page.isLast(limit: request.limit)
    list.reselect()
    list.scrollIntoView(height: state.listHeight)
    state.lists[request.key] = list
    if request.key == state.wantedKey { state.shownSearch = request.key.search }
}

/// Records a failure of the current generation's pending request.
func applyFailure(_ state: inout InboxState, _ request: PageRequest, _ error: APIError) {
    guard request.generation == state.generation, var list = state.lists[request.key],
          list.pending == request
    else { return }
    list.pending = nil
    if error == .cancelled { state.lists[request.key] = list; return }
    list.error = error
    list.failures += 1
    state.lists[request.key] = list
    if error == .unauthorized { state.sessionExpired = true }
}
