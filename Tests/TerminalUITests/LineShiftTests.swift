import InboxRender
@testable import TerminalUI
import Testing

/// The presenter shifts the list on the terminal only when the new frame really is the old
/// one moved, and what it believes the screen holds afterwards is what the terminal holds.
@Suite struct LineShiftTests {
    static func line(_ text: String) -> ScreenLine { ScreenLine([Span(text)]) }
    /// Rows 0 and 1 are chrome, rows 2..<12 the list of `first`...`first + 9`, row 12 the status.
    static func frame(first: Int, selected: Int? = nil) -> [ScreenLine] {
        [line("tabs"), line("search")]
            + (first..<(first + 10)).map { line($0 == selected ? "> row \($0)" : "  row \($0)") }
            + [line("status \(first)")]
    }
    static let region = 2..<12

    @Test func aScrollByOneTwoOrThreeRowsEitherWayIsFound() {
        let old = Self.frame(first: 10).map { Optional($0) }
        for shift in [1, 2, 3, -1, -2, -3] {
            #expect(LineShift.detect(old: old, new: Self.frame(first: 10 + shift), region: Self.region) == shift)
        }
    }

    @Test func aMovedSelectionStillCountsAsAScroll() {
        let old = Self.frame(first: 10, selected: 17).map { Optional($0) }
        #expect(LineShift.detect(old: old, new: Self.frame(first: 11, selected: 18), region: Self.region) == 1)
    }

    @Test func noShiftWhenRowsStayPutOrTooLittleMatches() {
        let old = Self.frame(first: 10).map { Optional($0) }
        #expect(LineShift.detect(old: old, new: Self.frame(first: 10, selected: 12), region: Self.region) == 0)
        #expect(LineShift.detect(old: old, new: Self.frame(first: 16), region: Self.region) == 0, "a page: nothing worth shifting")
        #expect(LineShift.detect(old: old, new: Self.frame(first: 500), region: Self.region) == 0)
        let unknown = [ScreenLine?](repeating: nil, count: old.count)
        #expect(LineShift.detect(old: unknown, new: Self.frame(first: 11), region: Self.region) == 0)
        #expect(LineShift.detect(old: old, new: Self.frame(first: 11), region: 2..<40) == 0, "a region past the frame")
    }

    /// The previous shift, tried first, never changes the answer: every pair of frames (moved
    /// by -4...4 rows, with and without a selection, with unknown rows) gives what trying
    /// every candidate gives, whatever shift is expected.
    @Test func theLikelyShiftNeverChangesTheAnswer() {
        var checked = 0
        for move in -4...4 {
            for selected in [nil, 13, 15, 19] {
                for unknownRow in [nil, 2, 6, 11] {
                    var old = Self.frame(first: 10, selected: selected).map { Optional($0) }
                    if let unknownRow { old[unknownRow] = nil }
                    let new = Self.frame(first: 10 + move, selected: selected.map { $0 + move })
                    let plain = LineShift.detect(old: old, new: new, region: Self.region)
                    for likely in -3...3 {
                        #expect(LineShift.detect(old: old, new: new, region: Self.region, likely: likely) == plain,
                                "move \(move), selected \(selected ?? -1), unknown \(unknownRow ?? -1), likely \(likely)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked == 9 * 4 * 4 * 7)
    }

    @Test func aRegionThatDidNotChangeIsNotShiftedEvenWhenEveryLineIsTheSame() {
        let blank = [Self.line("tabs"), Self.line("search")] + Array(repeating: Self.line(""), count: 10) + [Self.line("status")]
        #expect(LineShift.detect(old: blank.map { Optional($0) }, new: blank, region: Self.region, likely: 1) == 0)
        // Only the first row changed, above repeated rows: not a scroll either way.
        var loading = blank, empty = blank
        loading[2] = Self.line("loading…")
        empty[2] = Self.line("No contacts match")
        for likely in [1, -1] {
            #expect(LineShift.detect(old: loading.map { Optional($0) }, new: empty, region: Self.region, likely: likely) == 0)
        }
    }

    @Test func applyingAShiftLeavesTheComingRowsUnknownAndTheRestInPlace() {
        var lines = Self.frame(first: 10).map { Optional($0) }
        LineShift.apply(1, to: &lines, region: Self.region)
        let expected = Self.frame(first: 11)
        #expect(lines[0] == expected[0] && lines[1] == expected[1] && lines[12] == Self.frame(first: 10)[12])
        #expect(Array(lines[2..<11]) == expected[2..<11].map { Optional($0) })
        #expect(lines[11] == nil)
        var down = Self.frame(first: 10).map { Optional($0) }
        LineShift.apply(-2, to: &down, region: Self.region)
        #expect(down[2] == nil && down[3] == nil)
        #expect(Array(down[4..<12]) == Self.frame(first: 8)[4..<12].map { Optional($0) })
    }
}
