import ChatzyAPI

/// Applies a page when it answers the pending request of the current generation; any other
/// answer (stale, duplicated, superseded) is dropped without a trace.
func applyPage(_ state: inout InboxState, _ request: PageRequest, _ page: ContactPage) {
    guard request.generation == state.generation, var list = state.lists[request.key],
          list.pending == request
    else { return }
    list.pending = nil
    list.error = nil
    list.failedRequest = nil
    list.failures = 0
    let height = state.listHeight
    if request.offset == 0 {
        list.replaceHead(with: page, limit: request.limit, height: height)
    } else {
        list.appendPage(page, offset: request.offset, limit: request.limit, height: height)
    }
    state.lists[request.key] = list
    if request.key == state.wantedKey { state.shownSearch = request.key.search }
}

extension ListState {
    /// Adds a later page below the loaded rows; the selection does not move.
    mutating func appendPage(_ page: ContactPage, offset: Int, limit: Int, height: Int) {
        append(page.contacts)
        skipped += page.skipped
        nextOffset = offset + page.received
        reachedEnd = page.isLast(limit: limit)
        reselect()
        scrollIntoView(height: height)
    }

    /// Puts a first page in place of the head of the list, in place, keeping the selected
    /// contact selected and on the same screen row when possible.
    ///
    /// A short page is the whole list. A full page goes on top and every loaded row it does
    /// not contain stays below it, in order: contacts that moved down a page are not lost,
    /// and a later page that repeats them is de-duplicated. The paging position is kept.
    mutating func replaceHead(with page: ContactPage, limit: Int, height: Int) {
        let screenRow = selected - top
        var fresh: [Contact] = []
        var freshIDs: Set<String> = []
        for contact in page.contacts where freshIDs.insert(contact.id).inserted { fresh.append(contact) }
        if page.isLast(limit: limit) {
            rows = fresh
            ids = freshIDs
            nextOffset = page.received
            reachedEnd = true
            skipped = page.skipped
        } else {
            rows = fresh + rows.filter { !freshIDs.contains($0.id) }
            ids = Set(rows.lazy.map(\.id))
            nextOffset = max(nextOffset, page.received)
            skipped = max(skipped, page.skipped)
        }
        reselect()
        top = selected - screenRow
        scrollIntoView(height: height)
    }
}
