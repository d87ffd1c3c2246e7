/// Work the reducer asks the runtime to do, as data so that tests compare it with `==`.
public enum Effect: Equatable, Sendable {
    /// Fetch a page; answer with `.pageLoaded` or `.pageFailed` carrying the same request.
    case fetch(PageRequest)
    /// Fetch a page of a contact's messages; answer with `.conversationLoaded` or `.conversationFailed`.
    case fetchConversation(ConversationRequest)
    /// Abandon the request with this id (cancel it on the wire if it is in flight). The
    /// reducer drops its answer anyway: cancelling only saves work.
    case cancel(requestID: Int)
    /// Deliver `action` after `milliseconds`, replacing any earlier timer with the same id.
    case schedule(timer: TimerID, milliseconds: Int, action: Action)
    /// Leave the inbox.
    case quit
}

/// Names a replaceable timer.
public enum TimerID: Equatable, Hashable, Sendable {
    /// The pause after the last keystroke in the search line.
    case searchDebounce
    /// The automatic retry of a transient failure.
    case retry
    /// The periodic refresh of the current tab.
    case refresh
    /// The automatic retry of the conversation view's failed request.
    case conversationRetry
}
