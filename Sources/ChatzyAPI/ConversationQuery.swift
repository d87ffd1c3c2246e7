/// The parameters of one `GET /get_contact_conversation_messages` call.
///
/// Only `contact_id`, `limit` and `offset` are sent: the docs describe a channel filter and
/// grouping without naming their parameters, so they are not guessed. Like `ContactQuery`,
/// `limit` is **clamped** into `1...100` and `offset` to `>= 0`.
public struct ConversationQuery: Equatable, Hashable, Sendable {
    /// The documented bounds of `limit`.
    public static let limitRange = ContactQuery.limitRange

    public var contactID: String
    public var limit: Int
    public var offset: Int

    public init(contactID: String, limit: Int = 50, offset: Int = 0) {
        self.contactID = contactID
        self.limit = min(max(limit, Self.limitRange.lowerBound), Self.limitRange.upperBound)
        self.offset = max(offset, 0)
    }

    /// The query items in a fixed order: `contact_id`, `limit`, `offset`.
    public var queryItems: [(name: String, value: String)] {
        [("contact_id", contactID), ("limit", String(limit)), ("offset", String(offset))]
    }
}
