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
