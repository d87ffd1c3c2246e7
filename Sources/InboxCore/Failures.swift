import ChatzyAPI

/// Records a failure of the current generation's pending request on its list (for the
/// status line and for `retry`). A transient failure schedules an automatic retry; a 401
/// expires the session and keeps everything loaded. Stale failures are dropped.
func applyFailure(_ state: inout InboxState, _ request: PageRequest, _ error: APIError) -> [Effect] {
    guard request.generation == state.generation, var list = state.lists[request.key],
          list.pending == request
    else { return [] }
    list.pending = nil
    list.error = error
    list.failedRequest = request
    list.failures += 1
    state.lists[request.key] = list
    if error == .unauthorized {
        state.sessionExpired = true
        return []
    }
    guard error.isTransient else { return [] }
    let delay = Backoff.milliseconds(
        failures: list.failures, requestID: request.id, error: error,
        base: state.settings.retryBaseMilliseconds, cap: state.settings.retryCapMilliseconds
    )
    return [.schedule(timer: .retry, milliseconds: delay, action: .retryFailed(requestID: request.id))]
}

/// The user asked to retry: the wanted list's failure is forgotten and the loader asks again.
func retryWanted(_ state: inout InboxState) {
    guard !state.sessionExpired, state.lists[state.wantedKey]?.error != nil else { return }
    state.lists[state.wantedKey]?.reopen()
}

/// A backoff ran out: retries the failed request only if it is still the wanted list's failure.
func retryFailed(_ state: inout InboxState, requestID: Int) {
    guard !state.sessionExpired, state.lists[state.wantedKey]?.failedRequest?.id == requestID else { return }
    state.lists[state.wantedKey]?.reopen()
}

/// After a new sign-in: every list stopped by the 401 may load again, the periodic refresh
/// is re-armed, and the loader re-fetches what the screen needs.
func renewSession(_ state: inout InboxState) -> [Effect] {
    guard state.sessionExpired else { return [] }
    state.sessionExpired = false
    for key in state.lists.keys where state.lists[key]?.error == .unauthorized {
        state.lists[key]?.reopen()
    }
    return refreshTimer(state)
}
