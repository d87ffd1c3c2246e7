import Foundation
import Testing

/// The conversation view in the real binary (tmux, 80x24) against the embedded demo server:
/// Enter opens the selected contact at the newest message, scrolling up pages older
/// messages in, and Esc / q come back to the list as it was.
@Suite(.serialized, .ownThreads)
struct ConversationViewTests {
    /// The status line's message count: "37 messages" gives (37, false), "50+ messages" (50, true).
    static func messageCount(_ screen: [String]) -> (count: Int, more: Bool)? {
        guard let status = screen.last(where: { !$0.isEmpty }),
              let match = status.firstMatch(of: /^ (\d+)(\+?) messages?/) else { return nil }
        return (Int(match.1)!, !match.2.isEmpty)
    }

    static func isConversation(_ screen: [String]) -> Bool {
        screen.first?.contains("Esc back") == true && messageCount(screen) != nil
    }

    @Test func openScrollPageOlderAndCloseBackToTheSameList() async throws {
        let tmux = try TmuxHarness(command: "\(BuiltBinary.path) --demo")
        defer { tmux.close() }
        try await tmux.waitFor("the first page of contacts", DemoInboxTests.isInboxWithContacts)

        // Find a contact with more than one page (50) of messages, opening them in turn.
        var opened: [String] = []
        var selectedRow = 2
        for attempt in 0..<12 {
            let list = try await tmux.waitFor("the selection on row \(selectedRow)", escapes: true) {
                DemoInboxTests.selectedRow($0) == selectedRow
            }
            #expect(list.count >= 24)
            try tmux.send("Enter")
            opened = try await tmux.waitFor("the conversation of contact \(attempt)") { screen in
                Self.isConversation(screen) && screen.last { !$0.isEmpty }?.contains("newest") == true
            }
            if Self.messageCount(opened)?.more == true { break }
            try tmux.send(attempt % 2 == 0 ? "Escape" : "q")
            try await tmux.waitFor("the list again") { DemoInboxTests.isInboxWithContacts($0) }
            try tmux.send("j")
            selectedRow += 1
        }
        let first = try #require(Self.messageCount(opened))
        try #require(first.more, "one of the first contacts has more than 50 messages")
        #expect(first.count == 50)
        #expect(opened[2].hasPrefix("──"), "the rule under the header")
        let newest = opened[22]

        // One line up: the last row shows what was one row above it.
        try tmux.send("k")
        let scrolled = try await tmux.waitFor("one line of scrolling") { $0.count > 22 && $0[22] == opened[21] }
        #expect(!(scrolled.last { !$0.isEmpty } ?? "").contains("newest"))

        // g goes to the top of what is loaded, which loads the next older page.
        try tmux.send("g")
        let older = try await tmux.waitFor("an older page") { screen in
            guard let count = Self.messageCount(screen) else { return false }
            return count.count > 50
        }
        #expect(Self.messageCount(older)!.count <= 100)

        // G comes back to the newest message.
        try tmux.send("G")
        try await tmux.waitFor("the newest message again") { $0.count > 22 && $0[22] == newest }

        // Esc: the list, with the same contact selected and the same tab.
        try tmux.send("Escape")
        let list = try await tmux.waitFor("the list with the same selection", escapes: true) {
            DemoInboxTests.selectedRow($0) == selectedRow
        }
        #expect(list[0].contains("All"))
        let plain = try tmux.capture()
        #expect(DemoInboxTests.isInboxWithContacts(plain))
        #expect(plain.last { !$0.isEmpty }?.contains("\(selectedRow - 1)/50+") == true)

        try tmux.send("q")
        let after = try await tmux.waitFor("the process to exit") { $0.contains { $0.contains("EXIT=") } }
        #expect(after.contains { $0.contains("EXIT=0") })
    }
}
