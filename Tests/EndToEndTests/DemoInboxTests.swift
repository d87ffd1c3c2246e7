import Foundation
import Testing

/// The real binary in a real terminal (tmux, 80x24) against its embedded demo server.
@Suite(.serialized, .ownThreads)
struct DemoInboxTests {
    /// The list row drawn in reverse video (SGR 7), found in an escaped capture of a 24-row
    /// screen: the tab bar (row 0) and the status line (row 23) are reverse too, so only the
    /// list rows 2...22 are looked at.
    static func selectedRow(_ escaped: [String]) -> Int? {
        (2..<min(23, escaped.count)).first { row in
            escaped[row].contains("\u{1B}[7m") || escaped[row].contains(";7m")
        }
    }

    static func isInboxWithContacts(_ screen: [String]) -> Bool {
        screen.count >= 24 && screen[0].contains("All") && screen[0].contains("Unread")
            && screen[0].contains("Live") && screen.contains { $0.contains("/50+") }
    }

    @Test func demoShowsContactsMovesSelectionAndQuitsCleanly() async throws {
        let tmux = try TmuxHarness(command: "\(BuiltBinary.path) --demo")
        defer { tmux.close() }
        let first = try await tmux.waitFor("the first page of contacts", Self.isInboxWithContacts)
        #expect(first[1].contains("/"))
        #expect(first[2].trimmingCharacters(in: .whitespaces).count > 5, "a contact row is painted")

        let before = try await tmux.waitFor("a selected row", escapes: true) { Self.selectedRow($0) != nil }
        let startRow = try #require(Self.selectedRow(before))
        #expect(startRow == 2, "the first contact is selected at start")

        try tmux.send("j")
        let moved = try await tmux.waitFor("the selection to move down", escapes: true) { Self.selectedRow($0) == startRow + 1 }
        #expect(Self.selectedRow(moved) == 3)
        let status = try tmux.capture().last { !$0.isEmpty } ?? ""
        #expect(status.contains("2/50+"))

        try tmux.send("Down", "Down", "k")
        try await tmux.waitFor("arrow keys to move", escapes: true) { Self.selectedRow($0) == 4 }

        try tmux.send("q")
        let after = try await tmux.waitFor("the process to exit") { screen in screen.contains { $0.contains("EXIT=") } }
        #expect(after.contains { $0.contains("EXIT=0") })
        #expect(!after.contains { $0.contains("Unread") }, "the inbox screen is gone: the terminal was restored")
    }

    @Test func withoutCredentialsItSaysWhatToSet() async throws {
        var env = ProcessInfo.processInfo.environment
        for key in ["CHATZY_EMAIL", "CHATZY_TOKEN", "CHATZY_API_URL"] { env[key] = nil }
        env["SWIFT_BACKTRACE"] = "interactive=no"
        env["XDG_CONFIG_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("chz-none").path
        let result = try spawnAndWait(BuiltBinary.path, [], environment: env)
        let text = result.stderr
        #expect(result.status == 2)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 1, "one clear line, got: \(text)")
        #expect(text.contains("CHATZY_EMAIL") && text.contains("CHATZY_TOKEN") && text.contains("--demo"))
    }
}
