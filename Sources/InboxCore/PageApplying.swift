import ChatzyAPI

/// Applies a page when it answers the pending request of the current generation; any other
/// answer (stale, duplicated, superseded) is dropped without a trace.
func applyPage(_ state: inout InboxState, _ request: PageRequest, _ page: ContactPage) {
    guard request.generation == state.generation, let pending = state.lists[request.key]?.pending,
          pending == request
    else { return }
    let window = state.listWindow
    // Mutated in place in the dictionary: a copy taken out and stored back would share the rows
    // with the dictionary while appending, so every page would copy every loaded contact.
    apply(page, request, in: window, to: &state.lists[request.key]!)
    if request.key == state.wantedKey { state.shownSearch = request.key.search }
}

private func apply(_ page: ContactPage, _ request: PageRequest, in window: ListWindow, to list: inout ListState) {
    list.pending = nil
    list.error = nil
    list.failedRequest = nil
    list.failures = 0
    if request.offset == 0 {
        list.replaceHead(with: page, limit: request.limit, in: window)
    } else {
        list.appendPage(page, offset: request.offset, limit: request.limit, in: window)
    }
}

extension ListState {
    /// Adds a later page below the loaded rows; the selection does not move.
    mutating func appendPage(_ page: ContactPage, offset: Int, limit: Int, in window: ListWindow) {
        append(page.contacts)
        skipped += page.skipped
        nextOffset = offset + page.received
        reachedEnd = page.isLast(limit: limit)
        reselect()
        scrollIntoView(in: window)
    }

    /// Puts a first page in place of the head of the list, in place, keeping the selected
    /// contact selected and on the same screen row when possible.
    ///
    /// A short page is the whole list. A full page goes on top and every loaded row it does
    /// not contain stays below it, in order: contacts that moved down a page are not lost,
    /// and a later page that repeats them is de-duplicated. The paging position is kept.
    mutating func replaceHead(with page: ContactPage, limit: Int, in window: ListWindow) {
        let screenRow = selected - top
        var fresh = ContactRows(page.contacts)
        if page.isLast(limit: limit) {
            rows = fresh
            nextOffset = page.received
            reachedEnd = true
            skipped = page.skipped
        } else {
            fresh.append(contentsOf: rows)
            rows = fresh
            nextOffset = max(nextOffset, page.received)
            skipped = max(skipped, page.skipped)
        }
        reselect()
        top = selected - screenRow
        scrollIntoView(in: window)
    }
}
