#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns SIGINT, SIGTERM and SIGHUP into bytes on a pipe that the run loop `poll()`s, so the
/// loop can restore the terminal and exit cleanly; SIGTSTP (Ctrl-Z) too, so the loop can
/// suspend (`TerminalSession.suspend`). Crash signals restore the terminal and re-raise with
/// the previous handler.
enum SignalPipe {
    nonisolated(unsafe) static var writeFD: Int32 = -1
    nonisolated(unsafe) static var readFD: Int32 = -1
    nonisolated(unsafe) static var restoreTerminal: (@convention(c) () -> Void)?
    nonisolated(unsafe) static var previousCrashActions = [Glibc.sigaction](repeating: Glibc.sigaction(), count: 65)

    static let quitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let crashSignals: [Int32] = [SIGSEGV, SIGILL, SIGABRT, SIGBUS, SIGFPE, SIGTRAP]

    /// Installs the handlers; call before `initscr` so that ncurses leaves them alone.
    static func install(restore: @escaping @convention(c) () -> Void) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        readFD = fds[0]
        writeFD = fds[1]
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        restoreTerminal = restore
        // A parent may hand us a blocked signal mask (a thread pool spawning us does): the
        // quit, stop and resize signals must get through, or SIGTERM would never end the inbox.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in quitSignals + [SIGTSTP, SIGCONT, SIGWINCH] + crashSignals { sigaddset(&unblock, sig) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        var quitAction = pipeAction
        for sig in quitSignals { sigaction(sig, &quitAction, nil) }
        // Ctrl-Z is ours rather than curses': while curses owns SIGTSTP, every doupdate()
        // sets it aside and back, two system calls a frame, one of them before the frame's
        // write(). Curses leaves SIGTSTP alone when it finds a handler already installed, or
        // SIGTSTP ignored: a parent that ignores it (`trap '' TSTP`) is obeyed, as curses did.
        sigaction(SIGTSTP, nil, &suspendActionBefore)
        if !isIgnored(suspendActionBefore) {
            var suspendAction = pipeAction
            // Restarted: the signal may land on any thread, and nothing there should fail of
            // it (a read curses is waiting in just goes on waiting).
            suspendAction.sa_flags = Int32(truncatingIfNeeded: SA_RESTART)
            sigaction(SIGTSTP, &suspendAction, nil)
            suspendHandled = true
        }
        for sig in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                // Once the gate is closed the run loop cannot draw again, so what is restored
                // stays restored while the crash report is written.
                if CursesGate.shared.close() { SignalPipe.restoreTerminal?() }
                // Hand the signal back to whoever had it (the Swift runtime's backtracer or the
                // default); SA_NODEFER delivers it now, inside this handler.
                sigaction(signal, &SignalPipe.previousCrashActions[Int(signal)], nil)
                raise(signal)
                // The previous handler returned (a backtracer does, for a signal sent with
                // kill): die of the signal rather than run on with the terminal restored.
                Glibc.signal(signal, SIG_DFL)
                raise(signal)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND) | Int32(truncatingIfNeeded: SA_NODEFER)
            var previous = sigaction()
            sigaction(sig, &action, &previous)
            previousCrashActions[Int(sig)] = previous
        }
    }

    /// Writes the signal's number to the pipe. The quit signals are not restarted: a quit
    /// should cut any wait short.
    private static var pipeAction: sigaction {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            var byte = UInt8(truncatingIfNeeded: signal)
            _ = write(SignalPipe.writeFD, &byte, 1)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        return action
    }

    /// SIGTSTP's action before `install`, put back by `releaseSuspend`.
    nonisolated(unsafe) private static var suspendActionBefore = sigaction()
    /// Whether `install` took SIGTSTP (it leaves an ignored SIGTSTP ignored).
    nonisolated(unsafe) private static var suspendHandled = false

    /// Stops the process as SIGTSTP's default action does, and returns when it is continued
    /// (`fg` or `bg`), or at once where a stop is not allowed (an orphaned process group).
    /// The handler is put back afterwards.
    static func stopProcess() {
        var stop = sigaction(), ours = sigaction()
        stop.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&stop.sa_mask)
        sigaction(SIGTSTP, &stop, &ours)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGTSTP)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        // To this thread, not the process: sent to the process, another thread could take it
        // after the handler below is back, and nothing would stop.
        raise(SIGTSTP)
        sigaction(SIGTSTP, &ours, nil)
    }

    /// Gives SIGTSTP back the action it had before `install`, once the terminal is no
    /// longer the inbox's.
    static func releaseSuspend() {
        guard suspendHandled else { return }
        suspendHandled = false
        sigaction(SIGTSTP, &suspendActionBefore, nil)
    }

    /// Whether `action` ignores its signal (handlers are C function pointers: compared by address).
    private static func isIgnored(_ action: sigaction) -> Bool {
        unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// The first quit signal among `signals` (anything but SIGTSTP), if any.
    static func quit(in signals: [Int32]) -> Int32? {
        signals.first { $0 != SIGTSTP }
    }

    /// Every pending signal (quit signals and SIGTSTP), in the order they came.
    static func pendingSignals() -> [Int32] {
        guard readFD >= 0 else { return [] }
        var signals: [Int32] = []
        var byte: UInt8 = 0
        while read(readFD, &byte, 1) == 1 { signals.append(Int32(byte)) }
        return signals
    }
}
