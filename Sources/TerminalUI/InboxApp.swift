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

    /// How long a resize burst may keep going before the one repaint at its final size.
    static let resizeSettleMilliseconds: Int32 = 30
    /// Ages ("5m") are re-rendered at least this often.
    static let idleRefreshMilliseconds: Int32 = 15_000

    private let store: Store
    private let mailbox: Mailbox
    private let useColor: Bool
    private var spinner = SpinnerClock()
    private let rowCache = RowCache()
    private let signInPrompt: SignInPrompt?

    /// `signInPrompt`, when given, opens over the list when the session expires.
    public init(store: Store, mailbox: Mailbox, useColor: Bool, signInPrompt: SignInPrompt? = nil) {
        self.store = store
        self.mailbox = mailbox
        self.useColor = useColor
        self.signInPrompt = signInPrompt
    }

    /// Runs until the user quits or a quit signal arrives; the terminal is restored on return.
    public func run() -> Exit {
        // Curses is used only inside the gate; the loop leaves it while it waits in poll().
        let gate = CursesGate.shared
        gate.enter()
        let session = TerminalSession()
        session.start()
        defer {
            session.stop()
            gate.leave()
        }
        let glyphs: Glyphs = session.unicode ? .unicode : .ascii
        let presenter = Presenter(palette: Palette(useColor: useColor))
        store.send([.resize(rows: session.rows, cols: session.cols), .start])
        present(presenter, glyphs)
        var fds = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: mailbox.wakeFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: SignalPipe.readFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: signInPrompt?.wakeFD ?? -1, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            for i in fds.indices { fds[i].revents = 0 }
            let timeout = spinner.millisecondsToNextTick() ?? Self.idleRefreshMilliseconds
            gate.leave()
            let ready = poll(&fds, nfds_t(fds.count), timeout)
            let pollError = errno
            gate.enter()
            if ready < 0 && pollError != EINTR { break }
            // Each source is read only when poll() says it may have something (or a signal cut
            // the wait short, which is also how curses learns of a resize): a system call
            // costs microseconds after the loop slept, and a key frame should not pay for two
            // sources that had nothing.
            let interrupted = ready < 0
            var resumed = false
            if interrupted || fds[2].revents != 0 {
                // A quit wins over a suspend, and several Ctrl-Zs suspend once.
                let signals = SignalPipe.pendingSignals()
                if let quit = SignalPipe.quit(in: signals) { return .signal(quit) }
                if signals.contains(SIGTSTP), session.suspend() {
                    // `kill %1` on the stopped inbox sends SIGTERM, then SIGCONT.
                    if let quit = SignalPipe.quit(in: SignalPipe.pendingSignals()) { return .signal(quit) }
                    session.resume()
                    presenter.invalidate()
                    resumed = true
                }
            }
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 && fds[0].revents & Int16(POLLIN) == 0 {
                return .signal(SIGHUP)
            }
            var actions: [Action] = []
            var events = interrupted || resumed || ready == 0 || fds[0].revents != 0 ? KeyDecoder.drain() : []
            if events.contains(.resize) { events += settleResizes() }
            var resized = false
            var promptChanged = false
            for event in events {
                switch event {
                case .key(.ctrl("l")):
                    presenter.invalidate()
                case .key(let key):
                    if signInPrompt?.handle(key, inListMode: store.state.mode == .list) == true {
                        promptChanged = true
                    } else {
                        actions.append(.key(key))
                    }
                case .resize: resized = true
                }
            }
            if resized {
                actions.append(.resize(rows: session.rows, cols: session.cols))
                presenter.invalidate()
            }
            if fds[1].revents != 0 { actions += mailbox.drain() }
            if let prompt = signInPrompt, fds[3].revents != 0 {
                actions += prompt.takeResult()
                promptChanged = true
            }
            if !actions.isEmpty {
                store.send(actions)
                if store.wantsQuit { return .quit }
            }
            if !actions.isEmpty || promptChanged { signInPrompt?.update(sessionExpired: store.state.sessionExpired) }
            present(presenter, glyphs)
        }
        return .quit
    }

    /// Renders the state and presents it, with the spinner when the user has waited long enough.
    private func present(_ presenter: Presenter, _ glyphs: Glyphs) {
        // Read once: each `store.state` passed on is a copy of the whole state (a retain and
        // a release of everything it holds, cold after the loop slept).
        let state = store.state
        let frame = spinner.frame(waiting: InboxRenderer.isWaiting(state))
        let options = RenderOptions(now: Date(), glyphs: glyphs, spinnerFrame: frame)
        let screen = InboxRenderer.render(state, options: options, rowCache: rowCache)
        presenter.present(signInPrompt?.decorate(screen) ?? screen)
        // The frame is out: the rows a one-row scroll would bring in are laid out now, not
        // while the user waits for the frame that scrolls.
        InboxRenderer.prepareNeighbours(state, options: options, rowCache: rowCache)
    }

    /// Keeps reading while a burst of resizes (a window being dragged) goes on, so that only
    /// the final size is painted.
    private func settleResizes() -> [KeyDecoder.Event] {
        var more: [KeyDecoder.Event] = []
        for _ in 0..<50 {
            var fd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            // Out of the gate while waiting, as in the main wait: a crash meanwhile must not
            // wait out the burst, and the drain below must not follow its restore.
            CursesGate.shared.leave()
            let ready = poll(&fd, 1, Self.resizeSettleMilliseconds)
            CursesGate.shared.enter()
            let events = KeyDecoder.drain()
            more += events
            if ready == 0 && events.isEmpty { break }
        }
        return more
    }
}

/// When the spinner shows and which frame it is on: nothing for the first 200 ms of a wait
/// (a quick answer never flickers), then a frame every 100 ms.
struct SpinnerClock {
    static let delayMilliseconds: UInt64 = 200
    static let frameMilliseconds: UInt64 = 100

    private var waitingSince: UInt64?
    private let now: () -> UInt64

    /// `now` is a monotonic clock in milliseconds (by default `CLOCK_MONOTONIC`).
    init(now: @escaping () -> UInt64 = SpinnerClock.monotonicMilliseconds) {
        self.now = now
    }

    /// Records whether the user is waiting; returns the frame to draw, or nil for none yet.
    mutating func frame(waiting: Bool) -> Int? {
        guard waiting else { waitingSince = nil; return nil }
        let t = now()
        let since = waitingSince ?? t
        waitingSince = since
        let elapsed = t - since
        guard elapsed >= Self.delayMilliseconds else { return nil }
        return Int((elapsed - Self.delayMilliseconds) / Self.frameMilliseconds)
    }

    /// How long the loop may sleep before the spinner needs a new frame; nil when not waiting.
    func millisecondsToNextTick() -> Int32? {
        guard let since = waitingSince else { return nil }
        let elapsed = now() - since
        if elapsed < Self.delayMilliseconds { return Int32(Self.delayMilliseconds - elapsed) }
        return Int32(Self.frameMilliseconds - (elapsed - Self.delayMilliseconds) % Self.frameMilliseconds)
    }

    static func monotonicMilliseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1000 + UInt64(ts.tv_nsec) / 1_000_000
    }
}
