#if canImport(Glibc)
import Glibc
#endif
import CNcursesw
import InboxRender

/// Owns the curses screen: sets it up (locale, modes, Esc delay, mouse) and always restores
/// the terminal, on quit, on a quit signal and on a crash.
final class TerminalSession {
    private(set) var isActive = false

    /// Sets up the screen. Signal handlers are installed first so that ncurses keeps them.
    /// True when the user's locale is UTF-8 (else the screen uses ASCII symbols).
    private(set) var unicode = true

    func start() {
        unicode = TextWidth.useUTF8Locale()
        SignalPipe.install(restore: { _ = endwin() })
        _ = initscr()
        isActive = true
        cbreak()
        noecho()
        nonl()
        keypad(chz_stdscr(), true)
        nodelay(chz_stdscr(), true)
        // The loop reads every pending key before it draws, so curses need not poll the input
        // between lines of an update (six system calls a frame) to cut a frame short.
        // TerminalScroll relies on this too: it marks rows of curses' composed screen as sent,
        // which is true only because no update stops halfway.
        typeahead(-1)
        set_escdelay(25)
        curs_set(0)
        _ = mousemask(chz_mouse_events(), nil)
        mouseinterval(0)
        // ncurses 6.4 flushes its output after every cursor movement for as long as the screen
        // has never been suspended (its state stays "initial" until `endwin`), so a frame went
        // out as one write() per changed row. One suspend and resume, before anything is
        // drawn, makes every frame a single write.
        endwin()
        doupdate()
    }

    /// Restores the terminal: modes, cursor, the normal screen.
    func stop() {
        guard isActive else { return }
        isActive = false
        curs_set(1)
        endwin()
    }

    var rows: Int { Int(chz_lines()) }
    var cols: Int { Int(chz_cols()) }
}
