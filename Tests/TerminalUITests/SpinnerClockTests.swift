import CNcursesw
import InboxCore
@testable import TerminalUI
import Testing

/// The spinner waits 200 ms before it shows (a quick answer never flickers), then turns
/// every 100 ms; the loop sleeps exactly until the next change.
@Suite struct SpinnerClockTests {
    final class ManualClock: @unchecked Sendable {
        var milliseconds: UInt64 = 1_000
    }

    @Test func nothingForTheFirst200MillisecondsThenAFrameEvery100() {
        let clock = ManualClock()
        var spinner = SpinnerClock { clock.milliseconds }
        #expect(spinner.millisecondsToNextTick() == nil, "not waiting: the loop may sleep")
        #expect(spinner.frame(waiting: true) == nil)
        #expect(spinner.millisecondsToNextTick() == 200)
        clock.milliseconds += 199
        #expect(spinner.frame(waiting: true) == nil)
        #expect(spinner.millisecondsToNextTick() == 1)
        clock.milliseconds += 1
        #expect(spinner.frame(waiting: true) == 0)
        #expect(spinner.millisecondsToNextTick() == 100)
        clock.milliseconds += 250
        #expect(spinner.frame(waiting: true) == 2)
        #expect(spinner.millisecondsToNextTick() == 50)
    }

    @Test func anAnswerResetsTheWait() {
        let clock = ManualClock()
        var spinner = SpinnerClock { clock.milliseconds }
        _ = spinner.frame(waiting: true)
        clock.milliseconds += 500
        #expect(spinner.frame(waiting: true) == 3)
        #expect(spinner.frame(waiting: false) == nil)
        #expect(spinner.millisecondsToNextTick() == nil)
        clock.milliseconds += 10
        #expect(spinner.frame(waiting: true) == nil, "a new wait starts from zero")
    }
}

/// Mouse reports as ncurses hands them over.
@Suite struct MouseDecodingTests {
    @Test func wheelScrollsAndTheFirstButtonClicks() {
        #expect(KeyDecoder.mouse(state: mmask_t(chz_button4_pressed()), row: 3, col: 4) == .key(.wheelUp))
        if chz_button5_pressed() != 0 {
            #expect(KeyDecoder.mouse(state: mmask_t(chz_button5_pressed()), row: 3, col: 4) == .key(.wheelDown))
        }
        #expect(KeyDecoder.mouse(state: mmask_t(chz_button1_pressed()), row: 5, col: 7) == .key(.click(row: 5, col: 7)))
        #expect(KeyDecoder.mouse(state: 0, row: 5, col: 7) == nil, "a release or a motion report does nothing")
    }

    @Test func ctrlWAndC1ControlsDecode() {
        #expect(KeyDecoder.character(0x17) == .key(.ctrl("w")))
        #expect(KeyDecoder.character(0x9B) == nil, "a C1 control is never typed into the search")
    }
}
