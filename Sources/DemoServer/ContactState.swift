/// What the store holds about a contact and churn may change: its place in the list,
/// unread count, status, latest activity and how many messages arrived since seeding.
struct ContactState: Equatable, Sendable {
    /// Place in the list: smaller is newer. Generated contacts start at their index;
    /// churn moves a contact above all others with a negative rank.
    var rank: Int
    var index: Int
    var unread: Int
    var status: String
    /// Seconds since 1970.
    var latest: Int64
    var added: Int
}

/// Which contacts a page lists.
enum ContactFilter: String, Sendable, CaseIterable {
    case all, unread, live

    /// The SQL condition on the `contact` table, or nil for all.
    var condition: String? {
        switch self {
        case .all: return nil
        case .unread: return "c.unread > 0"
        case .live: return "c.status = 'live'"
        }
    }
}
