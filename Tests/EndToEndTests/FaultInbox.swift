import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The status line read back: ` 12/200+  All  loading…        ? help  q quit`.
struct StatusLine: CustomStringConvertible {
    let text: String
    /// The selected row, from 1.
    let position: Int?
    /// Rows loaded so far.
    let loaded: Int?
    /// More rows may follow (`+` after the count).
    let more: Bool

    /// The last non-blank line of `screen`.
    init(_ screen: [String]) {
        text = screen.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.trimmingCharacters(in: .whitespaces) ?? ""
        let first = text.split(separator: " ").first.map(String.init) ?? ""
        let parts = first.split(separator: "/", maxSplits: 1).map(String.init)
        position = parts.first.flatMap { Int($0) }
        more = parts.count == 2 && parts[1].hasSuffix("+")
        loaded = parts.count == 2 ? Int(parts[1].replacingOccurrences(of: "+", with: "")) : nil
    }

    var description: String { text }
}

/// The real inbox in tmux (80x24) against a `DemoServerProcess` with fault knobs, with the
/// helpers the fault tests share: every status line seen while waiting is recorded (so a
/// fault shown only for half a second is still noticed), scrolling to the end with `G`, and
/// all loaded rows read at once by making the terminal as tall as the list.
final class FaultInbox {
    /// Contacts on the server and contacts per request: 10 pages.
    static let contacts = 200
    static let pageSize = 20

    private(set) var server: DemoServerProcess
    let serverArguments: [String]
    let tmux: TmuxHarness
    let logPath: String
    /// The server's request log (one JSON line per request; a restarted server appends).
    let requestLogPath: String
    let directory: URL
    /// When the first server had printed its token (the token was issued before this).
    let serverStarted: Date
    /// Every distinct status line seen, in the order first seen.
    private(set) var statuses: [String] = []

    /// Starts a server with `serverArguments` (plus the contact count) and the inbox against it.
    init(server serverArguments: [String], inbox inboxArguments: [String] = []) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("chz-fault-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        logPath = directory.appendingPathComponent("inbox.log").path
        requestLogPath = directory.appendingPathComponent("requests.jsonl").path
        self.serverArguments = ["--contacts", "\(Self.contacts)", "--request-log", requestLogPath] + serverArguments
        server = try DemoServerProcess(self.serverArguments)
        serverStarted = Date()
        let arguments = ["--page-size", "\(Self.pageSize)", "--refresh-interval", "0", "--log-file", logPath,
                         "--log-level", "debug"] + inboxArguments
        tmux = try TmuxHarness(command: ([BuiltBinary.path] + arguments).joined(separator: " "),
                               environment: server.signedIn.merging([
                                   "XDG_CONFIG_HOME": directory.path + "/config", "XDG_STATE_HOME": directory.path + "/state",
                               ]) { _, new in new })
        try tmux.pipe(to: terminalOutputPath)
    }

    deinit { close() }

    /// Stops the inbox and the server (killed: a graceful stop would wait for held requests).
    func close() {
        tmux.close()
        server.stop(signal: SIGKILL)
        try? FileManager.default.removeItem(at: directory)
    }

    /// Kills the server outright (SIGKILL: connections in flight are reset, nothing is finished).
    func killServer() { server.stop(signal: SIGKILL) }

    /// Starts the server again on the same port, with the same data, accepting the inbox's token.
    func restartServer(extra: [String] = []) throws {
        let port = Int(server.url.split(separator: ":").last ?? "") ?? 0
        server = try DemoServerProcess(serverArguments + ["--accept-token", server.token] + extra, port: port)
    }

    /// The screen, its status line recorded.
    @discardableResult
    func screen() throws -> [String] {
        let screen = try tmux.capture()
        record(screen)
        return screen
    }

    private func record(_ screen: [String]) {
        let status = StatusLine(screen).text
        if statuses.last != status, !statuses.contains(status) { statuses.append(status) }
    }

    /// Waits until `condition` holds for the status line (and screen), recording every status.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 45,
                 _ condition: (StatusLine, [String]) -> Bool) async throws -> StatusLine {
        let screen = try await tmux.waitFor(what, timeout: timeout) { screen in
            record(screen)
            return condition(StatusLine(screen), screen)
        }
        return StatusLine(screen)
    }

    /// Every byte the inbox wrote to the terminal (tmux `pipe-pane`).
    var terminalOutputPath: String { directory.appendingPathComponent("terminal.out").path }

    /// True once some status line seen so far contained `text`, or the inbox wrote it to the
    /// terminal (a status shown for half a second between two captures is still noticed).
    func saw(_ text: String) -> Bool {
        if statuses.contains(where: { $0.contains(text) }) { return true }
        let written = FileManager.default.contents(atPath: terminalOutputPath) ?? Data()
        return String(decoding: written, as: UTF8.self).contains(text)
    }

    /// Waits for the first page.
    @discardableResult
    func waitForFirstPage() async throws -> StatusLine {
        try await waitFor("the first page") { status, _ in (status.loaded ?? 0) >= Self.pageSize }
    }

    /// Presses `G` (last loaded row, which asks for the next page) and waits for that page,
    /// through whatever the server does meanwhile, until `condition` holds for the status line
    /// and the screen; returns that status line.
    @discardableResult
    func scroll(until what: String, _ condition: (StatusLine, [String]) -> Bool) async throws -> StatusLine {
        var loaded = try await waitForFirstPage().loaded ?? 0
        for _ in 0..<(2 * Self.contacts / Self.pageSize + 5) {
            let now = try screen()
            if condition(StatusLine(now), now) { return StatusLine(now) }
            try tmux.send("G")
            let status = try await waitFor("more than \(loaded) rows loaded, or \(what)") { status, screen in
                condition(status, screen) || (status.loaded ?? 0) > loaded || (status.loaded == Self.contacts && !status.more)
            }
            loaded = status.loaded ?? loaded
        }
        let status = StatusLine(try screen())
        Issue.record("scrolled to the end without \(what): \(status); statuses seen: \(statuses)")
        return status
    }

    /// Scrolls until every contact is loaded and the last one selected.
    func scrollToEnd() async throws {
        try await scroll(until: "every contact loaded") { status, _ in status.loaded == Self.contacts && !status.more }
        try tmux.send("G")
        let last = try await waitFor("the last contact selected") { status, _ in
            status.position == Self.contacts && status.loaded == Self.contacts && !status.more
        }
        #expect(last.text.contains("end of list"), "\(last)")
    }

    /// Presses `k` and waits for the selection to move up one row while `during` still holds
    /// (the fault is still in effect: the awaited page has not arrived). Returns the status.
    @discardableResult
    func keyMovesWhile(_ what: String, _ during: (StatusLine) -> Bool) async throws -> StatusLine {
        let before = StatusLine(try screen())
        let from = try #require(before.position, "a selection before k: \(before)")
        try tmux.send("k")
        let after = try await waitFor("k to move the selection from \(from)") { status, _ in status.position == from - 1 }
        #expect(during(after), "k answered while \(what): \(after)")
        try tmux.send("j")
        try await waitFor("j to move it back") { status, _ in status.position == from }
        return after
    }

    /// Every loaded row at once: `g`, then a terminal as tall as the list, read without the
    /// time column (it counts from each server's start). The terminal goes back to 80x24.
    func allRows() async throws -> [String] {
        try tmux.send("g")
        try await waitFor("the first row selected") { status, _ in status.position == 1 }
        try tmux.resize(cols: 80, rows: Self.contacts + 3)
        let screen = try await tmux.waitFor("every row on a tall screen", timeout: 30) { screen in
            screen.count >= Self.contacts + 3 && !screen[Self.contacts + 1].trimmingCharacters(in: .whitespaces).isEmpty
                && StatusLine(screen).position == 1
        }
        try tmux.resize(cols: 80, rows: 24)
        return screen[2..<(Self.contacts + 2)].map(Self.withoutTime)
    }

    /// A row without its last 6 cells (the right-aligned time of the latest message).
    static func withoutTime(_ row: String) -> String {
        String(row.dropLast(6)).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }

    /// Quits with q and expects status 0.
    func quit() async throws {
        try tmux.send("q")
        let screen = try await tmux.waitFor("the inbox to exit", timeout: 20) { $0.contains { $0.contains("EXIT=") } }
        #expect(screen.contains { $0.contains("EXIT=0") })
    }

    /// The inbox's log.
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// The server's answers to contact pages, in order: (offset, status).
    func answeredPages() -> [(offset: Int, status: Int)] {
        let text = (try? String(contentsOfFile: requestLogPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  object["path"] as? String == "/get_contact_conversations",
                  let query = object["query"] as? String, let status = object["status"] as? Int,
                  let offset = query.split(separator: "&").first(where: { $0.hasPrefix("offset=") })
                      .flatMap({ Int($0.dropFirst("offset=".count)) })
            else { return nil }
            return (offset, status)
        }
    }

    /// Every page offset the list needs (the last one answers empty), each once.
    static var everyOffset: [Int] { Array(stride(from: 0, through: contacts, by: pageSize)) }

    /// The rows of a fault-free server with the same seed and size, read the same way: what
    /// every fault run must end with. Computed once per test process.
    static func referenceRows() async throws -> [String] {
        try await referenceCache.rows {
            let run = try FaultInbox(server: [])
            defer { run.close() }
            try await run.waitForFirstPage()
            return try await run.tallRowsAfterLoadingEverything()
        }
    }

    private static let referenceCache = ReferenceCache()

    /// Runs the reference once; every caller awaits the same run.
    private actor ReferenceCache {
        private var run: Task<[String], any Error>?

        func rows(_ make: @escaping @Sendable () async throws -> [String]) async throws -> [String] {
            if let run { return try await run.value }
            let started = Task { try await make() }
            run = started
            return try await started.value
        }
    }

    /// On a terminal as tall as the list the inbox prefetches everything by itself.
    private func tallRowsAfterLoadingEverything() async throws -> [String] {
        try tmux.resize(cols: 80, rows: Self.contacts + 3)
        let screen = try await tmux.waitFor("every row loaded on a tall screen", timeout: 30) { screen in
            let status = StatusLine(screen)
            return screen.count >= Self.contacts + 3 && status.loaded == Self.contacts && !status.more
        }
        return screen[2..<(Self.contacts + 2)].map(Self.withoutTime)
    }
}
