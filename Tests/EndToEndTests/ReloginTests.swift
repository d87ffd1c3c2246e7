import DemoServer
import Foundation
import Testing

/// The session expires while the inbox is open (the demo server's token TTL is twelve
/// seconds): the password prompt opens over the list, a wrong password says so, the right
/// one signs in again and the inbox carries on with the same tab, search, rows and selection;
/// Esc leaves the prompt and the status line says "signed out".
@Suite(.serialized, .ownThreads)
struct ReloginTests {
    static func selectedRow(_ escaped: [String]) -> Int? { DemoInboxTests.selectedRow(escaped) }

    @Test func anExpiredSessionAsksForThePasswordAndKeepsEverything() async throws {
        let server = try DemoServerProcess(["--contacts", "500", "--token-ttl", "12"])
        defer { server.stop() }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("chz-relogin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let logPath = home.appendingPathComponent("inbox.log").path
        let token = server.token
        let tmux = try TmuxHarness(
            command: "\(BuiltBinary.path) --filter unread --search a --refresh-interval 1 --log-file \(logPath) --log-level debug",
            environment: ["CHATZY_API_URL": server.url, "CHATZY_EMAIL": server.email, "CHATZY_TOKEN": token, "XDG_CONFIG_HOME": home.path + "/config", "XDG_STATE_HOME": home.path + "/state"])
        defer { tmux.close() }

        let first = try await tmux.waitFor("the unread tab searched for \"a\"") { screen in
            let status = screen.last { !$0.isEmpty } ?? ""
            return screen.count >= 24 && status.contains("1/50+") && status.contains("Unread") && status.contains(" /a")
        }
        try tmux.send("j", "j", "j")
        let moved = try await tmux.waitFor("the selection on the fourth row", escapes: true) { Self.selectedRow($0) == 5 }
        let rowsBefore = Array(try tmux.capture()[2...12])
        #expect(moved.count >= 24 && first[0].contains("Unread"))

        try await tmux.waitFor("the password prompt", timeout: 25) { $0.contains { $0.contains("Session expired — sign in again") } }
        try tmux.send("not-the-password", literal: true)
        try tmux.send("Enter")
        let refused = try await tmux.waitFor("the refusal") { $0.contains { $0.contains("Wrong email or password (401)") } }
        #expect(!refused.joined().contains("not-the-password"), "typing is never shown")

        try tmux.send(DemoServerOptions.demoPassword, literal: true)
        try tmux.send("Enter")
        let back = try await tmux.waitFor("the inbox after signing in again") { screen in
            !screen.contains { $0.contains("Session expired") } && !screen.contains { $0.contains("401") }
        }
        #expect(back.last { !$0.isEmpty }?.contains("4/") == true, "the selection is still the fourth contact: \(back.last { !$0.isEmpty } ?? "")")
        #expect(back.last { !$0.isEmpty }?.contains("Unread") == true, "the tab is kept")
        #expect(back[1].contains("a"), "the search is kept")
        #expect(Self.selectedRow(try tmux.capture(escapes: true)) == 5)
        #expect(Array(back[2...12]).map { $0.prefix(30) } == rowsBefore.map { $0.prefix(30) }, "the rows are kept")

        // The new token lives 12 s too: this time Esc leaves the prompt.
        try await tmux.waitFor("the prompt again", timeout: 25) { $0.contains { $0.contains("Session expired — sign in again") } }
        try tmux.send("Escape")
        let signedOut = try await tmux.waitFor("signed out in the status line") { $0.last { !$0.isEmpty }?.contains("signed out") == true }
        #expect(!signedOut.contains { $0.contains("Session expired — sign in again") })
        try tmux.send("q")
        let after = try await tmux.waitFor("the process to exit") { $0.contains { $0.contains("EXIT=") } }
        #expect(after.contains { $0.contains("EXIT=0") })

        let log = try String(contentsOfFile: logPath, encoding: .utf8)
        #expect(log.contains("answered 401") && log.contains("signed in as \(DemoServerOptions.demoEmail)"))
        #expect(!log.contains(token) && !log.contains(DemoServerOptions.demoPassword) && !log.contains("not-the-password"))
        #expect(!log.contains("demo."), "no token of the demo server's shape reaches the log")
    }
}
