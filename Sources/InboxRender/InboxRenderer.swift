import ChatzyAPI
import Foundation
import InboxCore

/// Turns the view-model into a frame. Pure: the same state, size and time give the same screen.
public enum InboxRenderer {
    /// The smallest screen that shows the inbox; smaller ones get a one-line notice.
    public static let minimumSize = (rows: 5, cols: 20)

    public static func render(_ state: InboxState, now: Date) -> Screen {
        let rows = state.screenRows, cols = state.screenCols
        guard rows >= minimumSize.rows, cols >= minimumSize.cols else {
            return tooSmall(rows: rows, cols: cols)
        }
        if state.conversation != nil { return ConversationRenderer.render(state, now: now) }
        var lines: [ScreenLine] = []
        lines.append(tabBar(state, width: cols))
        let (searchLine, cursor) = searchBar(state, width: cols)
        lines.append(searchLine)
        lines += listLines(state, width: cols, now: now)
        lines.append(statusLine(state, width: cols))
        if state.mode == .help { lines = HelpOverlay.apply(to: lines, width: cols) }
        return Screen(rows: rows, cols: cols, lines: lines, cursor: state.mode == .search ? (Layout.searchRow, cursor) : nil)
    }

    static func tooSmall(rows: Int, cols: Int) -> Screen {
        guard rows > 0, cols > 0 else { return Screen(rows: rows, cols: cols, lines: []) }
        var lines = [ScreenLine([Span(TextWidth.fit("Terminal too small", to: cols), .error)])]
        for _ in 1..<rows { lines.append(ScreenLine([Span(String(repeating: " ", count: cols))])) }
        return Screen(rows: rows, cols: cols, lines: lines)
    }

    static func tabBar(_ state: InboxState, width: Int) -> ScreenLine {
        var spans = [Span(" ")]
        for (index, filter) in ConversationFilter.allCases.enumerated() {
            if index > 0 { spans.append(Span(" ")) }
            let active = filter == state.filter
            spans.append(Span(" \(filter.title) ", active ? .tabActive : .tabInactive))
        }
        let count = countLabel(state.lists[ListKey(filter: state.filter, search: state.shownSearch)])
        spans.append(Span("  " + count, .dim))
        let title = "chatzy-inbox"
        let used = spans.reduce(0) { $0 + TextWidth.width(of: $1.text) }
        if used + title.count + 1 < width {
            spans.append(Span(String(repeating: " ", count: width - used - title.count - 1) + title + " ", .dim))
        }
        return ContactRow.clip(pad(ScreenLine(spans), to: width), to: width)
    }

    static func countLabel(_ list: ListState?) -> String {
        guard let list, list.hasLoaded else { return "" }
        return list.reachedEnd ? "\(list.rows.count)" : "\(list.rows.count)+"
    }

    static func searchBar(_ state: InboxState, width: Int) -> (ScreenLine, Int) {
        let prompt = " / "
        let query = Sanitizer.clean(state.query)
        if query.isEmpty && state.mode != .search {
            return (pad(ScreenLine([Span(prompt, .searchPrompt), Span("search name, email or phone", .dim)]), to: width), prompt.count)
        }
        let marker = state.isSearching ? "  searching…" : ""
        let room = max(1, width - prompt.count - marker.count)
        let shown = TextWidth.truncate(query, to: room)
        let cursorCol = prompt.count + TextWidth.width(of: String(Array(query).prefix(state.cursor)))
        let line = ScreenLine([Span(prompt, .searchPrompt), Span(shown), Span(marker, .dim)])
        return (ContactRow.clip(pad(line, to: width), to: width), min(cursorCol, width - 1))
    }

    static func listLines(_ state: InboxState, width: Int, now: Date) -> [ScreenLine] {
        let height = state.listHeight
        let list = state.shown
        var lines: [ScreenLine] = []
        lines.reserveCapacity(height)
        for offset in 0..<height {
            let index = list.top + offset
            if index < list.rows.count {
                lines.append(ContactRow.line(for: list.rows[index], width: width, now: now, selected: index == list.selected))
            } else if index == list.rows.count, list.pending != nil {
                lines.append(pad(ScreenLine([Span("    loading…", .placeholder)]), to: width))
            } else if index == 0, list.hasLoaded, list.rows.isEmpty {
                let text = state.shownSearch.isEmpty ? "    No conversations here." : "    No contacts match \"\(Sanitizer.clean(state.shownSearch))\"."
                lines.append(ContactRow.clip(pad(ScreenLine([Span(text, .dim)]), to: width), to: width))
            } else {
                lines.append(pad(ScreenLine(), to: width))
            }
        }
        return lines
    }

    static func statusLine(_ state: InboxState, width: Int) -> ScreenLine {
        let list = state.shown
        var left = " "
        if !list.rows.isEmpty {
            left += "\(list.selected + 1)/\(countLabel(list))"
        } else {
            left += "0/\(countLabel(list))"
        }
        left += "  \(state.filter.title)"
        if !state.shownSearch.isEmpty { left += "  \"\(Sanitizer.clean(state.shownSearch))\"" }
        var style = Style.statusBar
        if let error = list.error ?? state.lists[state.wantedKey]?.error {
            left += "  " + error.message + " — r retries"
            style = .error
        } else if list.pending != nil || state.lists[state.wantedKey]?.pending != nil {
            left += "  loading…"
        } else if list.reachedEnd, list.selected == list.rows.count - 1, !list.rows.isEmpty {
            left += "  end of list"
        }
        if list.skipped > 0 {
            left += "  \(list.skipped) contact\(list.skipped == 1 ? "" : "s") could not be read"
        }
        let right = "? help  q quit "
        let leftWidth = TextWidth.width(of: left)
        let text: String
        if leftWidth + right.count + 1 <= width {
            text = left + String(repeating: " ", count: width - leftWidth - right.count) + right
        } else {
            text = TextWidth.fit(left, to: width)
        }
        return ScreenLine([Span(TextWidth.fit(text, to: width), style)])
    }

    /// Pads a line with spaces to `width` columns.
    static func pad(_ line: ScreenLine, to width: Int) -> ScreenLine {
        let used = line.spans.reduce(0) { $0 + TextWidth.width(of: $1.text) }
        guard used < width else { return line }
        var out = line
        out.spans.append(Span(String(repeating: " ", count: width - used)))
        return out
    }
}
