import ChatzyAPI

/// Identifies one list: a tab with a settled search.
public struct ListKey: Equatable, Hashable, Sendable {
    public var filter: ConversationFilter
    public var search: String

    public init(filter: ConversationFilter, search: String) {
        self.filter = filter
        self.search = search
    }
}

/// One page fetch as the view-model asked for it. Its `id` is unique for the life of the
/// state; its `generation` says which view it belongs to.
public struct PageRequest: Equatable, Hashable, Sendable {
    /// Why the page is wanted: what the user is looking at goes before a prefetch.
    public enum Priority: Equatable, Hashable, Sendable { case visible, prefetch }

    public var id: Int
    public var generation: Int
    public var key: ListKey
    public var offset: Int
    public var limit: Int
    public var priority: Priority

    public init(id: Int, generation: Int, key: ListKey, offset: Int, limit: Int, priority: Priority) {
        self.id = id
        self.generation = generation
        self.key = key
        self.offset = offset
        self.limit = limit
        self.priority = priority
    }

    /// The API query for this page.
    public func query(email: String) -> ContactQuery {
        ContactQuery(email: email, search: key.search, limit: limit, offset: offset, filter: key.filter)
    }
}
