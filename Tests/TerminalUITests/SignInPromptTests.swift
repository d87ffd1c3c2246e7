import Foundation
import InboxCore
import InboxRender
@testable import TerminalUI
import Testing

/// The password prompt over the list: key routing, what it draws (never the password),
/// Esc to "signed out", and the answer of a sign-in coming back as `.sessionRenewed`.
@Suite struct SignInPromptTests {
    static func screen(rows: Int = 24, cols: Int = 80) -> Screen {
        Screen(rows: rows, cols: cols, lines: (0..<rows).map { _ in ScreenLine([Span(String(repeating: "x", count: cols))]) })
    }

    static func waitForResult(_ prompt: SignInPrompt) async throws -> [Action] {
        for _ in 0..<200 {
            var fds = [pollfd(fd: prompt.wakeFD, events: Int16(POLLIN), revents: 0)]
            if poll(&fds, 1, 10) > 0 { return prompt.takeResult() }
            try await Task.sleep(for: .milliseconds(5))
        }
        Issue.record("the sign-in never finished")
        return []
    }

    @Test func opensOnExpiryTakesKeysAndNeverDrawsThePassword() {
        let prompt = SignInPrompt(account: "me@x.test") { _ in nil }
        #expect(!prompt.handle(.char("j"), inListMode: true), "closed: keys go to the inbox")
        prompt.update(sessionExpired: true)
        #expect(prompt.phase == .asking)
        for c in "hunter2" { #expect(prompt.handle(.char(c), inListMode: true)) }
        #expect(prompt.handle(.backspace, inListMode: true))
        #expect(prompt.typedCount == 6)
        #expect(!prompt.handle(.ctrl("c"), inListMode: true), "Ctrl-C still quits")
        let drawn = prompt.decorate(Self.screen())
        let text = drawn.text.joined(separator: "\n")
        #expect(text.contains("Session expired — sign in again"))
        #expect(text.contains("me@x.test"))
        #expect(!text.contains("hunter"))
        #expect(drawn.text.last == Self.screen().text.last, "the status line is left alone while asking")
        #expect(drawn.cursor != nil)
    }

    @Test func escapeLeavesItAndTheStatusLineSaysSignedOutUntilSReopensIt() {
        let prompt = SignInPrompt(account: "me@x.test") { _ in nil }
        prompt.update(sessionExpired: true)
        _ = prompt.handle(.char("a"), inListMode: true)
        #expect(prompt.handle(.escape, inListMode: true))
        #expect(prompt.phase == .dismissed)
        #expect(prompt.typedCount == 0, "the typed characters are forgotten")
        let drawn = prompt.decorate(Self.screen())
        #expect(drawn.text.last?.hasPrefix(" signed out") == true)
        #expect(drawn.text.dropLast() == Self.screen().text.dropLast(), "only the status line changes")
        prompt.update(sessionExpired: true)
        #expect(prompt.phase == .dismissed, "a later 401 does not reopen it by itself")
        #expect(!prompt.handle(.char("j"), inListMode: true), "the list still moves while signed out")
        #expect(!prompt.handle(.char("s"), inListMode: false), "s is typed text in the search line")
        #expect(prompt.handle(.char("s"), inListMode: true))
        #expect(prompt.phase == .asking)
    }

    @Test func enterWithoutAPasswordAsksForOne() {
        let prompt = SignInPrompt(account: "me@x.test") { _ in nil }
        prompt.update(sessionExpired: true)
        #expect(prompt.handle(.enter, inListMode: true))
        #expect(prompt.phase == .asking)
        #expect(prompt.message != nil)
    }

    @Test func aWrongPasswordAsksAgainWithTheReasonAndARightOneRenews() async throws {
        let prompt = SignInPrompt(account: "me@x.test") { password in
            password == "right" ? nil : "Wrong email or password (401)"
        }
        prompt.update(sessionExpired: true)
        for c in "wrong" { _ = prompt.handle(.char(c), inListMode: true) }
        _ = prompt.handle(.enter, inListMode: true)
        #expect(prompt.phase == .signingIn || prompt.phase == .asking)
        #expect(prompt.handle(.char("z"), inListMode: true), "keys are swallowed while signing in")
        #expect(try await Self.waitForResult(prompt) == [])
        #expect(prompt.phase == .asking)
        #expect(prompt.message == "Wrong email or password (401)")
        #expect(prompt.decorate(Self.screen()).text.joined().contains("Wrong email or password (401)"))
        for c in "right" { _ = prompt.handle(.char(c), inListMode: true) }
        _ = prompt.handle(.enter, inListMode: true)
        #expect(try await Self.waitForResult(prompt) == [.sessionRenewed])
        prompt.update(sessionExpired: false)
        #expect(prompt.phase == .closed)
        #expect(prompt.decorate(Self.screen()) == Self.screen())
    }
}
