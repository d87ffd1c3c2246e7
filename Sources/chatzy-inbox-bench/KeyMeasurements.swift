/// Measurement 1: key to last byte of the frame, and bytes per frame, for a one-row move
/// (split into moves inside the view and moves that scroll it), a page move and a tab
/// switch to loaded data.
///
/// The server answers after 50 ms, so that a frame a key causes later (the answer to a
/// prefetch or a revalidation) comes well after the idle gap and is not counted as part of
/// the key's own frame; before every press the bench waits until nothing is loading.
/// When htop is installed, its one-row move is measured too, a press in it after each
/// press in the inbox (`HtopReference`).
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

        let inbox = OneRowMoves.Program(
            name: "j", pty: pty, down: "j", top: "g",
            firstRow: { InboxScreen($0).firstListRow },
            atEnd: { InboxScreen($0).status.contains("end of list") },
            settle: { [harness] in try harness.settle(pty) }
        )
        // The reference is optional: without htop, or when it fails, the row says why.
        var htop: OneRowMoves.Program?
        var htopMissing = "htop is not installed (apt-get install htop)"
        if let path = HtopReference.executable() {
            do { htop = try HtopReference.launch(path, harness: harness) } catch {
                htopMissing = "htop failed: " + ("\(error)".split(separator: "\n").first.map(String.init) ?? "")
            }
        }
        defer { htop?.pty.quit() }
        for moves in try oneRowMoves([inbox] + (htop.map { [$0] } ?? [])) {
            let isInbox = moves.program.name == inbox.name
            let target = isInbox ? "p50 < 0.5 ms, < 300 B" : "— (the reference)"
            report.add("\(moves.program.name) (one row, inside the view)", moves.inView.figure, target: target)
            report.add("\(moves.program.name) (one row, the view scrolls)", moves.scrolled.figure, target: target)
        }
        if htop == nil { report.add("htop ↓ (the reference)", htopMissing, target: "—") }
        // htop's refreshes stay out of the rows below.
        htop?.pty.quit()
        _ = harness.press("g", pty)
        report.add("PgDn (one page)", try pageMoves(pty).figure, target: "—")
        report.add("Tab switch 1/2 to loaded data", try tabSwitches(pty).figure, target: "—")
    }

    /// One-row moves in each program, a press in each in turn, so that a slower or quicker
    /// spell of the machine falls on all of them alike.
    private func oneRowMoves(_ programs: [OneRowMoves.Program]) throws -> [OneRowMoves] {
        var all = programs.map { OneRowMoves($0, harness: harness, samples: samples) }
        while all.contains(where: { !$0.done }) {
            for i in all.indices where !all[i].done { try all[i].step() }
        }
        return all
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
