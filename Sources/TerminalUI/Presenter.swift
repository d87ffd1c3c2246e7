import CNcursesw
import InboxRender

/// Draws frames with curses. Only rows that differ from what curses' virtual screen holds
/// are written, and curses in turn sends only the cells that changed, with one `doupdate()`
/// per frame. When the list scrolled, its rows are first shifted on the terminal and in curses
/// (`TerminalScroll`; where the terminal cannot, in stdscr for curses to find), so a one-row
/// scroll writes the few rows that are new and the terminal moves the rest itself. A resize
/// forgets everything and repaints.
final class Presenter {
    /// What curses' virtual screen holds, row by row (nil: unknown), and its size.
    private var shown: [ScreenLine?]?
    private var size: (rows: Int, cols: Int) = (0, 0)
    private var cursorVisible: Bool?
    /// The last shift made: a held key shifts the same way again, so it is tried first.
    private var lastShift = 0
    private let palette: Palette
    private var terminalScroll = TerminalScroll()

    init(palette: Palette) {
        self.palette = palette
    }

    /// Forgets the last frame and makes the next `doupdate` repaint the whole terminal
    /// (after a resize, a suspend, or Ctrl-L).
    func invalidate() {
        shown = nil
        clearok(chz_curscr(), true)
    }

    func present(_ screen: Screen) {
        if shown != nil, size != (screen.rows, screen.cols) { invalidate() }
        if shown == nil {
            terminalScroll.resetRegion()
            werase(chz_stdscr())
            shown = Array(repeating: nil, count: screen.rows)
            size = (screen.rows, screen.cols)
        }
        var lines = shown ?? []
        shown = nil // the one reference left: changing `lines` copies nothing
        if let region = screen.scrollRegion {
            let shift = LineShift.detect(old: lines, new: screen.lines, region: region, likely: lastShift)
            if shift != 0, scroll(region, by: shift) {
                LineShift.apply(shift, to: &lines, region: region)
                lastShift = shift
            }
        }
        for (row, line) in screen.lines.enumerated() where row < screen.rows && row < lines.count {
            if lines[row] == line { continue }
            draw(line, row: row, cols: screen.cols)
            lines[row] = line
        }
        shown = lines
        if let cursor = screen.cursor {
            setCursor(visible: true)
            wmove(chz_stdscr(), Int32(cursor.row), Int32(cursor.col))
        } else {
            setCursor(visible: false)
        }
        wnoutrefresh(chz_stdscr())
        doupdate()
    }

    /// Shifts the region's rows on the terminal and in curses at once (`TerminalScroll`), or
    /// where the terminal cannot be scrolled that way, in stdscr for curses to find.
    private func scroll(_ region: Range<Int>, by shift: Int) -> Bool {
        if terminalScroll.scroll(region, by: shift) { return true }
        return chz_scroll_rows(Int32(region.lowerBound), Int32(region.upperBound - 1), Int32(shift)) != chz_err()
    }

    private func setCursor(visible: Bool) {
        guard cursorVisible != visible else { return }
        cursorVisible = visible
        curs_set(visible ? 1 : 0)
        // A hidden cursor may stay wherever the last write left it: no movement is sent for it.
        leaveok(chz_stdscr(), !visible)
    }

    /// Reused between rows so that drawing one allocates nothing.
    private var textBuffer: [UInt8] = []
    private var runBuffer: [chz_run] = []

    /// Writes the whole row in one call: its characters (as UTF-8, decoded by the shim), the
    /// look of each span, and blanks in the last span's look to the right edge.
    private func draw(_ line: ScreenLine, row: Int, cols: Int) {
        // Local arrays: appending to a property would check exclusive access each time.
        var text = textBuffer, runs = runBuffer
        textBuffer = []
        runBuffer = []
        text.removeAll(keepingCapacity: true)
        runs.removeAll(keepingCapacity: true)
        for span in line.spans {
            let before = text.count
            text.append(contentsOf: span.text.utf8)
            let look = palette.look(span.style)
            runs.append(chz_run(count: Int32(text.count - before), attrs: look.attrs, pair: look.pair))
        }
        _ = chz_put_row_utf8(Int32(row), text, Int32(text.count), &runs, Int32(runs.count), Int32(cols))
        textBuffer = text
        runBuffer = runs
    }
}
