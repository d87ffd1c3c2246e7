import ChatzyAPI
import InboxCore

/// The bottom row: position in the loaded list (`12/350+`), the tab and search shown, and
/// what is happening: an error with the key that retries, the spinner once the user has
/// waited 200 ms, or "end of list"; the help and quit keys on the right.
enum StatusLine {
    static func line(_ state: InboxState, width: Int, options: RenderOptions) -> ScreenLine {
        let g = options.glyphs
        let list = state.shown
        var left = " "
        let count = TabLabels.count(list)
        left += list.rows.isEmpty ? "0/\(count.isEmpty ? "0" : count)" : "\(list.selected + 1)/\(count)"
        left += "  \(state.filter.title)"
        if !state.shownSearch.isEmpty {
            let search = Sanitizer.clean(state.shownSearch)
            left += "  /" + TextWidth.truncate(search, to: 24, ellipsis: g.ellipsis) + BidiIsolation.suffix(for: search)
        }
        var message = ""
        var messageStyle = Style.statusBar
        if let error = state.lists[state.wantedKey]?.error ?? list.error {
            let text = Sanitizer.clean(error.message)
            message = state.sessionExpired || error == .unauthorized ? text : text + " " + g.none + " r retries"
            messageStyle = .error
        } else if let frame = options.spinnerFrame {
            message = g.spinner[frame % g.spinner.count] + " loading"
        } else if list.reachedEnd, !list.rows.isEmpty, list.selected == list.rows.count - 1 {
            message = "end of list"
        } else if list.skipped > 0 {
            message = "\(list.skipped) contact\(list.skipped == 1 ? "" : "s") could not be read"
        }
        let right = "? help  q quit "
        var row = LineBuilder(glyphs: g)
        row.add(TextWidth.truncate(left, to: width, ellipsis: g.ellipsis), .statusBar)
        if !message.isEmpty, row.used + 3 < width {
            row.add("  ", .statusBar)
            let room = width - row.used - 1
            row.add(" " + TextWidth.truncate(message, to: room, ellipsis: g.ellipsis), messageStyle)
            row.add(" ", messageStyle)
        }
        if row.used + right.count + 2 <= width {
            row.add(TextWidth.spaces(width - row.used - right.count), .statusBar)
            row.add(right, .statusBar)
        }
        return row.line(width: width, fill: .statusBar)
    }
}
