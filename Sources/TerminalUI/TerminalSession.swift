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

    /// Restores the terminal: modes, cursor, the normal screen. After a suspend the terminal
    /// is the shell's already and is left alone (from the background, setting its modes
    /// would stop the process again).
    func stop() {
        guard isActive else { return }
        isActive = false
        if !isendwin() {
            curs_set(1)
            endwin()
        }
        SignalPipe.releaseSuspend()
    }

    /// Ctrl-Z, first half: gives the terminal back to the shell and stops the process. It
    /// returns when the process is continued; then `resume`, unless a quit signal came
    /// meanwhile. False when there was nothing to suspend (the terminal is not the inbox's),
    /// and then nothing is to be resumed either. Curses' own SIGTSTP handler does the same,
    /// from inside the signal handler.
    func suspend() -> Bool {
        guard isActive, !isendwin() else { return false }
        // The modes the inbox runs in are kept for the return, unless the shell has taken the
        // terminal back already (the modes then would be the shell's).
        if tcgetpgrp(STDIN_FILENO) == getpgrp() { def_prog_mode() }
        // From the background, endwin() setting the terminal's modes would stop the process
        // with SIGTTOU, halfway through.
        var ttou = sigset_t(), previous = sigset_t()
        sigemptyset(&ttou)
        sigaddset(&ttou, SIGTTOU)
        pthread_sigmask(SIG_BLOCK, &ttou, &previous)
        endwin()
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        SignalPipe.stopProcess()
        return true
    }

    /// Ctrl-Z, second half, once continued: what was typed meanwhile was meant for the shell,
    /// and modes the user set there are the ones to restore on quitting. The caller repaints;
    /// that doupdate() restores the inbox's modes.
    func resume() {
        guard isActive else { return }
        flushinp()
        def_shell_mode()
        // A stopped process is sent no SIGWINCH: this makes curses compare its size with the
        // terminal's at the next key read, and report a resize if the window changed.
        raise(SIGWINCH)
    }

    var rows: Int { Int(chz_lines()) }
    var cols: Int { Int(chz_cols()) }
}
