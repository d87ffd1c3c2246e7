import ChatzyAPI

/// The whole view-model: which tab and search are shown, every loaded list, the mode and
/// the screen size. A plain value; only `reduce` changes it.
public struct InboxState: Equatable, Sendable {
    /// What the keyboard currently drives.
    public enum Mode: Equatable, Sendable { case list, search, help }

    /// Tunables, fixed for the life of the inbox.
    public struct Settings: Equatable, Sendable {
        /// Contacts per request, 1...100.
        public var pageSize: Int
        /// Prefetch when the selection is this close to the loaded end; nil means one screen.
        public var prefetchDistance: Int?
        /// Quiet time after the last keystroke before a search is sent.
        public var searchDebounceMilliseconds: Int

        public init(pageSize: Int = 50, prefetchDistance: Int? = nil, searchDebounceMilliseconds: Int = 120) {
            self.pageSize = min(max(pageSize, 1), 100)
            self.prefetchDistance = prefetchDistance
            self.searchDebounceMilliseconds = searchDebounceMilliseconds
        }
    }

    public var settings: Settings
    /// The tab shown.
    public var filter: ConversationFilter = .all
    /// The text in the search line.
    public var query: String = ""
    /// The cursor in `query`, in characters.
    public var cursor: Int = 0
    /// Bumped on every edit of the query; a debounce for an older revision is ignored.
    public var queryRevision = 0
    /// The search whose results are on screen (may lag `query` while a search is pending).
    public var shownSearch: String = ""
    public var mode: Mode = .list
    /// Every loaded list, by tab and search.
    public var lists: [ListKey: ListState] = [:]
    /// Bumped on tab switch, settled search and refresh; answers of older generations are dropped.
    public var generation = 0
    /// The id the next request gets.
    public var nextRequestID = 1
    public var screenRows = 24
    public var screenCols = 80
    /// Set by a 401: everything stays loaded until the user signs in again.
    public var sessionExpired = false

    public init(settings: Settings = Settings(), filter: ConversationFilter = .all, query: String = "") {
        self.settings = settings
        self.filter = filter
        self.query = query
        self.cursor = query.count
        self.shownSearch = query
    }

    /// The list on screen.
    public var shownKey: ListKey { ListKey(filter: filter, search: shownSearch) }
    /// The list the user asked for (differs from `shownKey` while a search is pending).
    public var wantedKey: ListKey { ListKey(filter: filter, search: query) }
    /// The list on screen, or an empty one.
    public var shown: ListState { lists[shownKey] ?? ListState() }
    /// Contact rows that fit on screen.
    public var listHeight: Int { Layout.listHeight(screenRows: screenRows) }
    /// True while a search for the typed query has not yet been answered.
    public var isSearching: Bool { query != shownSearch }
}
