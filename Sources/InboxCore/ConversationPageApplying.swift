import ChatzyAPI

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
