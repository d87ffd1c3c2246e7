import ChatzyAPI
import Foundation
import InboxCore
@testable import InboxRender
import Testing

/// The screen as a person sees it, for every tab, a search with highlights, an error, the
/// help overlay and the spinner, at 80x24, 120x40 and 40x8.
@Suite struct GoldenTests {
    init() { TextWidth.useUTF8Locale() }

    static let sizes = [(cols: 80, rows: 24), (cols: 120, rows: 40), (cols: 40, rows: 8)]
    static let cases = ["all", "unread", "live", "search", "error", "help", "loading"]

    static func state(_ name: String, rows: Int, cols: Int) -> InboxState {
        switch name {
        case "unread": return RenderFixtures.unreadTab(rows: rows, cols: cols)
        case "live": return RenderFixtures.liveTab(rows: rows, cols: cols)
        case "search": return RenderFixtures.search(rows: rows, cols: cols)
        case "error": return RenderFixtures.error(rows: rows, cols: cols)
        case "help": return RenderFixtures.help(rows: rows, cols: cols)
        case "loading": return RenderFixtures.loading(rows: rows, cols: cols)
        default: return RenderFixtures.allTab(rows: rows, cols: cols)
        }
    }

    @Test(arguments: 0..<3)
    func goldens(size index: Int) {
        let size = Self.sizes[index]
        for name in Self.cases {
            let state = Self.state(name, rows: size.rows, cols: size.cols)
            let spinner = name == "loading" ? 3 : nil
            let screen = InboxRenderer.render(state, options: RenderOptions(now: RenderFixtures.now, spinnerFrame: spinner))
            #expect(screen.lines.count == size.rows)
            for line in screen.lines { #expect(TextWidth.width(of: line.text) == size.cols) }
            GoldenFile.check(screen, named: "\(name)-\(size.cols)x\(size.rows)")
        }
    }

    @Test func asciiGlyphsReplaceEverySymbol() {
        let state = RenderFixtures.liveTab(rows: 24, cols: 80)
        let screen = InboxRenderer.render(state, options: RenderOptions(now: RenderFixtures.now, glyphs: .ascii, spinnerFrame: 1))
        GoldenFile.check(screen, named: "live-ascii-80x24")
        let symbols = ["…", "●", "—", "│"] + Glyphs.unicode.spinner
        for line in screen.text {
            for symbol in symbols { #expect(!line.contains(symbol), "\(symbol) in \(line)") }
        }
    }
}
