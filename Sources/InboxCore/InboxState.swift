import ChatzyAPI

/// The whole view-model: which tab and search are shown, every loaded list, the mode and
/// the screen size. A plain value; only `reduce` changes it.
///
/// The search query is **shared by the tabs**, as in the web inbox whose search box sits
/// above the tabs: a user looking for "alice" who presses `2` expects Alice's unread
/// conversations, not the whole Unread tab.
public struct InboxState: Equatable, Sendable {
    /// What the keyboard currently drives.
    public enum Mode: Equatable, Sendable { case list, search, help, conversation }

    public var settings: Settings
    /// The tab shown.
    public var filter: ConversationFilter = .all
    /// The text in the search line, as typed. One query for all tabs, not one per tab: people
    /// switch tabs to narrow what they just searched for ("anna" → which of them are live?),
    /// and a per-tab query would silently hide rows when coming back to a tab.
    public var query: String = ""
    /// The cursor in `query`, in characters.
    public var cursor: Int = 0
    /// Bumped on every edit of the query; a debounce for an older revision is ignored.
    public var queryRevision = 0
    /// The query the user stopped typing: the search that is fetched (lags `query` while
    /// the debounce runs).
    public var settledQuery: String = ""
    /// The search whose results are on screen (lags `settledQuery` until its first page arrives).
    public var shownSearch: String = ""
    public var mode: Mode = .list
    /// Every loaded list, by tab and search.
    public var lists: [ListKey: ListState] = [:]
    /// Bumped whenever the list that is wanted changes or is refreshed; answers of older
    /// generations are dropped.
    public var generation = 0
    /// The id the next request gets.
    public var nextRequestID = 1
    public var screenRows = 24
    public var screenCols = 80
    /// Set by a 401: nothing is fetched, everything stays loaded, until `.sessionRenewed`.
    public var sessionExpired = false
    /// The open conversation view (see ConversationReducing.swift); the list stays underneath.
    public var conversation: ConversationState?
    /// Bumped on every opening, closing and reload of a conversation: older answers are dropped.
    public var conversationGeneration = 0
    /// Wraps message text for the conversation view; the app installs the display-width one.
    public var textWrapper: TextWrapper = .plain

    public init(settings: Settings = Settings(), filter: ConversationFilter = .all, query: String = "") {
        self.settings = settings
        self.filter = filter
        self.query = query
        self.cursor = query.count
        self.settledQuery = query
        self.shownSearch = query
    }

    /// The list on screen.
    public var shownKey: ListKey { ListKey(filter: filter, search: shownSearch) }
    /// The list the user asked for (differs from `shownKey` while a search is pending).
    public var wantedKey: ListKey { ListKey(filter: filter, search: settledQuery) }
    /// The list on screen, or an empty one.
    public var shown: ListState { lists[shownKey] ?? ListState() }
    /// Contact rows that fit on screen.
    public var listHeight: Int { Layout.listHeight(screenRows: screenRows) }
    /// The list's rows on screen and the scroll margin the settings ask for.
    public var listWindow: ListWindow { ListWindow(height: listHeight, wantedMargin: settings.scrollMargin) }
    /// True while the typed query has not yet been answered (the "searching" marker).
    public var isSearching: Bool { query != shownSearch }
    /// How close to the loaded end the selection may come before the next page is fetched.
    public var prefetchDistance: Int { settings.prefetchDistance ?? max(listHeight, 1) }
}
