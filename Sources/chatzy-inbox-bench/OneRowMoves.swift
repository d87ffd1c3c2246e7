/// Presses a one-row move from the top of a list again and again and sorts each press by
/// whether the view scrolled (the first list row changed). After five scrolling moves, or
/// at the end of the list, the key to the top goes back up, unmeasured, so both kinds of
/// move are sampled. One press per `step()`, so two programs can be driven in turns.
struct OneRowMoves {
    /// What differs between the programs driven.
    struct Program {
        var name: String
        var pty: PseudoTerminal
        /// The one-row move and the key to the top of the list.
        var down: String
        var top: String
        /// The text of the first list row.
        var firstRow: (ScreenModel) -> String
        /// The screen says the list ends here; nil for a program that does not say so, where
        /// a press that draws nothing is taken as the end of the list, not as a miss.
        var atEnd: ((ScreenModel) -> Bool)?
        /// Waits until the program is quiet and has nothing pending.
        var settle: () throws -> Void
    }

    let program: Program
    let harness: Harness
    let samples: Int
    private(set) var inView = KeyMeasurements.Series()
    private(set) var scrolled = KeyMeasurements.Series()
    private var scrolledThisRound = 0
    private var presses = 0

    init(_ program: Program, harness: Harness, samples: Int) {
        self.program = program
        self.harness = harness
        self.samples = samples
    }

    /// Both kinds of move have their samples, or the presses ran out.
    var done: Bool {
        (inView.time.count >= samples && scrolled.time.count >= samples) || presses >= samples * 6
    }

    /// One press of the move (or of the key to the top, when a round is over).
    mutating func step() throws {
        try program.settle()
        let before = program.pty.screen
        if program.atEnd?(before) == true || (scrolledThisRound >= 5 && inView.time.count < samples) {
            backToTop()
            return
        }
        presses += 1
        let sample = harness.press(program.down, program.pty)
        if sample == nil, program.atEnd == nil {
            backToTop()
            return
        }
        if program.firstRow(program.pty.screen) != program.firstRow(before) {
            scrolled.add(sample)
            scrolledThisRound += 1
        } else {
            inView.add(sample)
        }
    }

    /// Goes back to the top, unmeasured.
    mutating func backToTop() {
        _ = harness.press(program.top, program.pty)
        scrolledThisRound = 0
    }
}
