import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// htop, when it is installed: the ncurses program issue 11's one-row target was set
/// against, driven in the same kind of pty, on the same machine, in the same run, key for
/// key in turn with the inbox, so the inbox's figures can be read next to it rather than
/// next to a number from another day. Its process list is sorted by PID (the order stays
/// put) and refreshed every 10 s (a refresh seldom joins a key's frame); `↓` moves a row.
enum HtopReference {
    /// `htop` on the PATH, if any.
    static func executable() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/htop" }.first { access($0, X_OK) == 0 }
    }

    /// Starts htop at `path` in an 80x24 pty and waits for its process list.
    static func launch(_ path: String, harness: Harness) throws -> OneRowMoves.Program {
        // A home of its own: htop writes its settings there on exit.
        let home = harness.workDirectory.appendingPathComponent("htop-home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let pty = try PseudoTerminal(path: path, arguments: ["--delay=100", "--sort-key=PID"],
                                     environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": home.path,
                                                   "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
        guard pty.wait(timeout: 10_000_000_000, for: { headerRow(in: $0) != nil }) != nil else {
            pty.quit()
            throw harness.failure("htop never drew its process list", pty)
        }
        pty.settle(idle: harness.idle, timeout: 1_000_000_000)
        // htop turns the keypad on (smkx), so its keys are the SS3 forms.
        return OneRowMoves.Program(
            name: "htop ↓", pty: pty, down: "\u{1B}OB", top: "\u{1B}OH",
            // The PID alone: the rest of the row (CPU%, TIME+) changes with every refresh.
            firstRow: { screen in headerRow(in: screen).map { String(screen.line($0 + 1).split(separator: " ").first ?? "") } ?? "" },
            atEnd: nil,
            settle: { pty.settle(idle: harness.idle, timeout: 1_000_000_000) }
        )
    }

    /// The row of the list's column header ("PID USER …").
    static func headerRow(in screen: ScreenModel) -> Int? {
        (0..<screen.rows).first { screen.line($0).contains("PID") && screen.line($0).contains("Command") }
    }
}
