import ChatzyAPI
import Foundation
import InboxCore
@testable import InboxRender
import Testing

/// The layout holds at every size, columns drop in their order, and every script lines up.
@Suite struct LayoutTests {
    init() { TextWidth.useUTF8Locale() }

    @Test func everySizeDownToNothingRendersWithoutCrashing() {
        let full = RenderFixtures.search(rows: 24, cols: 80)
        var sizes: [(Int, Int)] = []
        for rows in [0, 1, 2, 3, 4, 5, 6, 8, 24] { for cols in 0...130 { sizes.append((rows, cols)) } }
        for cols in [1, 2, 19, 20, 21, 40, 80, 119, 120, 200] { for rows in 0...45 { sizes.append((rows, cols)) } }
        for (rows, cols) in sizes {
            var state = full
            _ = reduce(&state, .resize(rows: rows, cols: cols))
            for mode in [InboxState.Mode.search, .list, .help] {
                state.mode = mode
                let screen = InboxRenderer.render(state, now: RenderFixtures.now)
                #expect(screen.lines.count == rows, "\(cols)x\(rows)")
                for line in screen.text where TextWidth.width(of: line) != cols {
                    Issue.record("\(cols)x\(rows) \(mode): a line is \(TextWidth.width(of: line)) wide: \(line)")
                }
                if let cursor = screen.cursor {
                    #expect(cursor.row < rows && cursor.col < cols, "\(cols)x\(rows): cursor \(cursor)")
                }
            }
        }
    }

    @Test func belowTheMinimumOneLineSaysSo() {
        for (rows, cols) in [(1, 1), (4, 80), (24, 19), (3, 10)] {
            var state = RenderFixtures.allTab(rows: 24, cols: 80)
            _ = reduce(&state, .resize(rows: rows, cols: cols))
            let screen = InboxRenderer.render(state, now: RenderFixtures.now)
            let expected = TextWidth.fit(cols >= 30 ? "Terminal too small: 20x5 at least" : "Terminal too small", to: cols)
            #expect(screen.text.first == expected)
            #expect(screen.text.dropFirst().allSatisfy { $0.allSatisfy { $0 == " " } })
        }
    }

    @Test(arguments: [
        (200, [true, true, true, true]), (80, [true, true, true, true]), (64, [true, true, true, true]),
        (63, [true, true, false, true]), (51, [true, true, false, true]), (50, [false, true, false, true]),
        (39, [false, true, false, true]), (38, [false, false, false, true]), (19, [false, false, false, true]),
        (18, [false, false, false, false]),
    ])
    func columnsDropAgentThenChannelsThenStatusThenTime(width: Int, shown: [Bool]) {
        let c = RowColumns(width: width)
        #expect([c.channels > 0, c.status > 0, c.agent > 0, c.time > 0] == shown, "at \(width): \(c)")
        let used = RowColumns.badge + c.name + [c.channels, c.status, c.agent, c.time].filter { $0 > 0 }.map { $0 + 1 }.reduce(0, +)
        #expect(used == width)
    }

    /// Where the status column starts on a row: it is the column after the name, so every
    /// script must put it at the same place.
    @Test func columnsAfterTheNameLineUpInEveryScript() {
        let names = ["Priya Kamau", "विक्रम गुप्ता", "प्रिया पटेल", "Arjun 👨‍👩‍👧", "刘浩然", "أحمد الحسن", "נועה מזרחי",
                     "Liam 🇯🇵", "Zalgo Z̷̢̛̛a̸̧͎l̶̰̈g̵̯̈́o̴̧̍", "e\u{301}\u{301}\u{301}x", "ห้องสมุด", "한국어 이름", String(repeating: "長", count: 40)]
        for width in [40, 60, 80, 120] {
            var starts: Set<Int> = []
            for name in names {
                let contact = Contact(id: name, name: name, conversationStatus: "zzstatus", latestMessageTime: RenderFixtures.now)
                let line = ContactRow.line(for: contact, width: width, options: RenderOptions(now: RenderFixtures.now), selected: false, search: "")
                let text = line.text
                guard let range = text.range(of: "zzstatus") else { Issue.record("no status at \(width)"); continue }
                starts.insert(TextWidth.width(of: text[..<range.lowerBound]))
                #expect(TextWidth.width(of: text) == width)
            }
            #expect(starts.count == 1, "the status column moves with the name at \(width): \(starts)")
        }
    }

    @Test func rightToLeftFieldsEndWithALeftToRightMark() {
        let contact = Contact(id: "r", name: "أحمد الحسن", conversationStatus: "open", latestMessageTime: RenderFixtures.now)
        let line = ContactRow.line(for: contact, width: 80, options: RenderOptions(now: RenderFixtures.now), selected: false, search: "")
        #expect(line.text.contains("أحمد الحسن\u{200E}"))
        let latin = ContactRow.line(for: Contact(id: "l", name: "Ana"), width: 80, options: RenderOptions(now: RenderFixtures.now), selected: false, search: "")
        #expect(!latin.text.unicodeScalars.contains { $0.value == 0x200E })
    }

    @Test func truncationCutsByColumnsWithAnEllipsis() {
        #expect(TextWidth.truncate("刘浩然刘浩然", to: 7) == "刘浩然…")
        #expect(TextWidth.truncate("刘浩然刘浩然", to: 6) == "刘浩…")
        #expect(TextWidth.truncate("abc", to: 3) == "abc")
        #expect(TextWidth.truncate("abcd", to: 3, ellipsis: "~") == "ab~")
        #expect(TextWidth.truncate("e\u{301}e\u{301}e\u{301}", to: 2) == "e\u{301}…", "a combining mark stays with its letter")
        #expect(TextWidth.width(of: "विक्रम") == 5, "spacing vowel signs count, virama does not (as wcwidth and tmux count)")
        #expect(TextWidth.width(of: "🇯🇵") == 2)
        #expect(TextWidth.width(of: "👨‍👩‍👧") == 6, "ncurses drops the joiners and draws three emoji")
    }

    @Test func searchMatchesAreMarkedInNameEmailOrPhone() {
        #expect(MatchHighlight.offsets(of: "kam", in: "Priya Kamau") == Set(6..<9))
        #expect(MatchHighlight.offsets(of: "sofia", in: "Sofía") == Set(0..<5), "accents are ignored")
        #expect(MatchHighlight.offsets(of: "x", in: "Sofía").isEmpty)
        #expect(MatchHighlight.offsets(of: "5551234", in: "+1 (555) 123-4") == Set(4...13), "digits match across formatting")
        let byEmail = Contact(id: "e", name: "Olivia", email: "okamura@example.com")
        let (text, marks) = ContactRow.nameField(byEmail, search: "kam", glyphs: .unicode)
        #expect(text == "Olivia  okamura@example.com")
        #expect(marks == Set(9..<12))
        let row = ContactRow.line(for: byEmail, width: 80, options: RenderOptions(now: RenderFixtures.now), selected: false, search: "kam")
        #expect(row.spans.contains { $0.style == .match && $0.text == "kam" })
        let selected = ContactRow.line(for: byEmail, width: 80, options: RenderOptions(now: RenderFixtures.now), selected: true, search: "kam")
        #expect(selected.spans.contains { $0.style == .selectedMatch && $0.text == "kam" })
        #expect(selected.spans.allSatisfy { $0.style == .selected || $0.style == .selectedMatch }, "the selection covers the whole row")
    }

    @Test func relativeTimesFitTheirColumn() {
        let now = RenderFixtures.now
        let cases: [(TimeInterval, String)] = [(10, "now"), (300, "5m"), (3 * 3600, "3h"), (2 * 86_400, "2d"),
                                               (20 * 86_400, "Nov 5"), (400 * 86_400, "Oct'24")]
        for (ago, expected) in cases {
            #expect(RelativeTime.short(now.addingTimeInterval(-ago), now: now, none: "—") == expected)
        }
        #expect(RelativeTime.short(nil, now: now, none: "-") == "-")
    }

    /// Inside the range `unchanged` gives, an age reads as it does at `now`; for ages under a
    /// week the range ends exactly where the text changes (the row cache relies on both).
    @Test func anAgeReadsTheSameForAsLongAsItsRangeSays() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(seed >> 11) / Double(1 << 53)
        }
        let texts = { (date: Date?, instant: Double) in
            let at = Date(timeIntervalSinceReferenceDate: instant)
            return [RelativeTime.short(date, now: at, none: "-"), RelativeTime.format(date, now: at)]
        }
        var checked = 0
        for _ in 0..<3000 {
            let now = RenderFixtures.now.addingTimeInterval(next() * 3 * 365 * 86_400)
            // Ages from a minute ahead to three years, most of them under a week.
            let spreads: [Double] = [120, 7200, 8 * 86_400, 3 * 365 * 86_400]
            let spread = spreads[Int(next() * 4)]
            let date: Date? = next() < 0.02 ? nil : now.addingTimeInterval(60 - next() * spread)
            let range = RelativeTime.unchanged(date, from: now)
            let instant = now.timeIntervalSinceReferenceDate
            #expect(range.contains(instant))
            let expected = texts(date, instant)
            let low = range.lowerBound.isFinite ? range.lowerBound : instant - 1e9
            let high = range.upperBound.isFinite ? range.upperBound.nextDown : instant + 1e9
            for sample in [low, high, low + (high - low) * next(), low + (high - low) * next()] {
                #expect(texts(date, sample) == expected, "date \(String(describing: date)), now \(now), at \(sample)")
            }
            if let date, now.timeIntervalSince(date) < 7 * 86_400 {
                #expect(texts(date, range.upperBound) != expected, "the range ends where the text changes")
            }
            checked += 1
        }
        #expect(checked == 3000)
    }
}
