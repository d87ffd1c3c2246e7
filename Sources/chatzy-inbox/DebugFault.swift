#if DEBUG
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Debug builds only: with `CHATZY_DEBUG_FAULT=1` in the environment, SIGUSR2 makes the inbox
/// fault for real (a write through a bad pointer on a background thread). The end-to-end tests
/// use it to walk the whole crash path — the terminal restored, then the Swift runtime's crash
/// report — and to search what that report prints for secrets. A signal sent from outside
/// cannot do this: it is not a fault, so the inbox just dies of it.
enum DebugFault {
    nonisolated(unsafe) private static var source: (any DispatchSourceSignal)?

    static func armIfAsked(environment: [String: String]) {
        guard environment["CHATZY_DEBUG_FAULT"] == "1" else { return }
        signal(SIGUSR2, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGUSR2, queue: .global())
        source.setEventHandler { UnsafeMutablePointer<Int>(bitPattern: 0x10)!.pointee = 1 }
        source.resume()
        Self.source = source
    }
}
#endif
