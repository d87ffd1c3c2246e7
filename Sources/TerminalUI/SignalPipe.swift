#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns SIGINT, SIGTERM and SIGHUP into bytes on a pipe that the run loop `poll()`s, so the
/// loop can restore the terminal and exit cleanly. Crash signals restore the terminal and
/// re-raise with the previous handler.
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
        for sig in quitSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                var byte = UInt8(truncatingIfNeeded: signal)
                _ = write(SignalPipe.writeFD, &byte, 1)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(sig, &action, nil)
        }
        for sig in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { signal, info, _ in
                SignalPipe.restoreTerminal?()
                if let info, SignalPipe.isSent(signal, info.pointee) {
                    // Sent, not raised by a fault (`kill -SEGV`, `sigqueue`, `tgkill`): no fault
                    // will repeat when a handler returns, and the runtime's backtracer returns
                    // after its report, so die of the signal now, with the terminal restored.
                    Glibc.signal(signal, SIG_DFL)
                } else {
                    // A real fault, or abort(): hand the signal back to whoever had it (the
                    // Swift runtime's backtracer or the default); the fault repeats on return.
                    sigaction(signal, &SignalPipe.previousCrashActions[Int(signal)], nil)
                }
                raise(signal)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND) | SA_SIGINFO
            var previous = sigaction()
            sigaction(sig, &action, &previous)
            previousCrashActions[Int(sig)] = previous
        }
        // A parent may have started us with these signals blocked (the mask is inherited):
        // unblock them, or Ctrl-C, a hang-up or a crash would leave the terminal broken.
        var mask = sigset_t()
        sigemptyset(&mask)
        for sig in quitSignals + crashSignals { sigaddset(&mask, sig) }
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
    }

    /// True when a crash signal was sent rather than raised by a fault: a fault has a positive
    /// `si_code`; `abort()` (SIGABRT raised by this very process) re-raises it by itself.
    static func isSent(_ signal: Int32, _ info: siginfo_t) -> Bool {
        guard info.si_code <= 0 else { return false }
        return !(signal == SIGABRT && info._sifields._kill.si_pid == getpid())
    }

    /// The first pending quit signal, if any.
    static func pendingSignal() -> Int32? {
        guard readFD >= 0 else { return nil }
        var byte: UInt8 = 0
        return read(readFD, &byte, 1) == 1 ? Int32(byte) : nil
    }
}
