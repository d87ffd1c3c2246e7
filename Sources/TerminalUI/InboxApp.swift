#if canImport(Glibc)
import Glibc
#endif
import Foundation
import InboxCore
import InboxRender
import InboxRuntime

/// The UI thread's loop: waits on stdin, the worker's mailbox and the signal pipe together,
/// reduces everything that arrived, then renders and presents one frame.
public final class InboxApp {
    /// How the inbox ended.
    public enum Exit: Equatable, Sendable {
        case quit
        case signal(Int32)

        /// The process exit status: 0 on quit, 128 + the signal otherwise.
        public var status: Int32 {
            switch self {
            case .quit: return 0
            case .signal(let sig): return 128 + sig
            }
        }
    }

    private let store: Store
    private let mailbox: Mailbox
    private let useColor: Bool

    public init(store: Store, mailbox: Mailbox, useColor: Bool) {
        self.store = store
        self.mailbox = mailbox
        self.useColor = useColor
    }

    /// Runs until the user quits or a quit signal arrives; the terminal is restored on return.
    public func run() -> Exit {
        let session = TerminalSession()
        session.start()
        defer { session.stop() }
        let presenter = Presenter(palette: Palette(useColor: useColor))
        store.send([.resize(rows: session.rows, cols: session.cols), .start])
        presenter.present(InboxRenderer.render(store.state, now: Date()))
        var fds = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: mailbox.wakeFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: SignalPipe.readFD, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            for i in fds.indices { fds[i].revents = 0 }
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0 && errno != EINTR { break }
            if let sig = SignalPipe.pendingSignal() { return .signal(sig) }
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 && fds[0].revents & Int16(POLLIN) == 0 {
                return .signal(SIGHUP)
            }
            var actions: [Action] = []
            var resized = false
            for event in KeyDecoder.drain() {
                switch event {
                case .key(let key): actions.append(.key(key))
                case .resize: resized = true
                }
            }
            if resized {
                actions.append(.resize(rows: session.rows, cols: session.cols))
                presenter.invalidate()
            }
            actions += mailbox.drain()
            guard !actions.isEmpty else { continue }
            store.send(actions)
            if store.wantsQuit { return .quit }
            presenter.present(InboxRenderer.render(store.state, now: Date()))
        }
        return .quit
    }
}
