/// What the conversation view needs from the network: one contact's conversations and
/// messages. `ChatzyClient` is the real one; tests substitute scripted ones.
public protocol ConversationsFetching: Sendable {
    /// Fetches a contact's conversations. Throws `APIError` only; honours task cancellation.
    func conversations(_ query: ConversationQuery) async throws(APIError) -> ContactConversations
}
