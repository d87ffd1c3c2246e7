import ChatzyAPI
import Foundation
import InboxCore
@testable import InboxRender
import Testing

/// Text from strangers: whatever a name, an agent or a status holds, what reaches the
/// terminal is printable, exactly as wide as the layout says, and never splits a character.
@Suite struct HostileTextTests {
    init() { TextWidth.useUTF8Locale() }

    static let hostile = [
        "\u{1B}[31mRED ALERT\u{1B}[0m", "\u{1B}]0;pwned\u{07}Mallory", "\u{1B}]8;;https://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\",
        "\u{1B}[2J\u{1B}[HCleared", "Bell\u{07}Ringer", "Tab\tand\nnewline", "C1\u{9B}2Jcontrol\u{85}next",
        "Zalgo Z̷̢̛̛a̸̧͎l̶̰̈g̵̯̈́o̴̧̍", "RTL \u{202E}evil\u{202C} name", "zero\u{200B}width\u{200D}joiner\u{FEFF}",
        "e\u{301}\u{301}\u{301}\u{301}\u{301}\u{301} stacked", "Carriage\rreturn", "Back\u{08}\u{08}space", "Null\u{0}byte",
        String(repeating: "長", count: 300), String(repeating: "A", count: 300), "\u{1B}", "\u{1B}[", "\u{9D}unterminated OSC",
        "\u{378}unassigned\u{E0001}tag", "\u{301}leading mark", "👨‍👩‍👧‍👦 family", "🇯🇵🇺🇸 flags", "👍🏽 tone",
        "विक्रम गुप्ता", "أحمد الحسن 123", "\u{7F}DEL", "\u{FFFD}", "",
    ]

    static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || v == 0x7F || (0x80..<0xA0).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    @Test func sanitizedTextHasNoControlsAndNoOverrides() {
        for text in Self.hostile {
            let clean = Sanitizer.clean(text)
            #expect(!clean.unicodeScalars.contains(where: Self.isUnsafe), "\(clean.debugDescription)")
            #expect(!clean.unicodeScalars.contains { $0.value == 0x200E || $0.value == 0x200F })
            #expect(!clean.unicodeScalars.contains { TextWidth.isUnprintable($0) }, "\(clean.debugDescription)")
        }
    }

    @Test func sanitizerKeepsWhatIsReadableAndMarksWhatWasRemoved() {
        #expect(Sanitizer.clean("Ségolène") == "Ségolène")
        #expect(Sanitizer.clean("e\u{301}") == "e\u{301}", "combining marks are kept")
        #expect(Sanitizer.clean("👨‍👩‍👧") == "👨‍👩‍👧", "emoji sequences are kept")
        #expect(Sanitizer.clean("👍🏽 ok 🙏🏻") == "👍 ok 🙏", "skin tones go: joining terminals draw 👍🏽 two cells, not four")
        #expect(Sanitizer.clean("a\u{1B}[31mb") == "a\u{FFFD}b", "an escape sequence becomes one replacement")
        #expect(Sanitizer.clean("a\u{9B}31mb") == "a\u{FFFD}b", "so does a C1 CSI")
        #expect(Sanitizer.clean("a\u{1B}]0;title\u{07}b") == "a\u{FFFD}b", "an OSC string goes with its sequence")
        #expect(Sanitizer.clean("a\tb\nc") == "a b c")
        #expect(Sanitizer.clean("a\u{7F}b\u{0}c") == "a\u{FFFD}b\u{FFFD}c")
        #expect(Sanitizer.clean("x\u{378}y") == "x\u{FFFD}y", "an unassigned scalar is replaced")
        #expect(Sanitizer.clean("\u{202E}evil\u{202C}") == "evil")
    }

    @Test func everyHostileNameRendersAtEveryWidth() {
        for (n, text) in Self.hostile.enumerated() {
            let contact = Contact(id: "h\(n)", name: text, phoneNumber: text, email: text, conversationStatus: text,
                                  assignedTo: text, unreadCount: .unreadable(text), latestMessageTime: RenderFixtures.now,
                                  channels: [text, "whatsapp"])
            for width in 1...100 {
                for selected in [false, true] {
                    let line = ContactRow.line(for: contact, width: width, options: RenderOptions(now: RenderFixtures.now),
                                               selected: selected, search: "a")
                    #expect(TextWidth.width(of: line.text) == width, "\(text.debugDescription) at \(width): \(line.text)")
                    #expect(!line.text.unicodeScalars.contains(where: Self.isUnsafe), "\(text.debugDescription) at \(width)")
                }
            }
        }
    }

    @Test func hostileContactsInTheDetailPaneAndTheWholeScreen() {
        var state = InboxState()
        let request = RenderFixtures.fetch(reduce(&state, .resize(rows: 30, cols: 150)) + reduce(&state, .start))!
        let people = Self.hostile.enumerated().map { n, text in
            Contact(id: "h\(n)\u{1B}[2J", name: text, phoneNumber: text, email: text, conversationStatus: text,
                    assignedTo: text, unreadCount: .unreadable(text), latestMessageTime: nil, channels: [text])
        }
        _ = reduce(&state, .pageLoaded(request, ContactPage(contacts: people)))
        for row in 0..<people.count {
            let screen = InboxRenderer.render(state, now: RenderFixtures.now)
            for line in screen.text {
                #expect(TextWidth.width(of: line) == 150, "row \(row): \(line)")
                #expect(!line.unicodeScalars.contains(where: Self.isUnsafe))
            }
            _ = reduce(&state, .key(.char("j")))
        }
    }
}
