import ChatzyAPI

/// Records a failure of the pending request, as for the list: a transient one schedules
/// an automatic retry with backoff, a 401 expires the session; stale failures are dropped.
func applyConversationFailure(_ state: inout InboxState, _ request: ConversationRequest, _ error: APIError) -> [Effect] {
    guard request.generation == state.conversationGeneration, var view = state.conversation,
          view.pending == request
    else { return [] }
    view.pending = nil
    view.error = error
    view.failedRequest = request
    view.failures += 1
    state.conversation = view
    if error == .unauthorized {
        state.sessionExpired = true
        return []
    }
    guard error.isTransient else { return [] }
    let delay = Backoff.milliseconds(
        failures: view.failures, requestID: request.id, error: error,
        base: state.settings.retryBaseMilliseconds, cap: state.settings.retryCapMilliseconds
    )
    return [.schedule(timer: .conversationRetry, milliseconds: delay,
                      action: .conversationRetryFailed(requestID: request.id))]
}

/// `r` after a failure: forgets it so that the loader asks again.
func retryConversation(_ state: inout InboxState) {
    guard !state.sessionExpired, state.conversation?.error != nil else { return }
    state.conversation?.error = nil
    state.conversation?.failedRequest = nil
}

/// A backoff ran out: retries only if that request is still the open view's failure.
func retryConversationFailed(_ state: inout InboxState, requestID: Int) {
    guard state.conversation?.failedRequest?.id == requestID else { return }
    retryConversation(&state)
}

/// After a new sign-in, a view stopped by the 401 loads again.
func renewConversation(_ state: inout InboxState) {
    guard state.conversation?.error == .unauthorized else { return }
    state.conversation?.error = nil
    state.conversation?.failedRequest = nil
}
