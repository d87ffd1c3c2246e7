import InboxCore

/// The second row: the query behind a `/` prompt, scrolled sideways so that the cursor is
/// always visible, with the column where the terminal cursor goes while editing.
enum SearchLine {
    static let prompt = " / "

    /// Everything the search line is drawn from.
    struct Key: Equatable {
        var query: String
        var cursor: Int
        var mode: InboxState.Mode
        var isSearching: Bool
        var spinnerFrame: Int?
        var width: Int
        var glyphs: Glyphs
    }

    /// The search line, the last frame's when `cache` holds one drawn from the same things.
    static func line(_ state: InboxState, width: Int, options: RenderOptions, cache: RowCache?) -> (ScreenLine, cursor: Int) {
        guard let cache else { return line(state, width: width, options: options) }
        let key = Key(query: state.query, cursor: state.cursor, mode: state.mode, isSearching: state.isSearching,
                      spinnerFrame: options.spinnerFrame, width: width, glyphs: options.glyphs)
        if let cached = cache.searchLine, cached.key == key { return (cached.line, cached.cursor) }
        let (line, cursor) = line(state, width: width, options: options)
        cache.searchLine = (key, line, cursor)
        return (line, cursor)
    }

    static func line(_ state: InboxState, width: Int, options: RenderOptions) -> (ScreenLine, cursor: Int) {
        var row = LineBuilder(glyphs: options.glyphs)
        row.add(prompt, .searchPrompt)
        let query = Sanitizer.clean(state.query)
        let editing = state.mode == .search
        if query.isEmpty && !editing {
            row.field("search name, email or phone", width: max(0, width - row.used), .dim)
            return (row.line(width: width), min(prompt.count, width - 1))
        }
        let marker: String
        if state.isSearching, let frame = options.spinnerFrame {
            marker = "  " + options.glyphs.spinner[frame % options.glyphs.spinner.count] + " searching"
        } else if !editing {
            marker = "  Esc clears"
        } else {
            marker = ""
        }
        let markerWidth = row.used + TextWidth.width(of: marker) + 8 <= width ? TextWidth.width(of: marker) : 0
        let room = max(1, width - row.used - markerWidth - 1)
        let characters = Array(query)
        let cursor = min(state.cursor, characters.count)
        // Scroll so that the cursor fits: drop characters from the left until it does.
        var start = 0
        while start < cursor,
              TextWidth.width(of: String(characters[start..<cursor])) + (start > 0 ? 1 : 0) > room - 1 {
            start += 1
        }
        var visible = start > 0 ? options.glyphs.ellipsis : ""
        visible += String(characters[start...])
        let shown = TextWidth.truncate(visible, to: room, ellipsis: options.glyphs.ellipsis)
        let cursorCol = row.used + TextWidth.width(of: (start > 0 ? options.glyphs.ellipsis : "") + String(characters[start..<cursor]))
        row.add(shown + BidiIsolation.suffix(for: shown))
        if markerWidth > 0 {
            row.add(TextWidth.spaces(max(0, width - row.used - markerWidth)))
            row.add(marker, .dim)
        }
        return (row.line(width: width), min(cursorCol, width - 1))
    }
}
