/// The parameters of one `GET /get_contact_conversations` call.
///
/// `limit` is **clamped** into `1...100` and `offset` to `>= 0` when the query is built,
/// so a caller can never send a request the server must refuse.
public struct ContactQuery: Equatable, Hashable, Sendable {
    /// The documented bounds of `limit`.
    public static let limitRange = 1...100

    public var email: String
    public var search: String
    public var limit: Int
    public var offset: Int
    public var filter: ConversationFilter

    public init(email: String, search: String = "", limit: Int = 50, offset: Int = 0, filter: ConversationFilter = .all) {
        self.email = email
        self.search = search
        self.limit = min(max(limit, Self.limitRange.lowerBound), Self.limitRange.upperBound)
        self.offset = max(offset, 0)
        self.filter = filter
    }

    /// The query items in a fixed order; `search` is omitted when empty.
    public var queryItems: [(name: String, value: String)] {
        var items: [(String, String)] = [("user_email_id", email)]
        if !search.isEmpty { items.append(("search", search)) }
        items.append(("limit", String(limit)))
        items.append(("offset", String(offset)))
        items.append(("filter", filter.rawValue))
        return items
    }
}
