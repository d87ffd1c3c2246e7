extension InboxState {
    /// Tunables, fixed for the life of the inbox. Every default is what the app ships with;
    /// tests set only what they exercise.
    public struct Settings: Equatable, Sendable {
        /// Contacts per request, clamped into 1...100.
        public var pageSize: Int
        /// Prefetch when the selection is this close to the loaded end; nil means one screen.
        public var prefetchDistance: Int?
        /// Quiet time after the last keystroke before a search is sent.
        public var searchDebounceMilliseconds: Int
        /// Seconds between automatic refreshes of the current tab; nil (or <= 0) turns them off.
        public var refreshIntervalSeconds: Int?
        /// First automatic retry delay after a transient failure; it doubles per failure.
        public var retryBaseMilliseconds: Int
        /// Longest backoff delay before jitter is added.
        public var retryCapMilliseconds: Int
        /// Rows kept visible above and below the selection when the list scrolls (vim's
        /// `scrolloff`), clamped into `scrollMarginRange`; 0 as in htop, tig and fzf.
        public var scrollMargin: Int

        /// The scroll margins a setting may ask for.
        public static let scrollMarginRange = 0...10

        public init(
            pageSize: Int = 50,
            prefetchDistance: Int? = nil,
            searchDebounceMilliseconds: Int = 120,
            refreshIntervalSeconds: Int? = nil,
            retryBaseMilliseconds: Int = 500,
            retryCapMilliseconds: Int = 30_000,
            scrollMargin: Int = 0
        ) {
            self.pageSize = min(max(pageSize, 1), 100)
            self.prefetchDistance = prefetchDistance.map { max($0, 0) }
            self.searchDebounceMilliseconds = max(searchDebounceMilliseconds, 0)
            self.refreshIntervalSeconds = refreshIntervalSeconds
            self.retryBaseMilliseconds = max(retryBaseMilliseconds, 1)
            self.retryCapMilliseconds = max(retryCapMilliseconds, 1)
            self.scrollMargin = min(max(scrollMargin, Self.scrollMarginRange.lowerBound), Self.scrollMarginRange.upperBound)
        }
    }
}
