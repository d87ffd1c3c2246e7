import ChatzyAPI

// The conversation view's rules. The list stays as it was underneath (tab, query, selection,
// its requests and its periodic refresh), so closing the view shows it unchanged.

/// Enter on the list: opens the selected contact's conversations at the newest message.
func openConversation(_ state: inout InboxState) -> [Effect] {
    let list = state.shown
    guard list.rows.indices.contains(list.selected) else { return [] }
    state.conversationGeneration += 1
    var view = ConversationState(contact: list.rows[list.selected])
    view.layoutWidth = state.screenCols
    state.conversation = view
    state.mode = .conversation
    return []
}

/// Esc, q, h: back to the list. The pending request is cancelled; its answer would be dropped anyway.
func closeConversation(_ state: inout InboxState) -> [Effect] {
    let pending = state.conversation?.pending
    state.conversationGeneration += 1
    state.conversation = nil
    state.mode = .list
    return pending.map { [.cancel(requestID: $0.id)] } ?? []
}

/// The conversation view's keymap: a pager.
func handleConversationKey(_ state: inout InboxState, _ key: Key) -> [Effect] {
    let height = ConversationLayout.viewHeight(screenRows: state.screenRows)
    let page = max(1, height - 1)
    let half = max(1, height / 2)
    switch key {
    case .escape, .char("q"), .char("h"), .left, .backspace: return closeConversation(&state)
    case .char("k"), .up: scrollConversation(&state, by: 1)
    case .char("j"), .down, .enter: scrollConversation(&state, by: -1)
    case .pageUp, .char("b"), .ctrl("b"): scrollConversation(&state, by: page)
    case .pageDown, .char(" "), .ctrl("f"): scrollConversation(&state, by: -page)
    case .ctrl("u"): scrollConversation(&state, by: half)
    case .ctrl("d"): scrollConversation(&state, by: -half)
    case .wheelUp: scrollConversation(&state, by: Layout.wheelRows)
    case .wheelDown: scrollConversation(&state, by: -Layout.wheelRows)
    case .char("g"), .home: scrollConversation(&state, by: Int.max / 2)
    case .char("G"), .end: scrollConversation(&state, by: -(Int.max / 2))
    case .char("?"): state.mode = .help
    case .char("r"):
        if state.conversation?.error != nil { retryConversation(&state) } else { return reloadConversation(&state) }
    default: break
    }
    return []
}

/// Moves the view `lines` up (positive, towards older messages) or down, within the loaded history.
func scrollConversation(_ state: inout InboxState, by lines: Int) {
    guard var view = state.conversation else { return }
    let limit = ConversationLayout.maxScroll(view, viewHeight: ConversationLayout.viewHeight(screenRows: state.screenRows))
    view.scrollUp = min(max(view.scrollUp + lines, 0), limit)
    state.conversation = view
}

/// `r` without a failure: asks for the newest page again; new messages join at the bottom.
func reloadConversation(_ state: inout InboxState) -> [Effect] {
    guard var view = state.conversation, view.hasLoaded, !state.sessionExpired else { return [] }
    state.conversationGeneration += 1
    let cancelled = view.pending.map { [Effect.cancel(requestID: $0.id)] } ?? []
    view.pending = nil
    state.conversation = view
    return cancelled + [requestConversation(&state, offset: 0)]
}

/// Makes a request for the open conversation, records it as pending and returns its effect.
func requestConversation(_ state: inout InboxState, offset: Int) -> Effect {
    let request = ConversationRequest(
        id: state.nextRequestID, generation: state.conversationGeneration,
        contactID: state.conversation?.contact.id ?? "", offset: offset, limit: state.settings.pageSize
    )
    state.nextRequestID += 1
    state.conversation?.pending = request
    return .fetchConversation(request)
}

/// Issues the one fetch the open conversation needs next, if any: its newest page when
/// nothing is loaded, else the next older page when the top of the view is within one
/// screen of the oldest loaded line. Nothing while a request is pending, after a failure
/// (until it is retried), once the oldest message is loaded, or while the session is expired.
func ensureConversationLoaded(_ state: inout InboxState) -> [Effect] {
    guard state.mode == .conversation || state.mode == .help, let view = state.conversation,
          !state.sessionExpired, view.pending == nil, view.error == nil
    else { return [] }
    guard view.hasLoaded else { return [requestConversation(&state, offset: 0)] }
    let height = ConversationLayout.viewHeight(screenRows: state.screenRows)
    guard !view.reachedStart, ConversationLayout.firstVisibleLine(view, viewHeight: height) < max(height, 1)
    else { return [] }
    return [requestConversation(&state, offset: view.nextOffset)]
}

/// Applies a page when it answers the pending request of the current opening; any other
/// answer (stale, duplicated, for a closed view) is dropped.
func applyConversationPage(_ state: inout InboxState, _ request: ConversationRequest, _ answer: ContactConversations) {
    guard request.generation == state.conversationGeneration, var view = state.conversation,
          view.pending == request
    else { return }
    view.pending = nil
    view.error = nil
    view.failedRequest = nil
    view.failures = 0
    if let profile = answer.contact { view.profile = profile }
    if !answer.conversations.isEmpty || !view.hasLoaded {
        view.conversations = answer.conversations.map { var c = $0; c.messages = []; return c }
    }
    var fresh: [ConversationState.Entry] = []
    for conversation in answer.conversations {
        for message in conversation.messages where !view.messageIDs.contains(message.id) {
            fresh.append(.init(conversationID: conversation.id, message: message))
        }
    }
    let received = answer.conversations.reduce(answer.skippedConversations) { $0 + $1.messages.count + $1.skippedMessages }
    let isLast = received < request.limit
    let viewHeight = ConversationLayout.viewHeight(screenRows: state.screenRows)
    if request.offset == 0 && view.hasLoaded {
        mergeNewest(&view, fresh, received: received, isLast: isLast, state: state)
    } else {
        let previous = view.entries
        insert(&view, fresh, conversationOrder: answer.conversations.map(\.id))
        view.nextOffset = request.offset + received
        view.reachedStart = isLast
        view.skipped += answer.skipped
        ConversationLayout.measure(&view, width: state.screenCols, wrapper: state.textWrapper, previous: previous)
    }
    view.hasLoaded = true
    view.scrollUp = min(view.scrollUp, ConversationLayout.maxScroll(view, viewHeight: viewHeight))
    state.conversation = view
}

/// A reload of the newest page: messages newer than the newest loaded one join at the
/// bottom and push the paging offset on by their number; the view keeps its place unless
/// it was at the bottom. A full page of nothing but new messages may hide a gap, so it
/// replaces the history instead.
private func mergeNewest(_ view: inout ConversationState, _ fresh: [ConversationState.Entry],
                         received: Int, isLast: Bool, state: InboxState) {
    let newest = view.entries.last?.message
    let newer = fresh.filter { entry in
        guard let newest else { return true }
        return precedes(newest, entry.message)
    }
    if !isLast && newer.count == received {
        view.entries = []
        view.messageIDs = []
        view.scrollUp = 0
        insert(&view, fresh, conversationOrder: view.conversations.map(\.id))
        view.nextOffset = received
        view.reachedStart = false
        ConversationLayout.measure(&view, width: state.screenCols, wrapper: state.textWrapper)
        return
    }
    let before = view.contentLines
    let previous = view.entries
    insert(&view, fresh, conversationOrder: view.conversations.map(\.id))
    view.nextOffset += newer.count
    ConversationLayout.measure(&view, width: state.screenCols, wrapper: state.textWrapper, previous: previous)
    if view.scrollUp > 0 { view.scrollUp += view.contentLines - before }
}

/// Adds entries and keeps the history in time order (undated messages sort as the oldest;
/// ties keep conversation order, then message order). An older page, the usual case, goes
/// in front without sorting what is loaded again.
private func insert(_ view: inout ConversationState, _ fresh: [ConversationState.Entry], conversationOrder: [String]) {
    var added: [ConversationState.Entry] = []
    for entry in fresh where view.messageIDs.insert(entry.message.id).inserted { added.append(entry) }
    guard !added.isEmpty else { return }
    let rank = Dictionary(conversationOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    func key(_ entry: ConversationState.Entry) -> (Double, Int, Int) {
        (entry.message.createdAt?.timeIntervalSince1970 ?? -.infinity,
         -(rank[entry.conversationID] ?? Int.max), entry.message.order ?? 0)
    }
    func sorted(_ entries: [ConversationState.Entry]) -> [ConversationState.Entry] {
        entries.enumerated().map { (key: key($1), index: $0, entry: $1) }
            .sorted { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }
            .map(\.entry)
    }
    added = sorted(added)
    if let first = view.entries.first, key(added[added.count - 1]) < key(first) {
        view.entries = added + view.entries
    } else if let last = view.entries.last, key(last) < key(added[0]) {
        view.entries += added
    } else {
        view.entries = sorted(view.entries + added)
    }
}

/// True when `a` was written before `b`.
private func precedes(_ a: ConversationMessage, _ b: ConversationMessage) -> Bool {
    let ta = a.createdAt?.timeIntervalSince1970 ?? -.infinity
    let tb = b.createdAt?.timeIntervalSince1970 ?? -.infinity
    return ta < tb
}

/// Records a failure of the pending request, as for the list: a transient one schedules
/// an automatic retry with backoff, a 401 expires the session; stale failures are dropped.
func applyConversationFailure(_ state: inout InboxState, _ request: ConversationRequest, _ error: APIError) -> [Effect] {
    guard request.generation == state.conversationGeneration, var view = state.conversation,
          view.pending == request
    else { return [] }
    view.pending = nil
    view.error = error
    view.failedRequest = request
    view.failures += 1
    state.conversation = view
    if error == .unauthorized {
        state.sessionExpired = true
        return []
    }
    guard error.isTransient else { return [] }
    let delay = Backoff.milliseconds(
        failures: view.failures, requestID: request.id, error: error,
        base: state.settings.retryBaseMilliseconds, cap: state.settings.retryCapMilliseconds
    )
    return [.schedule(timer: .conversationRetry, milliseconds: delay,
                      action: .conversationRetryFailed(requestID: request.id))]
}

/// `r` after a failure: forgets it so that the loader asks again.
func retryConversation(_ state: inout InboxState) {
    guard !state.sessionExpired, state.conversation?.error != nil else { return }
    state.conversation?.error = nil
    state.conversation?.failedRequest = nil
}

/// A backoff ran out: retries only if that request is still the open view's failure.
func retryConversationFailed(_ state: inout InboxState, requestID: Int) {
    guard state.conversation?.failedRequest?.id == requestID else { return }
    retryConversation(&state)
}

/// After a new sign-in, a view stopped by the 401 loads again.
func renewConversation(_ state: inout InboxState) {
    guard state.conversation?.error == .unauthorized else { return }
    state.conversation?.error = nil
    state.conversation?.failedRequest = nil
}

/// A new screen size: measures again when the width changed and keeps the scroll in range.
func resizeConversation(_ state: inout InboxState) {
    guard var view = state.conversation else { return }
    if view.layoutWidth != state.screenCols {
        ConversationLayout.measure(&view, width: state.screenCols, wrapper: state.textWrapper)
    }
    let height = ConversationLayout.viewHeight(screenRows: state.screenRows)
    view.scrollUp = min(view.scrollUp, ConversationLayout.maxScroll(view, viewHeight: height))
    state.conversation = view
}
