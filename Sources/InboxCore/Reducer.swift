import ChatzyAPI

/// The view-model's only mutator: applies an action and returns the work it implies.
/// Pure: no I/O, no clock, no Dispatch.
public func reduce(_ state: inout InboxState, _ action: Action) -> [Effect] {
    var effects: [Effect]
    switch action {
    case .start:
        effects = refreshTimer(state)
    case .key(let key):
        effects = handleKey(&state, key)
    case .resize(let rows, let cols):
        resize(&state, rows: rows, cols: cols)
        effects = []
    case .pageLoaded(let request, let page):
        applyPage(&state, request, page)
        effects = []
    case .pageFailed(let request, let error):
        effects = applyFailure(&state, request, error)
    case .searchSettled(let revision):
        effects = revision == state.queryRevision ? settleQuery(&state) : []
    case .refresh:
        effects = refresh(&state)
    case .retry:
        retryWanted(&state)
        effects = []
    case .retryFailed(let requestID):
        retryFailed(&state, requestID: requestID)
        effects = []
    case .sessionRenewed:
        renewConversation(&state)
        effects = renewSession(&state)
    case .conversationLoaded(let request, let answer):
        applyConversationPage(&state, request, answer)
        effects = []
    case .conversationFailed(let request, let error):
        effects = applyConversationFailure(&state, request, error)
    case .conversationRetryFailed(let requestID):
        retryConversationFailed(&state, requestID: requestID)
        effects = []
    }
    if effects.contains(.quit) { return effects }
    return effects + ensureLoaded(&state) + ensureConversationLoaded(&state)
}

/// `reduce` under the name swift-composable-architecture uses.
public func reduce(into state: inout InboxState, action: Action) -> [Effect] {
    reduce(&state, action)
}

/// Takes the new screen size and scrolls the shown list so that its selection stays visible.
func resize(_ state: inout InboxState, rows: Int, cols: Int) {
    state.screenRows = max(0, rows)
    state.screenCols = max(0, cols)
    let window = state.listWindow
    updateShown(&state) { $0.scrollIntoView(in: window) }
    resizeConversation(&state)
}

/// Applies `change` to the list on screen when it exists.
func updateShown(_ state: inout InboxState, _ change: (inout ListState) -> Void) {
    let key = state.shownKey
    guard state.lists[key] != nil else { return }
    change(&state.lists[key]!)
}
