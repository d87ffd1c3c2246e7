import ChatzyAPI
import Foundation
import InboxCore

/// Turns the view-model into a frame. Pure: the same state and options give the same screen.
///
/// Rows: the tab bar, the search line, the list (with the detail pane on its right from
/// 120 columns), the status line. Every line is exactly as wide as the screen.
public enum InboxRenderer {
    /// The smallest screen that shows the inbox; smaller ones get a one-line notice.
    public static let minimumSize = (rows: 5, cols: 20)

    public static func render(_ state: InboxState, now: Date) -> Screen {
        render(state, options: RenderOptions(now: now))
    }

    /// `rowCache`, when given, keeps laid-out rows between frames; the screen is the same with
    /// or without it.
    public static func render(_ state: InboxState, options: RenderOptions, rowCache: RowCache? = nil) -> Screen {
        let rows = state.screenRows, cols = state.screenCols
        guard rows >= minimumSize.rows, cols >= minimumSize.cols else {
            return tooSmall(rows: rows, cols: cols, glyphs: options.glyphs)
        }
        if state.conversation != nil { return ConversationRenderer.render(state, now: options.now, glyphs: options.glyphs) }
        var lines: [ScreenLine] = []
        lines.append(TabBar.line(state, width: cols, glyphs: options.glyphs, cache: rowCache))
        let (searchLine, cursor) = SearchLine.line(state, width: cols, options: options, cache: rowCache)
        lines.append(searchLine)
        lines += body(state, width: cols, options: options, rowCache: rowCache)
        lines.append(StatusLine.line(state, width: cols, options: options))
        if state.mode == .help { lines = HelpOverlay.apply(to: lines, width: cols, glyphs: options.glyphs) }
        let showsCursor = state.mode == .search
        let list = Layout.listTop..<(Layout.listTop + Layout.listHeight(screenRows: rows))
        return Screen(rows: rows, cols: cols, lines: lines, cursor: showsCursor ? (Layout.searchRow, cursor) : nil,
                      scrollRegion: state.mode == .help ? nil : list)
    }

    /// Lays out, between frames, the list rows just above and below the view: the ones a
    /// one-row scroll brings in. The frame that scrolls to them then finds them in `rowCache`
    /// instead of laying one out while the user waits. The screen drawn is the same either way.
    public static func prepareNeighbours(_ state: InboxState, options: RenderOptions, rowCache: RowCache) {
        guard state.conversation == nil, state.screenRows >= minimumSize.rows, state.screenCols >= minimumSize.cols else { return }
        let width = listWidth(screen: state.screenCols)
        let list = state.shown, search = state.shownSearch
        rowCache.prepare(list.rows, [list.top - 1, list.top + state.listHeight],
                         frame: .init(width: width, search: search, glyphs: options.glyphs), now: options.now) { index in
            ContactRow.line(for: list.rows[index], width: width, options: options, search: search)
        }
    }

    /// True while the user is waiting for something: a search not yet answered, the first
    /// page of the wanted list, or the next page when the selection sits on the last row.
    /// The terminal shows the spinner once this has held for 200 ms.
    public static func isWaiting(_ state: InboxState) -> Bool {
        if state.isSearching { return true }
        if let pending = state.lists[state.wantedKey]?.pending, pending.priority == .visible { return true }
        let list = state.shown
        return list.pending != nil && list.selected >= list.rows.count - 1
    }

    static func tooSmall(rows: Int, cols: Int, glyphs: Glyphs) -> Screen {
        guard rows > 0, cols > 0 else {
            return Screen(rows: max(rows, 0), cols: max(cols, 0), lines: Array(repeating: ScreenLine(), count: max(rows, 0)))
        }
        let notice = cols >= 30 ? "Terminal too small: \(minimumSize.cols)x\(minimumSize.rows) at least" : "Terminal too small"
        var lines = [ScreenLine([Span(TextWidth.fit(notice, to: cols, ellipsis: glyphs.ellipsis), .error)])]
        for _ in 1..<rows { lines.append(ScreenLine([Span(TextWidth.spaces(cols))])) }
        return Screen(rows: rows, cols: cols, lines: lines)
    }

    /// The list rows, with the detail pane beside them on a wide screen.
    static func body(_ state: InboxState, width: Int, options: RenderOptions, rowCache: RowCache? = nil) -> [ScreenLine] {
        let paneWidth = DetailPane.width(screen: width)
        let list = listLines(state, width: listWidth(screen: width), options: options, rowCache: rowCache)
        guard paneWidth > 0 else { return list }
        let pane = DetailPane.lines(state, width: paneWidth, height: list.count, options: options)
        return zip(list, pane).map { left, right in
            ScreenLine(left.spans + [Span(options.glyphs.separator, .border)] + right.spans)
        }
    }

    /// The list's width on a screen `screen` columns wide: all of it, or what the detail pane
    /// and its separator leave.
    static func listWidth(screen: Int) -> Int {
        let paneWidth = DetailPane.width(screen: screen)
        return paneWidth > 0 ? screen - paneWidth - 1 : screen
    }

    static func listLines(_ state: InboxState, width: Int, options: RenderOptions, rowCache: RowCache? = nil) -> [ScreenLine] {
        defer { rowCache?.endFrame() }
        let height = state.listHeight
        let list = state.shown
        let g = options.glyphs
        var lines: [ScreenLine] = []
        lines.reserveCapacity(height)
        let search = state.shownSearch
        rowCache?.beginFrame(.init(width: width, search: search, glyphs: g))
        for offset in 0..<height {
            let index = list.top + offset
            if index < list.rows.count {
                var line: ScreenLine
                if let cached = rowCache?.cachedLine(list.rows, index, at: offset, now: options.now) {
                    line = cached
                } else {
                    line = ContactRow.line(for: list.rows[index], width: width, options: options, search: search)
                    rowCache?.remember(line, of: list.rows, index, now: options.now)
                }
                if index == list.selected { line = ContactRow.highlighted(line) }
                lines.append(line)
                continue
            }
            var row = LineBuilder(glyphs: g)
            if index == list.rows.count, list.pending != nil {
                row.add("    loading" + g.ellipsis, .placeholder)
            } else if index == list.rows.count, let error = list.error, !list.rows.isEmpty || !list.hasLoaded {
                row.add("    " + Sanitizer.clean(error.message), .error)
            } else if index == 0, list.hasLoaded, list.rows.isEmpty {
                let search = Sanitizer.clean(search)
                row.add(search.isEmpty ? "    No conversations here." : "    No contacts match \"\(search)\"" + BidiIsolation.suffix(for: search) + ".", .dim)
            }
            lines.append(row.line(width: width))
        }
        return lines
    }
}
