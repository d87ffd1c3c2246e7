import ChatzyAPI
import Foundation
import InboxCore
import InboxRender
import Testing

/// The first layer of render guarantees: what strangers send never reaches the terminal as
/// control bytes, and every painted line is exactly as wide as the screen.
@Suite struct FoundationRenderTests {
    init() { TextWidth.useUTF8Locale() }

    @Test func sanitizerRemovesEscapeSequencesAndControls() {
        let hostile = "Eve\u{1B}[2J\u{1B}]0;pwned\u{07}\u{9B}31m\tBob\u{7F}\u{202E}x"
        let clean = Sanitizer.clean(hostile)
        #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
        #expect(!clean.contains("\u{202E}"))
        #expect(clean.hasPrefix("Eve") && clean.contains("Bob") && clean.hasSuffix("x"))
        #expect(!clean.contains("pwned"), "an OSC title string is dropped with its sequence")
    }

    @Test func widthCountsWideAndCombiningCharacters() {
        #expect(TextWidth.width(of: "abc") == 3)
        #expect(TextWidth.width(of: "刘浩然") == 6)
        #expect(TextWidth.width(of: "e\u{301}") == 1)
        for columns in 0...8 {
            #expect(TextWidth.width(of: TextWidth.truncate("刘浩然 Ségolène", to: columns)) <= columns)
            #expect(TextWidth.width(of: TextWidth.fit("刘浩然", to: columns)) == columns)
        }
    }

    @Test func screenAt80x24HasEveryRowExactlyScreenWide() {
        var state = InboxState()
        let effects = reduce(&state, .resize(rows: 24, cols: 80)) + reduce(&state, .start)
        guard case .fetch(let request)? = effects.first(where: { if case .fetch = $0 { true } else { false } }) else {
            Issue.record("a new inbox must fetch the first page, got \(effects)")
            return
        }
        let people = (0..<60).map { n in
            Contact(id: "c\(n)", name: n == 1 ? "刘浩然\u{1B}[31m" : "Person \(n)", phoneNumber: "+1555000\(n)",
                    conversationStatus: n % 3 == 0 ? "live" : "open", unreadCount: .count(n % 4),
                    latestMessageTime: Date(timeIntervalSince1970: 1_700_000_000), channels: ["whatsapp"])
        }
        _ = reduce(&state, .pageLoaded(request, ContactPage(contacts: Array(people.prefix(request.limit)))))
        let screen = InboxRenderer.render(state, now: Date(timeIntervalSince1970: 1_700_000_100))
        #expect(screen.lines.count == 24)
        for (row, line) in screen.text.enumerated() {
            #expect(TextWidth.width(of: line) == 80, "row \(row) is \(TextWidth.width(of: line)) wide: \(line)")
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 }, "row \(row) carries a control character")
        }
        #expect(screen.text[2].contains("Person 0"))
        #expect(screen.lines[2].spans.allSatisfy { $0.style == .selected }, "the selected row is highlighted across its width")
        #expect(!screen.lines[3].spans.contains { $0.style == .selected })
    }
}
