import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Names in every script keep the columns after them in place on a real terminal: tmux
/// stores each cell where ncurses put it, so measuring the captured rows with the C
/// library's `wcwidth` (what both count with) finds every status word at the same column.
@Suite(.serialized, .ownThreads)
struct ColumnAlignmentTests {
    typealias WcWidth = @convention(c) (Int32) -> Int32

    static func columns(of text: Substring, wcwidth: WcWidth) -> Int {
        text.unicodeScalars.reduce(0) { $0 + max(0, Int(wcwidth(Int32(bitPattern: $1.value)))) }
    }

    /// The first page, and the answer to a search for the rainbow flag (🏳️‍🌈: a narrow flag, the
    /// emoji selector, a joiner and a wide rainbow, which tmux joined into one cell where
    /// curses counted three, until the joiner and the selector were no longer sent).
    @Test(arguments: ["", "🏳"])
    func statusAndTimeColumnsLineUpOnEveryRow(search: String) async throws {
        setlocale(LC_CTYPE, "C.UTF-8")
        let symbol = try #require(dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth"))
        let wcwidth = unsafeBitCast(symbol, to: WcWidth.self)
        let tmux = try TmuxHarness(command: "\(BuiltBinary.path) --demo", cols: 100, rows: 40)
        defer { tmux.close() }
        var screen = try await tmux.waitFor("the first page", timeout: 20) { $0.count >= 40 && $0[39].contains("/50+") }
        if !search.isEmpty {
            try tmux.send("/" + search, literal: true)
            screen = try await tmux.waitFor("the search's answer", timeout: 20) { screen in
                screen.count >= 40 && screen[39].contains("/\(search)") && !screen[39].contains("loading")
                    && screen[2..<39].filter { $0.unicodeScalars.contains(search.unicodeScalars.first!) }.count >= 3
            }
        }
        let statuses = ["open", "closed", "pending", "resolved", "snoozed", "● live"]
        var statusColumns: [Int: [String]] = [:]
        for row in screen[2..<39] {
            let widths = Self.columns(of: row[...], wcwidth: wcwidth)
            #expect(widths <= 100, "row wider than the terminal: \(row)")
            let hits = statuses.compactMap { word in row.range(of: " \(word) ").map { ($0.lowerBound, word) } }
            guard let first = hits.min(by: { $0.0 < $1.0 }) else { continue }
            statusColumns[Self.columns(of: row[..<first.0], wcwidth: wcwidth), default: []].append(row)
        }
        #expect(statusColumns.count == 1, "status words at several columns: \(statusColumns)")
        #expect(statusColumns.values.first?.count ?? 0 >= (search.isEmpty ? 20 : 3))
    }

    /// `list --format table` measures names as a UTF-8 terminal draws them, whatever the
    /// locale it runs in (it used to stay in the "C" locale, where every non-ASCII character
    /// counted one column: lines of a CJK or accented name came out wider or narrower).
    @Test(arguments: ["C.UTF-8", "C"])
    func listTableLinesAreAllAsWideAsTheColumns(lang: String) throws {
        setlocale(LC_CTYPE, "C.UTF-8")
        let symbol = try #require(dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth"))
        let wcwidth = unsafeBitCast(symbol, to: WcWidth.self)
        let (env, home) = try CLIBinaryTests.environment(["LANG": lang, "LC_ALL": lang])
        defer { try? FileManager.default.removeItem(at: home) }
        let result = try CLIBinaryTests.run(["list", "--demo", "--format", "table", "--no-header", "--max", "400"], env)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 400)
        #expect(lines.contains { $0.unicodeScalars.contains { $0.value >= 0x3000 } }, "wide names among them")
        var widths: [Int: [Substring]] = [:]
        for line in lines { widths[Self.columns(of: line, wcwidth: wcwidth), default: []].append(line) }
        #expect(widths.count == 1, "lines of several widths: \(widths.mapValues { $0.prefix(2) })")
    }

    @Test func sigtermExitsWith143AndRestoresTheTerminal() async throws {
        try await signalEndsTheInbox(SIGTERM, status: 143)
    }

    @Test func aCrashSignalRestoresTheTerminalThenDiesOfIt() async throws {
        try await signalEndsTheInbox(SIGSEGV, status: 128 + SIGSEGV)
    }

    func signalEndsTheInbox(_ signal: Int32, status: Int32) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chz-signal-\(getpid())-\(signal)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let pidFile = dir.appendingPathComponent("pid").path
        let before = dir.appendingPathComponent("before").path, after = dir.appendingPathComponent("after").path
        let tmux = try await InboxScreenTests.shell()
        defer { tmux.close() }
        // No backtrace for the crash: symbolicating a debug binary takes longer than the test.
        let env = signal == SIGTERM ? "" : "SWIFT_BACKTRACE=enable=no "
        try tmux.send("clear; stty -g > \(before); \(env)sh -c 'echo $$ > \(pidFile); exec \(BuiltBinary.path) --demo'; echo STATUS=$?; stty -g > \(after)", literal: true)
        try tmux.send("Enter")
        try await tmux.waitFor("the first page", timeout: 20) { InboxScreenTests.status($0).contains("/50+") }
        let pid = try #require(Int32(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, signal) == 0)
        let screen = try await tmux.waitFor("the process to exit", timeout: 30) { $0.contains { $0.hasPrefix("STATUS=") } }
        #expect(screen.contains { $0.hasPrefix("STATUS=\(status)") }, "\(screen)")
        try await tmux.waitFor("stty to run after it") { _ in FileManager.default.fileExists(atPath: after) }
        try await Task.sleep(for: .microseconds(100_000))
        #expect(try String(contentsOfFile: before, encoding: .utf8) == String(contentsOfFile: after, encoding: .utf8))
        #expect(!screen.contains { $0.contains("? help") }, "the inbox screen is gone")
    }
}
