import Foundation
import Testing

/// The screen people look at all day, driven as a person would in a real terminal (tmux):
/// tabs, search, scrolling, resizing, the help overlay, and leaving with the terminal as it was.
@Suite(.serialized, .ownThreads)
struct InboxScreenTests {
    static func status(_ screen: [String], rows: Int = 24) -> String {
        screen.count >= rows ? screen[rows - 1] : ""
    }

    static func started(cols: Int = 80, rows: Int = 24, command: String? = nil) async throws -> TmuxHarness {
        let tmux = try TmuxHarness(command: command ?? "\(BuiltBinary.path) --demo", cols: cols, rows: rows)
        try await tmux.waitFor("the first page", timeout: 20) { screen in
            screen.count >= rows && screen[rows - 1].contains("/50+")
        }
        return tmux
    }

    @Test func tabsSwitchWithKeysAndShowTheirCounts() async throws {
        let tmux = try await Self.started()
        defer { tmux.close() }
        try tmux.send("2")
        let unread = try await tmux.waitFor("the Unread tab") { Self.status($0).contains("Unread") && $0[0].contains(#/Unread \d+/#) }
        #expect(unread[0].contains("All 50+"), "the All tab keeps its loaded count")
        try tmux.send("3")
        try await tmux.waitFor("the Live tab") { Self.status($0).contains("Live") && $0[0].contains(#/Live \d+/#) }
        try tmux.send("Tab")
        try await tmux.waitFor("Tab to wrap around to All") { Self.status($0).contains(" All") }
        try tmux.send("BTab")
        try await tmux.waitFor("Shift-Tab back to Live") { Self.status($0).contains("Live") }
    }

    @Test func searchFiltersHighlightsAndClears() async throws {
        let tmux = try await Self.started()
        defer { tmux.close() }
        try tmux.send("/")
        try tmux.send("kamau", literal: true)
        let found = try await tmux.waitFor("the search results") { screen in
            Self.status(screen).contains("/kamau")
        }
        let rows = found[2..<23].filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(!rows.isEmpty)
        for row in rows { #expect(row.lowercased().contains("kamau"), "every row matches: \(row)") }
        let escaped = try tmux.capture(escapes: true)
        #expect(escaped[2..<23].contains { $0.contains("Kamau") && $0.contains("\u{1B}[") }, "matches are highlighted")
        // Ctrl-W deletes the word, Esc leaves the search line with the unsearched list.
        try tmux.send("C-w")
        try await tmux.waitFor("the word deleted") { $0[1].trimmingCharacters(in: .whitespaces) == "/" }
        try tmux.send("Escape")
        try await tmux.waitFor("the list without a search") { screen in
            screen[1].contains("search name") && Self.status(screen).contains("/50+") && !Self.status(screen).contains("/kamau")
        }
    }

    @Test func scrollingByRowsPagesAndEnds() async throws {
        let tmux = try await Self.started()
        defer { tmux.close() }
        try tmux.send("PageDown")
        try await tmux.waitFor("one page down") { Self.status($0).contains(" 22/") }
        try tmux.send("C-u")
        try await tmux.waitFor("half a page up") { Self.status($0).contains(" 12/") }
        try tmux.send("G")
        try await tmux.waitFor("the last loaded row, then more") { screen in
            Self.status(screen).contains(#/ \d+\/(\d+)\+?/#) && !Self.status(screen).contains("/50+")
        }
        try tmux.send("g")
        try await tmux.waitFor("back at the top") { Self.status($0).contains(" 1/") }
    }

    /// Rows scrolled one at a time are shifted on the terminal, not written again: the screen
    /// they leave must be exactly what a full repaint (Ctrl-L) draws, colours included.
    @Test func scrolledRowsMatchAFullRepaint() async throws {
        // One key per frame: keys that arrive together are drawn as one bigger move.
        // 40 down (the view scrolls from row 20 on), then 25 up (it scrolls back from row 24 on).
        let up = (0..<25).map { $0 % 4 == 3 ? "Up" : "k" }
        let steps = Array(repeating: "j", count: 40).enumerated().map { ([$1], $0 + 2) }
            + up.enumerated().map { ([$1], 40 - $0) }
        let written = try await Self.walkMatchesARepaint(steps, endingAt: 16)
        // The terminal was scrolled directly (TerminalScroll): cursor saved, then the region set.
        #expect(written.contains("\u{1b}7\u{1b}[3;23r"), "no direct scroll in the pane's bytes")
    }

    /// Keys that arrive together move the selection several rows in one frame, and the view
    /// scrolls by several rows at once, both ways.
    @Test func rowsScrolledSeveralAtOnceMatchAFullRepaint() async throws {
        let down = (0..<10).map { n in (["j", "j", "j"], 1 + 3 * (n + 1)) }
        let up = (0..<8).map { n in (["k", "k", "k"], 31 - 3 * (n + 1)) }
        let written = try await Self.walkMatchesARepaint(down + up + [(["j"], 8)], endingAt: 8)
        // Direct scrolls both ways (how many rows each takes depends on how tmux hands over
        // the three keys: together or not).
        #expect(written.contains("\u{1b}7\u{1b}[3;23r\u{1b}[23;1H\n"), "no direct scroll up")
        #expect(written.contains("\u{1b}7\u{1b}[3;23r\u{1b}[3;1H\u{1b}M"), "no direct scroll down")
        let several = written.components(separatedBy: "\u{1b}[23;1H\n\n").count - 1
            + written.components(separatedBy: "\u{1b}[3;1H\u{1b}M\u{1b}M").count - 1
        print("rows scrolled several at once: \(several) of 18 three-key steps")
    }

    /// A terminal without a scroll region (tmux's `screen` description without `csr`, compiled
    /// into a private terminfo directory): curses finds and draws the scroll itself, and the
    /// screen is still what a repaint draws.
    @Test func withoutAScrollRegionRowsAreStillShiftedRight() async throws {
        let terminfo = try Self.terminalWithoutAScrollRegion()
        defer { try? FileManager.default.removeItem(atPath: terminfo) }
        let steps = Array(repeating: "j", count: 30).enumerated().map { ([$1], $0 + 2) }
            + Array(repeating: "k", count: 12).enumerated().map { ([$1], 30 - $0) }
        let written = try await Self.walkMatchesARepaint(
            steps, endingAt: 19, environment: ["TERM": "chz-noscroll", "TERMINFO": terminfo])
        #expect(!written.contains("\u{1b}7\u{1b}["), "the direct scroll needs a scroll region")
    }

    /// A terminfo directory holding `chz-noscroll`: `screen` without `csr`.
    static func terminalWithoutAScrollRegion() throws -> String {
        let directory = NSTemporaryDirectory() + "chz-terminfo-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let screen = try spawnAndWait("/usr/bin/env", ["infocmp", "-x", "screen"])
        try #require(screen.status == 0, "infocmp screen")
        var source = screen.stdout.components(separatedBy: "\n").filter { !$0.hasPrefix("#") }.joined(separator: "\n")
        source = source.replacingOccurrences(of: #"csr=[^,]*,"#, with: "", options: .regularExpression)
        source = source.replacingOccurrences(of: #"^screen\|[^,]*,"#, with: "chz-noscroll|screen without a scroll region,",
                                             options: .regularExpression)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try source.write(toFile: directory + "/source", atomically: true, encoding: .utf8)
        let compiled = try spawnAndWait("/usr/bin/env", ["tic", "-x", "-o", directory, directory + "/source"])
        try #require(compiled.status == 0, "tic: \(compiled.stdout)")
        let check = try spawnAndWait("/usr/bin/env", ["infocmp", "-x", "chz-noscroll"], environment: ["TERMINFO": directory, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
        try #require(check.status == 0 && !check.stdout.contains("csr="), "chz-noscroll has no csr")
        return directory
    }

    /// Sends each step's keys at once and waits for the status line to show its row; then
    /// checks that the screen is what Ctrl-L repaints. Returns what the walk wrote to the pane.
    static func walkMatchesARepaint(_ steps: [([String], Int)], endingAt last: Int,
                                    environment: [String: String] = [:]) async throws -> String {
        let tmux = try TmuxHarness(command: "\(BuiltBinary.path) --demo", environment: environment)
        defer { tmux.close() }
        try await tmux.waitFor("the first page", timeout: 20) { $0.count >= 24 && status($0).contains("/50+") }
        let walk = NSTemporaryDirectory() + "chz-walk-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).out"
        defer { try? FileManager.default.removeItem(atPath: walk) }
        try tmux.pipe(to: walk)
        for (keys, row) in steps {
            try tmux.send(keys)
            try await tmux.waitFor("row \(row) after \(keys)") { status($0).contains(" \(row)/") }
        }
        try await tmux.waitFor("row \(last)") { status($0).contains(" \(last)/") }
        try await Task.sleep(for: .microseconds(300_000))
        let scrolled = try tmux.capture(escapes: true)
        let walked = (try? Data(contentsOf: URL(fileURLWithPath: walk))) ?? Data()
        try tmux.send("C-l")
        try await Task.sleep(for: .microseconds(500_000))
        let repainted = try tmux.capture(escapes: true)
        let written = ((try? Data(contentsOf: URL(fileURLWithPath: walk)).count) ?? 0) - walked.count
        #expect(written > 1_500, "Ctrl-L repaints the whole screen (\(written) bytes)")
        #expect(scrolled == repainted)
        #expect(status(repainted).contains(" \(last)/"))
        return String(decoding: walked, as: UTF8.self)
    }

    @Test func resizingTo60x15AndBackKeepsTheLayout() async throws {
        let tmux = try await Self.started()
        defer { tmux.close() }
        try tmux.send("j", "j")
        try await tmux.waitFor("row 3") { Self.status($0).contains(" 3/") }
        try tmux.resize(cols: 60, rows: 15)
        let small = try await tmux.waitFor("the 60x15 layout") { screen in
            screen.count >= 15 && screen[14].contains(" 3/") && screen[0].contains("All")
        }
        for line in small.prefix(15) {
            // Characters, not columns: only zero-width marks are left out of the count.
            let visible = String(String.UnicodeScalarView(line.unicodeScalars.filter { $0.value != 0x200E }))
            #expect(visible.count <= 60, "\(line)")
        }
        try tmux.resize(cols: 10, rows: 3)
        try await tmux.waitFor("the too-small notice") { $0.first?.hasPrefix("Terminal") == true }
        try tmux.resize(cols: 1, rows: 1)
        try await Task.sleep(for: .microseconds(300_000))
        try tmux.resize(cols: 80, rows: 24)
        let back = try await tmux.waitFor("the 80x24 layout again") { screen in
            Self.status(screen).contains(" 3/") && screen[0].contains("chatzy-inbox")
        }
        #expect(back[2].count > 40, "the list is painted again")
    }

    @Test func helpOverlayListsTheKeysAndAnyKeyClosesIt() async throws {
        let tmux = try await Self.started()
        defer { tmux.close() }
        try tmux.send("?")
        let help = try await tmux.waitFor("the help overlay") { $0.contains { $0.contains("any key closes this help") } }
        for key in ["j k", "PgDn", "Ctrl-D", "Home", "1 2 3", "Tab", "/", "Esc", "r ", "q Ctrl-C", "wheel"] {
            #expect(help.contains { $0.contains(key) }, "help mentions \(key)")
        }
        try tmux.send("x")
        try await tmux.waitFor("the overlay closed") { !$0.contains { $0.contains("any key closes this help") } }
    }

    /// An interactive shell in the pane (job control, as a person has it), prompt `chz-prompt>`.
    static func shell() async throws -> TmuxHarness {
        let tmux = try TmuxHarness(command: "bash --norc --noprofile -i", environment: ["PS1": "chz-prompt> "])
        try await tmux.waitFor("a shell prompt") { $0.contains { $0.contains("chz-prompt>") } }
        return tmux
    }

    /// Types `command` (by default the inbox on the demo) at the shell's prompt and waits for
    /// the first page.
    static func startInbox(in tmux: TmuxHarness, command: String = "\(BuiltBinary.path) --demo") async throws {
        try tmux.send(command, literal: true)
        try tmux.send("Enter")
        try await tmux.waitFor("the first page", timeout: 20) { status($0).contains("/50+") }
    }

    /// Runs the inbox between two `stty -g` in an interactive shell and ends it with `keys`.
    func exitRestoresTheTerminal(keys: String, status: Int32) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chz-stty-\(getpid())-\(keys)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = dir.appendingPathComponent("before").path, after = dir.appendingPathComponent("after").path
        let tmux = try await Self.shell()
        defer { tmux.close() }
        try tmux.send("clear; stty -g > \(before); \(BuiltBinary.path) --demo; echo STATUS=$?; stty -g > \(after)", literal: true)
        try tmux.send("Enter")
        try await tmux.waitFor("the first page", timeout: 20) { Self.status($0).contains("/50+") }
        try tmux.send(keys)
        let screen = try await tmux.waitFor("the process to exit") { $0.contains { $0.hasPrefix("STATUS=") } }
        #expect(screen.contains { $0.hasPrefix("STATUS=\(status)") }, "\(screen)")
        try await tmux.waitFor("stty to run after it") { _ in FileManager.default.fileExists(atPath: after) }
        try await Task.sleep(for: .microseconds(100_000))
        let sttyBefore = try String(contentsOfFile: before, encoding: .utf8)
        let sttyAfter = try String(contentsOfFile: after, encoding: .utf8)
        #expect(!sttyBefore.isEmpty)
        #expect(sttyBefore == sttyAfter, "terminal modes restored")
        #expect(!screen.contains { $0.contains("? help") }, "the inbox screen is gone (alternate screen left)")
    }

    @Test func quittingWithQRestoresTheTerminal() async throws {
        try await exitRestoresTheTerminal(keys: "q", status: 0)
    }

    @Test func ctrlCRestoresTheTerminal() async throws {
        try await exitRestoresTheTerminal(keys: "C-c", status: 130)
    }

    /// Ctrl-Z twice, the second time with the window resized while the inbox is stopped. (Run
    /// alone, not in a list: bash goes on with a list when a job in it stops.)
    @Test func ctrlZSuspendsAndFgRedraws() async throws {
        let tmux = try await Self.shell()
        defer { tmux.close() }
        try await Self.startInbox(in: tmux)
        try tmux.send("j")
        try await tmux.waitFor("row 2") { Self.status($0).contains(" 2/") }
        let modes = ["alternate_on", "cursor_flag", "mouse_any_flag"]
        let inInbox = try tmux.modes(modes)
        #expect(inInbox == ["alternate_on": "1", "cursor_flag": "0", "mouse_any_flag": "1"])
        // Twice: the second Ctrl-Z must suspend as the first did; the second time the window
        // grows while the inbox is stopped (a stopped process is sent no SIGWINCH).
        for (round, row, rows) in [(1, 3, 24), (2, 4, 30)] {
            try tmux.send("C-z")
            try await tmux.waitFor("the shell back, the job stopped (\(round))") { screen in
                screen.contains { $0.contains("Stopped") } && !screen.contains { $0.contains("? help") }
            }
            #expect(try tmux.modes(modes) == ["alternate_on": "0", "cursor_flag": "1", "mouse_any_flag": "0"],
                    "the terminal is the shell's while the inbox is stopped (\(round))")
            if rows != 24 { try tmux.resize(cols: 100, rows: rows) }
            try tmux.send("clear; fg", literal: true)
            try tmux.send("Enter")
            try await tmux.waitFor("the inbox redrawn at \(rows) rows (\(round))") {
                Self.status($0, rows: rows).contains(" \(row - 1)/50+") && $0[0].contains("All 50+")
            }
            #expect(try tmux.modes(modes) == inInbox, "the inbox's modes are back (\(round))")
            try tmux.send("j")
            try await tmux.waitFor("keys work again (\(round))") { Self.status($0, rows: rows).contains(" \(row)/") }
        }
        try tmux.send("q")
        try await tmux.waitFor("the shell again") { screen in !screen.contains { $0.contains("? help") } }
        #expect(try tmux.modes(modes) == ["alternate_on": "0", "cursor_flag": "1", "mouse_any_flag": "0"])
    }

    /// `kill %1` on the stopped inbox (SIGTERM, then SIGCONT, in the background): it ends at
    /// once, with status 143, and does not stop again for touching the terminal from there.
    @Test func killingTheStoppedInboxEndsIt() async throws {
        let tmux = try await Self.shell()
        defer { tmux.close() }
        try await Self.startInbox(in: tmux)
        try tmux.send("C-z")
        try await tmux.waitFor("the job stopped") { screen in screen.contains { $0.contains("Stopped") } }
        try tmux.send("clear; kill %1; sleep 0.5; jobs; echo JOBS-LISTED", literal: true)
        try tmux.send("Enter")
        let screen = try await tmux.waitFor("the job list") { screen in screen.contains { $0.hasPrefix("JOBS-LISTED") } }
        #expect(screen.contains { $0.contains("Exit 143") || $0.contains("Terminated") }, "\(screen)")
        #expect(!screen.contains { $0.contains("Stopped") }, "\(screen)")
        #expect(try tmux.modes(["alternate_on", "cursor_flag", "mouse_any_flag"])
                == ["alternate_on": "0", "cursor_flag": "1", "mouse_any_flag": "0"])
    }

    /// A parent that ignores SIGTSTP (`trap '' TSTP`) is obeyed: Ctrl-Z does nothing.
    @Test func ctrlZIsIgnoredWhereTheParentIgnoresIt() async throws {
        let tmux = try await Self.shell()
        defer { tmux.close() }
        try await Self.startInbox(in: tmux, command: "(trap '' TSTP; exec \(BuiltBinary.path) --demo)")
        try tmux.send("C-z")
        try tmux.send("j")
        try await tmux.waitFor("the key after Ctrl-Z handled") { Self.status($0).contains(" 2/") }
        #expect(try tmux.modes(["alternate_on"]) == ["alternate_on": "1"], "still in the inbox")
        try tmux.send("q")
        try await tmux.waitFor("the shell again") { screen in !screen.contains { $0.contains("? help") } }
        #expect(!(try tmux.capture()).contains { $0.contains("Stopped") })
    }
}
