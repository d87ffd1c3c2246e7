import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Quit signals and crashes must leave the terminal exactly as it was: the tty modes
/// (`stty -g` before and after), the alternate screen left, the shell usable.
@Suite(.serialized, .ownThreads)
struct SignalRestoreTests {
    /// Runs the inbox on its demo in tmux between two `stty -g` snapshots, waits for the first
    /// page, sends `signal` to the inbox process and returns (exit line, stty before, stty after, screen).
    func runAndSignal(_ signal: Int32) async throws -> (exit: String, before: String, after: String, screen: [String]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chz-stty-\(getpid())-\(signal)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = dir.appendingPathComponent("before").path, after = dir.appendingPathComponent("after").path
        let tmux = try TmuxHarness(command: "stty -g > \(before); echo shell-was-here; \(BuiltBinary.path) --demo; "
                                   + "code=$?; stty -g > \(after); echo; echo EXIT=$code")
        defer { tmux.close() }
        try await tmux.waitFor("the first page") { screen in screen.contains { $0.contains("/50+") } }
        let pid = try #require(try tmux.childPID(named: "chatzy-inbox"), "the inbox process is found")
        kill(pid, signal)
        let screen = try await tmux.waitFor("the shell to report the exit", timeout: 60) { $0.contains { $0.contains("EXIT=") } }
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "missing" }
        return (Self.exitLine(in: screen), read(before), read(after), screen)
    }

    /// "EXIT=<status>" from the first line that reports one, whatever stands before it on
    /// that line: keys tmux delivers after the restore are echoed by the tty, and one that
    /// lands between `echo` and `echo EXIT=` is in front of it.
    static func exitLine(in screen: [String]) -> String {
        guard let line = screen.first(where: { $0.contains("EXIT=") }), let at = line.range(of: "EXIT=") else { return "" }
        return "EXIT=" + line[at.upperBound...].prefix { $0.isNumber }
    }

    @Test(arguments: [(SIGINT, 130), (SIGTERM, 143), (SIGHUP, 129)])
    func aQuitSignalExitsCleanlyAndRestoresTheTerminal(signal: Int32, status: Int) async throws {
        let run = try await runAndSignal(signal)
        #expect(run.exit == "EXIT=\(status)")
        #expect(run.before == run.after, "stty -g unchanged")
        #expect(run.screen.contains { $0.contains("shell-was-here") }, "the alternate screen was left")
        #expect(!run.screen.contains { $0.contains("Unread") })
    }

    @Test(arguments: [SIGSEGV, SIGABRT])
    func aCrashRestoresTheTerminalBeforeDying(signal: Int32) async throws {
        let run = try await runAndSignal(signal)
        #expect(run.exit == "EXIT=\(128 + signal)", "the crash is re-raised, not swallowed")
        #expect(run.before == run.after, "stty -g unchanged")
        // Swift's backtrace may scroll the shell's first line away; the inbox must be gone.
        #expect(!run.screen.contains { $0.contains("Unread") && $0.contains("Live") }, "the alternate screen was left")
    }

    /// A real fault on a background thread (the debug build's `CHATZY_DEBUG_FAULT` hook) while
    /// keys are arriving: the terminal is restored and stays restored. Before the curses gate,
    /// a signal during the crash woke the run loop, which drew one more frame and so entered
    /// the alternate screen and raw mode again, in about one crash in ten; the bytes after the
    /// last exit from the alternate screen show it every time it happens.
    @Test func aFaultOnAnotherThreadLeavesTheTerminalRestoredForGood() async throws {
        // A server in a process of its own, as in use: with `--demo` (the server's threads in
        // the inbox's process) 18 rounds without the gate never showed the race.
        let server = try DemoServerProcess(["--contacts", "60"])
        defer { server.stop() }
        for round in 1...8 {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chz-fault-\(getpid())-\(round)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let before = dir.appendingPathComponent("before").path, after = dir.appendingPathComponent("after").path
            let pane = dir.appendingPathComponent("pane").path
            let tmux = try TmuxHarness(command: "stty -g > \(before); \(BuiltBinary.path) --refresh-interval 0 2> \(dir.path)/stderr; "
                                       + "code=$?; stty -g > \(after); echo; echo EXIT=$code",
                                       environment: server.signedIn.merging(["CHATZY_DEBUG_FAULT": "1",
                                                     "SWIFT_BACKTRACE": "enable=yes,interactive=no,color=no,preset=full,symbolicate=off"]) { $1 })
            defer { tmux.close() }
            try tmux.pipe(to: pane)
            try await tmux.waitFor("the first page") { screen in screen.contains { $0.contains("/50+") } }
            let pid = try #require(try tmux.childPID(named: "chatzy-inbox"), "the inbox process is found")
            // Keys tmux delivers after the restore are echoed by the tty in front of the exit
            // line, so the exit is reported on a line of its own (`echo; echo EXIT=`).
            try tmux.send(Array(repeating: "j", count: 30).joined(), literal: true)
            kill(pid, SIGUSR2)
            let screen = try await tmux.waitFor("the shell to report the exit", timeout: 60) { $0.contains { $0.contains("EXIT=") } }
            let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "missing" }
            #expect(Self.exitLine(in: screen) == "EXIT=139",
                    "round \(round): died of the fault; the screen:\n\(screen.joined(separator: "\n"))")
            #expect(read(before) == read(after), "round \(round): stty -g unchanged")
            let bytes = FileManager.default.contents(atPath: pane) ?? Data()
            let leave = Data("\u{1B}[?1049l".utf8), enter = Data("\u{1B}[?1049h".utf8)
            let lastLeave = try #require(bytes.range(of: leave, options: .backwards), "round \(round): the alternate screen was left")
            #expect(bytes[lastLeave.upperBound...].range(of: enter) == nil, "round \(round): entered again after the restore")
        }
    }
}

extension TmuxHarness {
    /// The pid of the pane's descendant process whose command name is `name`.
    func childPID(named name: String) throws -> pid_t? {
        let shell = try spawnAndWait("/usr/bin/env", ["tmux", "-L", socket, "list-panes", "-t", "0", "-F", "#{pane_pid}"])
        guard let root = Int32(shell.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        var queue = [root]
        while let pid = queue.popLast() {
            let comm = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if pid != root, comm == name { return pid }
            let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
            for task in tasks {
                let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)) ?? ""
                queue += children.split(separator: " ").compactMap { Int32($0) }
            }
        }
        return nil
    }
}
