import ChatzyAPI

/// Everything that can happen to the inbox: input from the user and results from the worker.
public enum Action: Equatable, Sendable {
    /// The inbox opened: fetch the first page and arm the periodic refresh.
    case start
    /// A key or mouse event.
    case key(Key)
    /// The terminal has this many rows and columns.
    case resize(rows: Int, cols: Int)
    /// A page arrived.
    case pageLoaded(PageRequest, ContactPage)
    /// A page failed.
    case pageFailed(PageRequest, APIError)
    /// The user stopped typing: the query of this revision may be fetched.
    case searchSettled(revision: Int)
    /// Re-fetch the current tab from the top (manual, or the periodic `.refresh` timer).
    case refresh
    /// The user asked to retry what failed on screen.
    case retry
    /// The backoff timer of the failed request with this id ran out: try it again, unless
    /// it has been superseded since.
    case retryFailed(requestID: Int)
    /// The user signed in again after a 401: fetch again whatever the expiry stopped.
    case sessionRenewed
    /// A page of the open conversation's messages arrived.
    case conversationLoaded(ConversationRequest, ContactConversations)
    /// A page of the open conversation's messages failed.
    case conversationFailed(ConversationRequest, APIError)
    /// The backoff of the conversation request with this id ran out.
    case conversationRetryFailed(requestID: Int)
}
