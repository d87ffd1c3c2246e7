@testable import TerminalUI
import Testing

/// The scroll sequences sent to the terminal are terminfo strings without their delays.
@Suite struct TerminalScrollTests {
    func stripped(_ text: String) -> String {
        String(decoding: TerminalScroll.withoutPadding(Array(text.utf8)), as: UTF8.self)
    }

    @Test func delaysAreDropped() {
        #expect(stripped("\u{1b}M$<5>") == "\u{1b}M")               // vt100's reverse index
        #expect(stripped("$<2*/>\u{1b}[1;24r$<1.5>") == "\u{1b}[1;24r")
    }

    @Test func everythingElseIsKept() {
        #expect(stripped("\u{1b}7\u{1b}[3;23r\u{1b}[23;1H\n\u{1b}[1;24r\u{1b}8") == "\u{1b}7\u{1b}[3;23r\u{1b}[23;1H\n\u{1b}[1;24r\u{1b}8")
        #expect(stripped("cost $5") == "cost $5")
        #expect(stripped("$<abc>") == "$<abc>")
        #expect(stripped("$<5") == "$<5")
        #expect(stripped("") == "")
    }
}
