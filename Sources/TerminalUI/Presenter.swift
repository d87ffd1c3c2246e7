import CNcursesw
import InboxRender

/// Draws frames with curses. Only rows that differ from the previous frame are written to
/// curses' virtual screen, and curses in turn sends only the cells that changed, with one
/// `doupdate()` per frame. A resize forgets the previous frame and repaints everything.
final class Presenter {
    private var previous: Screen?
    private var cursorVisible: Bool?
    private let palette: Palette

    init(palette: Palette) {
        self.palette = palette
    }

    /// Forgets the last frame and makes the next `doupdate` repaint the whole terminal
    /// (after a resize, or a suspend).
    func invalidate() {
        previous = nil
        clearok(chz_curscr(), true)
    }

    func present(_ screen: Screen) {
        if let old = previous, old.rows != screen.rows || old.cols != screen.cols { invalidate() }
        let old = previous
        if old == nil { werase(chz_stdscr()) }
        for (row, line) in screen.lines.enumerated() where row < screen.rows {
            if let old, row < old.lines.count, old.lines[row] == line { continue }
            draw(line, row: row, cols: screen.cols)
        }
        if let cursor = screen.cursor {
            setCursor(visible: true)
            wmove(chz_stdscr(), Int32(cursor.row), Int32(cursor.col))
        } else {
            setCursor(visible: false)
        }
        wnoutrefresh(chz_stdscr())
        doupdate()
        previous = screen
    }

    private func setCursor(visible: Bool) {
        guard cursorVisible != visible else { return }
        cursorVisible = visible
        curs_set(visible ? 1 : 0)
        // A hidden cursor may stay wherever the last write left it: no movement is sent for it.
        leaveok(chz_stdscr(), !visible)
    }

    private func draw(_ line: ScreenLine, row: Int, cols: Int) {
        var col = 0
        var buffer: [wchar_t] = []
        for span in line.spans {
            guard col < cols else { break }
            let look = palette.look(span.style)
            buffer.removeAll(keepingCapacity: true)
            for scalar in span.text.unicodeScalars { buffer.append(wchar_t(bitPattern: scalar.value)) }
            _ = chz_put(Int32(row), Int32(col), buffer, Int32(buffer.count), look.attrs, look.pair)
            col += TextWidth.width(of: span.text)
        }
        if col < cols {
            let look = palette.look(line.spans.last?.style ?? .normal)
            chz_clear_to_eol(Int32(row), Int32(col), look.attrs, look.pair)
        }
    }
}
