/// Measurement 1: key to last byte of the frame, and bytes per frame, for a one-row move
/// (split into moves inside the view and moves that scroll it), a page move and a tab
/// switch to loaded data.
///
/// The server answers after 50 ms, so that a frame a key causes later (the answer to a
/// prefetch or a revalidation) comes well after the idle gap and is not counted as part of
/// the key's own frame; before every press the bench waits until nothing is loading.
struct KeyMeasurements {
    let harness: Harness
    let samples: Int
    let contacts: Int

    /// Time and size of the frames one kind of key caused.
    struct Series {
        var time = Samples()
        var bytes = Samples()
        var missed = 0

        mutating func add(_ sample: (milliseconds: Double, bytes: Int)?) {
            guard let sample else { missed += 1; return }
            time.add(sample.milliseconds)
            bytes.add(Double(sample.bytes))
        }

        var figure: String {
            var text = "\(Format.p50p99(time)); \(Format.bytes(bytes)) (n=\(time.count))"
            if missed > 0 { text += ", \(missed) keys drew nothing" }
            return text
        }
    }

    func run(into report: inout Report) throws {
        report.add("Floor: pty round trip (cat in raw mode)", try floor().figure, target: "—")
        let server = try harness.startServer(contacts: contacts, latencyMilliseconds: 50)
        defer { server.stop() }
        let pty = try harness.launch(server)
        defer { pty.quit() }
        try harness.firstPage(pty)
        try harness.settle(pty)

        let (inView, scrolled) = try oneRowMoves(pty)
        let target = "p50 < 0.5 ms, < 300 B"
        report.add("j (one row, inside the view)", inView.figure, target: target)
        report.add("j (one row, the view scrolls)", scrolled.figure, target: target)
        report.add("PgDn (one page)", try pageMoves(pty).figure, target: "—")
        report.add("Tab switch 1/2 to loaded data", try tabSwitches(pty).figure, target: "—")
    }

    /// The same measurement of a program that only echoes: `cat` behind `stty raw -echo`.
    /// What the pty and this machine's scheduling add to every figure below.
    private func floor() throws -> Series {
        let pty = try PseudoTerminal(path: "/bin/sh", arguments: ["-c", "stty raw -echo; exec cat"], environment: ["PATH": "/usr/bin:/bin"])
        defer { pty.quit(timeout: 100_000_000) }
        // Wait until cat echoes: then stty has run.
        var echoed = false
        for _ in 0..<50 where !echoed {
            pty.send(".")
            echoed = pty.burst(idle: harness.idle, timeout: 100_000_000).bytes > 0
        }
        guard echoed else { throw BenchError("cat in the pty never echoed") }
        var series = Series()
        for _ in 0..<samples {
            pty.settle(idle: harness.idle, timeout: 1_000_000_000)
            series.add(harness.press("j", pty))
        }
        return series
    }

    /// Presses j from the top; after five scrolling moves `g` goes back up (unmeasured), so
    /// both kinds of move are sampled. A move scrolled when the first list row changed.
    private func oneRowMoves(_ pty: PseudoTerminal) throws -> (Series, Series) {
        var inView = Series(), scrolled = Series()
        var scrolledThisRound = 0
        var presses = 0
        while (inView.time.count < samples || scrolled.time.count < samples) && presses < samples * 6 {
            try harness.settle(pty)
            let before = InboxScreen(pty.screen)
            if before.status.contains("end of list") || (scrolledThisRound >= 5 && inView.time.count < samples) {
                _ = harness.press("g", pty)
                scrolledThisRound = 0
                continue
            }
            presses += 1
            let sample = harness.press("j", pty)
            if InboxScreen(pty.screen).firstListRow != before.firstListRow {
                scrolled.add(sample)
                scrolledThisRound += 1
            } else {
                inView.add(sample)
            }
        }
        _ = harness.press("g", pty)
        return (inView, scrolled)
    }

    /// PgDn from the top down; at the end of the list `g` goes back up (unmeasured).
    private func pageMoves(_ pty: PseudoTerminal) throws -> Series {
        var series = Series()
        while series.time.count + series.missed < samples {
            try harness.settle(pty)
            if InboxScreen(pty.screen).status.contains("end of list") {
                _ = harness.press("g", pty)
                continue
            }
            series.add(harness.press("\u{1B}[6~", pty))
        }
        _ = harness.press("g", pty)
        return series
    }

    /// Loads Unread once, then alternates 2 and 1: each switch shows rows already loaded
    /// (and revalidates them in the background, which the wait for 50 ms keeps apart).
    private func tabSwitches(_ pty: PseudoTerminal) throws -> Series {
        _ = harness.press("2", pty)
        try harness.settle(pty)
        _ = harness.press("1", pty)
        try harness.settle(pty)
        var series = Series()
        for i in 0..<samples {
            try harness.settle(pty)
            series.add(harness.press(i % 2 == 0 ? "2" : "1", pty))
        }
        return series
    }
}
