import ChatzyAPI

/// The loaded rows of one list (a tab with a settled search), its paging position and its
/// selection. Kept per list so that switching back to a tab shows it at once.
public struct ListState: Equatable, Sendable {
    /// Loaded contacts, unique by id, in server order.
    public var rows = ContactRows()
    /// The server offset of the next page: entries received so far, readable or not.
    public var nextOffset = 0
    /// A page shorter than the limit arrived: there is nothing more.
    public var reachedEnd = false
    /// The rows are shown but should be fetched again from the top (stale-while-revalidate).
    public var needsRevalidation = false
    /// The request in flight for this list, if any.
    public var pending: PageRequest?
    /// The last failure, until the request is tried again or a page arrives.
    public var error: APIError?
    /// The request that failed with `error`: what a retry asks for again.
    public var failedRequest: PageRequest?
    /// Consecutive failures, for the retry backoff; reset by a page.
    public var failures = 0
    /// Entries the server sent that could not be read.
    public var skipped = 0
    /// The selected contact; the selection follows it across reloads.
    public var selectedID: String?
    /// The selected row index.
    public var selected = 0
    /// The first visible row.
    public var top = 0

    public init() {}

    /// True once anything has been loaded or the list is known to be empty.
    public var hasLoaded: Bool { nextOffset > 0 || reachedEnd }

    /// Appends a page's contacts, skipping ids already present. No `reserveCapacity` here:
    /// reserving `count + page` each page would defeat the arrays' geometric growth and copy
    /// every loaded contact on every page (quadratic when paging to 100,000 with `G`).
    mutating func append(_ contacts: [Contact]) {
        for contact in contacts { rows.append(contact) }
    }

    /// Puts the selection back on `selectedID` when it is still loaded, else clamps it.
    mutating func reselect() {
        if let id = selectedID, rows.indices.contains(selected), rows.hasID(id, at: selected) { return }
        if let id = selectedID, let index = rows.firstIndex(ofID: id) {
            selected = index
        } else {
            selected = rows.isEmpty ? 0 : min(selected, rows.count - 1)
            selectedID = rows.isEmpty ? nil : rows.id(at: selected)
        }
    }

    /// Forgets the failure so that the loader asks again: from the top when the failed
    /// request was the first page, else at `nextOffset` when the selection needs it.
    mutating func reopen() {
        if failedRequest?.offset == 0 { needsRevalidation = true }
        error = nil
        failedRequest = nil
    }
}
