import ChatzyAPI
import Foundation
import InboxCore

/// Draws the open conversation: the header, the messages in time order grouped by
/// conversation (contact on the left, AI assistant and human agents on the right, each in
/// its colour), and a status line. Pure: the same state, time and zone give the same screen.
public enum ConversationRenderer {
    public static func render(_ state: InboxState, now: Date, timeZone: TimeZone = .current, glyphs: Glyphs = .unicode) -> Screen {
        let rows = state.screenRows, cols = state.screenCols
        guard rows >= InboxRenderer.minimumSize.rows, cols >= InboxRenderer.minimumSize.cols, var view = state.conversation else {
            return InboxRenderer.tooSmall(rows: rows, cols: cols, glyphs: glyphs)
        }
        if view.layoutWidth != cols || view.heights.count != view.entries.count {
            view.heights = view.entries.indices.map {
                ConversationLayout.lines(of: $0, in: view, width: cols, wrapper: state.textWrapper).count
            }
        }
        var lines = ConversationHeader.lines(view, width: cols, now: now, timeZone: timeZone)
        lines += body(view, state: state, now: now, timeZone: timeZone)
        lines.append(statusLine(view, state: state, width: cols))
        if state.mode == .help { lines = HelpOverlay.apply(to: lines, width: cols, glyphs: glyphs, entries: HelpOverlay.conversationEntries) }
        return Screen(rows: rows, cols: cols, lines: lines)
    }

    /// The visible content lines, padded to the view's height.
    static func body(_ view: ConversationState, state: InboxState, now: Date, timeZone: TimeZone) -> [ScreenLine] {
        let width = state.screenCols
        let height = ConversationLayout.viewHeight(screenRows: state.screenRows)
        let first = ConversationLayout.firstVisibleLine(view, viewHeight: height)
        var out: [ScreenLine] = []
        out.reserveCapacity(height)
        var lineIndex = 1
        var entry = 0
        if first == 0 { out.append(topLine(view, state: state, width: width)) }
        while entry < view.entries.count, lineIndex + view.heights[entry] <= first {
            lineIndex += view.heights[entry]
            entry += 1
        }
        while entry < view.entries.count, out.count < height {
            let layout = ConversationLayout.lines(of: entry, in: view, width: width, wrapper: state.textWrapper)
            let blockWidth = layout.reduce(0) { if case .body(_, let t) = $1 { max($0, TextWidth.width(of: t)) } else { $0 } }
            for line in layout {
                defer { lineIndex += 1 }
                guard lineIndex >= first, out.count < height else { continue }
                out.append(draw(line, view: view, width: width, blockWidth: blockWidth, now: now, timeZone: timeZone))
            }
            entry += 1
        }
        while out.count < height { out.append(LineBuilder.clip(ScreenLine(), to: width)) }
        return out
    }

    static func topLine(_ view: ConversationState, state: InboxState, width: Int) -> ScreenLine {
        let text: String
        let style: Style
        if let error = view.error {
            text = "  " + (view.hasLoaded ? "Older messages failed: " : "Messages failed: ") + error.message + " — r retries"
            style = .error
        } else if state.sessionExpired && !view.reachedStart {
            text = "  Session expired: sign in again to load messages"
            style = .error
        } else if !view.hasLoaded {
            text = "  Loading messages…"
            style = .placeholder
        } else if view.pending != nil && view.pending?.offset != 0 {
            text = "  ↑ loading older messages…"
            style = .placeholder
        } else if view.reachedStart {
            text = view.entries.isEmpty ? "  No messages with this contact yet." : centered(" beginning of the history ", width: width)
            style = .dim
        } else {
            text = "  ↑ older messages load as you scroll up"
            style = .dim
        }
        return LineBuilder.clip(ScreenLine([Span(text, style)]), to: width)
    }

    static func centered(_ label: String, width: Int) -> String {
        let w = TextWidth.width(of: label)
        let left = max(0, (width - w) / 2)
        return String(repeating: "─", count: left) + label + String(repeating: "─", count: max(0, width - left - w))
    }

    static func draw(_ line: ConversationLine, view: ConversationState, width: Int, blockWidth: Int,
                     now: Date, timeZone: TimeZone) -> ScreenLine {
        switch line {
        case .top, .gap:
            return LineBuilder.clip(ScreenLine(), to: width)
        case .divider(let id):
            let label = centered(" " + dividerLabel(view.conversation(id)) + " ", width: width)
            return LineBuilder.clip(ScreenLine([Span(label, .divider)]), to: width)
        case .meta(let index):
            let entry = view.entries[index]
            let role = MessageRole(wire: entry.message.role)
            let label = author(role, view: view, conversation: view.conversation(entry.conversationID))
            var detail = "  " + MessageTime.format(entry.message.createdAt, now: now, timeZone: timeZone)
            if role.isOutgoing, let status = entry.message.deliveries.compactMap(\.status).first, !status.isEmpty {
                detail += " · " + Sanitizer.clean(String(status.prefix(12)))
            }
            let spans = [Span(TextWidth.truncate(label, to: max(1, width - 4 - TextWidth.width(of: detail))), role.style), Span(detail, .dim)]
            return aligned(spans, outgoing: role.isOutgoing, width: width, blockWidth: nil)
        case .body(let index, let text):
            let role = MessageRole(wire: view.entries[index].message.role)
            return aligned([Span(text, role.style)], outgoing: role.isOutgoing, width: width, blockWidth: blockWidth)
        }
    }

    /// Places spans on the left (two columns in) or, for outgoing messages, on the right
    /// (ending two columns before the edge; body lines share their block's left edge).
    static func aligned(_ spans: [Span], outgoing: Bool, width: Int, blockWidth: Int?) -> ScreenLine {
        let used = spans.reduce(0) { $0 + TextWidth.width(of: $1.text) }
        let left = outgoing ? max(2, width - 2 - (blockWidth ?? used)) : 2
        let line = ScreenLine([Span(TextWidth.spaces(left))] + spans)
        return LineBuilder.clip(line, to: width)
    }

    static func author(_ role: MessageRole, view: ConversationState, conversation: Conversation?) -> String {
        switch role {
        case .contact: return ConversationHeader.name(view)
        case .assistant: return "AI assistant"
        case .agent:
            let name = Sanitizer.field(conversation?.assignedTo)
            return name.isEmpty || name.lowercased().hasPrefix("ai ") ? "Agent" : "Agent · " + name
        case .other(let raw): return "[" + raw + "]"
        }
    }

    static func dividerLabel(_ conversation: Conversation?) -> String {
        guard let conversation else { return "conversation" }
        var parts = [ConversationHeader.channelName(conversation.type ?? "conversation")]
        if let status = conversation.status, !status.isEmpty { parts.append(Sanitizer.clean(status)) }
        return parts.joined(separator: " · ")
    }

    static func statusLine(_ view: ConversationState, state: InboxState, width: Int) -> ScreenLine {
        let height = ConversationLayout.viewHeight(screenRows: state.screenRows)
        // No count before the first page has come: "0+ messages" beside "loading…" or an
        // error would read as an empty conversation.
        var left = !view.hasLoaded && view.entries.isEmpty ? ""
            : " \(view.entries.count)\(view.reachedStart ? "" : "+") message\(view.entries.count == 1 ? "" : "s")"
        if view.hasLoaded {
            let max = ConversationLayout.maxScroll(view, viewHeight: height)
            if view.scrollUp == 0 { left += "  newest" } else if view.scrollUp >= max { left += "  oldest loaded" }
            else { left += "  \(100 - view.scrollUp * 100 / Swift.max(max, 1))%" }
        }
        var style = Style.statusBar
        if let error = view.error {
            left += "  " + error.message + " — r retries"
            style = .error
        } else if state.sessionExpired {
            left += "  session expired"
            style = .error
        } else if view.pending != nil {
            left += "  loading…"
        }
        if view.skipped > 0 { left += "  \(view.skipped) item\(view.skipped == 1 ? "" : "s") could not be read" }
        if left.hasPrefix("  ") { left.removeFirst() }
        let right = "Esc back  ? help "
        let leftWidth = TextWidth.width(of: left)
        let text = leftWidth + right.count + 1 <= width
            ? left + TextWidth.spaces(width - leftWidth - right.count) + right
            : TextWidth.fit(left, to: width)
        return ScreenLine([Span(TextWidth.fit(text, to: width), style)])
    }
}
