import ChatzyAPI

/// One fetch of a contact's messages as the conversation view asked for it.
///
/// The API pages messages **newest first across all of the contact's conversations**:
/// `offset` is the number of newer messages to skip, so the view opens with offset 0 and asks
/// for older messages at `offset = messages received so far`. Messages that arrive while the
/// view is open shift every offset by one; the next older page then overlaps the loaded ones
/// (de-duplicated by message id) and never leaves a gap. Its `id` is unique among all
/// requests of the state (shared with the list's); `generation` says which opening of the
/// view it belongs to.
public struct ConversationRequest: Equatable, Hashable, Sendable {
    public var id: Int
    public var generation: Int
    public var contactID: String
    public var offset: Int
    public var limit: Int

    public init(id: Int, generation: Int, contactID: String, offset: Int, limit: Int) {
        self.id = id
        self.generation = generation
        self.contactID = contactID
        self.offset = offset
        self.limit = limit
    }

    /// The API query for this page.
    public var query: ConversationQuery {
        ConversationQuery(contactID: contactID, limit: limit, offset: offset)
    }
}
