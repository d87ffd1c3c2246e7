import Testing
@testable import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// Which crash signals die at once (sent from outside: no fault will repeat) and which are
/// handed back to the runtime's crash reporter (a fault, or this process's own `abort()`).
@Suite struct CrashSignalTests {
    static func info(code: Int32, pid: pid_t) -> siginfo_t {
        var info = siginfo_t()
        info.si_code = code
        info._sifields._kill.si_pid = pid
        return info
    }

    @Test func signalsSentByAnyoneDieAtOnce() {
        for code in [SI_USER, SI_QUEUE, SI_TKILL].map({ Int32($0) }) {
            #expect(SignalPipe.isSent(SIGSEGV, Self.info(code: code, pid: 4242)), "si_code \(code)")
            #expect(SignalPipe.isSent(SIGSEGV, Self.info(code: code, pid: getpid())), "si_code \(code), raised here")
            #expect(SignalPipe.isSent(SIGABRT, Self.info(code: code, pid: 4242)), "SIGABRT from another process")
        }
    }

    @Test func faultsAndOurOwnAbortGoToTheCrashReporter() {
        #expect(!SignalPipe.isSent(SIGSEGV, Self.info(code: 1, pid: 0)), "SEGV_MAPERR")
        #expect(!SignalPipe.isSent(SIGILL, Self.info(code: 2, pid: 0)), "ILL_ILLOPN, as fatalError traps")
        #expect(!SignalPipe.isSent(SIGABRT, Self.info(code: Int32(SI_TKILL), pid: getpid())), "abort() re-raises by itself")
    }
}
