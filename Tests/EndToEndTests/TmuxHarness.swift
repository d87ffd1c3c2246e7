import Foundation

/// Drives a program in a real terminal: a private tmux server (its own socket), one pane of a
/// fixed size, keys sent with `send-keys`, the screen read with `capture-pane`. The server is
/// killed by its socket when the harness is closed.
final class TmuxHarness {
    let socket: String
    private(set) var closed = false

    /// Starts `command` in a detached session of `cols` x `rows`.
    init(command: String, cols: Int = 80, rows: Int = 24, environment: [String: String] = [:]) throws {
        socket = "chz-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        var env = ["SWIFT_BACKTRACE": "interactive=no", "LANG": "C.UTF-8"]
        env.merge(environment) { _, new in new }
        let exports = env.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        try run(["-f", "/dev/null", "new-session", "-d", "-x", "\(cols)", "-y", "\(rows)",
                 // EXIT= on a line of its own: a crash can leave the cursor in the last column.
                 "env \(exports) sh -c '\(command); code=$?; echo; echo EXIT=$code; exec sleep 600'"])
    }

    deinit { close() }

    /// Kills this harness's tmux server (and only it).
    func close() {
        guard !closed else { return }
        closed = true
        do { try run(["kill-server"]) } catch { print("TmuxHarness: could not stop \(socket): \(error)") }
    }

    /// Sends keys as tmux names them (`j`, `Down`, `C-c`, `Escape`, literal text with `literal`).
    func send(_ keys: String..., literal: Bool = false) throws {
        try send(keys, literal: literal)
    }

    /// Sends `keys` with one `send-keys`: the program reads them together, as from a held key.
    func send(_ keys: [String], literal: Bool = false) throws {
        try run(["send-keys", "-t", "0"] + (literal ? ["-l"] : []) + keys)
    }

    /// Appends every byte the program writes to the pane to `path` (tmux `pipe-pane`).
    func pipe(to path: String) throws {
        try run(["pipe-pane", "-t", "0", "-o", "cat >> '\(path)'"])
    }

    func resize(cols: Int, rows: Int) throws {
        try run(["resize-window", "-t", "0", "-x", "\(cols)", "-y", "\(rows)"])
    }

    /// The visible screen as lines; with `escapes`, including SGR attribute sequences.
    func capture(escapes: Bool = false) throws -> [String] {
        let out = try run(["capture-pane", "-p", "-t", "0"] + (escapes ? ["-e"] : []))
        return out.components(separatedBy: "\n")
    }

    /// The pane's modes as tmux tracks them (`alternate_on`, `cursor_flag`, `mouse_any_flag`…),
    /// by name.
    func modes(_ names: [String]) throws -> [String: String] {
        let format = names.map { "#{\($0)}" }.joined(separator: "|")
        let values = try run(["display-message", "-p", "-t", "0", format])
            .trimmingCharacters(in: .newlines).components(separatedBy: "|")
        return Dictionary(zip(names, values)) { first, _ in first }
    }

    /// Polls the screen until `condition` holds; returns the screen, or throws after `timeout`.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 10, escapes: Bool = false,
                 _ condition: ([String]) -> Bool) async throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            // Checked once more after the deadline: a late wake-up is not the inbox's fault.
            let screen = try capture(escapes: escapes)
            if condition(screen) { return screen }
            if Date() >= deadline { throw HarnessError.timedOut(what, screen.joined(separator: "\n")) }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        // Output goes to a file, never a pipe: the command that starts the tmux server would
        // hand it the pipe, and the server keeps it open for its whole life.
        let result = try spawnAndWait("/usr/bin/env", ["tmux", "-L", socket] + arguments)
        guard result.status == 0 else {
            throw HarnessError.tmuxFailed(arguments.joined(separator: " "), result.status)
        }
        return result.stdout
    }

    enum HarnessError: Error, CustomStringConvertible {
        case timedOut(String, String)
        case tmuxFailed(String, Int32)

        var description: String {
            switch self {
            case .timedOut(let what, let screen): return "timed out waiting for \(what); screen:\n\(screen)"
            case .tmuxFailed(let args, let status): return "tmux \(args) exited \(status)"
            }
        }
    }
}

/// Where the built `chatzy-inbox` binary is: beside the test bundle, or `CHATZY_INBOX_BIN`.
enum BuiltBinary {
    static var path: String {
        if let explicit = ProcessInfo.processInfo.environment["CHATZY_INBOX_BIN"] { return explicit }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("chatzy-inbox").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../.build/debug/chatzy-inbox").standardized.path
    }
}
