/// One screen line of the conversation view, before styling.
public enum ConversationLine: Equatable, Sendable {
    /// Above the oldest loaded message: "loading older…", an error, or the start of history.
    case top
    /// A blank line before a conversation's divider.
    case gap
    /// Names the conversation the following messages belong to.
    case divider(conversationID: String)
    /// Who wrote entry `entry`, and when.
    case meta(entry: Int)
    /// One wrapped line of entry `entry`'s text.
    case body(entry: Int, text: String)
}

/// The conversation view's geometry, shared by the reducer (scrolling, when to load older
/// messages) and the renderer (what to draw), so that both count the same lines.
public enum ConversationLayout {
    /// Header rows: name line, details line, rule (with the WhatsApp reply window).
    public static let headerRows = 3
    /// The status line at the bottom.
    public static let statusRows = 1

    /// Rows for messages on a screen of `rows` lines.
    public static func viewHeight(screenRows rows: Int) -> Int { max(0, rows - headerRows - statusRows) }

    /// Width of a message's text: three quarters of the screen, at most 72 columns.
    public static func bubbleWidth(screenCols cols: Int) -> Int { max(1, min(72, (cols - 4) * 3 / 4)) }

    /// The lines of entry `index`: a gap and a divider when it starts a conversation's run,
    /// then its meta line and its wrapped text.
    public static func lines(of index: Int, in view: ConversationState, width: Int, wrapper: TextWrapper) -> [ConversationLine] {
        let entry = view.entries[index]
        var lines: [ConversationLine] = []
        if index == 0 || view.entries[index - 1].conversationID != entry.conversationID {
            if index > 0 { lines.append(.gap) }
            lines.append(.divider(conversationID: entry.conversationID))
        }
        lines.append(.meta(entry: index))
        let text = MessageBody.text(of: entry.message)
        for line in wrapper.wrap(text, bubbleWidth(screenCols: width)) {
            lines.append(.body(entry: index, text: line))
        }
        return lines
    }

    /// Lines of entry `index` other than its text: a gap and a divider when it starts a
    /// conversation's run, and its meta line.
    static func overhead(of index: Int, in entries: [ConversationState.Entry]) -> Int {
        guard index == 0 || entries[index - 1].conversationID != entries[index].conversationID else { return 1 }
        return index == 0 ? 2 : 3
    }

    /// Measures every entry at `width` into `view.heights`. Text already measured at this
    /// width (in `previous`, whose heights `view.heights` still holds) is not wrapped again:
    /// only its divider lines may have changed.
    static func measure(_ view: inout ConversationState, width: Int, wrapper: TextWrapper,
                        previous: [ConversationState.Entry] = []) {
        var known: [String: Int] = [:]
        if view.layoutWidth == width, view.heights.count == previous.count {
            known.reserveCapacity(previous.count)
            for index in previous.indices {
                known[previous[index].message.id] = view.heights[index] - overhead(of: index, in: previous)
            }
        }
        view.layoutWidth = width
        let bubble = bubbleWidth(screenCols: width)
        view.heights = view.entries.indices.map { index in
            let message = view.entries[index].message
            let text = known[message.id] ?? wrapper.wrap(MessageBody.text(of: message), bubble).count
            return overhead(of: index, in: view.entries) + text
        }
    }

    /// The largest `scrollUp`: the oldest line at the top of the view.
    public static func maxScroll(_ view: ConversationState, viewHeight: Int) -> Int {
        max(0, view.contentLines - viewHeight)
    }

    /// The content line shown on the top row of the view (0 is the `.top` line).
    public static func firstVisibleLine(_ view: ConversationState, viewHeight: Int) -> Int {
        max(0, view.contentLines - viewHeight - view.scrollUp)
    }
}
