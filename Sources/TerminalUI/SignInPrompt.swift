#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import InboxCore
import InboxRender
import Synchronization

/// The password prompt that opens over the list when the session expires (a call answered
/// 401): typing is not shown, Enter signs in again off the UI thread, Esc leaves it and the
/// status line says "signed out" (`s` opens it again). Success hands `.sessionRenewed` to the
/// store, which fetches again what the expiry stopped — rows, tab, query and selection stay.
///
/// It keeps its own state outside `InboxState` so that the password never enters the
/// view-model (whose actions and states are compared, logged and printed in tests).
public final class SignInPrompt {
    /// Signs in with the password; returns nil on success or the line to show on failure.
    public typealias SignIn = @Sendable (_ password: String) async -> String?

    /// Where the prompt is.
    public enum Phase: Equatable, Sendable {
        /// The session is valid: nothing shown.
        case closed
        /// Waiting for the password.
        case asking
        /// The password was sent; waiting for the answer.
        case signingIn
        /// The user pressed Esc: the status line says "signed out".
        case dismissed
    }

    public private(set) var phase: Phase = .closed
    /// The last failure ("Wrong email or password (401)"), shown in the prompt.
    public private(set) var message: String?
    /// Whom the prompt signs in (shown in it).
    public let account: String
    private var password: [Character] = []
    private let signIn: SignIn
    private let completion = Completion()

    public init(account: String, signIn: @escaping SignIn) {
        self.account = account
        self.signIn = signIn
    }

    /// The descriptor the run loop polls: readable when a sign-in has finished.
    public var wakeFD: Int32 { completion.readFD }

    /// How many characters have been typed (for tests; the characters are never shown).
    public var typedCount: Int { password.count }

    /// Follows the state: opens when the session expires, closes when it is renewed.
    public func update(sessionExpired: Bool) {
        if sessionExpired {
            if phase == .closed {
                phase = .asking
                message = nil
            }
        } else if phase != .closed {
            phase = .closed
            password.removeAll()
            message = nil
        }
    }

    /// Takes a key while the prompt is open (or `s` while signed out in the list);
    /// returns false for keys the inbox should handle. Ctrl-C always goes to the inbox.
    public func handle(_ key: Key, inListMode: Bool) -> Bool {
        if key == .ctrl("c") { return false }
        switch phase {
        case .closed:
            return false
        case .dismissed:
            guard inListMode, key == .char("s") || key == .char("r") else { return false }
            phase = .asking
            message = nil
            return true
        case .signingIn:
            return true
        case .asking:
            switch key {
            case .char(let c): password.append(c)
            case .backspace: _ = password.popLast()
            case .ctrl("u"): password.removeAll()
            case .escape:
                password.removeAll()
                phase = .dismissed
            case .enter:
                guard !password.isEmpty else { message = "Type the password, or Esc to stay signed out"; return true }
                let typed = String(password)
                password.removeAll()
                phase = .signingIn
                message = nil
                let signIn = self.signIn, completion = self.completion
                Task.detached { completion.finish(await signIn(typed)) }
            default: break
            }
            return true
        }
    }

    /// After a sign-in finished: `[.sessionRenewed]` on success (the prompt closes once the
    /// state follows), nothing on failure (the prompt asks again with the message).
    public func takeResult() -> [Action] {
        guard let outcome = completion.take() else { return [] }
        if let failure = outcome {
            phase = .asking
            message = failure
            return []
        }
        return [.sessionRenewed]
    }

    /// Draws the prompt over `screen`, or "signed out" over its status line.
    public func decorate(_ screen: Screen) -> Screen {
        var screen = screen
        let width = screen.cols
        guard screen.lines.count >= 3, width >= 20 else { return screen }
        switch phase {
        case .closed:
            return screen
        case .dismissed:
            let text = " signed out — s signs in again, q quits"
            screen.lines[screen.lines.count - 1] = ScreenLine([Span(TextWidth.fit(text, to: width), .error)])
            return screen
        case .asking, .signingIn:
            // The box sits over the list: shifting the rows under it would only move it away.
            screen.scrollRegion = nil
            let boxWidth = min(width - 2, 56)
            let left = (width - boxWidth) / 2
            let hint = phase == .signingIn ? "signing in…" : (message ?? "Enter signs in · Esc stays signed out")
            let field = "Password: "
            let body: [(String, Style)] = [
                ("Session expired — sign in again", .tabActive),
                ("Account: \(Sanitizer.clean(account))", .statusBar),
                (field, .statusBar),
                (hint, message != nil && phase == .asking ? .error : .statusBar),
            ]
            let top = max(1, min(3, screen.lines.count - body.count - 1))
            for (i, (text, style)) in body.enumerated() where top + i < screen.lines.count - 1 {
                var spans = [Span(TextWidth.spaces(left))]
                spans.append(Span(" " + TextWidth.fit(text, to: boxWidth - 2) + " ", style))
                let rest = width - left - boxWidth
                if rest > 0 { spans.append(Span(TextWidth.spaces(rest))) }
                screen.lines[top + i] = ScreenLine(spans)
            }
            screen.cursor = phase == .asking ? (top + 2, left + 1 + field.count) : nil
            return screen
        }
    }

    /// The answer of a sign-in running off the UI thread, and a pipe that wakes the loop.
    private final class Completion: Sendable {
        private let outcome = Mutex<String??>(nil)
        let readFD: Int32
        private let writeFD: Int32

        init() {
            var fds: [Int32] = [-1, -1]
            if pipe(&fds) == 0 {
                for fd in fds {
                    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                    _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                }
            }
            readFD = fds[0]
            writeFD = fds[1]
        }

        deinit {
            close(readFD)
            close(writeFD)
        }

        func finish(_ failure: String?) {
            outcome.withLock { $0 = .some(failure) }
            var byte: UInt8 = 1
            _ = write(writeFD, &byte, 1)
        }

        func take() -> String?? {
            var buffer = [UInt8](repeating: 0, count: 16)
            while read(readFD, &buffer, buffer.count) > 0 {}
            return outcome.withLock { value in
                defer { value = nil }
                return value
            }
        }
    }
}
