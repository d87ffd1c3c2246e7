/// The inbox tabs, as the `filter` query parameter names them.
public enum ConversationFilter: String, CaseIterable, Equatable, Hashable, Sendable {
    case all
    case unread
    case live

    /// The tab's title as users know it from the web inbox.
    public var title: String {
        switch self {
        case .all: return "All"
        case .unread: return "Unread"
        case .live: return "Live"
        }
    }
}
