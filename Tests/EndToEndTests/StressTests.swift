import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What a real terminal can throw at the inbox: a tiny window, a storm of resizes, a huge
/// paste, a key held down. It must keep answering, draw the final state and stay small.
@Suite(.serialized, .ownThreads)
struct StressTests {
    static func hasContacts(_ screen: [String]) -> Bool { screen.contains { $0.contains("/50+") } }

    /// Resident memory of `pid` in KiB.
    static func residentKiB(_ pid: pid_t) -> Int {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    /// Starts the demo inbox and waits for its first page; returns the harness and the pid.
    func startInbox(cols: Int = 80, rows: Int = 24) async throws -> (TmuxHarness, pid_t) {
        let tmux = try TmuxHarness(command: "\(BuiltBinary.path) --demo", cols: cols, rows: rows)
        try await tmux.waitFor("the inbox process") { _ in (try? tmux.childPID(named: "chatzy-inbox")) != nil }
        let pid = try #require(try tmux.childPID(named: "chatzy-inbox"))
        return (tmux, pid)
    }

    /// Quits with q and expects a clean exit.
    func quit(_ tmux: TmuxHarness) async throws {
        try tmux.send("Escape")
        try tmux.send("q")
        let screen = try await tmux.waitFor("the inbox to exit", timeout: 20) { $0.contains { $0.contains("EXIT=") } }
        #expect(screen.contains { $0.contains("EXIT=0") })
    }

    @Test func aTinyTerminalNeverCrashesAndRecoversWhenEnlarged() async throws {
        let (tmux, pid) = try await startInbox(cols: 10, rows: 3)
        defer { tmux.close() }
        try await Task.sleep(for: .microseconds(1_500_000))
        #expect(kill(pid, 0) == 0, "still running at 10x3")
        for (cols, rows) in [(1, 1), (3, 2), (20, 4), (10, 3)] {
            try tmux.resize(cols: cols, rows: rows)
            try await Task.sleep(for: .microseconds(200_000))
            #expect(kill(pid, 0) == 0, "still running at \(cols)x\(rows)")
        }
        try tmux.resize(cols: 80, rows: 24)
        try await tmux.waitFor("contacts at 80x24", Self.hasContacts)
        try await quit(tmux)
    }

    @Test func aThousandResizesEndAtTheFinalSize() async throws {
        let (tmux, _) = try await startInbox()
        defer { tmux.close() }
        try await tmux.waitFor("the first page", Self.hasContacts)
        for n in 0..<1_000 {
            try tmux.resize(cols: 40 + n % 80, rows: 8 + n % 30)
        }
        try tmux.resize(cols: 100, rows: 30)
        let screen = try await tmux.waitFor("the list redrawn at 100x30", timeout: 20) { screen in
            screen.count >= 30 && screen[29].contains("/50+")
        }
        #expect(screen[0].contains("Live"), "the tab bar is redrawn at the final size")
        try tmux.send("j")
        try await tmux.waitFor("a key still answered") { $0.contains { $0.contains("2/50+") } }
        try await quit(tmux)
    }

    @Test func tenKilobytesPastedIntoSearchAndAKeyHeldDown() async throws {
        let (tmux, pid) = try await startInbox()
        defer { tmux.close() }
        try await tmux.waitFor("the first page", Self.hasContacts)
        let before = Self.residentKiB(pid)

        try tmux.send("/")
        let paste = String(repeating: "Søren 刘 +1555 ", count: 10_240 / 16)
        try tmux.send(paste, literal: true)
        try await tmux.waitFor("the paste to land in the search line", timeout: 20) { screen in
            screen.count > 1 && screen[1].contains("+1555")
        }
        try tmux.send("C-u")
        try tmux.send("Escape")
        try await tmux.waitFor("the list back after clearing the search", timeout: 20, Self.hasContacts)

        for _ in 0..<5 {
            try tmux.send(contentsOf: Array(repeating: "j", count: 1_000))
        }
        // Keys at this rate outrun any network: the selection runs to the end of what is loaded
        // (more loads meanwhile). What matters is that the inbox keeps up and keeps answering.
        func position(_ screen: [String]) -> Int {
            guard let status = screen.last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return 0 }
            return status.split(separator: "/").first.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0
        }
        let held = try await tmux.waitFor("the selection to run down the loaded rows", timeout: 30) { position($0) >= 50 }
        try await Task.sleep(for: .microseconds(500_000))
        let settled = position(try tmux.capture())
        try tmux.send("k")
        let screen = try await tmux.waitFor("one more key answered at once", timeout: 10) { position($0) == settled - 1 }
        #expect(position(held) >= 50)
        #expect(kill(pid, 0) == 0)
        let after = Self.residentKiB(pid)
        print("STRESS RSS before \(before) KiB, after paste and 5,000 keys \(after) KiB; selection at \(position(screen))")
        #expect(after - before < 200 * 1024, "memory stays bounded (grew \(after - before) KiB)")
        try await quit(tmux)
    }
}

extension TmuxHarness {
    /// Sends many keys in one `send-keys` call, as fast as tmux can write them.
    func send(contentsOf keys: [String]) throws {
        let result = try spawnAndWait("/usr/bin/env", ["tmux", "-L", socket, "send-keys", "-t", "0"] + keys)
        if result.status != 0 { throw HarnessError.tmuxFailed("send-keys x\(keys.count)", result.status) }
    }
}
