/// Re-fetches the wanted list from the top in a new generation. Its rows stay on screen
/// until the first page replaces their head; the periodic refresh is re-armed.
func refresh(_ state: inout InboxState) -> [Effect] {
    guard !state.sessionExpired else { return [] }
    var effects = newGeneration(&state)
    let key = state.wantedKey
    var list = state.lists[key] ?? ListState()
    list.error = nil
    list.failedRequest = nil
    list.failures = 0
    list.needsRevalidation = true
    state.lists[key] = list
    effects += refreshTimer(state)
    return effects
}

/// The periodic refresh timer, when `settings.refreshIntervalSeconds` turns it on.
func refreshTimer(_ state: InboxState) -> [Effect] {
    guard let seconds = state.settings.refreshIntervalSeconds, seconds > 0 else { return [] }
    return [.schedule(timer: .refresh, milliseconds: seconds * 1000, action: .refresh)]
}
