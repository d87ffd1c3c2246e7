import CNcursesw
import InboxRender

/// Draws frames with curses, touching only the rows that changed since the last frame and
/// flushing once per frame with `doupdate()`. A resize repaints everything.
final class Presenter {
    private var previous: Screen?
    private let palette: Palette

    init(palette: Palette) {
        self.palette = palette
    }

    /// Forgets the last frame so that the next one repaints every row.
    func invalidate() {
        previous = nil
        werase(chz_stdscr())
    }

    func present(_ screen: Screen) {
        let old = previous
        if old?.rows != screen.rows || old?.cols != screen.cols { invalidate() }
        for (row, line) in screen.lines.enumerated() where row < screen.rows {
            if let old, row < old.lines.count, old.lines[row] == line, old.rows == screen.rows, old.cols == screen.cols { continue }
            draw(line, row: row, cols: screen.cols)
        }
        if let cursor = screen.cursor {
            curs_set(1)
            wmove(chz_stdscr(), Int32(cursor.row), Int32(cursor.col))
        } else {
            curs_set(0)
        }
        wnoutrefresh(chz_stdscr())
        doupdate()
        previous = screen
    }

    private func draw(_ line: ScreenLine, row: Int, cols: Int) {
        wmove(chz_stdscr(), Int32(row), 0)
        var col = 0
        for span in line.spans {
            let look = palette.look(span.style)
            let wide = span.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
            _ = chz_put(Int32(row), Int32(col), wide, Int32(wide.count), look.attrs, look.pair)
            col += TextWidth.width(of: span.text)
            if col >= cols { break }
        }
        if col < cols {
            wmove(chz_stdscr(), Int32(row), Int32(col))
            wclrtoeol(chz_stdscr())
        }
    }
}
