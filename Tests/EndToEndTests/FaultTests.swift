import DemoServer
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real inbox against a demo server that misbehaves: 500s, 429s with `Retry-After`,
/// answers held past the time-out, a server killed and restarted, truncated bodies, a 401
/// in the middle of scrolling. In every case the keys keep moving the selection, the status
/// line says what happened, the inbox recovers by itself, and at the end the list holds
/// exactly the rows of a fault-free server with the same data — none lost, none twice.
@Suite(.serialized, .ownThreads)
struct FaultTests {
    /// Compares the rows with the fault-free reference, naming the first difference.
    func expectAllRows(_ run: FaultInbox, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let rows = try await run.allRows()
        let reference = try await FaultInbox.referenceRows()
        let firstDifference = zip(rows, reference).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(rows == reference, "row \(firstDifference.map { "\($0.offset + 1): \($0.element.0) ≠ \($0.element.1)" } ?? "count \(rows.count)")",
                sourceLocation: sourceLocation)
    }

    /// The offsets the server answered 200, sorted.
    func servedOffsets(_ run: FaultInbox) -> [Int] {
        run.answeredPages().filter { $0.status == 200 }.map(\.offset).sorted()
    }

    @Test func fiveHundredOnEveryThirdRequest() async throws {
        let run = try FaultInbox(server: ["--fail-every", "3"])
        defer { run.close() }
        try await run.scrollToEnd()
        #expect(run.saw("Server error (500)"), "statuses seen: \(run.statuses)")
        try await expectAllRows(run)
        try await run.quit()
        let pages = run.answeredPages()
        #expect(pages.contains { $0.status == 500 })
        #expect(servedOffsets(run) == FaultInbox.everyOffset, "each page served once: \(pages)")
    }

    @Test func rateLimitedWithRetryAfter() async throws {
        let run = try FaultInbox(server: ["--rate-limit-every", "5", "--retry-after", "2"])
        defer { run.close() }
        let limited = try await run.scroll(until: "a 429 in the status line") { status, _ in
            status.text.contains("Rate limited (429): retrying in 2s")
        }
        try await run.keyMovesWhile("the 429 is waited out") { $0.loaded == limited.loaded }
        try await run.scrollToEnd()
        try await expectAllRows(run)
        try await run.quit()
        let pages = run.answeredPages()
        #expect(pages.filter { $0.status == 429 }.count >= 2)
        #expect(servedOffsets(run) == FaultInbox.everyOffset, "each page served once: \(pages)")
        #expect(run.log.contains("Rate limited (429)"))
    }

    @Test func answersHeldPastTheTimeout() async throws {
        // The fifth request (offset 80 when nothing else failed) and every fifth after it is
        // held for 8 s; the inbox gives up after 3 s and asks again.
        let run = try FaultInbox(server: ["--stall-every", "5", "--stall-ms", "8000"], inbox: ["--timeout", "3"])
        defer { run.close() }
        let stalled = try await run.scroll(until: "the fifth request on the wire") { status, _ in
            status.loaded == 4 * FaultInbox.pageSize && status.text.contains("loading")
        }
        try await run.keyMovesWhile("the request is held by the server") { $0.loaded == stalled.loaded }
        try await run.scrollToEnd()
        #expect(run.saw("The server did not answer in time"), "statuses seen: \(run.statuses)")
        try await expectAllRows(run)
        try await run.quit()
        #expect(run.log.contains("The server did not answer in time"))
    }

    /// `list` waits out a 429 for its `Retry-After` and asks again, saying so on stderr, and
    /// prints every contact once (it used to say "retrying in 1s" and stop with status 1).
    @Test func listWaitsOutARateLimitAndGoesOn() async throws {
        let server = try DemoServerProcess(["--contacts", "100", "--rate-limit-every", "3", "--retry-after", "1"])
        defer { server.stop() }
        let (env, home) = try CLIBinaryTests.environment(server.signedIn)
        defer { try? FileManager.default.removeItem(at: home) }
        let result = try CLIBinaryTests.run(["list", "--format", "tsv", "--no-header", "--page-size", "40"], env)
        #expect(result.status == 0, "\(result.stderr)")
        let ids = result.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false)[0] }
        #expect(ids.count == 100 && Set(ids).count == 100, "every contact once")
        let notes = result.stderr.split(separator: "\n")
        #expect(notes.count == 1 && notes[0].hasPrefix("chatzy-inbox: Rate limited (429): the server asks to wait 1s; trying again in 1"), "\(result.stderr)")
        #expect(notes.first?.hasSuffix("s (retry 1 of 3)") == true, "\(result.stderr)")
    }

    /// `list` does not retry a time-out: a held answer ends it after `--timeout` with one line and status 1.
    @Test func listGivesUpAfterItsTimeout() async throws {
        let server = try DemoServerProcess(["--contacts", "10", "--stall-every", "1", "--stall-ms", "30000"])
        defer { server.stop(signal: SIGKILL) }
        let (env, home) = try CLIBinaryTests.environment(server.signedIn)
        defer { try? FileManager.default.removeItem(at: home) }
        let result = try CLIBinaryTests.run(["list", "--timeout", "1"], env)
        #expect(result.status == 1 && result.stderr.contains("The server did not answer in time"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func aTruncatedJSONBody() async throws {
        let run = try FaultInbox(server: ["--truncate-every", "3"])
        defer { run.close() }
        try await run.scrollToEnd()
        #expect(run.saw("Unreadable answer from the server"), "statuses seen: \(run.statuses)")
        try await expectAllRows(run)
        try await run.quit()
        #expect(run.log.contains("Unreadable answer from the server"))
    }

    @Test func theServerKilledMidSessionAndRestarted() async throws {
        let run = try FaultInbox(server: ["--latency-ms", "150"])
        defer { run.close() }
        try await run.scroll(until: "three pages") { status, _ in (status.loaded ?? 0) >= 3 * FaultInbox.pageSize }
        try run.tmux.send("G")
        run.killServer()
        // The page asked for by G was most likely on the wire; if it had arrived, the next G asks again.
        let down = try await run.scroll(until: "the status line to say the server is unreachable") { status, _ in
            status.text.contains("Cannot connect")
        }
        try await run.keyMovesWhile("the server is down") { $0.loaded == down.loaded }
        try run.restartServer()
        try await run.scrollToEnd()
        try await expectAllRows(run)
        try await run.quit()
        #expect(servedOffsets(run) == FaultInbox.everyOffset, "each page served once: \(run.answeredPages())")
    }

    @Test func aSessionExpiringInTheMiddleOfScrolling() async throws {
        let ttl = 8.0
        let run = try FaultInbox(server: ["--token-ttl", "\(Int(ttl))"])
        defer { run.close() }
        let prompt = "Session expired — sign in again"
        let before = try await run.scroll(until: "three pages") { status, screen in
            (status.loaded ?? 0) >= 3 * FaultInbox.pageSize || screen.contains { $0.contains(prompt) }
        }
        #expect((before.loaded ?? 0) >= FaultInbox.pageSize, "rows were loaded before the session expired")
        // Wait for the token to expire, then ask for the next page.
        let expired = run.serverStarted.addingTimeInterval(ttl + 0.5).timeIntervalSinceNow
        if expired > 0 { usleep(UInt32(expired * 1_000_000)) }
        try await run.scroll(until: "the password prompt") { _, screen in screen.contains { $0.contains(prompt) } }
        try run.tmux.send("Escape")
        let signedOut = try await run.waitFor("signed out") { status, _ in status.text.contains("signed out") }
        // Signed out, the status line says so instead of the position: follow the reverse-video row.
        let row = try #require(DemoInboxTests.selectedRow(try run.tmux.capture(escapes: true)), "a selected row")
        try run.tmux.send("k")
        try await run.tmux.waitFor("k to move the selection while signed out", escapes: true) { DemoInboxTests.selectedRow($0) == row - 1 }
        try run.tmux.send("j")
        try await run.tmux.waitFor("j to move it back", escapes: true) { DemoInboxTests.selectedRow($0) == row }
        #expect(StatusLine(try run.screen()).text.contains("signed out"), "still signed out: \(signedOut)")
        try run.tmux.send("s")
        try await run.waitFor("the prompt again") { _, screen in screen.contains { $0.contains(prompt) } }
        try run.tmux.send(DemoServerOptions.demoPassword, literal: true)
        try run.tmux.send("Enter")
        try await run.waitFor("the prompt to close") { _, screen in !screen.contains { $0.contains(prompt) } }
        try await run.scrollToEnd()
        try await expectAllRows(run)
        try await run.quit()
        let pages = run.answeredPages()
        #expect(pages.contains { $0.status == 401 })
        #expect(servedOffsets(run) == FaultInbox.everyOffset, "each page served once: \(pages)")
    }
}
