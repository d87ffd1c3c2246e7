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
