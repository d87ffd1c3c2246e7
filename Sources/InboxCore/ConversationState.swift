import ChatzyAPI

/// The open conversation view: who it is about, the messages loaded so far (oldest first,
/// across all of the contact's conversations), the paging position towards older messages,
/// its pending request and failure, and the scroll position.
///
/// Scrolling is kept as `scrollUp`, the lines between the bottom of the view and the newest
/// line: 0 shows the newest message. Older pages are inserted above, so a position counted
/// from the bottom does not move when they arrive.
public struct ConversationState: Equatable, Sendable {
    /// One message with the conversation it belongs to.
    public struct Entry: Equatable, Sendable {
        public var conversationID: String
        public var message: ConversationMessage

        public init(conversationID: String, message: ConversationMessage) {
            self.conversationID = conversationID
            self.message = message
        }
    }

    /// The list row the view was opened from (name, email, channels, status, agent).
    public var contact: Contact
    /// The profile from the messages endpoint (phone, flags), once a page arrived.
    public var profile: ConversationContact?
    /// The contact's conversations as last answered, without their messages, in server order.
    public var conversations: [Conversation] = []
    /// Every loaded message, oldest first, unique by message id.
    public var entries: [Entry] = []
    /// The message ids in `entries`, for de-duplication.
    public var messageIDs: Set<String> = []
    /// Screen lines of each entry at `layoutWidth` (see `ConversationLayout`).
    public var heights: [Int] = []
    /// The screen width `heights` were measured for.
    public var layoutWidth = 0
    /// The offset of the next older page: messages received so far, readable or not.
    public var nextOffset = 0
    /// A page shorter than the limit arrived: the oldest message is loaded.
    public var reachedStart = false
    /// True once the first page arrived.
    public var hasLoaded = false
    /// The request in flight, if any.
    public var pending: ConversationRequest?
    /// The last failure, until the request is tried again or a page arrives.
    public var error: APIError?
    /// The request that failed with `error`: what a retry asks for again.
    public var failedRequest: ConversationRequest?
    /// Consecutive failures, for the retry backoff; reset by a page.
    public var failures = 0
    /// Conversations and messages the server sent that could not be read.
    public var skipped = 0
    /// Lines between the bottom of the view and the newest line (0: the newest is shown).
    public var scrollUp = 0

    public init(contact: Contact) {
        self.contact = contact
    }

    /// Lines of the whole loaded history, with the line above the oldest message.
    public var contentLines: Int { heights.reduce(1, +) }

    /// The conversation with this id, as last answered.
    public func conversation(_ id: String) -> Conversation? {
        conversations.first { $0.id == id }
    }
}
