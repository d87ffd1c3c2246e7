import Foundation
import InboxCore
import InboxRender
import Testing

/// Golden screens of the conversation view, compared as text. `RECORD_GOLDENS=1 swift test
/// --filter ConversationGoldens` writes them again; review the diff before committing.
@Suite struct ConversationGoldens {
    init() { TextWidth.useUTF8Locale() }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ConversationGoldens")
    static let utc = TimeZone(identifier: "UTC")!

    func check(_ name: String, _ screen: Screen, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = Self.directory.appendingPathComponent(name + ".txt")
        let actual = screen.text.map { $0 + "|" }.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for row in 0..<max(a.count, e.count) where row >= a.count || row >= e.count || a[row] != e[row] {
            Issue.record("\(name) row \(row):\n  expected: \(row < e.count ? e[row] : "<none>")\n  actual:   \(row < a.count ? a[row] : "<none>")",
                         sourceLocation: sourceLocation)
        }
    }

    @Test func newestAt80x24() throws {
        let state = ConversationFixture.state(cols: 80, rows: 24)
        try check("newest-80x24", ConversationRenderer.render(state, now: ConversationFixture.now, timeZone: Self.utc))
    }

    @Test func newestAt120x40() throws {
        let state = ConversationFixture.state(cols: 120, rows: 40)
        try check("newest-120x40", ConversationRenderer.render(state, now: ConversationFixture.now, timeZone: Self.utc))
    }

    @Test func oldestAt80x24() throws {
        var state = ConversationFixture.state(cols: 80, rows: 24)
        _ = reduce(&state, .key(.char("g")))
        try check("oldest-80x24", ConversationRenderer.render(state, now: ConversationFixture.now, timeZone: Self.utc))
    }

    @Test func helpAt80x24() throws {
        var state = ConversationFixture.state(cols: 80, rows: 24)
        _ = reduce(&state, .key(.char("?")))
        try check("help-80x24", ConversationRenderer.render(state, now: ConversationFixture.now, timeZone: Self.utc))
    }
}
